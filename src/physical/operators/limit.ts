/** OFFSET then LIMIT; stops pulling from its child as soon as it has enough rows. */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";

export class LimitExec extends PhysicalOperator {
  readonly name = "Limit";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly limit: number, readonly offset: number) {
    super(output, [child]);
  }
  describe(): string {
    return this.offset ? `${this.limit === Number.MAX_SAFE_INTEGER ? "all" : this.limit} offset=${this.offset}` : String(this.limit);
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    let skip = this.offset;
    let left = this.limit;
    if (left <= 0) return;
    for await (const b of this.child.execute(ctx)) {
      let batch = b;
      if (skip > 0) {
        if (batch.numRows <= skip) {
          skip -= batch.numRows;
          continue;
        }
        batch = batch.slice(skip, batch.numRows);
        skip = 0;
      }
      if (batch.numRows >= left) {
        yield batch.numRows === left ? batch : batch.slice(0, left);
        return;
      }
      left -= batch.numRows;
      yield batch;
    }
  }
}
