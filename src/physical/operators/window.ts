/**
 * Window functions: gathers all rows (a pipeline breaker), sorts them by partition and order
 * keys once per distinct window spec, then computes each function partition by partition.
 * Aggregates over frames that start at UNBOUNDED PRECEDING are computed incrementally.
 */
import type { Attr, Call, Expr, FrameBound, NamedExpr, WindowExpr, WindowFrame } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { exprName, windowSpecText } from "../../plan/expr/sql-text.js";
import { keyOf, comparatorFor } from "../../values/compare.js";
import { rowComparator } from "./sort-util.js";
import { collectAll } from "./collect-all.js";
import type { AggregateFunctionDef, WindowFunctionDef } from "../../functions/registry.js";
import type { DataType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";

export class WindowExec extends PhysicalOperator {
  readonly name = "Window";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly windowExprs: readonly NamedExpr[], readonly typeOfExpr: (e: Expr) => DataType) {
    super(output, [child]);
  }
  override get pipelineBreaker(): boolean {
    return true;
  }
  describe(): string {
    return `[${this.windowExprs.map((w) => `${exprName(w.kind === "alias" ? w.child : w)} AS ${w.kind === "alias" ? w.name : w.name}`).join(", ")}]`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const all = await collectAll(this.child.execute(ctx), this.child.schema, ctx);
    const n = all.numRows;
    const results: unknown[][] = [];
    for (const named of this.windowExprs) {
      const w = (named.kind === "alias" ? named.child : named) as WindowExpr;
      results.push(this.compute(w, all, n, ctx));
    }
    const cols = [...all.schema.fields.map((_, i) => all.values(i)), ...results];
    const full = Batch.fromValues(this.schema, cols, n);
    for (let s = 0; s < n; s += ctx.batchSize) yield full.slice(s, s + ctx.batchSize);
  }

  private compute(w: WindowExpr, all: Batch, n: number, ctx: ExecContext): unknown[] {
    const out = new Array<unknown>(n).fill(null);
    const spec = w.spec;
    const partCols = spec.partitionBy.map((p) => evaluate(p, all, ctx.fn));
    const orderCols = spec.orderBy.map((o) => evaluate(o.child, all, ctx.fn));
    const orderTypes = spec.orderBy.map((o) => this.typeOfExpr(o.child));
    // Partition rows by key, keeping input order inside each partition before sorting.
    const parts = new Map<string, number[]>();
    for (let r = 0; r < n; r++) {
      let k = "";
      for (const c of partCols) k += keyOf(c[r]) + "\u0001";
      const list = parts.get(k);
      if (list) list.push(r);
      else parts.set(k, [r]);
    }
    const cmp = rowComparator(spec.orderBy, orderTypes, orderCols);
    const call = w.fn as Call;
    const args = call.args.map((a) => evaluate(a, all, ctx.fn));
    for (const rows of parts.values()) {
      ctx.job.checkCancelled();
      if (spec.orderBy.length) rows.sort(cmp);
      const m = rows.length;
      const isNewPeer = new Uint8Array(m);
      for (let i = 0; i < m; i++) isNewPeer[i] = i === 0 || peerDiff(orderCols, rows[i - 1]!, rows[i]!, orderTypes) ? 1 : 0;
      const partArgs = args.map((col) => rows.map((r) => col[r]));
      let vals: unknown[];
      if (call.fn.kind === "window") {
        vals = (call.fn as WindowFunctionDef).evalPartition(partArgs, m, isNewPeer, call, ctx.fn);
      } else if (call.fn.kind === "agg") {
        const frame = spec.frame ?? defaultFrame(spec.orderBy.length > 0);
        vals = aggregateOverFrame(call, partArgs, m, isNewPeer, frame, spec.orderBy.length ? rows.map((r) => orderCols[0]![r]) : null, spec.orderBy[0]?.ascending ?? true, ctx);
      } else {
        throw new PijarError("UNSUPPORTED_FEATURE", { feature: `${call.fn.name} over a window (${windowSpecText(spec)})` });
      }
      for (let i = 0; i < m; i++) out[rows[i]!] = vals[i];
    }
    return out;
  }
}

function peerDiff(cols: readonly unknown[][], a: number, b: number, types: readonly DataType[]): boolean {
  for (let k = 0; k < cols.length; k++) {
    const x = cols[k]![a];
    const y = cols[k]![b];
    if (x == null || y == null) {
      if (x == null && y == null) continue;
      return true;
    }
    if (comparatorFor(types[k]!)(x, y) !== 0) return true;
  }
  return false;
}

function defaultFrame(ordered: boolean): WindowFrame {
  return ordered
    ? { frameType: "range", lower: { type: "unbounded_preceding" }, upper: { type: "current_row" } }
    : { frameType: "rows", lower: { type: "unbounded_preceding" }, upper: { type: "unbounded_following" } };
}

/** Frame [lo, hi] (inclusive, partition-relative) of row i. */
function frameBounds(frame: WindowFrame, i: number, m: number, peerStart: Int32Array, peerEnd: Int32Array, orderVals: unknown[] | null, asc: boolean): [number, number] {
  const bound = (b: FrameBound, isLower: boolean): number => {
    switch (b.type) {
      case "unbounded_preceding": return 0;
      case "unbounded_following": return m - 1;
      case "current_row":
        if (frame.frameType === "rows") return i;
        return isLower ? peerStart[i]! : peerEnd[i]!;
      case "offset": {
        if (frame.frameType === "rows") return i + b.value;
        // RANGE offset over a numeric order key.
        const v = orderVals![i] as number | null;
        if (v == null) return isLower ? peerStart[i]! : peerEnd[i]!;
        const target = asc ? v + b.value : v - b.value;
        if (isLower) {
          let j = i;
          while (j > 0 && inRange(orderVals![j - 1], target, asc, true)) j--;
          while (j < m && !inRange(orderVals![j], target, asc, true)) j++;
          return j;
        }
        let j = i;
        while (j < m - 1 && inRange(orderVals![j + 1], target, asc, false)) j++;
        return j;
      }
    }
  };
  return [Math.max(0, bound(frame.lower, true)), Math.min(m - 1, bound(frame.upper, false))];
}

function inRange(v: unknown, target: number, asc: boolean, lower: boolean): boolean {
  if (v == null) return false;
  const x = v as number;
  if (asc) return lower ? x >= target : x <= target;
  return lower ? x <= target : x >= target;
}

function aggregateOverFrame(call: Call, args: unknown[][], m: number, isNewPeer: Uint8Array, frame: WindowFrame, orderVals: unknown[] | null, asc: boolean, ctx: ExecContext): unknown[] {
  const def = call.fn as AggregateFunctionDef;
  const peerStart = new Int32Array(m);
  const peerEnd = new Int32Array(m);
  for (let i = 0; i < m; i++) peerStart[i] = isNewPeer[i] ? i : peerStart[i - 1]!;
  for (let i = m - 1; i >= 0; i--) peerEnd[i] = i === m - 1 || isNewPeer[i + 1] ? i : peerEnd[i + 1]!;
  const out = new Array<unknown>(m);
  const slice = (lo: number, hi: number) => args.map((a) => a.slice(lo, hi + 1));
  // Whole partition: one computation.
  if (frame.lower.type === "unbounded_preceding" && frame.upper.type === "unbounded_following") {
    const st = def.create(call, ctx.fn);
    st.grow(1);
    st.update(new Int32Array(m), args, m);
    const v = st.finish(1)[0];
    out.fill(v);
    return out;
  }
  // Running frames: feed rows in order, read the state after each frame end.
  if (frame.lower.type === "unbounded_preceding") {
    const st = def.create(call, ctx.fn);
    st.grow(1);
    let fed = 0;
    for (let i = 0; i < m; i++) {
      const [, hi] = frameBounds(frame, i, m, peerStart, peerEnd, orderVals, asc);
      if (hi + 1 > fed) {
        const a = slice(fed, hi);
        st.update(new Int32Array(hi + 1 - fed), a, hi + 1 - fed);
        fed = hi + 1;
      }
      // The state keeps growing: copy array results (collect_list) so earlier rows keep theirs.
      const v = hi < 0 ? finishEmpty(def, call, ctx) : st.finish(1)[0];
      out[i] = Array.isArray(v) ? v.slice() : v;
    }
    return out;
  }
  for (let i = 0; i < m; i++) {
    const [lo, hi] = frameBounds(frame, i, m, peerStart, peerEnd, orderVals, asc);
    const st = def.create(call, ctx.fn);
    st.grow(1);
    if (hi >= lo) st.update(new Int32Array(hi - lo + 1), slice(lo, hi), hi - lo + 1);
    out[i] = st.finish(1)[0];
  }
  return out;
}

function finishEmpty(def: AggregateFunctionDef, call: Call, ctx: ExecContext): unknown {
  const st = def.create(call, ctx.fn);
  st.grow(1);
  return st.finish(1)[0];
}
