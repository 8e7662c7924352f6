/**
 * Parquet fuzz: hundreds of randomly corrupted copies (fixed seeds) of a Parquet file PySpark
 * wrote. Each read must end in the original rows or a classed error (FAILED_READ_FILE.*),
 * never a crash of the process (parquet-wasm traps run in an isolated worker) or a raw
 * error; after each case the process still reads the intact file correctly.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";
import { corrupt, outcomeOf, rng, tally, type Outcome } from "./fuzz-helpers.js";

const CASES = 300;
const SEED = 20261202;
const spark = SparkSession.builder.getOrCreate();
const dir = new URL("../io/data/spark-plain.parquet/", import.meta.url).pathname;
const good = join(dir, readdirSync(dir).find((f) => f.endsWith(".parquet"))!);
const root = mkdtempSync(join(tmpdir(), "pijar-pqfuzz-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The error of a read, thrown at once (schema) or by the action. */
async function failure(f: () => Promise<unknown>): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  return null;
}
const rowsText = async (p: string) => JSON.stringify((await spark.read.parquet(p).collect()).map((r) => r.toArray()), (_k, v) => (typeof v === "bigint" ? String(v) : v));

describe("corrupted Parquet files", () => {
  it(`${CASES} corrupted copies: rows or a classed error, and the process stays healthy`, async () => {
    const src = new Uint8Array(readFileSync(good));
    const expected = await rowsText(good);
    const r = rng(SEED);
    const outcomes: Outcome[] = [];
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const { kind, bytes } = corrupt(src, i, r);
      const f = join(root, `c${i}.parquet`);
      writeFileSync(f, bytes);
      let o: Outcome;
      try {
        o = (await rowsText(f)) === expected ? "same-rows" : "other-rows";
        // Parquet pages carry no checksum here (Spark reads such files with changed values too),
        // but a file that lost bytes must never read as rows.
        if (o === "other-rows" && (kind === "truncate" || kind === "duplicate-range")) failures.push(`case ${i} (${kind}): read as other rows`);
      } catch (e) {
        o = outcomeOf(e);
        if (o === "classed-error" && !/^FAILED_READ_FILE\./.test((e as { errorClass: string }).errorClass)) o = "unclassed-error";
        if (o === "unclassed-error") failures.push(`case ${i} (${kind}): ${String(e).slice(0, 200)}`);
      }
      outcomes.push(o);
      rmSync(f);
      // Healthy: the intact file still reads right after every case.
      if (i % 10 === 9) expect(await rowsText(good)).toBe(expected);
    }
    const t = tally(outcomes);
    console.log(`parquet fuzz: ${CASES} cases`, t);
    expect(failures).toEqual([]);
    expect(t["classed-error"]).toBeGreaterThan(CASES / 2);
    expect(await rowsText(good)).toBe(expected);
  }, 120_000);

  it("a footer length beyond the file size is FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER", async () => {
    const b = Buffer.from(readFileSync(good));
    b.writeUInt32LE(b.length * 10, b.length - 8);
    const f = join(root, "badlen.parquet");
    writeFileSync(f, b);
    const err = await failure(() => spark.read.parquet(f).collect());
    expect((err as { errorClass: string }).errorClass ?? String(err)).toBe("FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER");
    expect(String(err)).toContain(`file:${f}`);
  });

  it("a CSV file inside a Parquet folder is FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER naming it", async () => {
    const folder = join(root, "mixed");
    rmSync(folder, { recursive: true, force: true });
    await spark.read.parquet(good).write.parquet(folder);
    writeFileSync(join(folder, "extra.csv"), "a,b\n1,2\n");
    const err = await failure(() => spark.read.parquet(folder).collect());
    expect((err as { errorClass: string }).errorClass ?? String(err)).toBe("FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER");
    expect(String(err)).toContain("extra.csv");
  });
});
