"""Executes every course notebook through the real Jupyter kernel with nbclient.

    .venv/bin/python test/notebooks/run_notebooks.py [NOTEBOOK.ipynb ...] \
        [--kernel-name pijar] [--timeout 600] [--output-dir DIR]

With no notebook given, runs notebooks/id/*.ipynb and notebooks/en/*.ipynb. Each notebook runs
with its own folder as the working directory (relative paths like ../data/sales.csv), and
exercise checks run strict (PIJAR_CHECKS_STRICT=1: a wrong worked solution fails its cell).
The kernelspec is found through JUPYTER_PATH (see test/kernel/run.sh, which installs it with
`node dist/kernel/cli.js install --prefix ...`). Prints one line per notebook and ends with
`N passed, M failed`; the exit status is 1 when any notebook failed. The committed notebooks are
never modified; --output-dir saves the executed copies (e.g. as CI artifacts).

A notebook whose metadata says `"pijar": {"needs": ["spark-remote"]}` (lesson 06, built from
`needs=spark-remote` in its source) runs against a real Spark Connect server: its kernel gets
SPARK_REMOTE from PIJAR_TEST_SPARK_REMOTE (scripts/connect/start-server.sh prints it); without
that variable such a notebook fails, saying why. `--no-server` leaves those notebooks out (for a
run that starts before the server is up) and `--server-only` runs just them.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"


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


def run_one(path: Path, kernel_name: str, timeout: int, output_dir: Path | None) -> tuple[bool, str]:
    nb = nbformat.read(path, as_version=4)
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
    n_code = sum(1 for c in nb.cells if c.cell_type == "code")
    secs = time.time() - started
    if output_dir is not None:
        target = output_dir / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
    return ok, f"({n_code} code cells, {secs:.1f} s)" + (f"\n     {detail}" if detail else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--kernel-name", default="pijar", help="kernelspec name (default: pijar)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default: 600)")
    parser.add_argument("--output-dir", type=Path, help="also save the executed notebooks here")
    parser.add_argument("--no-server", action="store_true", help="skip notebooks that need a Spark Connect server")
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
    passed = failed = 0
    for path in paths:
        ok, detail = run_one(path, args.kernel_name, args.timeout, args.output_dir)
        rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        print(f"{'PASS' if ok else 'FAIL'} {rel} {detail}", flush=True)
        passed += ok
        failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
