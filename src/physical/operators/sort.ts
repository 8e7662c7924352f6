/** Global sort: gathers all rows, sorts row indexes, emits in order. A pipeline breaker. */
import type { Attr, Expr, SortOrder } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { rowComparator } from "./sort-util.js";
import type { DataType } from "../../types/data-types.js";
import { collectAll } from "./collect-all.js";

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
    const all = await collectAll(this.child.execute(ctx), this.schema, ctx, this.limit === null ? null : (b) => this.prune(b, ctx));
    const keys = this.orders.map((o) => evaluate(o.child as Expr, all, ctx.fn));
    const idx = Array.from({ length: all.numRows }, (_, i) => i);
    idx.sort(rowComparator(this.orders, this.keyTypes, keys));
    const n = this.limit === null ? idx.length : Math.min(this.limit, idx.length);
    for (let s = 0; s < n; s += ctx.batchSize) {
      yield all.take(idx.slice(s, Math.min(n, s + ctx.batchSize)));
    }
  }
  /** Top-N: keeps only the best `limit` rows of what was gathered so far. */
  private prune(b: Batch, ctx: ExecContext): Batch {
    if (this.limit === null || b.numRows <= this.limit * 2 + 1024) return b;
    const keys = this.orders.map((o) => evaluate(o.child as Expr, b, ctx.fn));
    const idx = Array.from({ length: b.numRows }, (_, i) => i);
    idx.sort(rowComparator(this.orders, this.keyTypes, keys));
    idx.length = this.limit;
    idx.sort((x, y) => x - y);
    return b.take(idx);
  }
}
