/**
 * What measuring every operator costs (explain("analyze") metrics are collected on every
 * action): the same plans run with and without the profiler, interleaved in one process,
 * median of the runs. Small batches are the worst case (the cost is per batch per operator).
 * The whole-query ratios sit inside this machine's noise, so a last case isolates the cost: a
 * plan of three cheap operators over tiny batches, reported as microseconds per batch per
 * operator. Run: `npx tsx bench/plan-profile.ts [--rows 2000000] [--repeat 9] [--only per-batch]`.
 */
import { SparkSession, functions as F, type DataFrame } from "../src/index.js";
import { runPlan } from "../src/execution/execute.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROWS = arg("rows", 2_000_000);
const REPEAT = arg("repeat", 9);
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;

const spark = SparkSession.builder.appName("plan-profile-bench").getOrCreate();
const dim = spark.createDataFrame(Array.from({ length: 100 }, (_, i) => [i, `k${i % 10}`]), "k BIGINT, label STRING");
const base = spark.range(ROWS).select(F.col("id"), F.col("id").mod(100).alias("k"), F.col("id").mod(7).alias("v"));
const queries: Record<string, DataFrame> = {
  "filter+project+agg": base.filter(F.col("v").gt(2)).withColumn("w", F.col("v").multiply(2)).groupBy("k").agg(F.sum("w").alias("s")),
  "join+agg+sort": base.join(dim, "k").groupBy("label").agg(F.count("id").alias("n")).orderBy("label"),
};

async function runOnce(df: DataFrame, batchSize: number, profiled: boolean): Promise<number> {
  const settings = { ...spark._executionSettings(), batchSize };
  const t0 = performance.now();
  await runPlan(df.plan, settings, "bench", async (batches) => {
    for await (const _ of batches) { /* drain */ }
  }, profiled ? () => {} : undefined);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function compare(df: DataFrame, batchSize: number): Promise<[number, number]> {
  await runOnce(df, batchSize, true); // warm-up
  await runOnce(df, batchSize, false);
  const plain: number[] = [], prof: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    // Alternate the order so drift on a shared machine hits both sides alike.
    if (r % 2) { prof.push(await runOnce(df, batchSize, true)); plain.push(await runOnce(df, batchSize, false)); }
    else { plain.push(await runOnce(df, batchSize, false)); prof.push(await runOnce(df, batchSize, true)); }
  }
  return [median(plain), median(prof)];
}

console.log(`rows=${ROWS} repeat=${REPEAT} (median ms; ratio = profiled / plain)`);
console.log("query               | batch  | plain ms | profiled ms | ratio");
for (const [name, df] of Object.entries(queries)) {
  if (ONLY && ONLY !== name) continue;
  for (const batchSize of [1024, 65_536]) {
    const [a, b] = await compare(df, batchSize);
    console.log(`${name.padEnd(19)} | ${String(batchSize).padStart(6)} | ${a.toFixed(1).padStart(8)} | ${b.toFixed(1).padStart(11)} | ${(b / a).toFixed(3)}`);
  }
}

if (!ONLY || ONLY === "per-batch") {
  // Range -> Project -> Filter, 8 rows a batch: the work per batch is tiny, the wrapper's is not hidden.
  const rows = 200_000, batch = 8, ops = 3;
  const df = spark.range(rows).select(F.col("id").plus(1).alias("x")).filter(F.col("x").gt(0));
  const [a, b] = await compare(df, batch);
  const batches = rows / batch;
  console.log(`per-batch           | ${String(batch).padStart(6)} | ${a.toFixed(1).padStart(8)} | ${b.toFixed(1).padStart(11)} | ${(b / a).toFixed(3)}  => ${(((b - a) * 1000) / (batches * ops)).toFixed(2)} µs per batch per operator`);
}
