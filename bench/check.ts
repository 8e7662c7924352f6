/**
 * Reads an engine's Parquet output with DuckDB and reduces it to a fingerprint, so the harness can
 * tell whether every engine computed the same top-100 (the comparison is only honest if they did).
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { RESULT_COLUMNS } from "./workload.js";

/** What is compared between engines. */
export interface ResultFingerprint {
  rows: number;
  /** Sum of revenue over the output rows, rounded to cents. */
  revenueSum: number;
  /**
   * md5 over the exact columns of every row (city, date, orders, customers, province, region)
   * taken in (city, date) order: equal checksums mean the same groups, whatever the row order.
   */
  checksum: string;
  /**
   * revenue and avg_amount per row in the same (city, date) order. Floating-point sums differ
   * in the last bits between engines (summation order), so these are compared with a tolerance
   * rather than hashed: rounding to cents in a hash flips on values like x.xx5.
   */
  amounts: Array<[revenue: number | null, avg: number | null]>;
  /** Whether the rows are in non-increasing revenue order in the file. */
  sortedByRevenue: boolean;
}

let connection: Promise<DuckDBConnection> | undefined;
function duck(): Promise<DuckDBConnection> {
  connection ??= DuckDBInstance.create(":memory:").then((db) => db.connect());
  return connection;
}

/** Spark and others write a folder of part files; DuckDB wants a glob for those. */
function parquetSource(path: string): string {
  if (!existsSync(path)) throw new Error(`no output at ${path}: the engine did not write its result`);
  return statSync(path).isDirectory() ? join(path, "*.parquet") : path;
}

/** Computes the fingerprint of a Parquet result (file or folder of part files). */
export async function fingerprint(path: string): Promise<ResultFingerprint> {
  const con = await duck();
  const src = `read_parquet('${parquetSource(path)}')`;
  const cols = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjects().map((r) => String(r.column_name));
  const missing = RESULT_COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length > 0) {
    throw new Error(`output ${path} lacks column(s) ${missing.join(", ")}; it has ${cols.join(", ")}`);
  }
  const reader = await con.runAndReadAll(`
    WITH t AS (SELECT *, row_number() OVER () AS pos FROM ${src}),
    s AS (SELECT *, lag(revenue) OVER (ORDER BY pos) AS prev FROM t)
    SELECT count(*)::BIGINT AS n,
           round(sum(revenue), 2)::DOUBLE AS revenue_sum,
           md5(string_agg(concat_ws('|', coalesce(city, '<null>'), coalesce(CAST(order_date AS DATE)::VARCHAR, '<null>'),
                                    orders::BIGINT::VARCHAR, customers::BIGINT::VARCHAR, province, region), ';'
                          ORDER BY city, CAST(order_date AS DATE) NULLS FIRST)) AS checksum,
           to_json(list([revenue::DOUBLE, avg_amount::DOUBLE] ORDER BY city, CAST(order_date AS DATE) NULLS FIRST))::VARCHAR AS amounts,
           bool_and(prev IS NULL OR revenue <= prev + 1e-6) AS sorted
    FROM s`);
  const row = reader.getRowObjects()[0]!;
  return {
    rows: Number(row.n),
    revenueSum: Number(row.revenue_sum),
    checksum: String(row.checksum),
    amounts: JSON.parse(String(row.amounts)) as Array<[number | null, number | null]>,
    sortedByRevenue: Boolean(row.sorted),
  };
}

/** Explains how two fingerprints differ, or returns undefined when they match. */
export function compareFingerprints(got: ResultFingerprint, want: ResultFingerprint): string | undefined {
  const diffs: string[] = [];
  if (got.rows !== want.rows) diffs.push(`rows ${got.rows} vs ${want.rows}`);
  if (Math.abs(got.revenueSum - want.revenueSum) > 0.011) diffs.push(`revenue sum ${got.revenueSum} vs ${want.revenueSum}`);
  if (got.checksum !== want.checksum) diffs.push("groups, counts or dimension columns differ");
  else {
    const bad = got.amounts.findIndex((g, i) => !close(g[0], want.amounts[i]![0]) || !close(g[1], want.amounts[i]![1]));
    if (bad >= 0) diffs.push(`revenue/avg_amount differ at row ${bad} in (city, date) order: ${got.amounts[bad]} vs ${want.amounts[bad]}`);
  }
  if (!got.sortedByRevenue) diffs.push("rows not sorted by revenue desc");
  return diffs.length ? diffs.join("; ") : undefined;
}

/** Equal up to floating-point summation noise (relative 1e-9), nulls equal only to nulls. */
function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
