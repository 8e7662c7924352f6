/**
 * The PySpark-checked golden cases (test/golden), run through a Spark Connect server: the same
 * TS snippets with a remote session must reproduce PySpark's results. The server is Spark
 * itself, so a difference is a Pijar client gap or bug. Cases that must fail for now are in
 * golden-known-failures.txt (a listed case that passes fails this test, so the list only
 * shrinks); refresh it with GOLDEN_WRITE_KNOWN_FAILURES=1.
 *
 *   PIJAR_TEST_SPARK_REMOTE=sc://... npx vitest run test/connect/golden-remote.test.ts
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, it } from "vitest";
import { loadAllCases, type Case } from "../golden/caseformat.js";
import { loadKnownFailures, rewriteKnownFailures } from "../golden/known-failures.js";
import { jsonEqual, sortKey } from "../golden/normalize.js";
import { makeFixtures, runCase, type ErrorInfo, type Results } from "../golden/runner.js";
import { REMOTE_TIMEOUT, REMOTE_URL, describeRemote } from "./helpers.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const GOLDEN = join(HERE, "../golden");
const KNOWN_FILE = join(HERE, "golden-known-failures.txt");
const cases = loadAllCases(join(GOLDEN, "cases")).filter((c) => !process.env.GOLDEN_ONLY || c.id.includes(process.env.GOLDEN_ONLY) || c.area.includes(process.env.GOLDEN_ONLY));
const known = loadKnownFailures(KNOWN_FILE);
const failures = new Map<string, string>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let fixtures: Record<string, any> | undefined;
let setupError: unknown;

function expectedOf(area: string): Record<string, { python: string; results: Results }> {
  const p = join(GOLDEN, "expected", `${area}.json`);
  return existsSync(p) ? JSON.parse(readFileSync(p, "utf8")) : {};
}

/** The first mismatch of a case, as one readable paragraph ("" when all checks match). */
function mismatch(c: Case, expected: Results, actual: Results): string {
  for (const check of c.checks) {
    let exp = expected[check.key];
    let act = actual[check.key];
    if (check.name === "error") {
      const e = exp as ErrorInfo;
      const a = act as ErrorInfo | null;
      if (!a) return `error: expected ${e.exceptionType} [${e.errorClass}], nothing thrown`;
      if (a.errorClass !== e.errorClass || a.exceptionType !== e.exceptionType) return `error: expected ${e.exceptionType} [${e.errorClass}], got ${a.exceptionType} [${a.errorClass}]: ${a.message}`;
      continue;
    }
    if (check.name === "rows_unordered" && Array.isArray(exp) && Array.isArray(act)) {
      const by = (x: unknown, y: unknown) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0);
      exp = [...exp].sort(by);
      act = [...act].sort(by);
    }
    const same = typeof exp === "string" ? exp === act : jsonEqual(exp, act);
    if (!same) return `${check.key} differs from PySpark:\n--- expected\n${JSON.stringify(exp)}\n--- actual (remote)\n${JSON.stringify(act)}`;
  }
  return "";
}

describeRemote("golden cases through Spark Connect", REMOTE_TIMEOUT, () => {
  beforeAll(async () => {
    try {
      const pijar = await import("../../src/index.js");
      const spark = pijar.SparkSession.builder.remote(REMOTE_URL).config("spark.sql.session.timeZone", "UTC").getOrCreate();
      fixtures = makeFixtures(pijar, spark, join(GOLDEN, "data"));
    } catch (e) {
      setupError = e;
    }
  });

  afterAll(() => {
    if (typeof fixtures?.TMP === "string") rmSync(fixtures.TMP, { recursive: true, force: true });
    if (!process.env.GOLDEN_WRITE_KNOWN_FAILURES) return;
    const ran = new Set(cases.map((c) => c.id));
    rewriteKnownFailures((id) => ran.has(id), failures, KNOWN_FILE);
  });

  const expected = new Map<string, ReturnType<typeof expectedOf>>();
  for (const c of cases) {
    it(c.id, async () => {
      if (!expected.has(c.area)) expected.set(c.area, expectedOf(c.area));
      const exp = expected.get(c.area)![c.id];
      if (!exp) throw new Error(`${c.id}: no PySpark expectation (run test/golden/oracle.py --write)`);
      let problem = "";
      try {
        if (setupError) throw setupError;
        problem = mismatch(c, exp.results, await runCase(c, fixtures!));
      } catch (e) {
        problem = `threw ${(e as Error)?.name}: ${(e as Error)?.message ?? String(e)}`;
      }
      if (problem) failures.set(c.id, problem.split("\n")[0]!.slice(0, 160));
      if (known.has(c.id)) {
        if (!problem) throw new Error(`${c.id} passes through Spark Connect now: remove it from test/connect/golden-known-failures.txt`);
        return;
      }
      if (problem) throw new Error(`${c.file}:${c.line} ${c.id} (through Spark Connect)\n--- TS snippet\n${c.ts}\n${problem}`);
    });
  }
});
