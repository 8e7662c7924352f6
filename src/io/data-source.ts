/**
 * What a file or database reader offers the engine. Readers stream batches of bounded size and
 * never hold a whole file; optimizer rules push column pruning, filters and limits into them.
 */
import type { Expr } from "../plan/expr/expr.js";
import type { TableSource } from "../plan/logical/table-source.js";
import { internalError } from "../errors/pijar-error.js";
import type { Batch } from "../columnar/batch.js";
import type { TaskContext } from "../context/task-context.js";
import type { SessionSettings } from "../context/settings.js";

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
  readonly ctx: SessionSettings;
}

/** A table source the engine can scan: the plan sees it as a TableSource, the ScanExec reads it. */
export interface DataSource extends TableSource {
  /** "csv", "json", "parquet", "jdbc", ... */
  readonly format: string;
  /** Total input bytes if known (for progress). */
  readonly totalBytes?: number;
  scan(request: ScanRequest, job: TaskContext): AsyncIterable<Batch>;
}

/** The scannable source behind a plan's TableSource (every source Pijar plans is one). */
export function asDataSource(source: TableSource): DataSource {
  if (typeof (source as Partial<DataSource>).scan !== "function") throw internalError(`table source ${source.description} cannot be scanned`);
  return source as DataSource;
}
