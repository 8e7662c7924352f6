"""The PySpark oracle of the conformance suite: Spark's own SQL golden-test inputs.

    .venv/bin/python test/conformance/oracle.py --write   # run PySpark, rewrite expected/
    .venv/bin/python test/conformance/oracle.py --check   # CI: fail if expected/ is stale

Every statement of every file in suite.txt (split by splitter.py as Spark's SQLQueryTestSuite
does) runs in ONE PySpark session's JVM, each file in its own `spark.newSession()` with the
settings Spark's suite gives its folder, the time zone America/Los_Angeles and the built-in test
views (testdata, arraydata, mapdata). What a statement gives is recorded as Spark's golden files
do: the result schema and rows as Hive-style text (HiveResult, the same text as `.sql.out` files;
rows sorted unless the query orders them), or the error class.

expected/STAMP holds a hash of the inputs, this script, the splitter and the expectations.
`--check` reruns PySpark only when that hash changes, so an unchanged suite costs no JVM, while
a changed input or a hand-edited expectation makes it rerun and compare.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ["TZ"] = "America/Los_Angeles"
if hasattr(time, "tzset"):
    time.tzset()
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"
EXPECTED = HERE / "expected"
STAMP = EXPECTED / "STAMP"
sys.path.insert(0, str(HERE))
from splitter import split_file  # noqa: E402

TIME_ZONE = "America/Los_Angeles"
TEST_DATA_TABLES = re.compile(r"\b(onek2?|tenk[12]|aggtest)\b", re.IGNORECASE)


def suite_files() -> list[Path]:
    out: list[Path] = []
    for raw in (HERE / "suite.txt").read_text().split("\n"):
        line = raw.strip()
        if line and not line.startswith("#"):
            out += sorted(INPUTS.glob(line))
    return out


def folder_settings(rel: str) -> list[tuple[str, str]]:
    """The settings SQLQueryTestSuite gives a file by its folder."""
    if rel.startswith("postgreSQL/"):
        return [("spark.sql.ansi.enabled", "true"), ("spark.sql.legacy.interval.enabled", "true")]
    if rel.startswith("ansi/"):
        return [("spark.sql.ansi.enabled", "true")]
    return []


def stamp_now() -> str:
    h = hashlib.sha256()
    for p in sorted(INPUTS.rglob("*.sql")) + [HERE / "suite.txt", HERE / "oracle.py", HERE / "splitter.py"]:
        h.update(str(p.relative_to(HERE)).encode() + b"\0" + p.read_bytes() + b"\0")
    for p in sorted(EXPECTED.rglob("*.json")):
        h.update(str(p.relative_to(HERE)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def condition(e: Exception) -> str:
    c = e.getCondition() if hasattr(e, "getCondition") else None
    if not c:
        m = re.search(r"\[([A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*)\]", str(e))
        c = m.group(1) if m else None
    if not c:
        m = re.search(r"((?:[a-z0-9]+\.)+[A-Z][A-Za-z0-9]*(?:Exception|Error))", str(e))
        c = m.group(1) if m else type(e).__name__
    return c


def seq(s) -> list:
    return [s.apply(i) for i in range(s.length())]


def is_sorted(plan) -> bool:
    """Spark's SQLQueryTestHelper.isSorted: does the query order its rows?"""
    name = plan.nodeName()
    if name in ("Join", "Aggregate", "Generate", "Sample", "Distinct"):
        return False
    p = plan
    while p.nodeName() in ("Project", "Filter"):
        p = p.child()
    if p.nodeName() == "Sort" and p.productElement(1):
        return True
    return any(is_sorted(c) for c in seq(plan.children()))


def run_statement(s, jvm, sql: str) -> dict:
    try:
        df = s.sql(sql)
        qe = df._jdf.queryExecution()
        res = jvm.org.apache.spark.sql.execution.HiveResult.hiveResultString(qe.executedPlan())
        rows = res.mkString("\u0001").split("\u0001") if res.length() > 0 else []
        is_ordered = ordered(qe)
        if not is_ordered:
            rows.sort()
        fields = df.schema.fields
        return {"sql": sql, "names": [f.name for f in fields], "types": [f.dataType.simpleString() for f in fields],
                "ordered": is_ordered, "rows": rows}
    except Exception as e:  # noqa: BLE001 - what Spark raises is the expectation
        out = {"sql": sql, "error": condition(e)}
        if out["error"] == "TABLE_OR_VIEW_NOT_FOUND" and TEST_DATA_TABLES.search(sql):
            # Spark's suite loads these from its test-data files, which are not copied here.
            out["skip"] = "needs Spark's test-data tables (onek, tenk1, aggtest)"
        return out


def ordered(qe) -> bool:
    try:
        return is_sorted(qe.analyzed())
    except Exception:  # noqa: BLE001 - a plan node without child()/global_ is simply not a sort
        return False


def register_pg_udfs(s) -> None:
    """boolean.sql and case.sql call these; Spark's suite registers them for postgreSQL/ files."""
    from pyspark.sql.types import BooleanType, StringType
    s.udf.register("booleq", lambda a, b: None if a is None or b is None else a == b, BooleanType())
    s.udf.register("boolne", lambda a, b: None if a is None or b is None else a != b, BooleanType())
    s.udf.register("vol", lambda x: x, StringType())


def test_views(s) -> None:
    s.sql("CREATE OR REPLACE TEMPORARY VIEW testdata AS SELECT CAST(id AS INT) AS key, CAST(id AS STRING) AS value FROM range(1, 101)")
    s.sql("CREATE OR REPLACE TEMPORARY VIEW arraydata AS SELECT * FROM VALUES "
          "(array(1, 2, 3), array(array(1, 2, 3))), (array(2, 3, 4), array(array(2, 3, 4))) AS t(arraycol, nestedarraycol)")
    s.sql("CREATE OR REPLACE TEMPORARY VIEW mapdata AS SELECT * FROM VALUES "
          "(map(1, 'a1', 2, 'b1', 3, 'c1', 4, 'd1', 5, 'e1')), (map(1, 'a2', 2, 'b2', 3, 'c2', 4, 'd2')), "
          "(map(1, 'a3', 2, 'b3', 3, 'c3')), (map(1, 'a4', 2, 'b4')), (map(1, 'a5')) AS t(mapcol)")


def clean_catalog(spark) -> None:
    """Files create databases and tables; the next file must not see them."""
    spark.sql("USE default")
    for db in [r[0] for r in spark.sql("SHOW DATABASES").collect()]:
        if db != "default":
            spark.sql(f"DROP DATABASE IF EXISTS `{db}` CASCADE")
    for t in spark.sql("SHOW TABLES IN default").collect():
        if not t.isTemporary:
            spark.sql(f"DROP TABLE IF EXISTS default.`{t.tableName}`")
            spark.sql(f"DROP VIEW IF EXISTS default.`{t.tableName}`")


def run_file(spark, path: Path) -> dict:
    rel = path.relative_to(INPUTS).as_posix()
    settings, statements = split_file(path, INPUTS)
    s = spark.newSession()
    applied: list[list[str]] = []
    for k, v in folder_settings(rel) + settings:
        try:
            s.conf.set(k, v)
            applied.append([k, v])
        except Exception as e:  # noqa: BLE001 - Spark's suite would fail the file; we record and go on
            print(f"{rel}: setting {k}={v} refused: {condition(e)}")
    # HiveResult formats with the active session's settings (e.g. spark.sql.binaryOutputStyle).
    spark.sparkContext._jvm.org.apache.spark.sql.SparkSession.setActiveSession(s._jsparkSession)
    test_views(s)
    if rel.startswith("postgreSQL/"):
        register_pg_udfs(s)
    jvm = spark.sparkContext._jvm
    results = [run_statement(s, jvm, q) for q in statements]
    clean_catalog(spark)
    return {"file": rel, "settings": applied, "statements": results}


def main() -> None:
    args = sys.argv[1:]
    mode = "--check" if "--check" in args else "--write" if "--write" in args else None
    if mode is None:
        sys.exit("usage: oracle.py --write|--check [--force]")
    missing = [f for f in suite_files() if not (EXPECTED / (f.relative_to(INPUTS).as_posix()[:-4] + ".json")).exists()]
    if mode == "--check" and "--force" not in args and not missing and STAMP.exists() and STAMP.read_text().strip() == stamp_now():
        print("conformance expectations: inputs unchanged since PySpark wrote them (stamp matches)")
        return

    from pyspark.sql import SparkSession

    warehouse = tempfile.mkdtemp(prefix="pijar-conformance-")
    spark = (
        SparkSession.builder.master("local[1]")
        .config("spark.sql.session.timeZone", TIME_ZONE)
        .config("spark.driver.extraJavaOptions", f"-Duser.timezone={TIME_ZONE} -Duser.language=en -Duser.country=US")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.warehouse.dir", warehouse)
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("OFF")
    logging.getLogger("SQLQueryContextLogger").disabled = True
    only = [a for a in args if not a.startswith("--")]
    outputs: dict[Path, str] = {}
    start = time.time()
    for f in suite_files():
        rel = f.relative_to(INPUTS).as_posix()
        if only and not any(o in rel for o in only):
            continue
        res = run_file(spark, f)
        outputs[EXPECTED / (rel[:-4] + ".json")] = json.dumps(res, indent=1, ensure_ascii=False) + "\n"
        print(f"{rel}: {len(res['statements'])} statements ({time.time() - start:.0f}s)", flush=True)
    spark.stop()
    shutil.rmtree(warehouse, ignore_errors=True)

    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text() != text]
    if mode == "--check":
        for p in stale:
            print(f"{p.relative_to(HERE)}: OUT OF DATE (run .venv/bin/python test/conformance/oracle.py --write)")
        if stale or (STAMP.exists() and STAMP.read_text().strip() != stamp_now()):
            if not stale:
                print("expected/STAMP is stale although every expectation matches: run oracle.py --write")
            sys.exit(1)
        return
    for p, text in outputs.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    if not only:
        STAMP.write_text(stamp_now() + "\n")
    print(f"wrote {len(outputs)} files; {sum(len(json.loads(t)['statements']) for t in outputs.values())} statements")


if __name__ == "__main__":
    main()
