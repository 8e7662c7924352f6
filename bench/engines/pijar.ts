/**
 * Pijar runner: the workload written exactly as a learner would write it with Pijar's
 * PySpark-like API. If the package cannot be imported yet, it reports "unavailable" so the
 * rest of the suite still runs.
 * Standalone: npx tsx bench/engines/pijar.ts --input F --format csv|parquet --cities F --out F
 */
import { parseRunnerArgs, report, runTimed, SALES_DDL, TOP_N } from "../workload.js";

const args = parseRunnerArgs(process.argv.slice(2));

/**
 * The built package (dist/bundle, what `import "pijar"` and the kernel load) when it is at least
 * as new as every source file; else the TypeScript sources through tsx, whose on-the-fly
 * compiling would otherwise be counted as Pijar's time (about half a second per run).
 */
async function entryPoint(): Promise<string> {
  const { statSync, readdirSync } = await import("node:fs");
  const { join, dirname } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const built = join(root, "dist", "bundle", "pijar.js");
  let builtAt = 0;
  try { builtAt = statSync(built).mtimeMs; } catch { return "../../src/index.js"; }
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  return newest(join(root, "src")) <= builtAt ? built : "../../src/index.js";
}

// Typed loosely on purpose: the API is written in parallel, and this runner must load (and say
// what is missing) even while signatures still change.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

let pijar: Any;
try {
  pijar = await import(await entryPoint());
} catch (e) {
  report({ status: "unavailable", note: `cannot import src/index.ts: ${(e as Error).message.split("\n")[0]}` });
  process.exit(0);
}

await runTimed(async () => {
  // PySpark's `functions as F`: accept either export name.
  const { SparkSession } = pijar as { SparkSession: Any };
  const F: Any = pijar.F ?? pijar.functions;
  if (!SparkSession || !F) {
    throw new Error(`src/index.ts does not export ${!SparkSession ? "SparkSession" : "F (or functions)"} yet`);
  }
  const spark = await SparkSession.builder.getOrCreate();
  const reader = spark.read;
  let note = "";
  let sales: Any;
  if (args.format === "parquet") {
    sales = await spark.read.parquet(args.input);
  } else if (typeof reader.schema === "function") {
    // Same explicit schema as the other engines, so no engine pays for a type-inference pass.
    sales = await reader.schema(SALES_DDL).csv(args.input, { header: true });
  } else {
    sales = await reader.csv(args.input, { header: true, inferSchema: true });
    note = "read CSV with inferSchema (reader.schema() not available)";
  }
  const cities = await spark.read.csv(args.cities, { header: true });
  const result = sales
    .filter(F.col("status").equalTo("completed").and(F.col("quantity").gt(0)))
    .withColumn("amount", F.col("quantity").multiply(F.col("unit_price")))
    .withColumn("order_date", F.to_date(F.col("order_ts")))
    .groupBy("city", "order_date")
    .agg(
      F.sum("amount").alias("revenue"),
      F.count("*").alias("orders"),
      F.avg("amount").alias("avg_amount"),
      F.countDistinct("customer_id").alias("customers"),
    )
    .join(cities, "city")
    .orderBy(F.col("revenue").desc())
    .limit(TOP_N);
  await result.write.mode("overwrite").parquet(args.out);
  if (typeof spark.stop === "function") await spark.stop();
  return note;
});
