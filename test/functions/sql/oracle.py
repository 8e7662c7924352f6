"""Runs every line of exprs.txt as `SELECT <line>` in PySpark (the oracle) and writes column
names, types and normalized rows (or the error class) to expected.json, which
test/functions/sql.test.ts compares Pijar against.

    .venv/bin/python test/functions/sql/oracle.py --write   # rewrite expected.json (+ oracle.stamp)
    .venv/bin/python test/functions/sql/oracle.py --check   # fail if expected.json is not PySpark's
"""
import datetime
import decimal
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
from sparkoracle import write_or_check  # noqa: E402
from sparkoracle.session import session, utc_process  # noqa: E402

utc_process()


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


def run(mode: str) -> int:
    spark = session()
    out = {}
    for line in (HERE / "exprs.txt").read_text().split("\n"):
        line = line.strip()
        if not line: continue
        try:
            df = spark.sql("SELECT " + line)
            out[line] = {"cols": df.columns, "types": [f.dataType.simpleString() for f in df.schema.fields], "rows": [norm(list(r)) for r in df.collect()]}
        except Exception as e:
            out[line] = {"error": getattr(e, "getCondition", lambda: None)() or type(e).__name__}
    text = json.dumps(out, indent=0, allow_nan=False)
    return write_or_check(mode, "functions-sql", HERE / "expected.json", text, f"{len(out)} expressions")


if __name__ == "__main__":
    sys.exit(run("check" if "--check" in sys.argv else "write"))
