/**
 * JDBC load benchmark (not a test): 1M sales rows into PostgreSQL and MariaDB with Pijar,
 * against PySpark's JDBC writer and each database's own bulk load of the same rows as CSV
 * (psql \copy, LOAD DATA LOCAL INFILE). Prints seconds and ratios.
 *
 * Usage: npx tsx bench/jdbc/run.ts [ROWS]   (env from scripts/db/start-*.sh; PySpark from
 *        .venv with the driver jars in bench/jdbc/jars, see bench/jdbc/README.md;
 *        PIJAR_BENCH_SKIP_SPARK=1 skips PySpark)
 */
import { createWriteStream, mkdirSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { once } from "node:events";
import { SparkSession } from "../../src/index.js";
import { writeJdbc } from "../../src/io/jdbc/index.js";
import { openConnection } from "../../src/io/jdbc/connect.js";
import { parseJdbcOptions } from "../../src/io/jdbc/jdbc-options.js";
import { salesCsvLines, salesDataFrame } from "./sales-data.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const env = process.env;
const outDir = resolve("bench/out/jdbc");
mkdirSync(outDir, { recursive: true });
const csv = join(outDir, `sales-${rows}.csv`);

async function writeCsv(): Promise<void> {
  if (existsSync(csv)) return;
  const out = createWriteStream(csv);
  let buf = "";
  for (const line of salesCsvLines(rows)) {
    buf += line;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

const time = async (f: () => Promise<unknown> | unknown): Promise<number> => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", env: { ...env, ...extraEnv }, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

const CREATE_PG = "DROP TABLE IF EXISTS bench_bulk; CREATE TABLE bench_bulk (order_id BIGINT, customer_id INTEGER, city TEXT, product TEXT, quantity INTEGER, unit_price NUMERIC(10,2), order_ts TIMESTAMP WITH TIME ZONE, status TEXT)";
const CREATE_MY = "DROP TABLE IF EXISTS bench_bulk; CREATE TABLE bench_bulk (order_id BIGINT, customer_id INT, city LONGTEXT, product LONGTEXT, quantity INT, unit_price DECIMAL(10,2), order_ts DATETIME(6), status LONGTEXT)";

/** Drops a table before a timed load, so every contender loads into a new, empty table. */
async function drop(url: string, user: string, password: string, table: string): Promise<void> {
  const c = await openConnection(parseJdbcOptions({ url, user, password }));
  try {
    await c.exec(`DROP TABLE IF EXISTS ${table}`);
  } finally {
    await c.close();
  }
}

async function count(url: string, user: string, password: string, table: string): Promise<number> {
  const c = await openConnection(parseJdbcOptions({ url, user, password }));
  try {
    return Number((await c.query(`SELECT COUNT(*) FROM ${table}`))[0]![0]);
  } finally {
    await c.close();
  }
}

await writeCsv();
const spark = SparkSession.builder.getOrCreate();
spark.conf.set("spark.sql.session.timeZone", "UTC");
const df = salesDataFrame(spark, rows);
const results: Record<string, Record<string, number>> = {};

if (env["PIJAR_PG_URL"]) {
  const [url, user, password] = [env["PIJAR_PG_URL"], env["PIJAR_PG_USER"]!, env["PIJAR_PG_PASSWORD"]!];
  const m = /\/\/([^:/]+):(\d+)\/(\w+)/.exec(url)!;
  await drop(url, user, password, "bench_pijar");
  await drop(url, user, password, "bench_spark");
  const pijar = await time(() => writeJdbc(df, { url, user, password, dbtable: "bench_pijar" }));
  if ((await count(url, user, password, "bench_pijar")) !== rows) throw new Error("pijar row count mismatch (postgres)");
  const psql = ["-h", m[1]!, "-p", m[2]!, "-U", user, "-d", m[3]!, "-v", "ON_ERROR_STOP=1", "-q"];
  run("psql", [...psql, "-c", CREATE_PG], { PGPASSWORD: password });
  const bulk = await time(() => run("psql", [...psql, "-c", `\\copy bench_bulk FROM '${csv}' WITH (FORMAT csv, HEADER true)`], { PGPASSWORD: password }));
  results["postgres"] = { pijar, bulk };
}
if (env["PIJAR_MYSQL_URL"]) {
  const [url, user, password] = [env["PIJAR_MYSQL_URL"], env["PIJAR_MYSQL_USER"]!, env["PIJAR_MYSQL_PASSWORD"]!];
  const m = /\/\/([^:/]+):(\d+)\/(\w+)/.exec(url)!;
  await drop(url, user, password, "bench_pijar");
  await drop(url, user, password, "bench_spark");
  const pijar = await time(() => writeJdbc(df, { url, user, password, dbtable: "bench_pijar" }));
  if ((await count(url, user, password, "bench_pijar")) !== rows) throw new Error("pijar row count mismatch (mariadb)");
  const my = ["-h", m[1]!, "-P", m[2]!, "-u", user, m[3]!, "--local-infile=1"];
  run("mariadb", [...my, "-e", CREATE_MY], { MYSQL_PWD: password });
  const bulk = await time(() => run("mariadb", [...my, "-e",
    `SET time_zone = '+00:00'; LOAD DATA LOCAL INFILE '${csv}' INTO TABLE bench_bulk FIELDS TERMINATED BY ',' LINES TERMINATED BY '\\n' IGNORE 1 LINES`], { MYSQL_PWD: password }));
  results["mariadb"] = { pijar, bulk };
}
if (!env["PIJAR_BENCH_SKIP_SPARK"]) {
  const out = run(resolve(".venv/bin/python"), ["bench/jdbc/spark_write.py", csv]);
  const spark = JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
  for (const db of Object.keys(results)) if (spark[db] !== undefined) results[db]!["spark"] = spark[db]!;
}

console.log(`\nJDBC load of ${rows.toLocaleString("en-US")} sales rows (seconds; ratio = other / Pijar, > 1 means Pijar is faster)`);
for (const [db, r] of Object.entries(results)) {
  const line = [`${db.padEnd(9)} pijar ${r["pijar"]!.toFixed(2)}s`, `bulk load ${r["bulk"]!.toFixed(2)}s (${(r["bulk"]! / r["pijar"]!).toFixed(2)}x)`];
  if (r["spark"] !== undefined) line.push(`pyspark jdbc ${r["spark"].toFixed(2)}s (${(r["spark"] / r["pijar"]!).toFixed(2)}x)`);
  console.log(line.join(" | "));
}
console.log(`load average: ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
