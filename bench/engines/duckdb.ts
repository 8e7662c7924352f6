/**
 * DuckDB runner: the whole pipeline as one SQL statement, COPY ... TO parquet.
 * Standalone: npx tsx bench/engines/duckdb.ts --input F --format csv|parquet --cities F --out F
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { parseRunnerArgs, runTimed, SALES_DUCKDB_COLUMNS, TOP_N } from "../workload.js";

const args = parseRunnerArgs(process.argv.slice(2));

await runTimed(async () => {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  const sales =
    args.format === "csv"
      ? `read_csv('${args.input}', header=true, columns=${SALES_DUCKDB_COLUMNS})`
      : `read_parquet('${args.input}')`;
  await con.run(`
    COPY (
      WITH agg AS (
        SELECT city, CAST(order_ts AS DATE) AS order_date,
               sum(quantity * unit_price) AS revenue, count(*) AS orders,
               avg(quantity * unit_price) AS avg_amount, count(DISTINCT customer_id) AS customers
        FROM ${sales}
        WHERE status = 'completed' AND quantity > 0
        GROUP BY ALL
      )
      SELECT agg.*, c.province, c.region
      FROM agg JOIN read_csv('${args.cities}', header=true) c USING (city)
      ORDER BY revenue DESC
      LIMIT ${TOP_N}
    ) TO '${args.out}' (FORMAT parquet)`);
  con.closeSync();
});
