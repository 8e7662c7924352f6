/**
 * Pijar's status on every Spark 4.3 built-in function, measured by running Spark's own
 * documented examples (catalog/examples.json, from catalog/oracle.py) through `spark.sql()`.
 *
 * - docs/functions.md is regenerated from the run and must equal the committed file (set
 *   PIJAR_WRITE_FUNCTIONS_TABLE=1 to rewrite it), so the table never goes stale;
 * - the supported count may not fall below catalog/baseline.json (raise it as functions land);
 * - a function Pijar lacks must fail with UNRESOLVED_ROUTINE naming it and suggesting names.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import { compare, runPijar, statusOf, type Actual, type Expected, type Verdict } from "./catalog/classify.js";
import { counts, renderTable, type Row } from "./catalog/table.js";

const HERE = join(dirname(fileURLToPath(import.meta.url)), "catalog");
const TABLE = join(HERE, "..", "..", "..", "docs", "functions.md");
const catalog = JSON.parse(readFileSync(join(HERE, "examples.json"), "utf8")) as Record<string, { group: string; examples: Expected[] }>;
const baseline = JSON.parse(readFileSync(join(HERE, "baseline.json"), "utf8")) as { supported: number };

const root = SparkSession.builder.getOrCreate();
const rows: Row[] = [];
const missing: { fn: string; act: Actual }[] = [];

describe("Spark's documented function examples in Pijar", () => {
  it("runs every example", async () => {
    for (const [name, { group, examples }] of Object.entries(catalog)) {
      // A fresh session per function, as the oracle: an example's SET stays with its function.
      const spark = root.newSession();
      spark.conf.set("spark.sql.session.timeZone", "UTC");
      spark.conf.set("spark.sql.ansi.enabled", "true");
      const verdicts: Verdict[] = [];
      let note = "";
      for (const exp of examples) {
        const act = await runPijar(spark, exp.sql);
        const c = compare(name, exp, act);
        verdicts.push(c.verdict);
        if (c.verdict === "unsupported") missing.push({ fn: name, act });
        if (c.verdict !== "match" && !note) note = c.note;
      }
      rows.push({ name, group, status: statusOf(verdicts), matched: verdicts.filter((v) => v === "match").length, total: verdicts.length, note });
    }
  }, 600_000);

  it("names a missing function and suggests others", () => {
    for (const { fn, act } of missing) {
      expect(act.message, fn).toMatch(/Did you mean one of the following\? \[`[^`]+`/);
    }
  });

  it("keeps the supported count at or above the baseline", () => {
    const c = counts(rows);
    expect(rows.length).toBe(Object.keys(catalog).length);
    expect(c.supported, `supported fell below test/functions/catalog/baseline.json`).toBeGreaterThanOrEqual(baseline.supported);
  });

  it("docs/functions.md is up to date", () => {
    const text = renderTable(rows);
    if (process.env.PIJAR_WRITE_FUNCTIONS_TABLE === "1") writeFileSync(TABLE, text);
    const committed = existsSync(TABLE) ? readFileSync(TABLE, "utf8") : "";
    expect(committed === text, "docs/functions.md is stale: rerun with PIJAR_WRITE_FUNCTIONS_TABLE=1 and commit it").toBe(true);
  });
});
