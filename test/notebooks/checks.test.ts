/**
 * notebooks/lib/checks.ts and canon.ts: the verdicts learners see, and the canonical value
 * text that must match notebooks/lib/oracle.py.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { SparkSession } from "../../src/index.ts";
import { canon, canonRow } from "../../notebooks/lib/canon.ts";
import { cek, solusi, solution } from "../../notebooks/lib/checks.ts";

let spark: SparkSession;
let logs: string[] = [];

beforeAll(() => {
  spark = SparkSession.builder.getOrCreate();
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.PIJAR_LANG;
  delete process.env.PIJAR_CHECKS_STRICT;
});

async function verdict(id: string, answer: unknown, lang = "en"): Promise<string> {
  process.env.PIJAR_LANG = lang;
  logs = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void logs.push(a.join(" ")));
  await cek(id, answer);
  return logs.join("\n");
}

const CITIES = ["Bandung", "Denpasar", "Jakarta", "Makassar", "Medan", "Palembang", "Semarang", "Surabaya", "Yogyakarta"];

describe("canon (same text as oracle.py)", () => {
  it("rounds numbers to 6 decimals and drops trailing zeros", () => {
    expect(canon(0.1 + 0.2)).toBe("0.3");
    expect(canon(1)).toBe("1");
    expect(canon(2.5)).toBe("2.5");
    expect(canon(-0.0000001)).toBe("0");
    expect(canon(10n)).toBe("10");
    expect(canon(NaN)).toBe("NaN");
  });

  it("writes nulls, dates, arrays and structs", () => {
    expect(canon(null)).toBe("∅");
    expect(canon(new Date(Date.UTC(2024, 0, 5)), "date")).toBe("2024-01-05");
    expect(canon(new Date(Date.UTC(2024, 0, 5, 13, 4, 5)), "timestamp")).toBe("2024-01-05 13:04:05");
    expect(canon(["a", 1])).toBe("[a,1]");
    expect(canonRow(["x", null, 3])).toBe("x\u001f∅\u001f3");
  });
});

describe("cek", () => {
  it("says correct for the right value and explains a wrong one", async () => {
    expect(await verdict("01-1", 3200)).toContain("✅ Benar! / Correct!");
    expect(await verdict("01-1", 3199)).toContain("The value is 3199, it should be 3200.");
    expect(await verdict("01-1", 3199, "id")).toContain("Nilainya 3199, seharusnya 3200.");
  });

  it("hints at count() when a DataFrame is given for a number", async () => {
    expect(await verdict("01-1", spark.range(3))).toContain("await df.count()");
  });

  it("accepts a right DataFrame, in any column order", async () => {
    const df = spark.createDataFrame(CITIES.map((c) => [c]), ["city"]);
    expect(await verdict("03-1", df)).toContain("Correct!");
  });

  it("names a missing column, a wrong row count and a wrong row", async () => {
    expect(await verdict("04-2", spark.createDataFrame([["Bandung"]], ["city"]))).toContain("Missing column(s): revenue");
    expect(await verdict("03-1", spark.createDataFrame([["Bandung"]], ["city"]))).toContain("Row count is 1, it should be 9");
    const wrong = spark.createDataFrame([...CITIES.slice(0, 8), "Yogya"].map((c) => [c]), ["city"]);
    const text = await verdict("03-1", wrong);
    expect(text).toContain("expected row not found: Yogyakarta");
    expect(text).toContain("unexpected row in yours: Yogya");
  });

  it("notices the right rows in the wrong order", async () => {
    const { rows } = JSON.parse(readFileSync(new URL("../../notebooks/lib/expected.json", import.meta.url), "utf8"))["03-3"] as { rows: string[] };
    const values = rows.map((r) => r.split("\u001f")).map(([region, revenue]) => [region, Number(revenue)]);
    expect(await verdict("03-3", spark.createDataFrame(values, ["region", "revenue"]))).toContain("Correct!");
    const reversed = spark.createDataFrame([...values].reverse(), ["region", "revenue"]);
    expect(await verdict("03-3", reversed)).toContain("not in the right order: check orderBy");
  });

  it("throws in strict mode (CI) instead of printing", async () => {
    process.env.PIJAR_CHECKS_STRICT = "1";
    await expect(verdict("01-1", 1)).rejects.toThrow(/Not quite \(01-1\)/);
  });

  it("rejects an unknown exercise id with the list of known ones", async () => {
    await expect(cek("09-9", 1)).rejects.toThrow(/Unknown exercise "09-9"/);
  });
});

describe("unanswered exercises and worked answers", () => {
  it("an exercise left as shipped (undefined) says not done yet, in the notebook's language, even strict", async () => {
    process.env.PIJAR_CHECKS_STRICT = "1";
    expect(await verdict("03-2", undefined, "en")).toBe('⏳ Not done yet (03-2): write your answer in this cell and run it again. To see a worked answer: await solution("03-2")');
    expect(await verdict("03-2", undefined, "id")).toMatch(/^⏳ Belum dikerjakan \(03-2\): .*await solusi\("03-2"\)$/);
  });

  it("a wrong answer still fails strict (null is an answer, not a skipped exercise)", async () => {
    process.env.PIJAR_CHECKS_STRICT = "1";
    await expect(verdict("01-1", null)).rejects.toThrow(/Not quite \(01-1\)/);
  });

  it("solusi/solution print the reference answer from solutions.json", async () => {
    const all = JSON.parse(readFileSync(new URL("../../notebooks/lib/solutions.json", import.meta.url), "utf8")) as Record<string, string>;
    process.env.PIJAR_LANG = "en";
    logs = [];
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void logs.push(a.join(" ")));
    await solution("02-1");
    expect(logs.join("\n")).toBe(`Worked answer of 02-1:\n\n${all["02-1"]}`);
    expect(all["02-1"]).toContain('await cek("02-1", branches)');
    await expect(solusi("99-9")).rejects.toThrow(/Unknown exercise "99-9": known ones are 01-1, /);
  });
});
