"""Parser for the golden case files (test/golden/cases/*.cases), Python side.

The TypeScript twin is caseformat.ts; both must accept exactly the same text, so the
format is deliberately tiny:

    # comment (only outside a case's code blocks)
    ### case: filter_gt_and
    checks: rows show(3) show(n=2, truncate=5)
    --- python
    df = people.filter(F.col("age") > 30)
    --- ts
    const df = people.filter(F.col("age").gt(30));

A check is a name, optionally with arguments in parentheses. Positional arguments map to
positional arguments in both languages (`show(3, false)` -> `df.show(3, False)` and
`df.show(3, false)`); keyword arguments map to PySpark kwargs and to one TS options object
(`show(n=2, truncate=5)` -> `df.show(n=2, truncate=5)` and `df.show({ n: 2, truncate: 5 })`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CHECK_NAMES = {"rows", "rows_unordered", "schema", "dtypes", "columns", "count", "show", "error", "value"}


@dataclass
class Check:
    name: str
    args: list = field(default_factory=list)
    kwargs: dict = field(default_factory=dict)
    key: str = ""  # canonical text, the key in the expected JSON


@dataclass
class Case:
    id: str
    area: str
    checks: list
    python: str
    ts: str
    line: int


def parse_value(text: str):
    t = text.strip()
    if t in ("true", "True"):
        return True
    if t in ("false", "False"):
        return False
    if re.fullmatch(r"-?\d+", t):
        return int(t)
    raise ValueError(f"check argument {t!r} must be an integer or true/false")


def split_checks(text: str) -> list[str]:
    """Splits on whitespace outside parentheses: `rows show(n=2, truncate=5)` -> 2 tokens."""
    tokens, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch.isspace() and depth == 0:
            if cur:
                tokens.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        tokens.append(cur)
    return tokens


def parse_check(token: str) -> Check:
    m = re.fullmatch(r"([a-z_]+)(?:\((.*)\))?", token.strip(), re.S)
    if not m or m.group(1) not in CHECK_NAMES:
        raise ValueError(f"unknown check {token!r}; known: {sorted(CHECK_NAMES)}")
    check = Check(m.group(1))
    inner = (m.group(2) or "").strip()
    for part in [p for p in inner.split(",") if p.strip()] if inner else []:
        if "=" in part:
            k, v = part.split("=", 1)
            check.kwargs[k.strip()] = parse_value(v)
        else:
            if check.kwargs:
                raise ValueError(f"positional argument after keyword in {token!r}")
            check.args.append(parse_value(part))
    check.key = re.sub(r"\s+", "", token)
    return check


def parse_cases(path: Path) -> list[Case]:
    area = path.stem
    cases: list[Case] = []
    cur = None
    block = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^### case:\s*(\S+)\s*$", raw)
        if m:
            cur = {"id": m.group(1), "checks": None, "python": [], "ts": [], "line": lineno}
            cases.append(cur)
            block = None
            continue
        if cur is None:
            if raw.strip() and not raw.startswith("#"):
                raise ValueError(f"{path}:{lineno}: text outside a case: {raw!r}")
            continue
        m = re.match(r"^--- (python|ts)\s*$", raw)
        if m:
            block = m.group(1)
            continue
        if block is None:
            m = re.match(r"^checks:\s*(.*)$", raw)
            if m:
                cur["checks"] = [parse_check(t) for t in split_checks(m.group(1))]
            elif raw.strip() and not raw.startswith("#"):
                raise ValueError(f"{path}:{lineno}: expected 'checks:' or '--- python'/'--- ts', got {raw!r}")
            continue
        cur[block].append(raw)
    out = []
    seen = set()
    for c in cases:
        where = f"{path}:{c['line']} case {c['id']}"
        if not c["checks"]:
            raise ValueError(f"{where}: missing 'checks:' line")
        if not "".join(c["python"]).strip() or not "".join(c["ts"]).strip():
            raise ValueError(f"{where}: needs both a '--- python' and a '--- ts' block")
        if c["id"] in seen:
            raise ValueError(f"{where}: duplicate case id")
        seen.add(c["id"])
        out.append(Case(c["id"], area, c["checks"], "\n".join(c["python"]).strip("\n"),
                        "\n".join(c["ts"]).strip("\n"), c["line"]))
    return out
