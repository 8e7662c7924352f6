/** Global sort: gathers all rows, sorts row indexes, emits in order. A pipeline breaker. */
import type { Attr, Expr, SortOrder } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { rowComparator } from "./sort-util.js";
import type { DataType } from "../../types/data-types.js";
import { collectAll } from "./collect-all.js";
import { evaluateVector, typedKernelsEnabled } from "../expr/evaluate-vector.js";
import { isNumberVector, numbersOf, validBytes } from "../../columnar/vector.js";

export class SortExec extends PhysicalOperator {
  readonly name = "Sort";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly orders: readonly SortOrder[], readonly keyTypes: readonly DataType[], readonly limit: number | null = null) {
    super(output, [child]);
  }
  override get pipelineBreaker(): boolean {
    return true;
  }
  describe(): string {
    return `[${this.orders.map(exprName).join(", ")}]${this.limit !== null ? ` limit=${this.limit}` : ""}`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const input = this.limit === null ? this.child.execute(ctx) : this.dropOutranked(this.child.execute(ctx), ctx);
    const all = await collectAll(input, this.schema, ctx, this.limit === null ? null : (b) => this.prune(b, ctx));
    const keys = this.orders.map((o) => evaluate(o.child as Expr, all, ctx.fn));
    const idx = Array.from({ length: all.numRows }, (_, i) => i);
    idx.sort(rowComparator(this.orders, this.keyTypes, keys));
    const n = this.limit === null ? idx.length : Math.min(this.limit, idx.length);
    for (let s = 0; s < n; s += ctx.batchSize) {
      yield all.take(idx.slice(s, Math.min(n, s + ctx.batchSize)));
    }
  }
  /**
   * The first key's value of the limit-th best row kept so far: a row whose first key is
   * strictly worse cannot reach the top N, whatever its other keys.
   */
  private threshold: number | null = null;

  /** Top-N: keeps only the best `limit` rows of what was gathered so far. */
  private prune(b: Batch, ctx: ExecContext): Batch {
    if (this.limit === null || b.numRows <= this.limit * 2 + 1024) return b;
    const keys = this.orders.map((o) => evaluate(o.child as Expr, b, ctx.fn));
    const idx = Array.from({ length: b.numRows }, (_, i) => i);
    idx.sort(rowComparator(this.orders, this.keyTypes, keys));
    idx.length = this.limit;
    const last = keys[0]![idx[this.limit - 1]!];
    this.threshold = typeof last === "number" && !Number.isNaN(last) ? last : null;
    idx.sort((x, y) => x - y);
    return b.take(idx);
  }

  /**
   * Before rows are gathered as values, drops on typed vectors the rows that the threshold
   * already rules out (nulls and NaN are kept: their place depends on the order's options).
   * So a top-N over a million rows boxes a few thousand of them.
   */
  private async *dropOutranked(input: AsyncIterable<Batch>, ctx: ExecContext): AsyncGenerator<Batch> {
    const first = this.orders[0]!;
    for await (const b of input) {
      const t = this.threshold;
      const v = t === null ? undefined : evaluateVector(first.child as Expr, b, ctx.fn) ?? (first.child.kind === "bound" ? b.column(first.child.index) : undefined);
      if (t === null || !v || !isNumberVector(v) || !typedKernelsEnabled()) {
        yield b;
        continue;
      }
      const x = numbersOf(v);
      const valid = validBytes(v);
      const n = b.numRows;
      const keep = new Int32Array(n);
      let k = 0;
      const asc = first.ascending;
      for (let i = 0; i < n; i++) {
        const y = x[i]!;
        if ((valid && !valid[i]) || Number.isNaN(y) || (asc ? y <= t : y >= t)) keep[k++] = i;
      }
      if (k === n) yield b;
      else if (k > 0) yield b.take(keep.subarray(0, k));
    }
  }
}
