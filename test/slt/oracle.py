"""The PySpark oracle for the sqllogictest-style suite (test/slt/*.slt).

    .venv/bin/python test/slt/oracle.py --write [FILE...]   # rewrite expected blocks
    .venv/bin/python test/slt/oracle.py --check [FILE...]   # exit 1 if any file is stale

One JVM runs every file; temp views are dropped between files, so each file starts fresh.
Session time zone is UTC. A query written as `query`/`statement ok` that fails in PySpark (or an
`error` record that succeeds) is an authoring mistake: it is reported and its file not written.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from sparkoracle import write_stamp  # noqa: E402
from sparkoracle.session import session, utc_process  # noqa: E402

utc_process()
from slt_format import Record, parse, render, row_line  # noqa: E402


def condition(e: Exception) -> str:
    c = e.getCondition() if hasattr(e, "getCondition") else None
    if not c:
        # Errors raised while running a job (e.g. SCALAR_SUBQUERY_TOO_MANY_ROWS) reach Python as a
        # bare Py4JJavaError: their class is only in the message text, "[CLASS] ...".
        m = re.search(r"\[([A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*)\]", str(e))
        c = m.group(1) if m else None
    return c or type(e).__name__


def run_file(spark, path: Path):
    """Returns (new text, problems)."""
    items = parse(path.read_text())
    problems = []
    # SHOW TABLES, not catalog.listTables(): the latter fails to decode its rows once other
    # oracles have run in the same JVM (EXPRESSION_DECODING_FAILED, PySpark 4.3).
    for r in spark.sql("SHOW TABLES").collect():
        if r.isTemporary:
            spark.catalog.dropTempView(r.tableName)
    for it in items:
        if not isinstance(it, Record):
            continue
        where = f"{path.name}:{it.line}"
        try:
            df = spark.sql(it.text)
            if it.kind == "query" and not it.text.lstrip().upper().startswith("EXPLAIN"):
                lines = [row_line(r) for r in df.collect()]
            else:
                df.collect()
                lines = []
            if it.mode == "error":
                problems.append(f"{where}: expected an error but PySpark succeeded")
                continue
            it.rows = sorted(lines) if it.mode == "rowsort" else lines
        except Exception as e:  # noqa: BLE001 - PySpark errors are what we record
            if it.mode != "error":
                msg = str(e).split("\n")[0][:300]
                problems.append(f"{where}: PySpark failed: {condition(e)}: {msg}")
                continue
            it.error = condition(e)
    return render(items), problems


def run(mode: str, files: list[Path] | None = None) -> int:
    """mode "check": exit status 1 if any file differs from PySpark; "write": rewrite them."""
    everything = not files
    files = files or sorted(HERE.glob("*.slt"))
    spark = session({"spark.sql.shuffle.partitions": "1"})
    failed = False
    for f in files:
        old = f.read_text()
        new, problems = run_file(spark, f)
        for p in problems:
            print(p)
        if problems:
            failed = True
            continue
        if new == old:
            continue
        if mode == "write":
            f.write_text(new)
            print(f"wrote {f.name}")
        else:
            failed = True
            import difflib

            diff = difflib.unified_diff(old.split("\n"), new.split("\n"), f.name, f.name + " (PySpark)", lineterm="")
            print("\n".join(list(diff)[:80]))
    if mode == "write" and not failed:
        if everything:
            write_stamp("slt")
        else:
            print("some files only: stamp not refreshed (run --write without files for that)")
    return 1 if failed else 0


def main() -> None:
    args = sys.argv[1:]
    mode = "check" if "--check" in args else "write" if "--write" in args else None
    if mode is None:
        sys.exit("usage: oracle.py --write|--check [FILE...]")
    files = [Path(a).resolve() for a in args if not a.startswith("--")]
    sys.exit(run(mode, files))


if __name__ == "__main__":
    main()
