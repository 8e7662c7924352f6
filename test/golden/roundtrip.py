"""PySpark side of the Pijar <-> PySpark file round trips (driven by roundtrip.test.ts).

In one JVM start it
1. reads every file set Pijar wrote under --pijar-dir/<fixture>.<format> and compares its rows
   (and, for Parquet, its column types) with the same fixture read by PySpark;
2. writes every fixture with PySpark to --spark-dir/<fixture>.<format> for Pijar to read back.
The comparison report goes to --report as JSON: {"<fixture>.<format>": {"ok", "problem", ...}}.

    .venv/bin/python test/golden/roundtrip.py --pijar-dir D1 --spark-dir D2 --report R.json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from oracle import DATA_DIR, load_fixtures, make_session  # noqa: E402  (puts test/ on sys.path)
from sparkoracle.normalize import normalize_row, sort_key  # noqa: E402

# Which fixtures go through which format: CSV holds only flat columns.
PLAN = {
    "parquet": ["people", "sales", "orders", "nested"],
    "csv": ["people", "sales", "orders"],
    "json": ["people", "sales", "orders", "nested"],
}


def rows_of(df):
    return sorted((normalize_row(r) for r in df.collect()), key=sort_key)


def read(spark, fmt: str, path: str, ddl: str):
    if fmt == "parquet":
        return spark.read.parquet(path)
    if fmt == "csv":
        return spark.read.csv(path, header=True, schema=ddl)
    return spark.read.json(path, schema=ddl)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pijar-dir", required=True)
    ap.add_argument("--spark-dir", required=True)
    ap.add_argument("--report", required=True)
    a = ap.parse_args()
    spark = make_session()
    fixtures = load_fixtures(spark)
    spec = json.loads((DATA_DIR / "fixtures.json").read_text())
    report = {}
    for fmt, names in PLAN.items():
        for name in names:
            key = f"{name}.{fmt}"
            src = fixtures[name]
            # 1. Pijar wrote it: does PySpark read back the same rows (and types)?
            path = Path(a.pijar_dir) / key
            entry = {"ok": False, "problem": None}
            if not path.exists():
                entry["problem"] = f"Pijar did not write {path}"
            else:
                try:
                    got = read(spark, fmt, str(path), spec[name]["schema"])
                    exp_rows, got_rows = rows_of(src), rows_of(got)
                    problems = []
                    if fmt == "parquet" and got.dtypes != src.dtypes:
                        problems.append(f"dtypes: PySpark read {got.dtypes}, fixture has {src.dtypes}")
                    if got_rows != exp_rows:
                        problems.append("rows differ:\n  expected " + json.dumps(exp_rows, ensure_ascii=False)
                                        + "\n  PySpark read " + json.dumps(got_rows, ensure_ascii=False))
                    entry["ok"] = not problems
                    entry["problem"] = "\n".join(problems) or None
                except Exception as e:  # noqa: BLE001 - reported to the TS test
                    entry["problem"] = f"PySpark could not read {path}: {type(e).__name__}: {str(e).splitlines()[0]}"
            report[key] = entry
            # 2. PySpark writes the fixture for Pijar to read.
            out = str(Path(a.spark_dir) / key)
            w = src.write.mode("overwrite")
            if fmt == "parquet":
                w.parquet(out)
            elif fmt == "csv":
                w.csv(out, header=True)
            else:
                w.json(out)
    Path(a.report).write_text(json.dumps(report, indent=1, sort_keys=True, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
