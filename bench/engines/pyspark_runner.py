"""PySpark (local mode) runner: the reference implementation of the workload.

Standalone: /work/main/.venv/bin/python bench/engines/pyspark_runner.py \
    --input F --format csv|parquet --cities F --out DIR
Prints the same BENCH_RESULT line as the TypeScript runners (see bench/workload.ts).
"""
import argparse
import json
import time

RESULT_PREFIX = "BENCH_RESULT "
SALES_DDL = (
    "order_id BIGINT, customer_id INT, city STRING, product STRING, quantity INT, "
    "unit_price DOUBLE, order_ts TIMESTAMP, status STRING"
)


def report(**fields):
    print("\n" + RESULT_PREFIX + json.dumps(fields), flush=True)


def main():
    p = argparse.ArgumentParser()
    for k in ("input", "format", "cities", "out"):
        p.add_argument("--" + k, required=True)
    args = p.parse_args()
    t0 = time.perf_counter()
    try:
        from pyspark.sql import SparkSession, functions as F

        spark = (
            SparkSession.builder.master("local[*]")
            .appName("pijar-bench")
            .config("spark.driver.memory", "8g")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        if args.format == "csv":
            sales = spark.read.csv(args.input, header=True, schema=SALES_DDL)
        else:
            sales = spark.read.parquet(args.input)
        cities = spark.read.csv(args.cities, header=True)
        result = (
            sales.filter((F.col("status") == "completed") & (F.col("quantity") > 0))
            .withColumn("amount", F.col("quantity") * F.col("unit_price"))
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
            .limit(100)
        )
        result.write.mode("overwrite").parquet(args.out)
        spark.stop()
        report(status="ok", innerSeconds=time.perf_counter() - t0,
               note="inner time includes SparkSession start")
    except ImportError as e:
        report(status="unavailable", note="pyspark not importable: %s" % e)
    except Exception as e:  # noqa: BLE001 - the harness wants every failure as a report
        report(status="error", note=("%s: %s" % (type(e).__name__, e))[:2000])
        raise SystemExit(1)


if __name__ == "__main__":
    main()
