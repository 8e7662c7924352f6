/**
 * Differential test of the typed kernels: each query runs with the typed vector path and with
 * the value-at-a-time path, and both must give the same rows. The PySpark oracle suites check
 * the semantics; this test checks that the fast path never changes an answer, on data made to
 * hit its edges (nulls, NaN, -0.0, dictionary and plain strings, non-UTC zones, int overflow).
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { functions as F } from "../../src/index.js";
import type { DataFrame } from "../../src/index.js";
import { setTypedKernels } from "../../src/physical/expr/evaluate-vector.js";
import { session } from "./helpers.js";

const spark = session();
afterAll(() => setTypedKernels(true));

/** Deterministic pseudo-random numbers (a fixed LCG: the same data every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const dir = mkdtempSync(join(tmpdir(), "pijar-typed-"));
const csv = join(dir, "t.csv");
{
  const r = rng(7);
  const cities = ["Jakarta", "Bandung", "Surabaya", "Medan", "Denpasar", "Ümraniye", "😀city"];
  const lines = ["id,city,q,price,ts,flag"];
  for (let i = 0; i < 5000; i++) {
    const nul = () => r() < 0.05;
    const city = nul() ? "" : cities[Math.floor(r() * cities.length)]!;
    const q = nul() ? "" : String(Math.floor(r() * 40) - 10);
    const price = nul() ? "" : r() < 0.02 ? "NaN" : r() < 0.02 ? "-0.0" : (r() * 100).toFixed(2);
    const ts = nul() ? "" : new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 366 * 86400e3)).toISOString().slice(0, 19).replace("T", " ");
    const flag = nul() ? "" : r() < 0.5 ? "true" : "false";
    lines.push([i, city, q, price, ts, flag].join(","));
  }
  writeFileSync(csv, lines.join("\n") + "\n");
}
const schema = "id INT, city STRING, q INT, price DOUBLE, ts TIMESTAMP, flag BOOLEAN";

async function bothWays(make: () => DataFrame): Promise<void> {
  setTypedKernels(true);
  const typed = (await make().collect()).map((r) => JSON.stringify(r.toArray()));
  setTypedKernels(false);
  const values = (await make().collect()).map((r) => JSON.stringify(r.toArray()));
  setTypedKernels(true);
  expect(typed.length).toBeGreaterThan(0);
  expect(typed).toEqual(values);
}

const df = () => spark.read.schema(schema).csv(csv, { header: true });

describe("typed kernels give the value path's answers", () => {
  it("filters on dictionary strings, ints, doubles, NaN and nulls", async () => {
    await bothWays(() => df().filter(F.col("city").equalTo("Bandung").and(F.col("q").gt(0))).orderBy("id"));
    await bothWays(() => df().filter(F.col("price").geq(50).or(F.col("q").lt(-5))).orderBy("id"));
    await bothWays(() => df().filter(F.col("city").lt("M").and(F.col("price").isNotNull())).orderBy("id"));
    await bothWays(() => df().filter(F.not(F.col("flag")).or(F.col("city").isNull())).orderBy("id"));
    await bothWays(() => df().filter(F.col("price").gt(F.col("q"))).orderBy("id"));
  });
  it("projects arithmetic, casts and to_date in a non-UTC zone", async () => {
    spark.conf.set("spark.sql.session.timeZone", "America/Sao_Paulo");
    try {
      await bothWays(() => df().select("id", F.col("q").multiply(F.col("price")).alias("amount"),
        F.col("q").plus(1).alias("q1"), F.to_date(F.col("ts")).alias("d"), F.col("q").cast("double").alias("qd")).orderBy("id"));
    } finally {
      spark.conf.set("spark.sql.session.timeZone", "UTC");
    }
  });
  it("aggregates by string and date keys with count, sum, avg, min, max, count distinct", async () => {
    await bothWays(() => df().withColumn("d", F.to_date(F.col("ts"))).groupBy("city", "d").agg(
      F.count("*").alias("n"), F.count("q").alias("nq"), F.sum("price").alias("s"), F.avg("price").alias("a"),
      F.min("price").alias("lo"), F.max("q").alias("hi"), F.countDistinct("q").alias("dq"),
    ).orderBy("city", "d"));
    await bothWays(() => df().groupBy("flag").agg(F.countDistinct("city").alias("c"), F.max("price").alias("m")).orderBy("flag"));
    await bothWays(() => df().agg(F.sum("price"), F.count("*"), F.min("q")));
    await bothWays(() => df().filter(F.col("id").lt(0)).agg(F.sum("price"), F.count("*")));
  });
  it("top-N drops outranked rows on vectors without changing the answer", async () => {
    // Many batches (the reader's default is 64k rows), so the threshold is used.
    const big = () => spark.range(0, 300000).select(F.col("id"), F.col("id").multiply(7919).mod(100003).cast("double").alias("k"));
    await bothWays(() => big().orderBy(F.col("k").desc(), F.col("id")).limit(25));
    await bothWays(() => big().orderBy(F.col("k"), F.col("id").desc()).limit(2000));
    await bothWays(() => df().orderBy(F.col("price").desc_nulls_first(), F.col("id")).limit(30));
    await bothWays(() => df().orderBy(F.col("q").asc_nulls_last(), F.col("id")).limit(30));
  });
  it("an int overflow in a kernel falls back to the value path's error", async () => {
    const big = () => df().select(F.col("q").multiply(2147483647).alias("x"));
    setTypedKernels(true);
    const typedErr = await big().collect().then(() => null, (e: Error) => e.message);
    setTypedKernels(false);
    const valueErr = await big().collect().then(() => null, (e: Error) => e.message);
    setTypedKernels(true);
    expect(typedErr).toContain("ARITHMETIC_OVERFLOW");
    expect(typedErr).toEqual(valueErr);
  });
});
