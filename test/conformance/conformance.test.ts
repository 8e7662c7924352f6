/**
 * Spark's own SQL golden-test inputs (test/conformance/inputs, see NOTICE) run statement by
 * statement through Pijar's `spark.sql()` and compared with what PySpark 4.3 gave (expected/,
 * written by oracle.py). A statement passes when Pijar raises the same error class, or returns
 * the same column types and the same rows as Hive-style text (sorted unless the query orders
 * them; numbers within 1e-9 relative). Column names are counted apart and do not fail a statement.
 *
 * The pass rate is far from 100%, so the suite is a ratchet: baseline.json holds each file's pass
 * count, and a file that passes fewer statements than its baseline fails. After an improvement,
 * lock it in: CONFORMANCE_UPDATE_BASELINE=1 npx vitest run test/conformance
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import "../../src/sql/index.js";
import { hiveRow } from "./hive-string.js";
import { clearStoredTables } from "../../src/sql/to-plan/tables.js";

const here = fileURLToPath(new URL("./", import.meta.url));
const expectedDir = join(here, "expected");
const baselinePath = join(here, "baseline.json");
const TIME_ZONE = "America/Los_Angeles";

interface Expected {
  sql: string;
  error?: string;
  names?: string[];
  types?: string[];
  ordered?: boolean;
  rows?: string[];
  /** Set when the statement cannot be judged here (e.g. it needs Spark's test-data tables). */
  skip?: string;
}
interface ExpectedFile { file: string; settings: [string, string][]; statements: Expected[] }

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJson(p));
    else if (name.endsWith(".json")) out.push(p);
  }
  return out;
}

const files: ExpectedFile[] = existsSync(expectedDir) ? listJson(expectedDir).map((p) => JSON.parse(readFileSync(p, "utf8"))) : [];
const baseline: Record<string, number> = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, "utf8")) : {};
const updating = process.env.CONFORMANCE_UPDATE_BASELINE === "1";
const verbose = process.env.CONFORMANCE_VERBOSE === "1";

interface Tally { skipped: number; total: number; pass: number; rowsTotal: number; rowsPass: number; errTotal: number; errPass: number; namesDiffer: number; failures: string[] }
const tallies = new Map<string, Tally>();

function cellsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  return a.trim() !== "" && b.trim() !== "" && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

function rowsMatch(e: string[], a: string[]): boolean {
  if (e.length !== a.length) return false;
  return e.every((row, i) => {
    const ec = row.split("\t");
    const ac = a[i]!.split("\t");
    return ec.length === ac.length && ec.every((c, j) => cellsMatch(c, ac[j]!));
  });
}

const TEST_VIEWS = [
  "CREATE OR REPLACE TEMPORARY VIEW testdata AS SELECT CAST(id AS INT) AS key, CAST(id AS STRING) AS value FROM range(1, 101)",
  "CREATE OR REPLACE TEMPORARY VIEW arraydata AS SELECT * FROM VALUES (array(1, 2, 3), array(array(1, 2, 3))), (array(2, 3, 4), array(array(2, 3, 4))) AS t(arraycol, nestedarraycol)",
  "CREATE OR REPLACE TEMPORARY VIEW mapdata AS SELECT * FROM VALUES (map(1, 'a1', 2, 'b1', 3, 'c1', 4, 'd1', 5, 'e1')), (map(1, 'a2', 2, 'b2', 3, 'c2', 4, 'd2')), (map(1, 'a3', 2, 'b3', 3, 'c3')), (map(1, 'a4', 2, 'b4')), (map(1, 'a5')) AS t(mapcol)",
];

const firstLine = (err: unknown) => String((err as Error).message ?? err).split("\n").find((l) => l.trim()) ?? "";

/** null when Pijar agrees with Spark, else what differed. */
async function runOne(spark: SparkSession, e: Expected, t: Tally): Promise<string | null> {
  let df;
  let lines: string[];
  try {
    df = spark.sql(e.sql);
    const rows = await df.collect();
    const tz = String(spark.conf.get("spark.sql.session.timeZone") ?? TIME_ZONE);
    const binaryStyle = (() => { try { return spark.conf.get("spark.sql.binaryOutputStyle") as string | undefined; } catch { return undefined; } })();
    lines = rows.map((r) => hiveRow(r, df!.schema.fields, { timeZone: tz, binaryStyle: binaryStyle ?? undefined }));
  } catch (err) {
    const cls = (err as { errorClass?: string }).errorClass ?? (err as Error).name;
    if (e.error) return cls === e.error ? null : `expected error ${e.error}, got ${cls}: ${firstLine(err)}`;
    return `unexpected error ${cls}: ${firstLine(err)}`;
  }
  if (e.error) return `expected error ${e.error}, but it returned ${lines.length} row(s)`;
  const types = df.schema.fields.map((f) => f.dataType.simpleString());
  const names = df.schema.fields.map((f) => f.name);
  if (JSON.stringify(names) !== JSON.stringify(e.names)) t.namesDiffer++;
  if (JSON.stringify(types) !== JSON.stringify(e.types)) return `types differ: expected ${e.types!.join(", ")}; got ${types.join(", ")}`;
  if (!e.ordered) lines.sort();
  if (!rowsMatch(e.rows!, lines)) {
    const at = e.rows!.findIndex((r, i) => !rowsMatch([r], lines[i] === undefined ? [] : [lines[i]!]));
    const i = at < 0 ? e.rows!.length : at;
    return `rows differ at row ${i + 1} (${e.rows!.length} expected, ${lines.length} got): expected ${JSON.stringify(e.rows![i] ?? "(none)")}, got ${JSON.stringify(lines[i] ?? "(none)")}`;
  }
  return null;
}

describe("Spark SQL golden-test inputs (conformance ratchet)", () => {
  it("has expectations", () => {
    expect(files.length, "run .venv/bin/python test/conformance/oracle.py --write").toBeGreaterThan(0);
  });

  for (const f of files) {
    it(f.file, async () => {
      const t: Tally = { skipped: 0, total: 0, pass: 0, rowsTotal: 0, rowsPass: 0, errTotal: 0, errPass: 0, namesDiffer: 0, failures: [] };
      tallies.set(f.file, t);
      const spark = SparkSession.builder.getOrCreate().newSession();
      for (const v of spark.catalog.listTables()) if (v.isTemporary) spark.catalog.dropTempView(v.name);
      spark.conf.set("spark.sql.session.timeZone", TIME_ZONE);
      for (const [k, v] of f.settings) {
        try { spark.conf.set(k, v); } catch { /* a setting Pijar refuses: its statements show it */ }
      }
      for (const q of TEST_VIEWS) {
        try { spark.sql(q); } catch (err) { t.failures.push(`(test view) ${(err as Error).message.split("\n")[0]}`); }
      }
      for (const e of f.statements) {
        if (e.skip) {
          // Still run it: later statements may depend on what it does in Pijar.
          try { await spark.sql(e.sql).collect(); } catch { /* expected to fail */ }
          t.skipped++;
          continue;
        }
        t.total++;
        if (e.error) t.errTotal++;
        else t.rowsTotal++;
        let diff: string | null;
        try {
          diff = await runOne(spark, e, t);
        } catch (err) {
          diff = `harness: ${(err as Error).message}`;
        }
        if (diff === null) {
          t.pass++;
          if (e.error) t.errPass++;
          else t.rowsPass++;
        } else t.failures.push(`${e.sql.replace(/\s+/g, " ").slice(0, 120)}\n    ${diff.slice(0, 300)}`);
      }
      for (const v of spark.catalog.listTables()) if (v.isTemporary) spark.catalog.dropTempView(v.name);
      clearStoredTables();
      if (verbose && t.failures.length) console.log(`--- ${f.file}\n  ` + t.failures.join("\n  "));
      if (!updating) {
        const base = baseline[f.file] ?? 0;
        expect(t.pass, `${f.file}: ${t.pass} statements pass, the baseline is ${base}; a change broke some (CONFORMANCE_VERBOSE=1 lists them)`).toBeGreaterThanOrEqual(base);
      }
    }, 300_000);
  }

  afterAll(() => {
    const rows = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b));
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "-");
    const w = Math.max(...rows.map(([n]) => n.length), 10);
    const out = [`${"file".padEnd(w)}  pass/total   rate    rows ok   errors ok  names≠  skipped  baseline`];
    let P = 0, T = 0, RP = 0, RT = 0, EP = 0, ET = 0;
    for (const [name, t] of rows) {
      P += t.pass; T += t.total; RP += t.rowsPass; RT += t.rowsTotal; EP += t.errPass; ET += t.errTotal;
      out.push(`${name.padEnd(w)}  ${`${t.pass}/${t.total}`.padStart(10)}  ${pct(t.pass, t.total).padStart(6)}  ${`${t.rowsPass}/${t.rowsTotal}`.padStart(8)}  ${`${t.errPass}/${t.errTotal}`.padStart(10)}  ${String(t.namesDiffer).padStart(6)}  ${String(t.skipped).padStart(7)}  ${String(baseline[name] ?? "-").padStart(8)}`);
    }
    out.push(`${"TOTAL".padEnd(w)}  ${`${P}/${T}`.padStart(10)}  ${pct(P, T).padStart(6)}  ${`${RP}/${RT}`.padStart(8)}  ${`${EP}/${ET}`.padStart(10)}`);
    console.log(out.join("\n"));
    if (updating && rows.length === files.length) {
      const next: Record<string, number> = {};
      for (const [name, t] of rows) next[name] = t.pass;
      writeFileSync(baselinePath, JSON.stringify(next, null, 1) + "\n");
      console.log(`wrote ${relative(process.cwd(), baselinePath)}`);
    }
  });
});
