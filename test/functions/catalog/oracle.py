"""Every Spark built-in function and its documented examples, run in PySpark (the oracle).

`SHOW FUNCTIONS` lists the built-ins; for each, `DESCRIBE FUNCTION EXTENDED` gives its usage
text, whose `Examples:` block holds queries (`> SELECT ...;`) followed by the result lines the
docs print. The documented results are text for humans (spark-sql's shell format), so instead
each query is run here and its column names, types and normalized rows (or error class) are
written to examples.json; test/functions/catalog.test.ts runs the same queries in Pijar and
writes docs/functions.md from the comparison.

An example whose value changes from run to run (random numbers, the clock, the user) is
recorded by type only (`nondeterministic`), so that rerunning the oracle gives the same file.

    .venv/bin/python test/functions/catalog/oracle.py --write   # rewrite examples.json (+ stamp)
    .venv/bin/python test/functions/catalog/oracle.py --check   # fail if examples.json is not PySpark's
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
from sparkoracle import write_stamp  # noqa: E402
from sparkoracle.normalize import normalize_row  # noqa: E402
from sparkoracle.session import session, utc_process  # noqa: E402
from pyspark.errors.exceptions.captured import CapturedException  # noqa: E402

utc_process()

TARGET = HERE / "examples.json"

# Calls whose value depends on the clock, the user, the machine or a random source. Matched as
# whole words in an example's text; any other example whose two runs differ is caught below.
NONDETERMINISTIC = [
    r"\brand\b", r"\brandn\b", r"\brandom\b", r"\buuid\b", r"\bshuffle\b", r"\buniform\b", r"\brandstr\b",
    r"\bcurrent_date\b", r"\bcurdate\b", r"\bcurrent_timestamp\b", r"\bnow\b", r"\blocaltimestamp\b",
    r"\bcurrent_time\b", r"\bcurrent_user\b", r"\buser\b", r"\bsession_user\b",
    r"\bunix_timestamp\s*\(\s*\)", r"\bversion\s*\(", r"\bjava_method\b", r"\breflect\b",
    r"\baes_encrypt\b", r"\binput_file_name\b",
]


def examples_of(text: str) -> list[str]:
    """The queries of a DESCRIBE FUNCTION EXTENDED text: `> ` starts one, `;` at a line end ends it."""
    block = text.split("Examples:", 1)
    if len(block) < 2:
        return []
    out, cur = [], None
    for line in block[1].split("\n"):
        s = line.strip()
        if re.match(r"^(Since|Note|Group):", s) or s.startswith("Note:"):
            break
        if cur is None and s.startswith(">"):
            cur = s[1:].strip()
        elif cur is not None:
            cur += "\n" + line.rstrip()
        if cur is not None and cur.rstrip().endswith(";"):
            out.append(cur.rstrip()[:-1].strip())
            cur = None
    return out


def describe(spark, name: str) -> str:
    quoted = name if re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name) else "`" + name.replace("`", "``") + "`"
    rows = spark.sql(f"DESCRIBE FUNCTION EXTENDED {quoted}").collect()
    return "\n".join(r[0] for r in rows)


def group_of(spark, name: str) -> str:
    """ExpressionInfo's group (`string_funcs`, ...); DESCRIBE does not print it."""
    reg = spark._jvm.org.apache.spark.sql.catalyst.analysis.FunctionRegistry
    found = reg.expressions().get(name)
    if found.isDefined():
        return found.get()._1().getGroup() or ""
    return ""


def run_one(spark, sql: str) -> dict:
    try:
        df = spark.sql(sql)
        # Types from the JVM: PySpark cannot parse some (TIME) on the Python side.
        fields = df._jdf.schema().fields()
        cols = [f.name() for f in fields]
        types = [f.dataType().simpleString() for f in fields]
    except Exception as e:  # noqa: BLE001 - an example may fail on purpose (raise_error, assert_true)
        cond = getattr(e, "getCondition", lambda: None)()
        return {"error": cond or type(e).__name__}
    try:
        rows = df.collect()
    except CapturedException as e:  # the JVM failed while running it (overflow, raise_error...)
        return {"error": e.getCondition() or type(e).__name__}
    except Exception as e:  # noqa: BLE001 - Spark ran it; PySpark cannot bring the value over (intervals, TIME)
        return {"cols": cols, "types": types, "rows": None, "uncollectable": type(e).__name__}
    try:
        return {"cols": cols, "types": types, "rows": [normalize_row(r) for r in rows]}
    except TypeError as e:  # a value collect() gives that normalize has no JSON form for
        return {"cols": cols, "types": types, "rows": None, "uncollectable": str(e).split(":")[0]}


def run_example(spark, sql: str) -> dict:
    first = run_one(spark, sql)
    listed = any(re.search(p, sql, re.I) for p in NONDETERMINISTIC)
    if listed or ("rows" in first and run_one(spark, sql) != first):
        first.pop("rows", None)
        first["nondeterministic"] = True
    return {"sql": sql, **first}


def build() -> dict:
    spark = session({"spark.sql.ansi.enabled": "true"})
    names = [r[0] for r in spark.sql("SHOW FUNCTIONS").collect()]
    out = {}
    for name in names:
        text = describe(spark, name)
        # A fresh session per function: an example's SET or temp view stays with its function.
        s = session({"spark.sql.ansi.enabled": "true"})
        out[name] = {"group": group_of(spark, name),
                     "examples": [run_example(s, q) for q in examples_of(text)]}
    return out


def run(mode: str) -> int:
    text = json.dumps(build(), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    if mode == "check":
        if TARGET.read_text() != text:
            print(f"{TARGET} differs from PySpark: rerun .venv/bin/python test/functions/catalog/oracle.py --write")
            return 1
        print(f"{TARGET}: matches PySpark")
        return 0
    TARGET.write_text(text)
    print(f"wrote {TARGET}")
    write_stamp("functions-catalog")
    return 0


if __name__ == "__main__":
    sys.exit(run("check" if "--check" in sys.argv else "write"))
