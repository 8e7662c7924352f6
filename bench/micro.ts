/**
 * Per-operator micro-benchmarks: each operator of the ETL workload alone, Pijar against DuckDB
 * in the same process and run, median of N, with both results compared before a time counts.
 * DuckDB runs with its default threads (both cores); Pijar as a user gets it.
 *
 *   npx tsx bench/micro.ts [--size 1m] [--repeat 3]
 *
 * Inputs come from bench/generate.ts (bench/data/sales_<size>.csv and .parquet).
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { DATA_DIR, SALES_DDL, SALES_DUCKDB_COLUMNS } from "./workload.js";

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : dflt;
};
const size = opt("size", "1m");
const repeat = Number(opt("repeat", "3"));
const csv = join(DATA_DIR, `sales_${size}.csv`);
const parquet = join(DATA_DIR, `sales_${size}.parquet`);
const cities = join(DATA_DIR, "cities.csv");
if (!existsSync(csv) || !existsSync(parquet)) {
  console.error(`missing inputs: run npx tsx bench/generate.ts --sizes ${size}`);
  process.exit(2);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const built = join(import.meta.dirname, "..", "dist", "bundle", "pijar.js");
const pijar: Any = await import(existsSync(built) ? built : "../src/index.js");
const { SparkSession } = pijar;
const F: Any = pijar.functions;
const spark: Any = SparkSession.builder.getOrCreate();
spark.conf.set("spark.sql.session.timeZone", "UTC");
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
await con.run("SET TimeZone = 'UTC'");

const csvRel = `read_csv('${csv}', header=true, columns=${SALES_DUCKDB_COLUMNS})`;
const pqRel = `read_parquet('${parquet}')`;
const sales = () => spark.read.schema(SALES_DDL).csv(csv, { header: true });
const salesPq = () => spark.read.parquet(parquet);

interface Case {
  name: string;
  /** Pijar's answer: a small value both engines can print the same way. */
  pijar: () => Promise<unknown>;
  duck: string;
}

const one = async (df: Any) => (await df.collect()).map((r: Any) => r.toArray().map(String).join("|")).join(";");
const cases: Case[] = [
  { name: "CSV scan (count)", pijar: async () => String(await sales().count()), duck: `SELECT count(*) FROM ${csvRel}` },
  {
    name: "CSV scan + filter", pijar: async () => String(await sales().filter(F.col("status").equalTo("completed").and(F.col("quantity").gt(10))).count()),
    duck: `SELECT count(*) FROM ${csvRel} WHERE status = 'completed' AND quantity > 10`,
  },
  {
    name: "CSV scan + arithmetic sum", pijar: () => one(sales().agg(F.round(F.sum(F.col("quantity").multiply(F.col("unit_price"))), 2))),
    duck: `SELECT round(sum(quantity * unit_price), 2) FROM ${csvRel}`,
  },
  {
    name: "hash aggregate, 50 groups", pijar: () => one(sales().groupBy("city").agg(F.count("*").alias("n")).orderBy("city").limit(3)),
    duck: `SELECT city, count(*) n FROM ${csvRel} GROUP BY city ORDER BY city NULLS FIRST LIMIT 3`,
  },
  {
    name: "hash aggregate, 100k groups", pijar: () => one(sales().groupBy("customer_id").agg(F.count("*").alias("n")).orderBy("customer_id").limit(3)),
    duck: `SELECT customer_id, count(*) n FROM ${csvRel} GROUP BY customer_id ORDER BY customer_id NULLS FIRST LIMIT 3`,
  },
  {
    name: "hash aggregate, 1M groups (bigint key)", pijar: () => one(sales().groupBy("order_id").agg(F.count("*").alias("n")).agg(F.count("*"))),
    duck: `SELECT count(*) FROM (SELECT order_id, count(*) n FROM ${csvRel} GROUP BY order_id)`,
  },
  {
    name: "hash join with the dimension", pijar: async () => String(await sales().join(spark.read.csv(cities, { header: true }), "city").count()),
    duck: `SELECT count(*) FROM ${csvRel} JOIN read_csv('${cities}', header=true) USING (city)`,
  },
  {
    name: "sort (top 10 by price)", pijar: () => one(sales().orderBy(F.col("unit_price").desc(), F.col("order_id")).limit(10).select("order_id")),
    duck: `SELECT order_id FROM ${csvRel} ORDER BY unit_price DESC NULLS LAST, order_id LIMIT 10`,
  },
  { name: "Parquet scan (sum)", pijar: () => one(salesPq().agg(F.round(F.sum("unit_price"), 2))), duck: `SELECT round(sum(unit_price), 2) FROM ${pqRel}` },
];

async function duckAnswer(sql: string): Promise<string> {
  const r = await con.runAndReadAll(sql);
  return r.getRows().map((row) => row.map((v) => (v === null ? "null" : String(v))).join("|")).join(";");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(f: () => Promise<unknown>): Promise<{ s: number; answer: unknown }> {
  const t = process.hrtime.bigint();
  const answer = await f();
  return { s: Number(process.hrtime.bigint() - t) / 1e9, answer };
}

const mb = statSync(csv).size / 1e6;
console.log(`# Micro-benchmarks, ${size} rows (${mb.toFixed(0)} MB CSV), median of ${repeat}, same run\n`);
console.log("| operator | Pijar s | DuckDB s | Pijar / DuckDB | answers |");
console.log("|---|---|---|---|---|");
for (const c of cases) {
  const pt: number[] = [];
  const dt: number[] = [];
  let pa: unknown;
  let da: unknown;
  // Alternate the engines so a burst of load on the shared machine hits both.
  for (let i = 0; i < repeat; i++) {
    const p = await time(c.pijar);
    const d = await time(() => duckAnswer(c.duck));
    pt.push(p.s);
    dt.push(d.s);
    pa = p.answer;
    da = d.answer;
  }
  const same = String(pa) === String(da) ? "same" : `DIFFER: ${String(pa).slice(0, 60)} vs ${String(da).slice(0, 60)}`;
  const extra = c.name.startsWith("CSV scan (count)") ? ` (${(mb / median(pt)).toFixed(0)} MB/s vs ${(mb / median(dt)).toFixed(0)} MB/s)` : "";
  console.log(`| ${c.name} | ${median(pt).toFixed(3)} | ${median(dt).toFixed(3)} | ${(median(pt) / median(dt)).toFixed(2)}x${extra} | ${same} |`);
}
con.closeSync();
