"""Runs every line of exprs.txt as `SELECT <line>` in PySpark 4.0.1 (the oracle) and writes
column names, types and normalized rows (or the error class) to expected.json, which
test/functions/sql.test.ts compares Pijar against.

    .venv/bin/python test/functions/sql/oracle.py test/functions/sql/exprs.txt test/functions/sql/expected.json
"""
import sys, os, json, datetime, decimal
os.environ["TZ"]="UTC"
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[1]").config("spark.ui.enabled","false").config("spark.sql.session.timeZone","UTC").getOrCreate())
spark.sparkContext.setLogLevel("OFF")
def norm(v):
    if v is None: return None
    if isinstance(v, bool): return v
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return "NaN" if v != v else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, (int, float)): return v
    if isinstance(v, decimal.Decimal): return str(v)
    if isinstance(v, datetime.datetime): return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, datetime.date): return v.isoformat()
    if isinstance(v, (bytes, bytearray)): return list(v)
    if isinstance(v, dict): return {str(k): norm(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)): return [norm(x) for x in v]
    return str(v)
out = {}
for line in open(sys.argv[1]):
    line=line.strip()
    if not line: continue
    try:
        df = spark.sql("SELECT " + line)
        out[line] = {"cols": df.columns, "types": [f.dataType.simpleString() for f in df.schema.fields], "rows": [norm(list(r)) for r in df.collect()]}
    except Exception as e:
        out[line] = {"error": getattr(e, "getCondition", lambda: None)() or type(e).__name__}
json.dump(out, open(sys.argv[2], "w"), indent=0, allow_nan=False)
