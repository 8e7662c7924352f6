/**
 * Round-trip overhead of Pijar's Spark Connect client on a running server: the synchronous
 * schema (AnalyzePlan through the worker), `SELECT 1` collected, show(), and collecting
 * 100k rows. Medians over repeated runs after a warm-up.
 *
 *   PIJAR_TEST_SPARK_REMOTE=sc://... npx tsx bench/connect/roundtrip.mts [--reps 15] [--json]
 *
 * bench/connect/roundtrip_pyspark.py runs the very same queries with PySpark's own Connect
 * client; bench/connect/run.ts runs both against one server, interleaved, and prints the ratios.
 * The query ids are shared by both runners: keep them in the same order.
 */
import { SparkSession, functions as F } from "../../src/index.js";

const url = process.env.PIJAR_TEST_SPARK_REMOTE ?? process.env.SPARK_REMOTE;
if (!url) {
  console.error("set PIJAR_TEST_SPARK_REMOTE (eval \"$(bash scripts/connect/start-server.sh)\")");
  process.exit(2);
}
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const reps = Number(arg("--reps")) || 15;
const asJson = process.argv.includes("--json");
const spark = SparkSession.builder.remote(url).getOrCreate();

const results: Record<string, { median: number; min: number }> = {};

async function median(id: string, name: string, f: () => unknown): Promise<void> {
  await f(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  results[id] = { median: ts[Math.floor(ts.length / 2)]!, min: ts[0]! };
  if (!asJson) console.log(`${name.padEnd(40)} median ${results[id].median.toFixed(1).padStart(8)} ms   min ${ts[0]!.toFixed(1).padStart(8)} ms`);
}

await median("schema", "schema (sync AnalyzePlan, uncached)", () => spark.range(10).withColumn("x", F.col("id").plus(1)).columns);
await median("sql1", "spark.sql('SELECT 1').collect()", () => spark.sql("SELECT 1 AS one").collect());
await median("range10", "range(10).collect()", () => spark.range(10).collect());
await median("show10", "range(10).show() text", () => spark.range(10)._showString());
await median("rows100k", "range(100000) x 3 cols collect()", () => spark.range(100000).select("id", F.col("id").multiply(2).alias("b"), F.col("id").cast("string").alias("s")).collect());
if (asJson) console.log(JSON.stringify(results));
spark.stop();
