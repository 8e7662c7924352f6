/**
 * Getting plot data out of a PlotSource the way PySpark does: bar/barh/pie use the first
 * `max_rows` rows; line/scatter/area use a sample of about `max_rows` rows spread over the data;
 * box/hist/kde summarize all rows (up to a safety cap).
 */
import { DEFAULT_MAX_ROWS, type PlotSource } from "./types.js";

/** Rows read for the statistics kinds at most (box, hist, kde). */
export const STATS_ROW_CAP = 2_000_000;

/** Spark types plotted as numbers. */
export function isNumericType(t: string): boolean {
  return /^(tinyint|smallint|int|bigint|float|double|decimal|byte|short|long|integer)\b/.test(t);
}

/** The plotting row cap: spark.sql.pyspark.plotting.max_rows when the source knows it. */
export function maxRows(src: PlotSource): number {
  const v = Number(src.maxRows?.() ?? src.conf?.("spark.sql.pyspark.plotting.max_rows"));
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : DEFAULT_MAX_ROWS;
}

/** JSON-safe plot value: bigint -> number, Date -> ISO string, decimals-as-strings stay strings. */
export function plotValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && typeof (v as { toString(): string }).toString === "function") {
    const n = Number(String(v));
    return Number.isFinite(n) ? n : String(v);
  }
  return v;
}

/** Numeric value of a cell for statistics (null when not a finite number). */
export function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : v instanceof Date ? v.getTime() : Number(String(v));
  return Number.isFinite(n) ? n : null;
}

export function columnIndex(src: PlotSource, name: string): number {
  const i = src.columns.indexOf(name);
  if (i < 0) {
    throw new Error(`Column "${name}" does not exist in the DataFrame; available columns: ${src.columns.join(", ")}.`);
  }
  return i;
}

/** First max_rows rows (bar, barh, pie). */
export async function topRows(src: PlotSource): Promise<unknown[][]> {
  return src.fetchRows(maxRows(src));
}

/**
 * About max_rows rows spread evenly over the data (line, scatter, area). PySpark samples with a
 * fraction of max_rows/count; we keep every k-th row of the first 10 x max_rows rows, which is
 * deterministic (snapshot-testable) and keeps the x order.
 */
export async function sampledRows(src: PlotSource): Promise<unknown[][]> {
  const cap = maxRows(src);
  const total = await src.count();
  if (total <= cap) return src.fetchRows(cap);
  const rows = await src.fetchRows(Math.min(total, cap * 10));
  const step = rows.length / cap;
  const out: unknown[][] = [];
  for (let i = 0; i < cap; i++) out.push(rows[Math.floor(i * step)]!);
  return out;
}

/** All rows (capped) for the statistics kinds. */
export async function allRows(src: PlotSource): Promise<unknown[][]> {
  return src.fetchRows(STATS_ROW_CAP);
}

/** The numeric columns to summarize: the requested ones, else every numeric column. */
export function statColumns(src: PlotSource, column: string | string[] | undefined): string[] {
  const cols = column === undefined ? src.dtypes.filter(([, t]) => isNumericType(t)).map(([n]) => n) : Array.isArray(column) ? column : [column];
  if (!cols.length) throw new Error("The DataFrame has no numeric column to plot; pass `column` with a numeric column name.");
  for (const c of cols) {
    const t = src.dtypes[columnIndex(src, c)]![1];
    if (!isNumericType(t)) throw new Error(`Column "${c}" has type ${t}; this plot needs a numeric column.`);
  }
  return cols;
}
