/**
 * End-to-end check of the function library through `spark.sql`: every line of sql/exprs.txt
 * runs as `SELECT <line>` and must give PySpark's column names, types and rows (or error
 * class), recorded in sql/expected.json by sql/oracle.py. Lines in sql/known-differences.txt
 * must still differ (each with its reason), so the list only shrinks.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import { ArrayType, DateType, DecimalType, MapType, StructType, TimestampType, type DataType } from "../../src/types/data-types.js";

const HERE = join(dirname(fileURLToPath(import.meta.url)), "sql");
const exprs = readFileSync(join(HERE, "exprs.txt"), "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
const expected = JSON.parse(readFileSync(join(HERE, "expected.json"), "utf8")) as Record<string, unknown>;
const knownPath = join(HERE, "known-differences.txt");
const known = new Set(existsSync(knownPath) ? readFileSync(knownPath, "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(" #")[0]!.trim()) : []);

/** Collected values in the oracle's normal form (see oracle.py's norm). */
function norm(v: any, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  if (t instanceof DecimalType) return v.toString();
  if (t instanceof DateType) return (v as Date).toISOString().slice(0, 10);
  if (t instanceof TimestampType) {
    const s = (v as Date).toISOString();
    return `${s.slice(0, 10)} ${s.slice(11, 23)}000`;
  }
  if (t instanceof ArrayType) return (v as unknown[]).map((e) => norm(e, t.elementType));
  if (t instanceof StructType) return t.fields.map((f) => norm(v[f.name], f.dataType));
  if (t instanceof MapType) return Object.fromEntries([...(v as Map<unknown, unknown>)].map(([k, x]) => [String(k), norm(x, t.valueType)]));
  if (v instanceof Uint8Array) return [...v];
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  return v;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    return same(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1)), Object.entries(b).sort(([x], [y]) => (x < y ? -1 : 1)));
  }
  return a === b;
}

const spark = SparkSession.builder.getOrCreate();
spark.conf.set("spark.sql.session.timeZone", "UTC");

async function runPijar(e: string): Promise<unknown> {
  try {
    const df = spark.sql("SELECT " + e);
    const fields = df.schema.fields;
    const rows = await df.collect();
    return { cols: df.columns, types: fields.map((f) => f.dataType.simpleString()), rows: rows.map((r: any) => fields.map((f, i) => norm(r[r.__fields__[i]], f.dataType))) };
  } catch (err: any) {
    return { error: err?.errorClass ?? String(err) };
  }
}

describe("functions through spark.sql match PySpark", () => {
  for (const e of exprs) {
    it(e, async () => {
      const exp = expected[e];
      if (exp === undefined) throw new Error(`no expectation for "${e}": run test/functions/sql/oracle.py`);
      const act = await runPijar(e);
      if (known.has(e)) {
        expect(same(exp, act), `"${e}" now matches PySpark: remove it from sql/known-differences.txt`).toBe(false);
      } else {
        expect(act).toEqual(same(exp, act) ? act : exp);
      }
    });
  }
});
