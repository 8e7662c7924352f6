"""The PySpark oracle for the SQL golden cases (test/sql/golden/cases.sql).

    .venv/bin/python test/sql/golden/oracle.py --write   # writes expected.json (+ oracle.stamp)
    .venv/bin/python test/sql/golden/oracle.py --check   # fails if expected.json is stale

Every expectation is what PySpark (the pinned version) returns for the same SQL: columns, dtypes, rows
(normalized with test/sparkoracle/normalize.py), or the error's condition and parameters.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
from sparkoracle import write_or_check  # noqa: E402
from sparkoracle.normalize import normalize_row, sort_key  # noqa: E402
from sparkoracle.session import session, utc_process  # noqa: E402

utc_process()


def parse_cases(text: str):
    """Returns (setup statements, cases) where a case is {id, unordered, sql}."""
    setup, cases, cur = [], [], None
    for line in text.split("\n"):
        if line.startswith("-- setup"):
            cur = {"kind": "setup", "lines": []}
            setup.append(cur)
        elif line.startswith("-- case:"):
            words = line[len("-- case:"):].split()
            cur = {"kind": "case", "id": words[0], "unordered": "unordered" in words[1:], "lines": []}
            cases.append(cur)
        elif line.startswith("--") or cur is None:
            continue
        else:
            cur["lines"].append(line)
    sql = lambda c: "\n".join(c["lines"]).strip()
    return [sql(s) for s in setup], [{"id": c["id"], "unordered": c["unordered"], "sql": sql(c)} for c in cases]


def run_case(spark, case):
    try:
        df = spark.sql(case["sql"])
        rows = [normalize_row(r) for r in df.collect()]
        if case["unordered"]:
            rows.sort(key=sort_key)
        return {"columns": df.columns, "dtypes": [t for _, t in df.dtypes], "rows": rows}
    except Exception as e:  # noqa: BLE001 - PySpark errors are what we record
        cond = e.getCondition() if hasattr(e, "getCondition") else type(e).__name__
        params = e.getMessageParameters() if hasattr(e, "getMessageParameters") else {}
        return {"error": {"condition": cond, "params": params or {}}}


def run(mode: str) -> int:
    spark = session({"spark.sql.shuffle.partitions": "2"})
    setup, cases = parse_cases((HERE / "cases.sql").read_text())
    for s in setup:
        spark.sql(s)
    expected = {c["id"]: run_case(spark, c) for c in cases}
    text = json.dumps(expected, indent=1, sort_keys=True) + "\n"
    return write_or_check(mode, "sql-golden", HERE / "expected.json", text, f"{len(expected)} cases")


if __name__ == "__main__":
    sys.exit(run("check" if "--check" in sys.argv else "write"))
