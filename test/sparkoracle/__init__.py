"""The project's one PySpark oracle package: how an oracle starts Spark (`session`), which
oracles exist (`registry`), their stamps (`stamp`) and the CI runner (`ci`).

Oracle scripts import it after `sys.path.insert(0, <repo>/test)`.
"""
from __future__ import annotations


def write_stamp(name: str) -> None:
    """An oracle's --write ends here: records what produced the expectations it just wrote."""
    from . import registry, stamp

    o = registry.get(name)
    stamp.write(o)
    print(f"{o.stamp}: stamp written", flush=True)


def write_or_check(mode: str, name: str, target, text: str, what: str = "") -> int:
    """The end of an oracle holding one expectation file: `text` is what PySpark answered now.

    --check: fail unless the committed `target` is exactly that text (CI catches a stale file);
    --write: commit the text and the stamp. `what` adds a count to the "wrote" line.
    """
    import sys

    from . import registry

    if mode == "check":
        if not target.exists() or target.read_text() != text:
            print(f"{target} differs from what PySpark produces now: "
                  f"rerun .venv/bin/python {registry.get(name).script} --write", file=sys.stderr)
            return 1
        print(f"{target}: matches PySpark")
        return 0
    target.write_text(text)
    print(f"wrote {target}{f' ({what})' if what else ''}")
    write_stamp(name)
    return 0
