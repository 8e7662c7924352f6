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
