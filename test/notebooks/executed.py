"""The executed copies of the course (notebooks/executed/{en,id}/*.ipynb): what GitHub shows.

The course notebooks are committed without outputs (notebooks/_source/build.ts writes them), so
GitHub's viewer would show no table and no chart. run_notebooks.py runs every notebook with the
reference answers filled in; this module turns such a run into the copy that is committed, and
compares a run with the committed copy (the drift check CI does on the run it makes anyway).

A copy must be the same bytes on every run and every machine, and show without JavaScript:
- a chart keeps only its static SVG (image/svg+xml, drawn in TypeScript by
  src/display/plot/svg.ts) and its text/plain: the plotly JSON and the text/html that inlines
  plotly.js (3.5 MB, a random element id, scripts GitHub never runs) are dropped;
- a table keeps text/html and text/plain; the application/vnd.dataresource+json payload (the
  same rows again, for data-grid front ends GitHub does not have) is dropped;
- progress bars are dropped (the kernel shows one only for a job that runs long enough, so
  whether a cell has one depends on the machine's speed), then stdout chunks are merged (where
  the kernel's output is cut into messages depends on timing too);
- nbclient's per-cell timestamps are dropped;
- what names this run rather than the lesson is replaced: the UUID in written part-file names,
  the checkout's path in error messages, the Spark Connect server's address and token.
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
EXECUTED = NOTEBOOKS / "executed"
REGENERATE = ".venv/bin/python test/notebooks/run_notebooks.py --write-executed"
# Environment variables a notebook reads that change what it prints: the copies are made with
# them set (scripts/test.sh starts a PostgreSQL and sets them), so a run without one neither
# checks nor writes the copy of a notebook that reads it.
OUTPUT_CHANGING_ENV = ("PIJAR_PG_URL",)
# Where the lesson names the Spark Connect server it was given: the copy shows its default one.
SHOWN_REMOTE = "sc://127.0.0.1:15002"

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
UUID_SHOWN = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
CHECKOUT_SHOWN = "/path/to/pijar"
# Output types a static page can show; a bundle with image/svg+xml keeps only these.
STATIC = ("image/svg+xml", "text/plain")
DROPPED = ("application/vnd.dataresource+json",)
# kernel/runtime/progress.ts draws a running job's progress as this element.
PROGRESS = '<div class="pijar-progress"'


def executed_path(notebook: Path) -> Path:
    """notebooks/en/01-x.ipynb -> notebooks/executed/en/01-x.ipynb."""
    return EXECUTED / notebook.parent.name / notebook.name


def env_dependence(nb, env: dict[str, str]) -> str:
    """The output-changing variable this notebook reads that env leaves unset, else ''."""
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return next((v for v in OUTPUT_CHANGING_ENV if f"process.env.{v}" in code and not env.get(v)), "")


def _scrub(text: str, remote: str) -> str:
    text = UUID.sub(UUID_SHOWN, text)
    text = text.replace(str(REPO), CHECKOUT_SHOWN)
    if remote:
        text = text.replace(remote.split(";")[0].rstrip("/"), SHOWN_REMOTE)
        token = re.search(r";token=([^;]+)", remote)
        if token:
            text = text.replace(token.group(1), "…")
    return text


def _scrub_value(value, remote: str):
    if isinstance(value, str):
        return _scrub(value, remote)
    if isinstance(value, list):
        return [_scrub_value(v, remote) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_value(v, remote) for k, v in value.items()}
    return value


def _static_data(data: dict) -> dict:
    if "image/svg+xml" in data:
        return {k: v for k, v in data.items() if k in STATIC}
    return {k: v for k, v in data.items() if k not in DROPPED}


def _is_progress(out) -> bool:
    html = out.get("data", {}).get("text/html", "")
    return "".join(html).startswith(PROGRESS)


def _merge_streams(outputs: list) -> list:
    merged: list = []
    for out in outputs:
        prev = merged[-1] if merged else None
        if out.output_type == "stream" and prev is not None and prev.output_type == "stream" and prev.name == out.name:
            prev.text += out.text
        else:
            merged.append(out)
    return merged


def normalize(nb, remote: str = ""):
    """The committed form of an executed notebook (a new object; nb is left as it is)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            if "data" in out:
                out.data = nbformat.from_dict(_scrub_value(_static_data(out.data), remote))
                out.metadata = nbformat.from_dict({k: v for k, v in out.get("metadata", {}).items() if k in out.data})
            if out.output_type == "stream":
                out.text = _scrub(out.text, remote)
            if out.output_type == "error":
                out.evalue = _scrub(out.evalue, remote)
                out.traceback = [_scrub(t, remote) for t in out.traceback]
        cell.outputs = _merge_streams([out for out in cell.outputs if not _is_progress(out)])
    return nb


def dumps(nb) -> str:
    """nbformat's own JSON layout, so a copy reads the same after Jupyter saves it."""
    return nbformat.writes(nb) + "\n"


def write(nb, notebook: Path) -> Path:
    target = executed_path(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dumps(nb), encoding="utf-8")
    return target


def _cell_lines(cell) -> list[str]:
    """A cell as lines to compare: its source, then each output as JSON lines."""
    lines = cell.source.splitlines()
    for out in cell.get("outputs", []):
        lines += json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False).splitlines()
    return lines


def drift(nb, notebook: Path) -> str:
    """'' when the committed copy equals nb (normalized), else which cells differ and how to fix it."""
    target = executed_path(notebook)
    rel = target.relative_to(REPO)
    fix = f"regenerate the executed copies with: {REGENERATE}  (PIJAR_PG_URL and, for lesson 06, PIJAR_TEST_SPARK_REMOTE set, as scripts/test.sh does)"
    if not target.exists():
        return f"{rel} is missing; {fix}"
    committed = nbformat.reads(target.read_text(encoding="utf-8"), as_version=4)
    if dumps(committed) == dumps(nb):
        return ""
    problems = []
    if len(committed.cells) != len(nb.cells):
        problems.append(f"{len(committed.cells)} cells committed, {len(nb.cells)} in this run")
    for i, (old, new) in enumerate(zip(committed.cells, nb.cells)):
        a, b = _cell_lines(old), _cell_lines(new)
        if a == b:
            continue
        at = next((j for j, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        x, y = (a[at] if at < len(a) else "<end>"), (b[at] if at < len(b) else "<end>")
        # From a little before the first character that differs: long lines differ late.
        col = max(0, next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y))) - 40)
        name = new.metadata.get("pijar", {}).get("exercise") or new.get("id", "")
        problems.append(f"cell {i} ({name}), line {at + 1}: committed {x[col:col + 120]!r} vs this run {y[col:col + 120]!r}")
    if not problems:
        problems.append("notebook metadata differs")
    shown = problems[:5] + ([f"... and {len(problems) - 5} more cells"] if len(problems) > 5 else [])
    return f"{rel} differs from this run: " + "; ".join(shown) + f"\n     {fix}"
