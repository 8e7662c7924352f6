/**
 * Hash aggregation: assigns each row a group id from its key values, feeds columnar aggregate
 * states, then evaluates the output expressions over [keys..., aggregate results...].
 * A pipeline breaker: output comes after all input is consumed.
 */
import type { Attr, Call, Expr, NamedExpr } from "../../plan/expr/expr.js";
import { transform } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { exprKey } from "../../plan/expr/equality.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { GroupKeyTable } from "../../values/group-keys.js";
import type * as A from "apache-arrow";
import { evaluateVector, typedKernelsEnabled } from "../expr/evaluate-vector.js";
import { buildData } from "../../columnar/convert/build.js";
import { GroupTable } from "../aggregate/group-table.js";
import { KeyCoder, isCodableKey } from "../aggregate/key-codes.js";
import { acceptsVector, typedAccumulator } from "../aggregate/typed-accumulators.js";

const NULLS = (n: number): unknown[] => new Array<unknown>(n).fill(null);
import type { AggregateFunctionDef, AggregateState } from "../../functions/registry.js";
import { StructField, StructType, byteType, longType, type DataType } from "../../types/data-types.js";
import { internalError } from "../../errors/pijar-error.js";

export class HashAggregateExec extends PhysicalOperator {
  readonly name = "HashAggregate";
  private readonly aggCalls: Call[] = [];
  private readonly resultExprs: Expr[];
  private readonly keyTypes: DataType[];

  constructor(
    output: readonly Attr[],
    readonly child: PhysicalOperator,
    /** Group keys, bound to the child's output. */
    readonly keys: readonly Expr[],
    /** Output expressions, bound to the child's output. */
    readonly aggs: readonly NamedExpr[],
    readonly groupingSets: readonly (readonly number[])[] | null,
  ) {
    super(output, [child]);
    this.keyTypes = keys.map((k) => typeOfExpr(k));
    const keyIndex = new Map(keys.map((k, i) => [exprKey(k), i]));
    const aggIndex = new Map<string, number>();
    // First pass: the distinct aggregate calls; second: outputs over [keys..., aggs..., gid, grouping(k)...].
    for (const a of aggs) {
      transform(a.kind === "alias" ? a.child : a, (x) => {
        if (x.kind === "call" && x.fn.kind === "agg") {
          const k = exprKey(x);
          if (!aggIndex.has(k)) {
            aggIndex.set(k, this.aggCalls.length);
            this.aggCalls.push(x);
          }
          return x;
        }
        return undefined;
      });
    }
    const gidIndex = keys.length + this.aggCalls.length;
    this.resultExprs = aggs.map((a) =>
      transform(a.kind === "alias" ? a.child : a, (x) => {
        if (x.kind === "call" && x.fn.kind === "agg") {
          const i = aggIndex.get(exprKey(x))!;
          return { kind: "bound", index: keys.length + i, dataType: x.dataType, nullable: x.nullable, name: exprName(x) };
        }
        if (x.kind === "call" && x.fn.name === "grouping_id") {
          return { kind: "bound", index: gidIndex, dataType: x.dataType, nullable: false, name: "grouping_id()" };
        }
        if (x.kind === "call" && x.fn.name === "grouping") {
          const k = keyIndex.get(exprKey(x.args[0]!)) ?? 0;
          return { kind: "bound", index: gidIndex + 1 + k, dataType: x.dataType, nullable: false, name: exprName(x) };
        }
        const ki = keyIndex.get(exprKey(x));
        if (ki !== undefined && x.kind !== "literal") return { kind: "bound", index: ki, dataType: typeOfExpr(x), nullable: true, name: exprName(x) };
        return undefined;
      }),
    );
  }

  override get pipelineBreaker(): boolean {
    return true;
  }

  describe(): string {
    const sets = this.groupingSets ? ` sets=${JSON.stringify(this.groupingSets)}` : "";
    return `keys=[${this.keys.map(exprName).join(", ")}], functions=[${this.aggCalls.map(exprName).join(", ")}]${sets}`;
  }

  /**
   * Typed path when every key can be coded as an int32 and every aggregate has a typed
   * accumulator; otherwise the value path. Decided from types alone, before any batch.
   */
  private typedEligible(): boolean {
    if (!typedKernelsEnabled()) return false;
    if (this.groupingSets && this.groupingSets.length !== 1) return false;
    if (this.groupingSets && this.groupingSets[0]!.length !== this.keys.length) return false;
    if (!this.keyTypes.every(isCodableKey)) return false;
    return this.aggCalls.every((c) => typedAccumulator(c) !== undefined);
  }

  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    if (this.typedEligible()) {
      yield* this.emit(ctx, await this.aggregateTyped(ctx));
      return;
    }
    yield* this.emit(ctx, await this.aggregateValues(ctx));
  }

  /** Group ids from int32 key codes in a typed hash table; typed accumulators. */
  private async aggregateTyped(ctx: ExecContext): Promise<Aggregated> {
    const nk = this.keys.length;
    const coders = this.keyTypes.map((t) => new KeyCoder(t));
    const table = new GroupTable(nk);
    const accs = this.aggCalls.map((c) => typedAccumulator(c)!);
    let numGroups = nk === 0 ? 1 : 0;
    for (const a of accs) a.grow(Math.max(numGroups, 1));
    for await (const b of this.child.execute(ctx)) {
      ctx.job.checkCancelled();
      const n = b.numRows;
      if (n === 0) continue;
      const gids = new Int32Array(n);
      if (nk > 0) {
        const codes = this.keys.map((k, j) => {
          const v = vectorOf(k, this.keyTypes[j]!, b, ctx);
          return coders[j]!.encode(v) ?? coders[j]!.encode(buildData(this.keyTypes[j]!, evaluate(k, b, ctx.fn)))!;
        });
        table.assign(codes, n, gids);
        numGroups = table.size;
      }
      for (let a = 0; a < accs.length; a++) {
        const call = this.aggCalls[a]!;
        const args = call.args.map((e) => {
          const t = typeOfExpr(e);
          const v = vectorOf(e, t, b, ctx);
          return acceptsVector(call, v) ? v : buildData(t, evaluate(e, b, ctx.fn));
        });
        accs[a]!.grow(numGroups);
        accs[a]!.update(gids, n, args);
      }
    }
    const groupKeys: unknown[][] = this.keys.map(() => new Array<unknown>(numGroups));
    if (nk > 0) {
      const w = table.width;
      const tuples = table.tuples;
      for (let g = 0; g < numGroups; g++) {
        const nulls = tuples[g * w + nk]!;
        for (let j = 0; j < nk; j++) groupKeys[j]![g] = (nulls >> j) & 1 ? null : coders[j]!.decode(tuples[g * w + j]!);
      }
    }
    for (const a of accs) a.grow(numGroups);
    return {
      numGroups, groupKeys, groupSetIds: new Array<number>(numGroups).fill(0),
      results: numGroups === 0 ? [] : accs.map((a) => a.finish(numGroups)),
      sets: [this.keys.map((_, i) => i)],
    };
  }

  private async aggregateValues(ctx: ExecContext): Promise<Aggregated> {
    const sets = this.groupingSets ?? [this.keys.map((_, i) => i)];
    const table = new GroupKeyTable();
    const groupKeys: unknown[][] = this.keys.map(() => []);
    const groupSetIds: number[] = [];
    const states: AggregateState[] = this.aggCalls.map((c) => (c.fn as AggregateFunctionDef).create(c, ctx.fn));
    let numGroups = 0;
    const global = this.keys.length === 0;
    if (global) {
      numGroups = 1;
      groupSetIds.push(0);
      for (const s of states) s.grow(1);
    }
    for await (const b of this.child.execute(ctx)) {
      ctx.job.checkCancelled();
      const n = b.numRows;
      const keyCols = this.keys.map((k) => evaluate(k, b, ctx.fn));
      const argCols = this.aggCalls.map((c) => c.args.map((a) => evaluate(a, b, ctx.fn)));
      const filters = this.aggCalls.map((c) => (c.filter ? evaluate(c.filter, b, ctx.fn) : null));
      for (let s = 0; s < sets.length; s++) {
        const inSet = new Set(sets[s]);
        // One set naming every key groups by the keys as they are; any other set masks the rest.
        const masked = sets.length > 1 || sets[s]!.length !== keyCols.length;
        const setCols = masked ? keyCols.map((c, k) => (inSet.has(k) ? c : NULLS(n))) : keyCols;
        const gids = new Int32Array(n);
        if (!global) {
          const prefix = sets.length > 1 ? s + "|" : "";
          let row = 0;
          const onNew = () => {
            for (let k = 0; k < setCols.length; k++) groupKeys[k]!.push(setCols[k]![row]);
            groupSetIds.push(s);
          };
          for (let i = 0; i < n; i++) {
            row = i;
            gids[i] = table.idOf(setCols, i, onNew, prefix);
          }
          numGroups = table.size;
        }
        for (let a = 0; a < states.length; a++) {
          states[a]!.grow(numGroups);
          const f = filters[a];
          if (f) {
            const rows: number[] = [];
            for (let i = 0; i < n; i++) if (f[i] === true) rows.push(i);
            const sub = Int32Array.from(rows, (r) => gids[r]!);
            states[a]!.update(sub, argCols[a]!.map((col) => rows.map((r) => col[r])), rows.length);
          } else states[a]!.update(gids, argCols[a]!, n);
        }
      }
    }
    if (numGroups === 0) return { numGroups, groupKeys, groupSetIds, results: [], sets };
    for (const s of states) s.grow(numGroups);
    const results = states.map((s) => s.finish(numGroups));
    return { numGroups, groupKeys, groupSetIds, results, sets };
  }

  /** Evaluates the output expressions over [keys..., aggregate results..., grouping ids...]. */
  private async *emit(ctx: ExecContext, agg: Aggregated): AsyncGenerator<Batch> {
    const { numGroups, groupKeys, groupSetIds, results, sets } = agg;
    if (numGroups === 0) return;
    const interFields = [
      ...this.keys.map((k, i) => new StructField(`k${i}`, this.keyTypes[i]!, true)),
      ...this.aggCalls.map((c, i) => new StructField(`a${i}`, c.dataType, true)),
      new StructField("gid", longType, false),
      ...this.keys.map((_, i) => new StructField(`g${i}`, byteType, false)),
    ];
    // grouping_id(): a bit per key, 1 when the key is aggregated away in that grouping set.
    const gid = groupSetIds.map((s) => {
      let bits = 0;
      const set = new Set(sets[s]);
      for (let k = 0; k < this.keys.length; k++) bits = (bits << 1) | (set.has(k) ? 0 : 1);
      return bits;
    });
    const nk = this.keys.length;
    const perKey = this.keys.map((_, k) => gid.map((bits) => (bits >> (nk - 1 - k)) & 1));
    const interCols = [...groupKeys, ...results, gid, ...perKey];
    for (let start = 0; start < numGroups; start += ctx.batchSize) {
      const end = Math.min(numGroups, start + ctx.batchSize);
      const inter = Batch.fromValues(new StructType(interFields), interCols.map((c) => c.slice(start, end)), end - start);
      const cols = this.resultExprs.map((e) => evaluate(e, inter, ctx.fn));
      yield Batch.fromValues(this.schema, cols, end - start);
    }
  }
}

/** What one aggregation produced, before the output expressions. */
interface Aggregated {
  numGroups: number;
  groupKeys: unknown[][];
  groupSetIds: number[];
  results: unknown[][];
  sets: readonly (readonly number[])[];
}

/** An expression's value over a batch as a vector: a typed kernel's, or built from values. */
function vectorOf(e: Expr, t: DataType, b: Batch, ctx: ExecContext): A.Data {
  if (e.kind === "bound") return b.column(e.index);
  return evaluateVector(e, b, ctx.fn) ?? buildData(t, evaluate(e, b, ctx.fn));
}

function typeOfExpr(e: Expr): DataType {
  switch (e.kind) {
    case "bound":
    case "literal":
    case "call": return e.dataType;
    case "cast": return e.to;
    case "alias": return typeOfExpr(e.child);
    case "case": return e.dataType!;
    default: throw internalError(`no type for ${e.kind}`);
  }
}
