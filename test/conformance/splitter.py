"""Splits one of Spark's SQL golden-test input files into statements, as SQLQueryTestSuite does.

- Lines whose trimmed text starts with `--` are comments (except `--QUERY-DELIMITER-START/END`).
- `--IMPORT other.sql` (at the very start of a comment line) puts the code of that file (relative
  to the inputs folder) before this file's code.
- `--SET k=v[,k2=v2]` lines are settings applied before the file runs.
- `--CONFIG_DIMn k=v[,...]` lines are alternative setting sets; Spark runs the cross product of
  the dimensions, we run only the first set of each dimension.
- Statements are separated by every `;` not preceded by a backslash; between
  `--QUERY-DELIMITER-START` and `--QUERY-DELIMITER-END` the whole block is one statement.
- Each statement is trimmed, and lines that begin with `--` (a comment that followed a `;` on
  the same line) are dropped.
"""
from __future__ import annotations

import re
from pathlib import Path

_SEMI = re.compile(r"(?<=[^\\]);")


def _split_comments_and_code(text: str) -> tuple[list[str], list[str]]:
    comments, code = [], []
    for line in text.split("\n"):
        t = line.strip()
        (comments if t.startswith("--") and not t.startswith("--QUERY-DELIMITER") else code).append(line)
    return comments, code


def _split_semicolons(lines: list[str]) -> list[str]:
    return _SEMI.split("\n".join(lines))


def _pairs(text: str) -> list[tuple[str, str]]:
    out = []
    for kv in text.split(","):
        if "=" not in kv:
            continue
        k, v = kv.split("=", 1)
        out.append((k.strip(), v.strip()))
    return out


def split_file(path: Path, inputs: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Returns (settings, statements) of one input file."""
    comments, code = _split_comments_and_code(path.read_text())
    imported: list[str] = []
    for c in comments:
        if c.startswith("--IMPORT "):
            other = inputs / c[len("--IMPORT "):].strip()
            if other.exists():
                imported += _split_comments_and_code(other.read_text())[1]
    settings: list[tuple[str, str]] = []
    for c in comments:
        if c.startswith("--SET "):
            settings += _pairs(c[len("--SET "):])
    dims: dict[str, str] = {}
    for c in comments:
        m = re.match(r"--CONFIG_DIM(\d+)\s+(.*)", c)
        if m and m.group(1) not in dims:
            dims[m.group(1)] = m.group(2)
    for d in sorted(dims):
        settings += _pairs(dims[d])

    all_code = imported + code
    if any(c.strip().startswith("--QUERY-DELIMITER") for c in all_code):
        queries: list[str] = []
        others: list[str] = []
        block = ""
        inside = False
        for c in all_code:
            t = c.strip()
            if t.startswith("--QUERY-DELIMITER-START"):
                inside = True
                queries += _split_semicolons(others)
                others = []
            elif t.startswith("--QUERY-DELIMITER-END"):
                inside = False
                queries.append("\n" + (block[:-1] if block.endswith(";") else block))
                block = ""
            elif inside:
                block += "\n" + c
            else:
                others.append(c)
        if others:
            queries += _split_semicolons(others)
    else:
        queries = _split_semicolons(all_code)

    out = []
    for q in queries:
        q = q.strip()
        if not q:
            continue
        q = "\n".join(line for line in q.split("\n") if not line.startswith("--")).strip()
        if q:
            out.append(q)
    return settings, out
