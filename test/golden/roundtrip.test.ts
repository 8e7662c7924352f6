/**
 * File round trips between Pijar and PySpark: Pijar writes the fixtures as Parquet, CSV and
 * JSON and PySpark must read the same rows (and, for Parquet, the same types); PySpark writes
 * them and Pijar must read the same rows back. roundtrip.py does the PySpark half in one JVM.
 *
 *   npx vitest run test/golden/roundtrip.test.ts
 *
 * Test ids (also used in known-failures.txt): rt_to_spark:<fixture>.<format> and
 * rt_from_spark:<fixture>.<format>.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, it } from "vitest";
import { loadKnownFailures, rewriteKnownFailures } from "./known-failures.js";
import { jsonEqual, normalizeRow, sortKey, type TypeLike } from "./normalize.js";
import { makeFixtures } from "./runner.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const PYTHON = process.env.PIJAR_PYTHON ?? join(ROOT, ".venv/bin/python");
// Keep in step with PLAN in roundtrip.py.
const PLAN: Record<string, string[]> = {
  parquet: ["people", "sales", "orders", "nested"],
  csv: ["people", "sales", "orders"],
  json: ["people", "sales", "orders", "nested"],
};
const SPEC = JSON.parse(readFileSync(join(HERE, "data/fixtures.json"), "utf8")) as Record<string, { schema: string }>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
interface ReportEntry { ok: boolean; problem: string | null }

const known = loadKnownFailures();
const failures = new Map<string, string>();
const writeErrors = new Map<string, string>();
let tmp = "";
let fx: Record<string, Any> = {};
let spark: Any;
let report: Record<string, ReportEntry> = {};
let setupError: unknown;

async function rowsOf(df: Any): Promise<unknown[]> {
  const schema = df.schema as { fields: { name: string; dataType: TypeLike }[] };
  const rows = (await df.collect()).map((r: unknown) => normalizeRow(r, schema));
  return rows.sort((a: unknown, b: unknown) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

function readWithPijar(fmt: string, path: string, ddl: string): Any {
  if (fmt === "parquet") return spark.read.parquet(path);
  if (fmt === "csv") return spark.read.csv(path, { header: true, schema: ddl });
  return spark.read.json(path, { schema: ddl });
}

beforeAll(async () => {
  try {
    tmp = mkdtempSync(join(tmpdir(), "pijar-roundtrip-"));
    const pijar = await import("../../src/index.js");
    spark = pijar.SparkSession.builder.appName("roundtrip").getOrCreate();
    spark.conf.set("spark.sql.session.timeZone", "UTC");
    fx = makeFixtures(pijar, spark, join(HERE, "data"));
    for (const [fmt, names] of Object.entries(PLAN)) {
      for (const name of names) {
        const out = join(tmp, "pijar", `${name}.${fmt}`);
        try {
          const w = fx[name].write.mode("overwrite");
          await (fmt === "csv" ? w.csv(out, { header: true }) : w[fmt](out));
        } catch (e) {
          writeErrors.set(`${name}.${fmt}`, `Pijar could not write ${fmt}: ${(e as Error)?.message ?? e}`);
        }
      }
    }
    const reportPath = join(tmp, "report.json");
    const r = spawnSync(PYTHON, [join(HERE, "roundtrip.py"), "--pijar-dir", join(tmp, "pijar"), "--spark-dir", join(tmp, "spark"), "--report", reportPath], {
      encoding: "utf8",
      env: { ...process.env, TZ: "UTC" },
      timeout: 600_000,
    });
    if (r.status !== 0 || !existsSync(reportPath)) {
      throw new Error(`roundtrip.py failed (exit ${r.status}):\n${(r.stderr ?? "").split("\n").slice(-25).join("\n")}`);
    }
    report = JSON.parse(readFileSync(reportPath, "utf8")) as Record<string, ReportEntry>;
  } catch (e) {
    setupError = e;
  }
}, 900_000);

afterAll(() => {
  if (tmp && !process.env.ROUNDTRIP_KEEP) rmSync(tmp, { recursive: true, force: true });
  if (typeof fx.TMP === "string") rmSync(fx.TMP, { recursive: true, force: true }); // makeFixtures' scratch folder
  if (process.env.GOLDEN_WRITE_KNOWN_FAILURES) rewriteKnownFailures((id) => id.startsWith("rt_"), failures);
});

/** Runs a round-trip check under the known-failures rules shared with golden.test.ts. */
async function check(id: string, body: () => Promise<string>): Promise<void> {
  let problem = "";
  try {
    if (setupError) throw setupError;
    problem = await body();
  } catch (e) {
    problem = `threw ${(e as Error)?.name ?? "error"}: ${(e as Error)?.message ?? String(e)}`;
  }
  if (problem) failures.set(id, problem.split("\n")[0]!.slice(0, 160));
  if (known.has(id)) {
    if (!problem) throw new Error(`${id} passes now: remove it from test/golden/known-failures.txt`);
    return;
  }
  if (problem) throw new Error(`${id}\n${problem}`);
}

describe("Pijar writes, PySpark reads", () => {
  for (const [fmt, names] of Object.entries(PLAN)) {
    for (const name of names) {
      const key = `${name}.${fmt}`;
      it(`rt_to_spark:${key}`, () =>
        check(`rt_to_spark:${key}`, async () => {
          if (writeErrors.has(key)) return writeErrors.get(key)!;
          const entry = report[key];
          if (!entry) return `roundtrip.py reported nothing for ${key}`;
          return entry.ok ? "" : entry.problem ?? "PySpark read different data";
        }));
    }
  }
});

describe("PySpark writes, Pijar reads", () => {
  for (const [fmt, names] of Object.entries(PLAN)) {
    for (const name of names) {
      const key = `${name}.${fmt}`;
      it(`rt_from_spark:${key}`, () =>
        check(`rt_from_spark:${key}`, async () => {
          const got = readWithPijar(fmt, join(tmp, "spark", key), SPEC[name]!.schema);
          const problems: string[] = [];
          if (fmt === "parquet" && JSON.stringify(got.dtypes) !== JSON.stringify(fx[name].dtypes)) {
            problems.push(`dtypes: Pijar read ${JSON.stringify(got.dtypes)}, fixture has ${JSON.stringify(fx[name].dtypes)}`);
          }
          const exp = await rowsOf(fx[name]);
          const act = await rowsOf(got);
          if (!jsonEqual(exp, act)) problems.push(`rows differ:\n  expected ${JSON.stringify(exp)}\n  Pijar read ${JSON.stringify(act)}`);
          return problems.join("\n");
        }));
    }
  }
});
