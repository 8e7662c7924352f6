"""The PySpark oracle: runs every golden case's Python snippet in real PySpark and records
the expected results in test/golden/expected/<area>.json.

    .venv/bin/python test/golden/oracle.py --write            # regenerate everything
    .venv/bin/python test/golden/oracle.py --write --only join_  # cases whose id contains join_
    .venv/bin/python test/golden/oracle.py --check            # CI: regenerate to a temp dir, diff

Why --check exists: expectations must come from PySpark, never from a hand edit. CI
regenerates them and fails on any difference, so an edited expectation cannot pass.

One JVM, one SparkSession, all cases in this process (a JVM start costs seconds); CI runs it
through test/sparkoracle/ci.py, which skips it while its stamp (expected/oracle.stamp) holds.
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from sparkoracle import write_stamp  # noqa: E402
from sparkoracle.session import session, utc_process  # noqa: E402

utc_process()
from caseformat import Case, Check, parse_cases  # noqa: E402
from sparkoracle.normalize import normalize_row, normalize_value, sort_key  # noqa: E402

CASES_DIR = HERE / "cases"
DATA_DIR = HERE / "data"
EXPECTED_DIR = HERE / "expected"


def make_session():
    # Tiny data: compiling generated code costs more than interpreting it.
    return session({
        "spark.sql.codegen.wholeStage": "false",
        "spark.sql.codegen.factoryMode": "NO_CODEGEN",
        "spark.sql.shuffle.partitions": "2",
    })


def load_fixtures(spark) -> dict:
    """The same DataFrames the TS harness builds (fixtures.ts), from data/fixtures.json."""
    spec = json.loads((DATA_DIR / "fixtures.json").read_text())
    out = {}
    for name, f in spec.items():
        reader = spark.read.schema(f["schema"])
        path = str(DATA_DIR / f["file"])
        df = reader.csv(path, header=True) if f["format"] == "csv" else reader.json(path)
        out[name] = df.cache()  # read once: the files are tiny and every case uses them
    return out


def base_globals(spark, fixtures) -> dict:
    import datetime as dt
    import decimal

    from pyspark.sql import Row, Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    g = {"spark": spark, "F": F, "Window": Window, "T": T, "Row": Row, "DATA": str(DATA_DIR),
         "TMP": tempfile.mkdtemp(prefix="pijar-golden-py-"),  # scratch folder for write cases
         "text_lines": text_lines,
         "datetime": dt.datetime, "date": dt.date, "Decimal": decimal.Decimal}
    g.update(fixtures)
    return g


def text_lines(path: str) -> list:
    """Every line of the data files under a written folder, sorted (the harness reads the
    files itself, so write cases test the writer's exact output, not a text reader)."""
    lines = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for f in sorted(files):
            if not f.startswith((".", "_")):
                with open(os.path.join(root, f), encoding="utf-8", newline="") as fh:
                    lines.extend(fh.read().splitlines())
    return sorted(lines)


def capture(fn) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn()
    return buf.getvalue()


def error_info(e: BaseException) -> dict:
    cond = None
    for getter in ("getCondition", "getErrorClass"):
        if hasattr(e, getter):
            try:
                cond = getattr(e, getter)()
            except Exception:  # noqa: BLE001 - some wrappers raise when no class is known
                cond = None
            if cond:
                break
    if not cond and hasattr(e, "java_exception"):
        # A Py4JJavaError PySpark did not convert (e.g. FAILFAST parse errors inside a job):
        # the class sits on a SparkThrowable somewhere in the Java cause chain.
        t = e.java_exception
        while t is not None and not cond:
            try:
                cond = t.getCondition()
            except Exception:  # noqa: BLE001 - not a SparkThrowable
                cond = None
            t = t.getCause()
    return {"errorClass": cond, "exceptionType": type(e).__name__}


def run_check(check: Check, df, value):
    n = check.name
    if n == "rows":
        return [normalize_row(r) for r in df.collect()]
    if n == "rows_unordered":
        return sorted((normalize_row(r) for r in df.collect()), key=sort_key)
    if n == "schema":
        return capture(df.printSchema)
    if n == "dtypes":
        return [[c, t] for c, t in df.dtypes]
    if n == "columns":
        return list(df.columns)
    if n == "count":
        return df.count()
    if n == "show":
        return capture(lambda: df.show(*check.args, **check.kwargs))
    if n == "value":
        return normalize_value(value)
    raise ValueError(f"unknown check {n}")


def run_case(case: Case, globs: dict) -> dict:
    g = dict(globs)
    checks = case.checks
    if any(c.name == "error" for c in checks):
        if len(checks) != 1:
            raise ValueError(f"case {case.id}: 'error' must be the only check")
        try:
            exec(compile(case.python, f"<{case.id}>", "exec"), g)
            if g.get("df") is not None:
                g["df"].collect()
        except Exception as e:  # noqa: BLE001 - the error is the expected result
            return {"error": error_info(e)}
        raise AssertionError(f"case {case.id}: expected an error, PySpark succeeded")
    exec(compile(case.python, f"<{case.id}>", "exec"), g)
    df, value = g.get("df"), g.get("value")
    return {c.key: run_check(c, df, value) for c in checks}


def all_cases(only: str | None) -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.cases")):
        cases.extend(parse_cases(path))
    if only:
        cases = [c for c in cases if only in c.id or only in c.area]
    return cases


def dump(obj, indent: str = "") -> str:
    """Stable JSON: sorted keys, and rows (lists of scalars) on one line so diffs stay readable."""
    def scalar(x):
        return not isinstance(x, (list, dict))

    def enc(x):
        return json.dumps(x, sort_keys=True, ensure_ascii=False, allow_nan=False)

    inner = indent + " "
    if isinstance(obj, dict) and obj:
        body = ",\n".join(f"{inner}{enc(k)}: {dump(v, inner).rstrip()}" for k, v in sorted(obj.items()))
        text = "{\n" + body + "\n" + indent + "}"
    elif isinstance(obj, list) and obj and not all(scalar(x) or (isinstance(x, list) and all(map(scalar, x))) for x in obj):
        text = "[\n" + ",\n".join(inner + dump(x, inner).rstrip() for x in obj) + "\n" + indent + "]"
    elif isinstance(obj, list) and obj and not all(map(scalar, obj)):
        text = "[\n" + ",\n".join(inner + enc(x) for x in obj) + "\n" + indent + "]"
    else:
        text = enc(obj)
    return text + ("\n" if not indent else "")


def generate(out_dir: Path, only: str | None, verbose: bool) -> int:
    cases = all_cases(only)
    t0 = time.time()
    spark = make_session()
    globs = base_globals(spark, load_fixtures(spark))
    by_area: dict[str, dict] = {}
    failures = 0
    for case in cases:
        t = time.time()
        try:
            results = run_case(case, globs)
        except Exception:  # noqa: BLE001 - a broken case is reported, never recorded
            failures += 1
            print(f"ORACLE FAILURE in {case.area}.cases:{case.line} {case.id}:\n{traceback.format_exc()}", file=sys.stderr)
            continue
        if verbose:
            print(f"  {case.id} ({time.time() - t:.2f}s)", file=sys.stderr)
        by_area.setdefault(case.area, {})[case.id] = {"python": case.python, "results": results}
    out_dir.mkdir(parents=True, exist_ok=True)
    for area, entries in by_area.items():
        target = out_dir / f"{area}.json"
        if only and target.exists():  # partial run: merge into the existing file
            merged = json.loads(target.read_text())
            merged.update(entries)
            entries = merged
        target.write_text(dump(entries), encoding="utf-8")
    shutil.rmtree(globs["TMP"], ignore_errors=True)
    print(f"oracle: {len(cases) - failures}/{len(cases)} cases in {time.time() - t0:.1f}s -> {out_dir}", file=sys.stderr)
    return failures


def check(verbose: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="pijar-oracle-") as tmp:
        failures = generate(Path(tmp), None, verbose)
        bad = failures
        areas = {p.name for p in Path(tmp).glob("*.json")} | {p.name for p in EXPECTED_DIR.glob("*.json")}
        for name in sorted(areas):
            fresh, committed = Path(tmp) / name, EXPECTED_DIR / name
            a = committed.read_text() if committed.exists() else ""
            b = fresh.read_text() if fresh.exists() else ""
            if a != b:
                bad += 1
                diff = difflib.unified_diff(a.splitlines(), b.splitlines(), f"committed/{name}", f"pyspark/{name}", lineterm="", n=2)
                print("\n".join(list(diff)[:200]))
        if bad:
            print("oracle --check: expectations differ from PySpark. Regenerate with "
                  "`.venv/bin/python test/golden/oracle.py --write` (never edit expected/*.json by hand).", file=sys.stderr)
            return 1
        print("oracle --check: expectations match PySpark", file=sys.stderr)
        return 0


def run(mode: str, only: str | None = None, verbose: bool = False) -> int:
    """mode "check": regenerate to a temp dir and diff; "write": rewrite expected/ (+ stamp)."""
    if mode == "check":
        return check(verbose)
    failures = generate(EXPECTED_DIR, only, verbose)
    if failures:
        return 1
    if only:
        print("partial run: stamp not refreshed (run --write without --only for that)", file=sys.stderr)
    else:
        write_stamp("golden")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="regenerate test/golden/expected/*.json")
    mode.add_argument("--check", action="store_true", help="regenerate to a temp dir and diff (CI)")
    ap.add_argument("--only", help="with --write: only cases whose id contains this text (or an area name)")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    return run("check" if a.check else "write", a.only, a.verbose)


if __name__ == "__main__":
    sys.exit(main())
