/**
 * The sqllogictest-style suite: every record of test/slt/*.slt runs through Pijar's `spark.sql`
 * and must match what PySpark (the pinned 4.3.0) gave (the expected blocks, written by oracle.py).
 *
 * Records listed in pending.txt (`file:line  # reason`) are known mismatches: they must still
 * fail, so a fix that makes one pass also has to remove its line (the list stays honest).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { SparkSession } from "../../src/index.js";
import "../../src/sql/index.js";
import { parseSlt, rowLine, type SltRecord } from "./slt-format.js";

const dir = new URL("./", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".slt")).sort();

/** pending.txt: `file.slt:LINE  # reason`; blank lines and `#` comments are skipped. */
function readPending(): Map<string, string> {
  const out = new Map<string, string>();
  let text = "";
  try {
    text = readFileSync(new URL("pending.txt", dir), "utf8");
  } catch {
    return out;
  }
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [id, ...reason] = line.split("#");
    out.set(id!.trim(), reason.join("#").trim());
  }
  return out;
}

const pending = readPending();

/**
 * SLT_UPDATE_PENDING=1 rewrites pending.txt with every record that fails now (reason: the first
 * line of its difference). Review the result: a failure caused by the harness must be fixed, not listed.
 */
const updating = process.env.SLT_UPDATE_PENDING === "1";
const failing = new Map<string, string>();
afterAll(() => {
  if (!updating) return;
  const header = "# Records of test/slt/*.slt that Pijar does not match yet: `file.slt:LINE  # reason`.\n" +
    "# Strict: a listed record that passes fails the suite. Regenerate: SLT_UPDATE_PENDING=1 npx vitest run test/slt\n";
  const body = [...failing].map(([id, why]) => `${id}  # ${why}`).join("\n");
  writeFileSync(new URL("pending.txt", dir), header + body + "\n");
});

/** Cells match if equal as text, or both numbers within 1e-9 relative (summation order), or equal nested JSON. */
function cellsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(x) && Number.isFinite(y)) {
    return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
  }
  return false;
}

function linesMatch(expected: string[], actual: string[]): boolean {
  if (expected.length !== actual.length) return false;
  return expected.every((e, i) => {
    const ec = e.split("\t");
    const ac = actual[i]!.split("\t");
    return ec.length === ac.length && ec.every((c, j) => cellsMatch(c, ac[j]!));
  });
}

/** Runs one record; returns null when Pijar matches PySpark, else what differed. */
async function check(spark: SparkSession, rec: SltRecord): Promise<string | null> {
  let lines: string[] = [];
  let names: string[] = [];
  try {
    const df = spark.sql(rec.sql);
    const isExplain = /^\s*EXPLAIN\b/i.test(rec.sql);
    const rows = await df.collect();
    if (rec.kind === "query" && !isExplain) lines = rows.map((r) => rowLine(r, df.schema));
    names = df.schema.fields.map((f) => f.name);
  } catch (e) {
    const cls = (e as { errorClass?: string }).errorClass ?? (e as Error).name;
    if (rec.mode === "error") return cls === rec.error ? null : `expected error ${rec.error}, got ${cls}: ${(e as Error).message.split("\n")[0]}`;
    return `unexpected error ${cls}: ${(e as Error).message.split("\n")[0]}`;
  }
  if (rec.mode === "error") return `expected error ${rec.error}, but it succeeded`;
  if (rec.mode === "rowsort") lines.sort();
  if (rec.kind === "statement" || linesMatch(rec.rows, lines)) return null;
  const first = rec.rows.findIndex((e, i) => !linesMatch([e], lines[i] === undefined ? [] : [lines[i]!]));
  const at = first < 0 ? rec.rows.length : first;
  let why = `rows differ at row ${at + 1}: expected ${JSON.stringify(rec.rows[at] ?? "(none)")}, got ${JSON.stringify(lines[at] ?? "(none)")}`;
  if (new Set(names).size < names.length) why = `duplicate column names (a Pijar Row keeps one value per name); ${why}`;
  return `${why}\n--- expected (PySpark)\n${rec.rows.join("\n")}\n--- actual (Pijar)\n${lines.join("\n")}`;
}

describe.each(files)("%s", (file) => {
  const records = parseSlt(readFileSync(new URL(file, dir), "utf8"));
  let spark: SparkSession;

  beforeAll(() => {
    // One session per file, emptied of temp views, so files cannot see each other's views.
    spark = SparkSession.builder.getOrCreate();
    spark.conf.set("spark.sql.session.timeZone", "UTC");
    for (const t of spark.catalog.listTables()) spark.catalog.dropTempView(t.name);
  });

  // Records run in order in one test: later records depend on earlier statements.
  it(`${records.length} records match PySpark`, async () => {
    const failures: string[] = [];
    for (const rec of records) {
      const id = `${file}:${rec.line}`;
      const diff = await check(spark, rec);
      const isPending = pending.has(id);
      if (diff) failing.set(id, diff.split("\n")[0]!.replace(/\s+/g, " ").slice(0, 160));
      if (updating) continue;
      if (diff && !isPending) failures.push(`${id}: ${rec.sql}\n  ${diff}`);
      if (!diff && isPending) failures.push(`${id}: passes now; remove it from test/slt/pending.txt`);
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  });
});

it("pending.txt names only existing records", () => {
  const known = new Set<string>();
  for (const f of files) for (const r of parseSlt(readFileSync(new URL(f, dir), "utf8"))) known.add(`${f}:${r.line}`);
  const stale = [...pending.keys()].filter((id) => !known.has(id));
  expect(stale, `stale entries in test/slt/pending.txt: ${stale.join(", ")}`).toEqual([]);
});
