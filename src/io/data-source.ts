/**
 * What a file or database reader offers the engine. Readers stream batches of bounded size and
 * never hold a whole file; optimizer rules push column pruning, filters and limits into them.
 */
import type { Expr } from "../plan/expr/expr.js";
import type { StructType } from "../types/data-types.js";
import type { Batch } from "../columnar/batch.js";
import type { Job } from "../execution/jobs.js";
import type { FunctionContext } from "../functions/registry.js";

export interface ScanRequest {
  /** Columns to produce, in this order (names from `schema`). */
  readonly columns: readonly string[];
  /**
   * Filters over those columns the reader may use to skip data (e.g. Parquet row groups).
   * The engine keeps its own Filter above the scan, so applying them is optional.
   */
  readonly filters: readonly Expr[];
  /** Stop after this many rows (after filtering, if the reader applies filters), or null. */
  readonly limit: number | null;
  readonly batchSize: number;
  readonly ctx: FunctionContext;
}

export interface DataSource {
  /** "csv", "json", "parquet", "jdbc", ... */
  readonly format: string;
  /** The full schema the source produces. */
  readonly schema: StructType;
  /** One line for explain(), e.g. "csv data/sales.csv"; never contains secrets. */
  readonly description: string;
  /** Total input bytes if known (for progress). */
  readonly totalBytes?: number;
  scan(request: ScanRequest, job: Job): AsyncIterable<Batch>;
}
