"""Every PySpark oracle of the project: its script, its stamp, what it reads and what it writes.

Add an oracle here (and give its script `run(mode) -> int` and a `--write` that calls
`stamp.write`), and `scripts/test.sh` checks it through `sparkoracle/ci.py`.
"""
from __future__ import annotations

from pathlib import Path

from .stamp import Oracle

NORMALIZE = "test/sparkoracle/normalize.py"


def slt_sql_only(path: Path) -> bytes:
    """An .slt file without what the oracle fills in (rows, error classes): its inputs."""
    import sys

    sys.path.insert(0, str(path.parent))
    from slt_format import Record, parse, render

    items = parse(path.read_text())
    for it in items:
        if isinstance(it, Record):
            it.rows, it.error = [], None
    return render(items).encode()


ORACLES = [
    Oracle("golden", "test/golden/oracle.py", "test/golden/expected/oracle.stamp",
           inputs=["test/golden/cases/*.cases", "test/golden/data/**/*", "test/golden/caseformat.py", NORMALIZE],
           outputs=["test/golden/expected/*.json"]),
    Oracle("sql-golden", "test/sql/golden/oracle.py", "test/sql/golden/oracle.stamp",
           inputs=["test/sql/golden/cases.sql", NORMALIZE],
           outputs=["test/sql/golden/expected.json"]),
    Oracle("course", "notebooks/lib/oracle.py", "notebooks/lib/oracle.stamp",
           inputs=["notebooks/data/**/*"],
           outputs=["notebooks/lib/expected.json"]),
    Oracle("slt", "test/slt/oracle.py", "test/slt/oracle.stamp",
           inputs=["test/slt/*.slt", "test/slt/slt_format.py", NORMALIZE],
           outputs=["test/slt/*.slt"], input_text=slt_sql_only),
    Oracle("io", "test/io/oracle.py", "test/io/expected/oracle.stamp",
           inputs=["test/io/cases/*.json", NORMALIZE],
           outputs=["test/io/expected/*.json", "test/io/data/**/*"]),
    Oracle("reliability", "test/reliability/oracle.py", "test/reliability/expected/oracle.stamp",
           inputs=[], outputs=["test/reliability/expected/edge-cases.json"]),
    Oracle("codecs", "test/reliability/codec_oracle.py", "test/reliability/expected/codecs.stamp",
           inputs=["test/reliability/codec-cases.json", "test/reliability/data/pijar-codecs/**/*"],
           outputs=["test/reliability/expected/codecs.json"]),
    Oracle("functions-sql", "test/functions/sql/oracle.py", "test/functions/sql/oracle.stamp",
           inputs=["test/functions/sql/exprs.txt"],
           outputs=["test/functions/sql/expected.json"]),
    Oracle("functions-catalog", "test/functions/catalog/oracle.py", "test/functions/catalog/oracle.stamp",
           inputs=[NORMALIZE], outputs=["test/functions/catalog/examples.json"]),
]


def get(name: str) -> Oracle:
    for o in ORACLES:
        if o.name == name:
            return o
    raise KeyError(name)
