"""The .slt file format, Python side (twin: slt-format.ts). See README.md for the format.

A file is a list of items: free text (comments, blank lines) kept as is, and records:

    statement ok | statement error [CLASS]
    query [rowsort] | query error [CLASS]
    <SQL lines>
    ----               (queries that succeed only)
    <expected rows, one per line, values tab-separated>

A record ends at the first blank line after its SQL (or after its rows).
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sparkoracle.normalize import normalize_value  # noqa: E402


class Record:
    def __init__(self, line: int, kind: str, mode: str, error: str | None, sql: list[str], rows: list[str]):
        self.line = line  # 1-based line of the header: the id used in pending.txt
        self.kind = kind  # "statement" | "query"
        self.mode = mode  # "ok" | "rowsort" | "ordered" | "error"
        self.error = error
        self.sql = sql
        self.rows = rows

    @property
    def text(self) -> str:
        return "\n".join(self.sql).strip()


def parse(text: str):
    """Returns the items of a file: str (one verbatim line) or Record."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    items, i = [], 0
    while i < len(lines):
        words = lines[i].split()
        if not words or words[0] not in ("statement", "query"):
            items.append(lines[i])
            i += 1
            continue
        header_line, kind = i + 1, words[0]
        if kind == "statement":
            mode = "error" if words[1:2] == ["error"] else "ok"
        else:
            mode = "error" if words[1:2] == ["error"] else ("rowsort" if words[1:2] == ["rowsort"] else "ordered")
        error = words[2] if mode == "error" and len(words) > 2 else None
        i += 1
        sql, rows = [], []
        while i < len(lines) and lines[i].strip() and lines[i] != "----":
            sql.append(lines[i])
            i += 1
        if i < len(lines) and lines[i] == "----":
            i += 1
            while i < len(lines) and lines[i] != "":
                rows.append(lines[i])
                i += 1
        if not sql:
            raise ValueError(f"line {header_line}: a {kind} record needs SQL on the next line")
        items.append(Record(header_line, kind, mode, error, sql, rows))
    return items


def render(items) -> str:
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(it)
            continue
        if it.kind == "statement":
            out.append("statement error " + (it.error or "?") if it.mode == "error" else "statement ok")
            out.extend(it.sql)
        else:
            head = {"error": "query error " + (it.error or "?"), "rowsort": "query rowsort", "ordered": "query"}[it.mode]
            out.append(head)
            out.extend(it.sql)
            if it.mode != "error":
                out.append("----")
                out.extend(it.rows)
    return "\n".join(out) + "\n"


def escape(s: str) -> str:
    if s == "":
        return "(empty)"
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def cell(v) -> str:
    """One value in canonical text: NULL, true/false, repr of floats, JSON for nested values."""
    n = normalize_value(v)
    if n is None:
        return "NULL"
    if isinstance(n, bool):
        return "true" if n else "false"
    if isinstance(n, float):
        return repr(n)
    if isinstance(n, int):
        return str(n)
    if isinstance(n, str):
        return escape(n)
    return escape(json.dumps(n, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


def row_line(r) -> str:
    return "\t".join(cell(v) for v in r)
