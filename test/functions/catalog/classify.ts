/**
 * Runs one documented Spark example in Pijar and says how it compares with what PySpark gave
 * (examples.json, written by oracle.py), then folds a function's examples into one status.
 * Values are compared in the oracles' shared normal form (test/golden/normalize.ts).
 */
import type { SparkSession } from "../../../src/index.js";
import { jsonEqual, normalizeRow, sortKey } from "../../golden/normalize.js";

/** One example as PySpark ran it. */
export interface Expected {
  sql: string;
  cols?: string[];
  types?: string[];
  rows?: unknown[][] | null;
  error?: string;
  /** Values vary between runs (clock, random, user): compared by type only. */
  nondeterministic?: boolean;
  /** collect() gave a value the normal form has none for: compared by type only. */
  uncollectable?: string;
}

export interface Actual {
  types?: string[];
  rows?: unknown[][];
  error?: string;
  message?: string;
}

export type Verdict = "match" | "differs" | "unsupported";
export type Status = "supported" | "differs" | "unsupported" | "untested";

export async function runPijar(spark: SparkSession, sql: string): Promise<Actual> {
  try {
    const df = spark.sql(sql);
    const schema = df.schema;
    const rows = await df.collect();
    return { types: schema.fields.map((f) => f.dataType.simpleString()), rows: rows.map((r) => normalizeRow(r, schema)) };
  } catch (err: unknown) {
    const e = err as { errorClass?: string; message?: string; name?: string };
    // A JS error without a class is a crash, not a Spark error: kept apart so it reads as one.
    return { error: e?.errorClass ?? `internal ${e?.name ?? "error"}`, message: String(e?.message ?? err) };
  }
}

/** Whether Pijar's error says that `fn` does not exist, naming it (the function is missing). */
export function namesMissing(fn: string, act: Actual): boolean {
  return act.error === "UNRESOLVED_ROUTINE" && (act.message ?? "").toLowerCase().includes("`" + fn.toLowerCase() + "`");
}

const clip = (s: string, n = 60) => (s.length > n ? s.slice(0, n - 1) + "…" : s).replace(/\s+/g, " ");

export function compare(fn: string, exp: Expected, act: Actual): { verdict: Verdict; note: string } {
  if (act.error && namesMissing(fn, act) && !exp.error) return { verdict: "unsupported", note: "UNRESOLVED_ROUTINE" };
  if (exp.error) {
    if (act.error === exp.error) return { verdict: "match", note: "" };
    return { verdict: "differs", note: act.error ? `error ${act.error}, Spark ${exp.error}` : `no error, Spark ${exp.error}` };
  }
  if (act.error) {
    const routine = act.error === "UNRESOLVED_ROUTINE" ? /`([^`]+)`/.exec(act.message ?? "")?.[1] : undefined;
    return { verdict: "differs", note: routine ? `needs \`${routine}\`` : `error ${clip(act.error)}` };
  }
  if (!jsonEqual(act.types, exp.types)) return { verdict: "differs", note: `type ${clip((act.types ?? []).join(", "), 40)}, Spark ${clip((exp.types ?? []).join(", "), 40)}` };
  if (exp.nondeterministic || exp.uncollectable || exp.rows == null) return { verdict: "match", note: "" };
  const [a, b] = ordered(exp.sql) ? [act.rows, exp.rows] : [sorted(act.rows!), sorted(exp.rows)];
  if (!jsonEqual(a, b)) return { verdict: "differs", note: "values differ" };
  return { verdict: "match", note: "" };
}

/**
 * Whether the query fixes its row order: an ORDER BY outside any parentheses (one inside
 * `OVER (...)` orders a window, not the result). Without it the order is Spark's partitioning,
 * which Pijar need not copy, so rows are compared as a multiset.
 */
export function ordered(sql: string): boolean {
  let flat = sql.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  for (let prev = ""; prev !== flat;) [prev, flat] = [flat, flat.replace(/\([^()]*\)/g, "")];
  return /\border\s+by\b/i.test(flat);
}

const sorted = (rows: unknown[][]) => [...rows].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));

/** A function's status from its examples' verdicts. */
export function statusOf(verdicts: readonly Verdict[]): Status {
  if (verdicts.length === 0) return "untested";
  if (verdicts.every((v) => v === "match")) return "supported";
  if (verdicts.includes("unsupported")) return "unsupported";
  return "differs";
}
