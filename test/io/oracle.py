"""PySpark oracle for the I/O tests: runs every case in cases/*.json through real PySpark 4
and records what Spark produced in expected/<area>.json. Never edit expected/ by hand.

    .venv/bin/python test/io/oracle.py --write    # regenerate all expectations (+ oracle.stamp)
    .venv/bin/python test/io/oracle.py --write csv json   # some areas only
    .venv/bin/python test/io/oracle.py --check    # CI: regenerate into a temp dir, fail on a difference

Areas:
- patterns.json: date_format over a timestamp/date, to_timestamp/to_date with a format
- csv.json / json.json: a file's text + reader options (+ optional DDL schema) -> schema + rows
  or the error class
- write.json: rows (DDL + values) written with options -> the exact text of the part files
- parquet.json + data/spark-*.parquet: Parquet files written by PySpark (Pijar's tests read them)
  and what PySpark reads back
"""
from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sparkoracle.normalize import normalize_row  # noqa: E402
from sparkoracle import write_stamp  # noqa: E402
from sparkoracle.session import session, utc_process  # noqa: E402

utc_process()
AREAS = ["patterns", "csv", "json", "write", "parquet"]


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


def run_parquet(spark, data: Path):
    """Writes small Parquet fixtures with PySpark into `data` (data/ is what Pijar must read) and
    records what PySpark reads back from them."""
    import datetime as dt
    import decimal
    data.mkdir(exist_ok=True)
    rows = [
        (1, "Jakarta", 1.5, True, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4, 5, 123456), decimal.Decimal("12.50"), 3000000000, [1, None], {"k": 1}, (1, "a"), None),
        (2, None, None, None, None, None, None, None, None, None, None, dt.datetime(2024, 5, 6, 7, 8, 9)),
        (3, "Bandung", -0.25, False, dt.date(1969, 12, 31), dt.datetime(1969, 12, 31, 23, 59, 59, 500000), decimal.Decimal("-1.05"), -7, [], {}, (None, None), dt.datetime(1970, 1, 1)),
    ]
    schema = ("id int, city string, d double, b boolean, dt date, ts timestamp, dec decimal(10,2), l bigint, "
              "a array<int>, m map<string,int>, st struct<x:int,y:string>, ntz timestamp_ntz")
    df = spark.createDataFrame(rows, schema)
    out = {}
    for name, w in [("plain", df.coalesce(1).write), ("by_city", df.coalesce(1).write.partitionBy("city"))]:
        path = data / f"spark-{name}.parquet"
        if path.exists():
            shutil.rmtree(path)
        w.parquet(str(path))
        for p in path.rglob(".*.crc"):
            p.unlink()
        # Spark names part files with a random uuid; a fixed name keeps regenerations diff-free.
        for p in path.rglob("part-*"):
            p.rename(p.with_name(re.sub(r"part-(\d+)-[0-9a-f-]{36}", r"part-\1-00000000-0000-0000-0000-000000000000", p.name)))
        back = spark.read.parquet(str(path)).orderBy("id")
        out[name] = {"schema": back.schema.simpleString(), "rows": [normalize_row(r) for r in back.collect()]}
    # Partition folder names (escaping, nulls, empty strings) and reading them back.
    tmp = Path(tempfile.mkdtemp(prefix="pijar-io-oracle-"))
    pdf = spark.createDataFrame([(1, "Jakarta", 2024), (2, None, 2024), (3, "a/b=c d%:#", 2023), (4, "", None)], "i int, city string, year int")
    pdf.coalesce(1).write.partitionBy("year", "city").csv(str(tmp / "p"))
    dirs = sorted(str(p.relative_to(tmp / "p")) for p in (tmp / "p").rglob("*") if p.is_dir())
    back = spark.read.csv(str(tmp / "p")).orderBy("_c0")
    out["partition_dirs"] = {"dirs": dirs, "schema": back.schema.simpleString(), "rows": [normalize_row(r) for r in back.collect()]}
    shutil.rmtree(tmp)
    return out


def generate(spark, areas: list[str], exp: Path, data: Path) -> None:
    """Writes expected/<area>.json for `areas` into `exp` (and the Parquet fixtures into `data`)."""
    cases_dir = HERE / "cases"
    exp.mkdir(parents=True, exist_ok=True)
    for area in areas:
        if area == "parquet":
            (exp / "parquet.json").write_text(json.dumps(run_parquet(spark, data), indent=1) + "\n")
            print("parquet fixtures written")
            continue
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


def content(p: Path):
    """What a file holds. Parquet: schema, key-value metadata and rows, not bytes: parquet-mr
    lists a column chunk's encodings in hash-set order, which varies from one write to the next."""
    if p.suffix != ".parquet":
        return p.read_bytes()
    import pyarrow.parquet as pq
    f = pq.ParquetFile(p)
    return repr((f.schema_arrow, sorted((f.metadata.metadata or {}).items()), f.read().to_pylist()))


def same_tree(a: Path, b: Path) -> list[str]:
    """Files that differ between two folders (by relative path and content)."""
    def files(root):
        return {p.relative_to(root).as_posix(): content(p) for p in root.rglob("*")
                if p.is_file() and p.name != "oracle.stamp"}
    fa, fb = files(a), files(b)
    return sorted(k for k in set(fa) | set(fb) if fa.get(k) != fb.get(k))


def run(mode: str, areas: list[str] | None = None) -> int:
    # One shuffle partition: the read-backs sort tiny data, 200 empty tasks only cost time.
    spark = session({"spark.sql.shuffle.partitions": "1"})
    if mode == "write":
        generate(spark, areas or AREAS, HERE / "expected", HERE / "data")
        if areas:
            print("some areas only: stamp not refreshed (run --write without areas for that)")
        else:
            write_stamp("io")
        return 0
    # check: everything into a temp dir (never into the committed tree), then compare.
    tmp = Path(tempfile.mkdtemp(prefix="pijar-io-check-"))
    try:
        generate(spark, AREAS, tmp / "expected", tmp / "data")
        bad = [f"expected/{x}" for x in same_tree(HERE / "expected", tmp / "expected")]
        bad += [f"data/{x}" for x in same_tree(HERE / "data", tmp / "data")]
        import difflib
        for name in bad:
            a, b = HERE / name, tmp / name
            if name.endswith(".json"):
                diff = difflib.unified_diff(a.read_text().split("\n") if a.exists() else [],
                                            b.read_text().split("\n") if b.exists() else [],
                                            f"committed/{name}", f"pyspark/{name}", lineterm="", n=2)
                print("\n".join(list(diff)[:80]))
            else:
                print(f"differs from PySpark's: test/io/{name}")
        if bad:
            print("test/io: expectations differ from PySpark; regenerate with .venv/bin/python test/io/oracle.py --write")
            return 1
        print("test/io: expectations match PySpark")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    args = sys.argv[1:]
    mode = "check" if "--check" in args else "write"
    sys.exit(run(mode, [a for a in args if not a.startswith("--")]))


if __name__ == "__main__":
    main()
