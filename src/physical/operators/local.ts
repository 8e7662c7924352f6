/** Rows held in memory (createDataFrame, cached data). */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";

export class LocalExec extends PhysicalOperator {
  readonly name = "LocalTableScan";
  constructor(output: readonly Attr[], readonly batches: () => readonly Batch[], readonly label: string) {
    super(output, []);
  }
  describe(): string {
    return `${this.label} [${this.output.map((a) => a.name).join(", ")}]`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    for (const b of this.batches()) {
      ctx.job.checkCancelled();
      if (b.numRows <= ctx.batchSize) yield b.withSchema(this.schema);
      else for (let s = 0; s < b.numRows; s += ctx.batchSize) yield b.slice(s, s + ctx.batchSize).withSchema(this.schema);
    }
  }
}
