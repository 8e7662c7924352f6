/**
 * Joins by hashing the right side (the build side, a pipeline breaker) and streaming the left.
 * Equality keys come from the condition's `a = b` conjuncts; the rest of the condition is
 * checked on candidate pairs. Without keys it degrades to a nested loop (cross joins).
 * Null keys never match, as SQL's `=`.
 */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import type { JoinType } from "../../plan/logical/plan.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type * as A from "apache-arrow";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { joinKey } from "../../values/group-keys.js";
import { collectAll } from "./collect-all.js";
import { schemaOf } from "../operator.js";

export class HashJoinExec extends PhysicalOperator {
  readonly name: string;
  constructor(
    output: readonly Attr[],
    readonly left: PhysicalOperator,
    readonly right: PhysicalOperator,
    readonly joinType: JoinType,
    readonly leftKeys: readonly Expr[],
    readonly rightKeys: readonly Expr[],
    /** Checked on [left columns..., right columns...]. */
    readonly residual: Expr | null,
    readonly text: string,
  ) {
    super(output, [left, right]);
    this.name = leftKeys.length ? "HashJoin" : "NestedLoopJoin";
  }
  override get pipelineBreaker(): boolean {
    return true;
  }
  /** The left side streams through; the right side is read whole into the hash table first. */
  override get childRoles(): readonly string[] {
    return ["probe", "build"];
  }
  describe(): string {
    return `${this.joinType}${this.text ? ", " + this.text : ""}`;
  }

  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const build = await collectAll(this.right.execute(ctx), this.right.schema, ctx);
    const rightN = build.numRows;
    const table = new Map<unknown, number[]>();
    if (this.rightKeys.length) {
      const keys = this.rightKeys.map((k) => evaluate(k, build, ctx.fn));
      for (let r = 0; r < rightN; r++) {
        const key = joinKey(keys, r);
        if (key === null) continue;
        const list = table.get(key);
        if (list) list.push(r);
        else table.set(key, [r]);
      }
    }
    const allRight = Array.from({ length: rightN }, (_, i) => i);
    const rightMatched = this.joinType === "right" || this.joinType === "full" ? new Uint8Array(rightN) : null;
    const pairSchema = schemaOf([...this.left.output, ...this.right.output]);
    const type = this.joinType;

    for await (const lb of this.left.execute(ctx)) {
      ctx.job.checkCancelled();
      const n = lb.numRows;
      const lk = this.leftKeys.map((k) => evaluate(k, lb, ctx.fn));
      // Candidate pairs.
      let li: number[] = [];
      let ri: number[] = [];
      for (let i = 0; i < n; i++) {
        let cands: number[] | undefined;
        if (this.leftKeys.length) {
          const key = joinKey(lk, i);
          cands = key === null ? undefined : table.get(key);
        } else cands = allRight;
        if (cands) for (const r of cands) { li.push(i); ri.push(r); }
      }
      if (this.residual && li.length) {
        const pairs = gather(pairSchema, lb, build, li, ri);
        const ok = evaluate(this.residual, pairs, ctx.fn);
        const li2: number[] = [];
        const ri2: number[] = [];
        for (let k = 0; k < li.length; k++) if (ok[k] === true) { li2.push(li[k]!); ri2.push(ri[k]!); }
        li = li2;
        ri = ri2;
      }
      if (rightMatched) for (const r of ri) rightMatched[r] = 1;
      if (type === "left_semi" || type === "left_anti") {
        const hit = new Uint8Array(n);
        for (const i of li) hit[i] = 1;
        const keep: number[] = [];
        for (let i = 0; i < n; i++) if ((hit[i] === 1) === (type === "left_semi")) keep.push(i);
        if (keep.length) yield lb.take(keep).withSchema(this.schema);
        continue;
      }
      if (type === "left" || type === "full") {
        // Add unmatched left rows (right side null), keeping left order.
        const hit = new Uint8Array(n);
        for (const i of li) hit[i] = 1;
        const li3: number[] = [];
        const ri3: number[] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          if (hit[i]) {
            while (k < li.length && li[k] === i) { li3.push(i); ri3.push(ri[k]!); k++; }
          } else { li3.push(i); ri3.push(-1); }
        }
        li = li3;
        ri = ri3;
      }
      if (li.length) yield gather(this.schema, lb, build, li, ri);
    }
    if (rightMatched) {
      const rest: number[] = [];
      for (let r = 0; r < rightN; r++) if (!rightMatched[r]) rest.push(r);
      for (let s = 0; s < rest.length; s += ctx.batchSize) {
        const part = rest.slice(s, s + ctx.batchSize);
        yield gather(this.schema, null, build, part.map(() => -1), part);
      }
    }
  }
}

/** Builds [left columns..., right columns...] rows for index pairs; -1 means a null side. */
function gather(schema: ReturnType<typeof schemaOf>, left: Batch | null, right: Batch, li: number[], ri: number[]): Batch {
  const n = li.length;
  const cols: (unknown[] | A.Data)[] = [];
  const leftWidth = schema.fields.length - right.schema.fields.length;
  // The streamed side is the big one: when every pair has a left row, its columns are
  // gathered as vectors (Batch.take), so they are never boxed into values.
  if (left && leftWidth > 0 && li.every((i) => i >= 0)) {
    const taken = left.take(Int32Array.from(li));
    for (let c = 0; c < leftWidth; c++) cols.push(taken.hasVector(c) ? taken.column(c) : taken.values(c));
  } else for (let c = 0; c < leftWidth; c++) {
    const src = left ? left.values(c) : [];
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) out[k] = li[k]! < 0 ? null : src[li[k]!];
    cols.push(out);
  }
  for (let c = 0; c < right.schema.fields.length; c++) {
    const src = right.values(c);
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) out[k] = ri[k]! < 0 ? null : src[ri[k]!];
    cols.push(out);
  }
  return Batch.of(schema, cols, n);
}

export { exprName };
