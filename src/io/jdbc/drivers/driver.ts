/**
 * One open database connection, the same shape for every database: Pijar's reader and writer
 * talk to this, the drivers (pg, mysql2, node-sqlite3-wasm) hide the wire protocol.
 */
import type { ColumnMeta, JdbcDialect } from "../dialects/dialect.js";

/** Rows of one bulk load, already encoded by the driver's format (COPY text, LOAD DATA, params). */
export interface LoadSpec {
  /** Quoted table name. */
  readonly table: string;
  /** Column names (unquoted) in the order of `rows` values. */
  readonly columns: readonly string[];
  /** Spark types of the columns (for encoding). */
  readonly types: readonly import("../../../types/data-types.js").DataType[];
  /** Chunks of rows: one array of column arrays per chunk, plus the row count. */
  readonly chunks: AsyncIterable<{ cols: readonly unknown[][]; numRows: number }>;
  /** Rows per INSERT statement where the driver sends statements (Spark's batchsize). */
  readonly batchSize: number;
}

export interface JdbcConnection {
  readonly dialect: JdbcDialect;
  /** Runs one statement without a result. */
  exec(sql: string): Promise<void>;
  /** A small result as row arrays (catalog lookups, counts). */
  query(sql: string): Promise<unknown[][]>;
  /** The columns a query returns, without reading rows. */
  describe(sql: string): Promise<ColumnMeta[]>;
  /**
   * Streams a query's rows as raw values (text or driver values), about `fetchSize` rows per
   * chunk, holding at most a few chunks in memory.
   */
  stream(sql: string, fetchSize: number): AsyncIterable<unknown[][]>;
  /** True when the table exists (quoted name). */
  tableExists(table: string): Promise<boolean>;
  /** Bulk-loads rows inside the current transaction; returns the number of rows. */
  load(spec: LoadSpec): Promise<number>;
  begin(isolation?: string): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}
