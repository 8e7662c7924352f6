"""Oracle for Pijar's JDBC type mapping: asks real PySpark (JDBC drivers from Maven Central,
bench/jdbc/jars) which column types df.write.jdbc creates and which Spark types
spark.read.jdbc gives for database types. Prints JSON; run by hand, output is stored in
test/jdbc/expected/spark-type-mapping.json.

Usage: .venv/bin/python test/jdbc/spark_oracle.py   (with PIJAR_PG_* / PIJAR_MYSQL_* set)
"""
import datetime as dt, decimal, glob, json, os, sys
from pyspark.sql import SparkSession
from pyspark.sql.types import *

jars = ",".join(glob.glob(os.path.join(os.path.dirname(__file__), "../../bench/jdbc/jars/*.jar")))
spark = (SparkSession.builder.master("local[1]").config("spark.jars", jars)
         .config("spark.sql.session.timeZone", "UTC").config("spark.driver.extraJavaOptions", "-Duser.timezone=UTC")
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
schema = StructType([
    StructField("c_bool", BooleanType()), StructField("c_byte", ByteType()), StructField("c_short", ShortType()),
    StructField("c_int", IntegerType()), StructField("c_long", LongType()), StructField("c_float", FloatType()),
    StructField("c_double", DoubleType()), StructField("c_dec", DecimalType(10, 2)), StructField("c_str", StringType()),
    StructField("c_bin", BinaryType()), StructField("c_date", DateType()), StructField("c_ts", TimestampType()),
    StructField("c_ntz", TimestampNTZType()),
])
row = (True, 1, 2, 3, 4, 1.5, 2.5, decimal.Decimal("12.34"), "x", b"ab", dt.date(2024, 1, 2),
       dt.datetime(2024, 1, 2, 3, 4, 5, 6), dt.datetime(2024, 1, 2, 3, 4, 5, 6))
df = spark.createDataFrame([row], schema)
out = {}

def run(name, url, props, describe):
    try:
        df.write.jdbc(url, "spark_types", "overwrite", props)
        back = spark.read.jdbc(url, "spark_types", properties=props)
        out[name] = {"created": describe(), "read_back": [[f.name, f.dataType.simpleString()] for f in back.schema.fields],
                     "values": [str(v) for v in back.collect()[0]]}
    except Exception as e:  # record, keep going with the other databases
        out[name] = {"error": str(e)[:2000]}

if os.environ.get("PIJAR_PG_URL"):
    import subprocess
    def pg_describe():
        q = "SELECT column_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name='spark_types' ORDER BY ordinal_position"
        u = os.environ["PIJAR_PG_URL"].replace("jdbc:", "")
        r = subprocess.run(["psql", u.replace("postgresql://", f"postgresql://{os.environ['PIJAR_PG_USER']}:{os.environ['PIJAR_PG_PASSWORD']}@"), "-At", "-c", q], capture_output=True, text=True)
        return r.stdout.strip().split("\n")
    run("postgres", os.environ["PIJAR_PG_URL"], {"user": os.environ["PIJAR_PG_USER"], "password": os.environ["PIJAR_PG_PASSWORD"], "driver": "org.postgresql.Driver"}, pg_describe)
if os.environ.get("PIJAR_MYSQL_URL"):
    import subprocess
    def my_describe():
        r = subprocess.run(["mariadb", "-h127.0.0.1", "-P" + os.environ["PIJAR_MYSQL_PORT"], "-u" + os.environ["PIJAR_MYSQL_USER"], "-p" + os.environ["PIJAR_MYSQL_PASSWORD"], "pijar", "-N", "-e",
                            "SELECT column_name, column_type FROM information_schema.columns WHERE table_name='spark_types' ORDER BY ordinal_position"], capture_output=True, text=True)
        return r.stdout.strip().split("\n")
    props = {"user": os.environ["PIJAR_MYSQL_USER"], "password": os.environ["PIJAR_MYSQL_PASSWORD"]}
    run("mysql", os.environ["PIJAR_MYSQL_URL"], {**props, "driver": "com.mysql.cj.jdbc.Driver"}, my_describe)
    run("mariadb", os.environ["PIJAR_MYSQL_URL"].replace("jdbc:mysql", "jdbc:mariadb"), {**props, "driver": "org.mariadb.jdbc.Driver"}, my_describe)
# Tables created by the database itself (types Spark did not choose): Spark's read schema.
PG_READ = ("CREATE TABLE spark_read_types (a smallint, b integer, c bigint, d real, e double precision, f numeric, g numeric(5,1), "
           "h boolean, i text, j varchar(10), k char(3), l date, m timestamp, n timestamptz, o bytea, p json, q uuid, r bit(1), s money)")
MY_READ = ("CREATE TABLE spark_read_types (a tinyint, b tinyint(1), c smallint, d mediumint, e int, f int unsigned, g bigint, "
           "h bigint unsigned, i float, j double, k decimal(12,3), l bit(1), m bit(8), n char(5), o varchar(20), p text, q blob, "
           "r varbinary(10), s date, t datetime, u timestamp NULL, v year, w enum('x','y'), x smallint unsigned, y decimal(20,0) unsigned)")

def read_types(name, url, props, create_cmd):
    try:
        import subprocess
        subprocess.run(create_cmd, check=True, capture_output=True)
        back = spark.read.jdbc(url, "spark_read_types", properties=props)
        out[name + "_read"] = [[f.name, f.dataType.simpleString()] for f in back.schema.fields]
    except Exception as e:
        out[name + "_read"] = {"error": str(e)[:2000]}

if os.environ.get("PIJAR_PG_URL"):
    u = os.environ["PIJAR_PG_URL"].replace("jdbc:", "").replace("postgresql://", f"postgresql://{os.environ['PIJAR_PG_USER']}:{os.environ['PIJAR_PG_PASSWORD']}@")
    read_types("postgres", os.environ["PIJAR_PG_URL"], {"user": os.environ["PIJAR_PG_USER"], "password": os.environ["PIJAR_PG_PASSWORD"], "driver": "org.postgresql.Driver"},
               ["psql", u, "-c", "DROP TABLE IF EXISTS spark_read_types", "-c", PG_READ])
if os.environ.get("PIJAR_MYSQL_URL"):
    read_types("mysql", os.environ["PIJAR_MYSQL_URL"], {"user": os.environ["PIJAR_MYSQL_USER"], "password": os.environ["PIJAR_MYSQL_PASSWORD"], "driver": "com.mysql.cj.jdbc.Driver"},
               ["mariadb", "-h127.0.0.1", "-P" + os.environ["PIJAR_MYSQL_PORT"], "-u" + os.environ["PIJAR_MYSQL_USER"], "-p" + os.environ["PIJAR_MYSQL_PASSWORD"], "pijar",
                "-e", "DROP TABLE IF EXISTS spark_read_types; " + MY_READ])
import tempfile, sqlite3
path = os.path.join(tempfile.mkdtemp(), "t.db")
def sq_describe():
    return [f"{r[1]} {r[2]}" for r in sqlite3.connect(path).execute("PRAGMA table_info(spark_types)")]
run("sqlite", "jdbc:sqlite:" + path, {"driver": "org.sqlite.JDBC"}, sq_describe)
print(json.dumps(out, indent=1))
