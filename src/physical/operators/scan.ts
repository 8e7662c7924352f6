/** Reads a DataSource (CSV, JSON, Parquet, JDBC...) with pruned columns, filters and limit. */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import type { DataSource } from "../../io/data-source.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { exprName } from "../../plan/expr/sql-text.js";
import type { Batch } from "../../columnar/batch.js";
import { PijarError } from "../../errors/pijar-error.js";

export class ScanExec extends PhysicalOperator {
  readonly name = "Scan";
  constructor(output: readonly Attr[], readonly source: DataSource, readonly columns: readonly string[], readonly filters: readonly Expr[], readonly limit: number | null) {
    super(output, []);
  }
  describe(): string {
    let s = `${this.source.description} [${this.columns.join(", ")}]`;
    if (this.filters.length) s += ` PushedFilters: [${this.filters.map(exprName).join(", ")}]`;
    if (this.limit !== null) s += ` Limit: ${this.limit}`;
    return s;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    if (this.source.totalBytes !== undefined && ctx.job.progress.bytesTotal === null) ctx.job.progress.bytesTotal = this.source.totalBytes;
    const stream = this.source.scan({ columns: this.columns, filters: this.filters, limit: this.limit, batchSize: ctx.batchSize, ctx: ctx.fn }, ctx.job);
    try {
      for await (const b of stream) {
        ctx.job.checkCancelled();
        yield b.withSchema(this.schema);
      }
    } catch (e) {
      // Spark reports a FAILFAST parse error as a failed file read wrapping the record error;
      // the inner message (with the bad record) stays in ours so the learner sees the culprit.
      if (e instanceof PijarError && e.errorClass.startsWith("MALFORMED_RECORD_IN_PARSING")) {
        throw new PijarError("FAILED_READ_FILE.NO_HINT", { path: this.source.description }, {
          message: `Encountered error while reading file ${this.source.description}. Caused by: ${e.message}`,
          exceptionType: "Py4JJavaError",
          cause: e,
        });
      }
      throw e;
    }
  }
}
