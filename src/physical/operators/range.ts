/** spark.range(start, end, step): ids generated batch by batch, never materialized. */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { numericData } from "../../columnar/convert/build.js";
import { longType } from "../../types/data-types.js";

export class RangeExec extends PhysicalOperator {
  readonly name = "Range";
  constructor(output: readonly Attr[], readonly start: number, readonly end: number, readonly step: number, readonly limit: number | null = null) {
    super(output, []);
  }
  describe(): string {
    return `(${this.start}, ${this.end}, step=${this.step})`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const { start, end, step } = this;
    let total = step > 0 ? Math.max(0, Math.ceil((end - start) / step)) : Math.max(0, Math.ceil((start - end) / -step));
    if (this.limit !== null) total = Math.min(total, this.limit);
    for (let done = 0; done < total; done += ctx.batchSize) {
      ctx.job.checkCancelled();
      const n = Math.min(ctx.batchSize, total - done);
      const vals = new BigInt64Array(n);
      const values = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = start + (done + i) * step;
        vals[i] = BigInt(v);
        values[i] = v;
      }
      ctx.job.reportRead(n, 0);
      yield Batch.fromValues(this.schema, [values], n);
      void numericData;
      void longType;
    }
  }
}
