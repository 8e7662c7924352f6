"""Asks PySpark (the oracle) how functions behave: each line of a queries file is a SELECT
list (`upper('a'), round(2.5)`) or, after `py:`, a Python expression building a DataFrame.
Prints column names, types and rows (or the error class) for each, so unit-test expectations
in test/functions/*.test.ts are copied from real PySpark output, never guessed.

    .venv/bin/python test/functions/oracle/run.py test/functions/oracle/queries-1.txt
"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from sparkoracle.session import session  # noqa: E402
spark = session()
for line in open(sys.argv[1]):
    line=line.strip()
    if not line or line.startswith("#"): continue
    try:
        if line.startswith("py:"):
            from pyspark.sql import functions as F
            df = eval(line[3:])
        else:
            df = spark.sql("SELECT " + line)
        rows = df.collect()
        print("Q:", line); print("   cols:", df.columns, "types:", [f.dataType.simpleString() for f in df.schema.fields])
        print("   rows:", [tuple(r) for r in rows])
    except Exception as e:
        cls = getattr(e, "getCondition", lambda: None)()
        print("Q:", line); print("   ERR:", type(e).__name__, cls, str(e).split("\n")[0][:300])
