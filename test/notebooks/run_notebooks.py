"""Executes every course notebook through the real Jupyter kernel with nbclient.

    .venv/bin/python test/notebooks/run_notebooks.py [NOTEBOOK.ipynb ...] \
        [--kernel-name pijar] [--timeout 600] [--output-dir DIR] [--write-executed]

With no notebook given, runs notebooks/id/*.ipynb and notebooks/en/*.ipynb. Each notebook runs
with its own folder as the working directory (relative paths like ../data/sales.csv), and
exercise checks run strict (PIJAR_CHECKS_STRICT=1: a wrong worked solution fails its cell).
The kernelspec is found through JUPYTER_PATH (see test/kernel/run.sh, which installs it with
`node dist/kernel/cli.js install --prefix ...`). Prints one line per notebook and ends with
`N passed, M failed`; the exit status is 1 when any notebook failed. The committed notebooks are
never modified; --output-dir saves the notebooks as they ran (e.g. as CI artifacts).

Exercise cells ship as skeletons (metadata.pijar.exercise names them). Each notebook runs with
those cells replaced by their reference answers (notebooks/lib/solutions.json) and every
exercise cell must print cek's ✅. The notebooks in AS_SHIPPED (or all given ones, with
--as-shipped) also run untouched: they must complete and each exercise cell must say
"not done yet" (⏳ Not done yet / ⏳ Belum dikerjakan), which proves Run All of a fresh notebook
goes through, later cells included.

A notebook whose metadata says `"pijar": {"needs": ["spark-remote"]}` (lesson 06, built from
`needs=spark-remote` in its source) runs against a real Spark Connect server: its kernel gets
SPARK_REMOTE from PIJAR_TEST_SPARK_REMOTE (scripts/connect/start-server.sh prints it); without
that variable such a notebook fails, saying why. `--no-server` leaves those notebooks out (for a
run that starts before the server is up) and `--server-only` runs just them.

Executed copies (notebooks/executed/, see executed.py): every run with solutions is compared
with its committed copy, and a difference fails the notebook, naming the cell; `--write-executed`
writes the copies instead. So CI's two runs (scripts/test.sh: `--no-server`, then `--server-only`)
are also the drift check, with no second run. A notebook whose output depends on a variable
that is unset here (PIJAR_PG_URL: lesson 04 loads into PostgreSQL only then) is neither checked
nor written, and the run says so.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

import executed

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SOLUTIONS = json.loads((NOTEBOOKS / "lib" / "solutions.json").read_text(encoding="utf-8"))
# Also run as shipped by default: the project (later cells after its exercises) and one of
# the other language.
AS_SHIPPED = [NOTEBOOKS / "id" / "05-proyek-etl-lengkap.ipynb", NOTEBOOKS / "en" / "01-intro-to-spark.ipynb"]
NOT_DONE = {"id": "Belum dikerjakan", "en": "Not done yet"}


def default_notebooks() -> list[Path]:
    return [p for lang in ("id", "en") for p in sorted((NOTEBOOKS / lang).glob("*.ipynb"))]


def summarize(error: Exception) -> str:
    """The useful part of an nbclient error: which cell and the error line, not the whole dump."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(error))
    # Caret lines (^^^^) point under code in the traceback: noise on one line.
    lines = [line.strip() for line in text.splitlines() if line.strip() and not set(line.strip()) <= {"^", "~"}]
    # CellExecutionError text: the cell source between dashes, then the traceback; the error
    # line (with the failing source line after it) is what tells the story.
    errors = [i for i, line in enumerate(lines) if re.search(r"Error|error TS|^\[[A-Z_.]+\]", line) and not line.startswith("---")]
    start = errors[0] if errors else max(0, len(lines) - 3)
    return " / ".join(lines[start:start + 3])[:800]


def needs_server(path: Path) -> bool:
    nb = nbformat.read(path, as_version=4)
    return "spark-remote" in nb.metadata.get("pijar", {}).get("needs", [])


def exercise_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code" and c.metadata.get("pijar", {}).get("exercise")]


def cell_text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def check_exercises(nb, shipped: bool, lang: str) -> str:
    """'' when every exercise cell printed what it should, else what went wrong."""
    want = f"⏳ {NOT_DONE.get(lang, 'Not done yet')}" if shipped else "✅"
    cells = exercise_cells(nb)
    wrong = [c.metadata["pijar"]["exercise"] for c in cells if want not in cell_text(c)]
    if not cells:
        return ""
    return f"exercise cell(s) {', '.join(wrong)} did not print {want!r}" if wrong else ""


def executed_copy(nb, path: Path, write: bool) -> tuple[bool, str]:
    """Compares a run with solutions with its committed executed copy, or writes the copy."""
    unset = executed.env_dependence(nb, dict(os.environ))
    if unset:
        return True, f"executed copy not {'written' if write else 'checked'}: its output depends on {unset}, unset here"
    copy = executed.normalize(nb, os.environ.get("PIJAR_TEST_SPARK_REMOTE", "") if needs_server(path) else "")
    if write:
        return True, f"wrote {executed.write(copy, path).relative_to(REPO)}"
    problem = executed.drift(copy, path)
    return not problem, problem


def run_one(path: Path, kernel_name: str, timeout: int, output_dir: Path | None, shipped: bool = False,
            write_executed: bool = False) -> tuple[bool, str]:
    nb = nbformat.read(path, as_version=4)
    if not shipped:
        for cell in exercise_cells(nb):
            cell.source = SOLUTIONS[cell.metadata["pijar"]["exercise"]]
    remote = os.environ.get("PIJAR_TEST_SPARK_REMOTE", "")
    if needs_server(path) and not remote:
        return False, "(not run)\n     needs a Spark Connect server: set PIJAR_TEST_SPARK_REMOTE (eval \"$(bash scripts/connect/start-server.sh)\") or pass --no-server"
    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=timeout,
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.time()
    ok, detail = True, ""
    # The kernel inherits this process's environment; only a server notebook's kernel sees
    # SPARK_REMOTE (set for the others, it would turn their `spark` into a remote session).
    if needs_server(path):
        os.environ["SPARK_REMOTE"] = remote
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        ok, detail = False, f"{type(e).__name__}: {summarize(e)}"
    except Exception as e:  # the kernel did not start, the kernelspec is missing...
        ok, detail = False, f"{type(e).__name__}: {e}"
    finally:
        os.environ.pop("SPARK_REMOTE", None)
    if ok:
        problem = check_exercises(nb, shipped, path.parent.name)
        if problem:
            ok, detail = False, problem
    if ok and not shipped:
        ok, detail = executed_copy(nb, path, write_executed)
    n_code = sum(1 for c in nb.cells if c.cell_type == "code")
    secs = time.time() - started
    if output_dir is not None:
        target = output_dir / ("as-shipped" if shipped else "solved") / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
    return ok, f"({'as shipped' if shipped else 'with solutions'}, {n_code} code cells, {secs:.1f} s)" + (f"\n     {detail}" if detail else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--kernel-name", default="pijar", help="kernelspec name (default: pijar)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default: 600)")
    parser.add_argument("--output-dir", type=Path, help="also save the executed notebooks here")
    parser.add_argument("--no-server", action="store_true", help="skip notebooks that need a Spark Connect server")
    parser.add_argument("--as-shipped", action="store_true", help="run the given notebooks only as shipped (exercise skeletons)")
    parser.add_argument("--write-executed", action="store_true",
                        help="write the executed copies (notebooks/executed/) instead of checking them")
    parser.add_argument("--server-only", action="store_true", help="run only notebooks that need a Spark Connect server")
    args = parser.parse_args()

    os.environ["PIJAR_CHECKS_STRICT"] = "1"
    paths = [p.resolve() for p in args.notebooks] or default_notebooks()
    if args.no_server:
        paths = [p for p in paths if not needs_server(p)]
    if args.server_only:
        paths = [p for p in paths if needs_server(p)]
    if not paths:
        print(f"no notebooks found under {NOTEBOOKS}", file=sys.stderr)
        return 2
    if args.as_shipped:
        runs = [(p, True) for p in paths]
    else:
        runs = [(p, False) for p in paths]
        if not args.notebooks:
            runs += [(p, True) for p in AS_SHIPPED if p in paths]
    passed = failed = 0
    for path, shipped in runs:
        ok, detail = run_one(path, args.kernel_name, args.timeout, args.output_dir, shipped, args.write_executed)
        rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        print(f"{'PASS' if ok else 'FAIL'} {rel} {detail}", flush=True)
        passed += ok
        failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
