/**
 * Golden tests: every case in test/golden/cases/*.cases runs its TS snippet with Pijar and
 * must reproduce what PySpark produced for the Python snippet (expected/<area>.json, written
 * by oracle.py). Cases listed in known-failures.txt must fail; when one passes, this test
 * fails and asks for the line to be removed, so the list only ever shrinks honestly.
 *
 *   npx vitest run test/golden/golden.test.ts
 *   GOLDEN_ONLY=join npx vitest run test/golden/golden.test.ts        # ids containing "join"
 *   GOLDEN_WRITE_KNOWN_FAILURES=1 npx vitest run test/golden/golden.test.ts  # rewrite the list
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, it } from "vitest";
import { loadAllCases, type Case } from "./caseformat.js";
import { loadKnownFailures, rewriteKnownFailures } from "./known-failures.js";
import { jsonEqual, sortKey } from "./normalize.js";
import { makeFixtures, runCase, type ErrorInfo, type Results } from "./runner.js";

const HERE = dirname(fileURLToPath(import.meta.url));

interface Expected { python: string; results: Results }

function loadExpected(area: string): Record<string, Expected> {
  const p = join(HERE, "expected", `${area}.json`);
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as Record<string, Expected>) : {};
}

function show(v: unknown): string {
  if (typeof v === "string") return v.endsWith("\n") ? v : v + "\n";
  if (Array.isArray(v) && v.every((x) => Array.isArray(x))) return "[\n" + v.map((x) => "  " + JSON.stringify(x)).join(",\n") + "\n]\n";
  return JSON.stringify(v) + "\n";
}

/** Compares one case's results; returns a readable report of every mismatch ("" if none). */
function compare(c: Case, expected: Results, actual: Results): string {
  const problems: string[] = [];
  for (const check of c.checks) {
    let exp = expected[check.key];
    let act = actual[check.key];
    if (check.name === "error") {
      const e = exp as ErrorInfo;
      const a = act as ErrorInfo | null;
      if (!a) problems.push(`error: expected ${e.exceptionType} [${e.errorClass}], but Pijar did not throw`);
      else if (a.errorClass !== e.errorClass || a.exceptionType !== e.exceptionType) {
        problems.push(`error: expected ${e.exceptionType} [${e.errorClass}]\n       actual   ${a.exceptionType} [${a.errorClass}]: ${a.message}`);
      }
      continue;
    }
    if (check.name === "rows_unordered" && Array.isArray(exp) && Array.isArray(act)) {
      // Re-sort both with one key: Python's and JS's JSON texts of a float can differ (1.0 vs 1).
      const sorter = (x: unknown, y: unknown) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0);
      exp = [...exp].sort(sorter);
      act = [...act].sort(sorter);
    }
    const same = typeof exp === "string" ? exp === act : jsonEqual(exp, act);
    if (!same) problems.push(`${check.key}:\n--- expected (PySpark)\n${show(exp)}--- actual (Pijar)\n${show(act)}`);
  }
  return problems.join("\n");
}

const cases = loadAllCases(join(HERE, "cases")).filter((c) => !process.env.GOLDEN_ONLY || c.id.includes(process.env.GOLDEN_ONLY) || c.area.includes(process.env.GOLDEN_ONLY));
const known = loadKnownFailures();
const failures = new Map<string, string>();
let fixtures: Record<string, unknown> | undefined;
let setupError: unknown;

beforeAll(async () => {
  try {
    const pijar = await import("../../src/index.js");
    const spark = pijar.SparkSession.builder.appName("golden").getOrCreate();
    spark.conf.set("spark.sql.session.timeZone", "UTC");
    fixtures = makeFixtures(pijar, spark, join(HERE, "data"));
  } catch (e) {
    setupError = e;
  }
});

afterAll(() => {
  const tmp = fixtures?.TMP;
  if (typeof tmp === "string") rmSync(tmp, { recursive: true, force: true });
  // Rewrites only the lines of cases that ran, so a GOLDEN_ONLY run leaves the others alone.
  if (!process.env.GOLDEN_WRITE_KNOWN_FAILURES) return;
  const ran = new Set(cases.map((c) => c.id));
  rewriteKnownFailures((id) => ran.has(id), failures);
});

/** The first line of the problem, trimmed: the reason recorded in known-failures.txt. */
function reason(text: string): string {
  return text.split("\n").filter((l) => l.trim() && !l.startsWith("---"))[0]!.slice(0, 160);
}

for (const area of [...new Set(cases.map((c) => c.area))]) {
  const expected = loadExpected(area);
  describe(area, () => {
    for (const c of cases.filter((x) => x.area === area)) {
      it(c.id, async () => {
        const where = `${c.file}:${c.line}`;
        const exp = expected[c.id];
        if (!exp) throw new Error(`${where}: no expectation for ${c.id}; run \`.venv/bin/python test/golden/oracle.py --write\``);
        if (exp.python !== c.python) throw new Error(`${where}: expectation is stale (Python snippet changed); rerun oracle.py --write`);
        let problem = "";
        try {
          if (setupError) throw setupError;
          const actual = await runCase(c, fixtures!);
          problem = compare(c, exp.results, actual);
        } catch (e) {
          const err = e as Error;
          problem = `threw ${err?.name ?? "error"}: ${err?.message ?? String(e)}`;
          if (!process.env.GOLDEN_QUIET_STACKS && err?.stack) problem += `\n${err.stack.split("\n").slice(1, 6).join("\n")}`;
        }
        if (problem) failures.set(c.id, reason(problem));
        if (known.has(c.id)) {
          if (!problem) throw new Error(`${c.id} passes now: remove it from test/golden/known-failures.txt`);
          return; // expected failure
        }
        if (problem) throw new Error(`${where} ${c.id}\n--- TS snippet\n${c.ts}\n${problem}`);
      });
    }
  });
}

describe("known-failures.txt", () => {
  it("lists only cases that exist", () => {
    const all = new Set(loadAllCases(join(HERE, "cases")).map((c) => c.id));
    const stale = [...known.keys()].filter((id) => !all.has(id) && !id.startsWith("rt_"));
    if (stale.length) throw new Error(`known-failures.txt names cases that do not exist: ${stale.join(", ")}`);
  });
});
