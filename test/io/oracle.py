"""PySpark oracle for the I/O tests: runs every case in cases/*.json through real PySpark 4
and records what Spark produced in expected/<area>.json. Never edit expected/ by hand.

    .venv/bin/python test/io/oracle.py            # regenerate all expectation files

Areas:
- patterns.json: date_format over a timestamp/date, to_timestamp/to_date with a format
- csv.json / json.json: a file's text + reader options (+ optional DDL schema) -> schema + rows
  or the error class
- write.json: rows (DDL + values) written with options -> the exact text of the part files
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ["TZ"] = "UTC"
time.tzset()
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "golden"))
from normalize import normalize_row  # noqa: E402


def session():
    from pyspark.sql import SparkSession
    s = (SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false")
         .config("spark.sql.session.timeZone", "UTC")
         .config("spark.driver.extraJavaOptions", "-Duser.timezone=UTC").getOrCreate())
    s.sparkContext.setLogLevel("OFF")
    return s


def error_class(e: Exception) -> str:
    cond = getattr(e, "getCondition", lambda: None)() or ""
    text = str(e)
    if not cond and "[" in text:
        cond = text[text.index("[") + 1:text.index("]")]
    # FAILFAST wraps the parse error in FAILED_READ_FILE; the real cause is inside.
    if "MALFORMED_RECORD_IN_PARSING" in text:
        return "MALFORMED_RECORD_IN_PARSING"
    return cond or type(e).__name__


def run_patterns(spark, cases):
    from pyspark.sql import functions as F
    out = {}
    for c in cases:
        key = c["name"]
        spark.conf.set("spark.sql.session.timeZone", c.get("tz", "UTC"))
        try:
            if c["kind"] == "format":
                df = spark.sql(f"select timestamp'{c['ts']}' t, date'{c['ts'][:10]}' d")
                r = df.select(F.date_format("t", c["pattern"]), F.date_format("d", c["pattern"])).first()
                out[key] = {"timestamp": r[0], "date": r[1]}
            else:
                spark.conf.set("spark.sql.ansi.enabled", "false")
                df = spark.createDataFrame([(c["text"],)], "s string")
                r = df.select(F.to_timestamp("s", c["pattern"]).cast("string"), F.to_date("s", c["pattern"]).cast("string")).first()
                out[key] = {"timestamp": r[0], "date": r[1]}
        except Exception as e:  # noqa: BLE001
            out[key] = {"error": error_class(e)}
        finally:
            spark.conf.set("spark.sql.ansi.enabled", "true")
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    return out


def run_reads(spark, cases, fmt):
    out = {}
    tmp = Path(tempfile.mkdtemp(prefix="pijar-io-oracle-"))
    for c in cases:
        path = tmp / (c["name"] + "." + fmt)
        path.write_bytes(c["content"].encode(c.get("encoding", "utf-8")))
        r = spark.read.format(fmt).options(**c.get("options", {}))
        if "schema" in c:
            r = r.schema(c["schema"])
        try:
            df = r.load(str(path))
            rows = [normalize_row(x) for x in df.collect()]
            out[c["name"]] = {"schema": df.schema.simpleString(), "rows": rows}
        except Exception as e:  # noqa: BLE001
            out[c["name"]] = {"error": error_class(e)}
    shutil.rmtree(tmp)
    return out


def run_writes(spark, cases):
    out = {}
    tmp = Path(tempfile.mkdtemp(prefix="pijar-io-oracle-"))
    for c in cases:
        path = tmp / c["name"]
        df = spark.createDataFrame(json_rows(c), c["schema"]).coalesce(1)
        df.write.format(c["format"]).options(**c.get("options", {})).save(str(path))
        texts = [p.read_text() for p in sorted(path.iterdir()) if p.name.startswith("part-")]
        out[c["name"]] = {"text": "".join(texts), "files": sorted(p.name.split("-")[0] for p in path.iterdir() if not p.name.startswith("."))}
    shutil.rmtree(tmp)
    return out


def json_rows(c):
    """Rows given as JSON; "date:"/"ts:" prefixed strings become date/datetime values."""
    import datetime as dt
    def conv(v):
        if isinstance(v, str) and v.startswith("date:"):
            return dt.date.fromisoformat(v[5:])
        if isinstance(v, str) and v.startswith("ts:"):
            return dt.datetime.fromisoformat(v[3:])
        if isinstance(v, str) and v.startswith("dec:"):
            import decimal
            return decimal.Decimal(v[4:])
        if v in ("NaN", "Infinity", "-Infinity"):
            return float(v)
        if isinstance(v, list):
            return [conv(x) for x in v]
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        return v
    return [tuple(conv(v) for v in row) for row in c["rows"]]


def main():
    spark = session()
    cases_dir = HERE / "cases"
    exp = HERE / "expected"
    exp.mkdir(exist_ok=True)
    only = sys.argv[1:] or ["patterns", "csv", "json", "write"]
    for area in only:
        f = cases_dir / f"{area}.json"
        if not f.exists():
            continue
        cases = json.loads(f.read_text())
        if area == "patterns":
            res = run_patterns(spark, cases)
        elif area == "write":
            res = run_writes(spark, cases)
        else:
            res = run_reads(spark, cases, area)
        (exp / f"{area}.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n")
        print(area, len(res), "cases")


if __name__ == "__main__":
    main()
