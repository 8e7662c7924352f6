"""The answer key of the course exercises, computed by real PySpark (never typed by hand).

Each exercise's reference solution runs here in PySpark on notebooks/data/, and what Spark
returns is stored in notebooks/lib/expected.json, which notebooks/lib/checks.ts compares the
learner's answer with. Re-run after changing the data or an exercise:

    .venv/bin/python notebooks/lib/oracle.py --write   # rewrite expected.json (+ oracle.stamp)
    .venv/bin/python notebooks/lib/oracle.py --check   # CI: fail if expected.json is stale

The canonical form of values (canon/digest below) must match checks.ts exactly.
"""
from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "test"))
from sparkoracle import write_or_check  # noqa: E402
from sparkoracle.session import session, utc_process  # noqa: E402

utc_process()
DATA = HERE.parent / "data"
FULL_ROWS_LIMIT = 100  # larger answers are stored as a digest plus a few sample rows

SALES_DDL = ("invoice_id STRING, date DATE, time STRING, branch_id STRING, city STRING, "
             "customer_id STRING, customer_type STRING, gender STRING, product_id STRING, "
             "product_name STRING, category STRING, unit_price DOUBLE, quantity INT, "
             "tax DOUBLE, total DOUBLE, payment STRING, rating DOUBLE")


def canon(v) -> str:
    """One value as text, the same way checks.ts writes it."""
    if v is None:
        return "∅"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, decimal.Decimal)):
        x = float(v)
        if x != x:
            return "NaN"
        s = f"{round(x, 6):.6f}".rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)) and not hasattr(v, "asDict"):
        return "[" + ",".join(canon(x) for x in v) + "]"
    if hasattr(v, "asDict"):
        return "{" + ",".join(f"{k}={canon(x)}" for k, x in v.asDict().items()) + "}"
    if isinstance(v, dict):
        return "{" + ",".join(f"{k}={canon(x)}" for k, x in v.items()) + "}"
    return str(v)


def canon_row(row) -> str:
    return "\u001f".join(canon(v) for v in row)


def frame(df, ordered: bool, check_types: bool = False) -> dict:
    rows = [canon_row(r) for r in df.collect()]
    keyed = rows if ordered else sorted(rows)
    out = {
        "kind": "frame", "ordered": ordered, "checkTypes": check_types,
        "columns": df.columns, "dtypes": [t for _, t in df.dtypes], "count": len(rows),
        "digest": hashlib.sha256("\n".join(keyed).encode()).hexdigest(),
    }
    out["rows" if len(rows) <= FULL_ROWS_LIMIT else "sample"] = keyed[:FULL_ROWS_LIMIT if len(rows) <= FULL_ROWS_LIMIT else 5]
    return out


def value(v) -> dict:
    return {"kind": "value", "value": canon(v)}


def clean_sales(spark):
    """The cleaning recipe of notebooks 3 and 5 (keep both in sync with this)."""
    from pyspark.sql import functions as F
    raw = spark.read.csv(str(DATA / "sales.csv"), header=True, schema=SALES_DDL)
    # PERMISSIVE (the default) turns the two malformed numbers into nulls; those rows go.
    # (Not DROPMALFORMED: Spark's count() skips parsing unused columns and would keep them.)
    return (raw.filter(F.col("unit_price").isNotNull() & F.col("quantity").isNotNull())
            .dropDuplicates(["invoice_id"])
            .withColumn("city", F.initcap(F.trim("city")))
            .fillna({"customer_type": "Tidak diketahui", "payment": "Tidak diketahui"}))


def run(mode: str) -> int:
    from pyspark.sql import functions as F, Window
    spark = session()
    d = lambda name: str(DATA / name)  # noqa: E731
    expected: dict[str, dict] = {}

    # 01: Spark and the DataFrame
    sales = spark.read.csv(d("sales.csv"), header=True, inferSchema=True)
    expected["01-1"] = value(sales.count())
    expected["01-2"] = frame(sales.filter((F.col("city") == "Bandung") & (F.col("total") > 100))
                             .select("invoice_id", "product_name", "total"), ordered=False)
    expected["01-3"] = frame(sales.select("invoice_id", "city", "total")
                             .orderBy(F.col("total").desc(), F.col("invoice_id")).limit(5), ordered=True)

    # 02: Extract
    expected["02-1"] = frame(spark.read.csv(d("branches.csv"), header=True, inferSchema=True), ordered=False, check_types=True)
    expected["02-2"] = frame(spark.read.csv(d("sales.csv"), header=True, schema=SALES_DDL, mode="DROPMALFORMED"), ordered=False, check_types=True)
    customers = spark.read.json(d("customers.jsonl"))
    expected["02-3"] = frame(customers.filter(F.col("birth_year") < 1970)
                             .select("customer_id", F.col("address.city").alias("city"), F.size("interests").alias("n_interests")), ordered=False)

    # 03: Transform
    clean = clean_sales(spark)
    branches = spark.read.csv(d("branches.csv"), header=True, inferSchema=True)
    expected["03-1"] = frame(spark.read.csv(d("sales.csv"), header=True, inferSchema=True)
                             .select(F.initcap(F.trim("city")).alias("city")).distinct(), ordered=False)
    expected["03-2"] = frame(clean.groupBy("category").agg(F.round(F.sum("total"), 2).alias("revenue"))
                             .orderBy(F.col("revenue").desc()), ordered=True)
    expected["03-3"] = frame(clean.join(branches.select("branch_id", "region"), "branch_id")
                             .groupBy("region").agg(F.round(F.sum("total"), 2).alias("revenue"))
                             .orderBy(F.col("revenue").desc()), ordered=True)
    per_product = clean.groupBy("category", "product_name").agg(F.sum("quantity").alias("qty"))
    w = Window.partitionBy("category").orderBy(F.col("qty").desc(), F.col("product_name"))
    expected["03-4"] = frame(per_product.withColumn("rn", F.row_number().over(w)).filter("rn = 1")
                             .select("category", "product_name", "qty").orderBy("category"), ordered=True)

    # 04: Load
    tmp = Path(tempfile.mkdtemp())
    clean.write.mode("overwrite").partitionBy("category").parquet(str(tmp / "by_category"))
    dirs = sorted(p.name for p in (tmp / "by_category").iterdir() if p.is_dir())
    shutil.rmtree(tmp)
    expected["04-1"] = {"kind": "dirs", "dirs": dirs}
    expected["04-2"] = frame(clean.groupBy("city").agg(F.round(F.sum("total"), 2).alias("revenue")), ordered=False)

    # 05: the ETL project
    expected["05-1"] = value(clean.count())
    enriched = clean.join(branches.select("branch_id", "branch_name", "region"), "branch_id")
    expected["05-2"] = frame(enriched.groupBy(F.date_format("date", "yyyy-MM").alias("month"), "region")
                             .agg(F.round(F.sum("total"), 2).alias("revenue")).orderBy("month", "region"), ordered=True)
    expected["05-3"] = frame(enriched.groupBy("branch_name").agg(F.round(F.sum("total"), 2).alias("revenue"))
                             .orderBy(F.col("revenue").desc()).limit(3), ordered=True)

    text = json.dumps(expected, indent=1, ensure_ascii=False) + "\n"
    return write_or_check(mode, "course", HERE / "expected.json", text, f"{len(expected)} exercises")


if __name__ == "__main__":
    sys.exit(run("check" if "--check" in sys.argv else "write"))
