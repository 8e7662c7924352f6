"""PySpark's JDBC writer on the benchmark's sales CSV (timed: the write only; the data is
read and cached first). Prints JSON {"postgres": seconds, "mariadb": seconds}.

Usage: .venv/bin/python bench/jdbc/spark_write.py SALES_CSV   (PIJAR_PG_* / PIJAR_MYSQL_* set)
"""
import glob, json, os, sys, time
from pyspark.sql import SparkSession

jars = ",".join(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "jars", "*.jar")))
spark = (SparkSession.builder.master("local[*]").config("spark.jars", jars)
         .config("spark.sql.session.timeZone", "UTC").config("spark.driver.memory", "4g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
schema = "order_id BIGINT, customer_id INT, city STRING, product STRING, quantity INT, unit_price DECIMAL(10,2), order_ts TIMESTAMP, status STRING"
df = spark.read.csv(sys.argv[1], header=True, schema=schema).cache()
n = df.count()
out = {"rows": n}
targets = []
if os.environ.get("PIJAR_PG_URL"):
    targets.append(("postgres", os.environ["PIJAR_PG_URL"], os.environ["PIJAR_PG_USER"], os.environ["PIJAR_PG_PASSWORD"], "org.postgresql.Driver"))
if os.environ.get("PIJAR_MYSQL_URL"):
    targets.append(("mariadb", os.environ["PIJAR_MYSQL_URL"], os.environ["PIJAR_MYSQL_USER"], os.environ["PIJAR_MYSQL_PASSWORD"], "com.mysql.cj.jdbc.Driver"))
for name, url, user, password, driver in targets:
    t = time.time()
    # bench/jdbc/run.ts dropped the table: every contender loads into a new, empty table.
    df.write.jdbc(url, "bench_spark", "errorifexists", {"user": user, "password": password, "driver": driver})
    out[name] = time.time() - t
print(json.dumps(out))
