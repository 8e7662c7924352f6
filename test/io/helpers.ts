/**
 * Test helpers: run a DataSource scan and normalize internal values the way
 * test/sparkoracle/normalize.py normalizes PySpark's collected rows.
 */
import type { DataSource } from "../../src/io/data-source.js";
import { Job } from "../../src/execution/jobs.js";
import type { Batch } from "../../src/columnar/batch.js";
import {
  ArrayType, BinaryType, DataType, DateType, DecimalType, DoubleType, FloatType, MapType, StructType, TimestampNTZType, TimestampType,
} from "../../src/types/data-types.js";
import { formatDecimal } from "../../src/values/decimal.js";
import { civilFromDays, formatDate } from "../../src/values/datetime.js";

export const ctx = { timeZone: "UTC", ansi: true, nowMicros: 0 };

export async function scanAll(src: DataSource, opts: { columns?: string[]; limit?: number | null; batchSize?: number } = {}): Promise<Batch[]> {
  const out: Batch[] = [];
  const req = { columns: opts.columns ?? src.schema.names, filters: [], limit: opts.limit ?? null, batchSize: opts.batchSize ?? 1024, ctx };
  for await (const b of src.scan(req, new Job(0, "test"))) out.push(b);
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function micros(v: number): string {
  const days = Math.floor(v / 86_400_000_000);
  const rem = v - days * 86_400_000_000;
  const { y, m, d } = civilFromDays(days);
  const sec = Math.floor(rem / 1e6);
  const frac = rem % 1e6;
  const s = `${pad(y, 4)}-${pad(m)}-${pad(d)} ${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}`;
  return frac ? `${s}.${pad(frac, 6)}` : s;
}

export function normalize(v: unknown, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  if (t instanceof DoubleType || t instanceof FloatType) {
    const n = v as number;
    return Number.isNaN(n) ? "NaN" : n === Infinity ? "Infinity" : n === -Infinity ? "-Infinity" : n;
  }
  if (t instanceof DecimalType) return formatDecimal(v as bigint, t.scale);
  if (t instanceof DateType) return formatDate(v as number);
  if (t instanceof TimestampType || t instanceof TimestampNTZType) return micros(v as number);
  if (t instanceof BinaryType) return Buffer.from(v as Uint8Array).toString("hex");
  if (t instanceof ArrayType) return (v as unknown[]).map((x) => normalize(x, t.elementType));
  if (t instanceof StructType) return Object.fromEntries(t.fields.map((f, i) => [f.name, normalize((v as unknown[])[i], f.dataType)]));
  if (t instanceof MapType) return Object.fromEntries([...(v as Map<unknown, unknown>)].map(([k, x]) => [String(normalize(k, t.keyType)), normalize(x, t.valueType)]));
  return v;
}

export function rowsOf(batches: readonly Batch[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of batches) {
    const cols = b.schema.fields.map((_, i) => b.values(i));
    for (let r = 0; r < b.numRows; r++) rows.push(b.schema.fields.map((f, i) => normalize(cols[i]![r], f.dataType)));
  }
  return rows;
}

export function errorClassOf(e: unknown): string {
  return (e as { errorClass?: string }).errorClass ?? String(e);
}
