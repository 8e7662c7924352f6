"""The round trips of bench/connect/roundtrip.mts, made by PySpark's own Spark Connect client
(pyspark[connect]) against the same server: same queries, same warm-up (one call), same reps,
medians. bench/connect/run.ts runs both runners interleaved and prints Pijar / PySpark.

    PIJAR_TEST_SPARK_REMOTE=sc://... .venv/bin/python bench/connect/roundtrip_pyspark.py [--reps 15] [--json]
"""
import argparse
import json
import os
import sys
import time

from pyspark.sql import SparkSession, functions as F

parser = argparse.ArgumentParser()
parser.add_argument("--reps", type=int, default=15)
parser.add_argument("--json", action="store_true")
args = parser.parse_args()

url = os.environ.get("PIJAR_TEST_SPARK_REMOTE") or os.environ.get("SPARK_REMOTE")
if not url:
    sys.exit('set PIJAR_TEST_SPARK_REMOTE (eval "$(bash scripts/connect/start-server.sh)")')
# PySpark's client switches to TLS whenever a token is given, except for the host spelled
# "localhost", where it uses gRPC's local (loopback, unencrypted) credentials: the server from
# scripts/connect/start-server.sh speaks plaintext on 127.0.0.1, so name it that way.
url = url.replace("sc://127.0.0.1:", "sc://localhost:", 1)
spark = SparkSession.builder.remote(url).getOrCreate()

results = {}


def median(qid, name, f):
    f()  # warm-up
    ts = []
    for _ in range(args.reps):
        t = time.perf_counter()
        f()
        ts.append((time.perf_counter() - t) * 1000)
    ts.sort()
    results[qid] = {"median": ts[len(ts) // 2], "min": ts[0]}
    if not args.json:
        print(f"{name:<40} median {results[qid]['median']:8.1f} ms   min {ts[0]:8.1f} ms")


# Each lambda builds a fresh DataFrame, as the Pijar runner does, so no client-side schema cache helps.
median("schema", "schema (AnalyzePlan, uncached)", lambda: spark.range(10).withColumn("x", F.col("id") + 1).columns)
median("sql1", "spark.sql('SELECT 1').collect()", lambda: spark.sql("SELECT 1 AS one").collect())
median("range10", "range(10).collect()", lambda: spark.range(10).collect())
median("show10", "range(10).show() text", lambda: spark.range(10)._show_string())
median("rows100k", "range(100000) x 3 cols collect()",
       lambda: spark.range(100000).select("id", (F.col("id") * 2).alias("b"), F.col("id").cast("string").alias("s")).collect())
if args.json:
    print(json.dumps(results))
spark.stop()
