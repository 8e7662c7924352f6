/**
 * Parquet in and out for the engines that have no Parquet support of their own (the JS loop and
 * Arquero): parquet-wasm decodes/encodes, apache-arrow holds the columns in JS.
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  DateDay,
  Float64,
  Int64,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import * as parquet from "parquet-wasm";

/** One row of the workload's result, as the hand-written engines build it. */
export interface ResultRow {
  city: string;
  /** Days since 1970-01-01, or null when order_ts was null. */
  orderDay: number | null;
  revenue: number | null;
  orders: number;
  avgAmount: number | null;
  customers: number;
  province: string;
  region: string;
}

/**
 * Reads a Parquet file `rowsPerRead` rows at a time and hands each slice to `onSlice` as Arrow IPC
 * stream bytes, so a 10M-row file is never decoded into JS all at once. `onSlice` returns the
 * slice's row count (it decodes the bytes anyway), which tells when the file is done.
 */
export function readParquetIPCSlices(path: string, rowsPerRead: number, onSlice: (ipc: Uint8Array) => number): void {
  const bytes = readFileSync(path);
  for (let offset = 0; ; offset += rowsPerRead) {
    const wasmTable = parquet.readParquet(bytes, { offset, limit: rowsPerRead, batchSize: 65_536 });
    const rows = onSlice(wasmTable.intoIPCStream());
    if (rows < rowsPerRead) break;
  }
}

/** Same as readParquetIPCSlices, decoded to apache-arrow tables. */
export function readParquetSlices(path: string, rowsPerRead: number, onTable: (t: Table) => void): void {
  readParquetIPCSlices(path, rowsPerRead, (ipc) => {
    const t = tableFromIPC(ipc);
    if (t.numRows > 0) onTable(t);
    return t.numRows;
  });
}

/** Writes result rows as a Parquet file with the workload's column names and types. */
export function writeResultParquet(path: string, rows: ResultRow[]): void {
  const table = new Table({
    city: vectorFromArray(rows.map((r) => r.city), new Utf8()),
    order_date: vectorFromArray(
      rows.map((r) => (r.orderDay === null ? null : new Date(r.orderDay * 86_400_000))),
      new DateDay(),
    ),
    revenue: vectorFromArray(rows.map((r) => r.revenue), new Float64()),
    orders: vectorFromArray(rows.map((r) => BigInt(r.orders)), new Int64()),
    avg_amount: vectorFromArray(rows.map((r) => r.avgAmount), new Float64()),
    customers: vectorFromArray(rows.map((r) => BigInt(r.customers)), new Int64()),
    province: vectorFromArray(rows.map((r) => r.province), new Utf8()),
    region: vectorFromArray(rows.map((r) => r.region), new Utf8()),
  });
  const wasmTable = parquet.Table.fromIPCStream(tableToIPC(table, "stream"));
  writeFileSync(path, parquet.writeParquet(wasmTable));
}

/** Reads the city dimension CSV (no quotes, no embedded commas) into city -> [province, region]. */
export function readCities(path: string): Map<string, [string, string]> {
  const lines = readFileSync(path, "utf8").trim().split("\n").slice(1);
  return new Map(lines.map((l) => {
    const [city, province, region] = l.split(",");
    return [city!, [province!, region!]];
  }));
}
