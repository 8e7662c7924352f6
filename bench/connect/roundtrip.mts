/**
 * Round-trip overhead of Pijar's Spark Connect client on a running server: the synchronous
 * schema (AnalyzePlan through the worker), `SELECT 1` collected, show(), and collecting
 * 100k rows. Medians over repeated runs after a warm-up.
 *
 *   PIJAR_TEST_SPARK_REMOTE=sc://... npx tsx bench/connect/roundtrip.mts [--reps 15]
 *
 * PySpark's own Connect client (pyspark[connect]) is the reference the issue names; it needs
 * grpcio in the venv, which the project does not install yet, so only Pijar's side runs here.
 */
import { SparkSession, functions as F } from "../../src/index.js";

const url = process.env.PIJAR_TEST_SPARK_REMOTE ?? process.env.SPARK_REMOTE;
if (!url) {
  console.error("set PIJAR_TEST_SPARK_REMOTE (eval \"$(bash scripts/connect/start-server.sh)\")");
  process.exit(2);
}
const reps = Number(process.argv[process.argv.indexOf("--reps") + 1]) || 15;
const spark = SparkSession.builder.remote(url).getOrCreate();

async function median(name: string, f: () => unknown): Promise<void> {
  await f(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(`${name.padEnd(40)} median ${ts[Math.floor(ts.length / 2)]!.toFixed(1).padStart(8)} ms   min ${ts[0]!.toFixed(1).padStart(8)} ms`);
}

await median("schema (sync AnalyzePlan, uncached)", () => spark.range(10).withColumn("x", F.col("id").plus(1)).columns);
await median("spark.sql('SELECT 1').collect()", () => spark.sql("SELECT 1 AS one").collect());
await median("range(10).collect()", () => spark.range(10).collect());
await median("range(10).show() text", () => spark.range(10)._showString());
await median("range(100000) x 3 cols collect()", () => spark.range(100000).select("id", F.col("id").multiply(2).alias("b"), F.col("id").cast("string").alias("s")).collect());
spark.stop();
