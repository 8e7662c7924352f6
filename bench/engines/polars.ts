/**
 * nodejs-polars runner: one lazy query (scan, filter, group, join, sort, head), collected once.
 * Standalone: npx tsx bench/engines/polars.ts --input F --format csv|parquet --cities F --out F
 */
import pl from "nodejs-polars";
import { parseRunnerArgs, runTimed, TOP_N } from "../workload.js";

const args = parseRunnerArgs(process.argv.slice(2));

await runTimed(async () => {
  const sales =
    args.format === "csv"
      ? pl.scanCSV(args.input, {
          hasHeader: true,
          schema: {
            order_id: pl.Int64,
            customer_id: pl.Int32,
            city: pl.Utf8,
            product: pl.Utf8,
            quantity: pl.Int32,
            unit_price: pl.Float64,
            // A Datetime in the schema makes Polars guess the format per value (5x slower at
            // 1M rows); a Polars user states the format instead, as done below.
            order_ts: pl.Utf8,
            status: pl.Utf8,
          },
        }).withColumns(pl.col("order_ts").str.strptime(pl.Datetime("ms"), "%Y-%m-%d %H:%M:%S"))
      : pl.scanParquet(args.input);
  const cities = pl.scanCSV(args.cities, { hasHeader: true });
  const amount = pl.col("quantity").mul(pl.col("unit_price"));
  const result = await sales
    .filter(pl.col("status").eq(pl.lit("completed")).and(pl.col("quantity").gt(0)))
    .withColumns(amount.alias("amount"), pl.col("order_ts").cast(pl.Date).alias("order_date"))
    .groupBy(["city", "order_date"])
    .agg(
      pl.col("amount").sum().alias("revenue"),
      pl.len().alias("orders"),
      pl.col("amount").mean().alias("avg_amount"),
      // n_unique counts null as a value; Spark's countDistinct does not, so drop nulls first.
      pl.col("customer_id").dropNulls().nUnique().alias("customers"),
    )
    .join(cities, { on: "city", how: "inner" })
    .sort("revenue", true)
    .head(TOP_N)
    .collect();
  result.writeParquet(args.out);
});
