"""Stamps: what produced an oracle's committed expectations.

Beside its expectations each oracle commits `oracle.stamp` (JSON): the PySpark version, a hash
of every input (case files, data files, the oracle's scripts, this package) and a hash of its
outputs (the expectation files). That lets CI skip PySpark when nothing changed and still catch
a hand edit:

- inputs and outputs match the stamp      -> "up to date", no JVM
- inputs match, outputs do not            -> an expectation was edited by hand: fail
- inputs differ (or no stamp)             -> rerun PySpark, fail on any difference

An oracle's `--write` refreshes its stamp; `--check` reruns PySpark regardless.
Importing this module does not import PySpark (a stamp check must not start a JVM).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(__file__).resolve().parent


@dataclass
class Oracle:
    name: str
    script: str  # repo-relative path of the oracle script (module with run(mode) -> int)
    stamp: str  # repo-relative path of its stamp
    inputs: list[str]  # globs, repo-relative; the script and this package are always inputs
    outputs: list[str]  # globs of the committed expectation files
    # Optional: the input part of a file that holds both (the .slt files keep SQL and rows).
    input_text: Callable[[Path], bytes] | None = None

    def files(self, globs: list[str]) -> list[Path]:
        found = set()
        for g in globs:
            found.update(p for p in ROOT.glob(g) if p.is_file() and p.name != "oracle.stamp"
                         and "__pycache__" not in p.parts and p.suffix != ".crc")
        return sorted(found)

    def input_files(self) -> list[Path]:
        # The package's files that shape an oracle's output; the CI runner (ci.py) does not, nor
        # registry.py as a whole: only the oracle's own entry counts (input_parts), so that
        # registering a new oracle leaves every other stamp valid.
        shared = [str(PACKAGE.relative_to(ROOT) / f) for f in ("session.py", "normalize.py", "stamp.py")]
        return self.files(self.inputs + [self.script] + shared)


def pyspark_version() -> str:
    try:
        return metadata.version("pyspark")
    except metadata.PackageNotFoundError:
        return "none"


def _rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def _digest(parts: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(parts):
        h.update(name.encode() + b"\0" + hashlib.sha256(parts[name]).digest())
    return h.hexdigest()


def input_parts(o: Oracle) -> dict[str, bytes]:
    parts = {}
    for p in o.input_files():
        raw = o.input_text(p) if o.input_text and p.match("*.slt") else p.read_bytes()
        parts[_rel(p)] = raw
    parts["pyspark=="] = pyspark_version().encode()
    parts["registry entry"] = registry_entry(o)
    return parts


def registry_entry(o: Oracle) -> bytes:
    """The oracle's line in registry.py, with the source of its input_text if it has one."""
    import inspect

    text = repr((o.name, o.script, o.stamp, sorted(o.inputs), sorted(o.outputs)))
    if o.input_text is not None:
        text += "\n" + inspect.getsource(o.input_text)
    return text.encode()


def output_parts(o: Oracle) -> dict[str, bytes]:
    return {_rel(p): p.read_bytes() for p in o.files(o.outputs)}


def compute(o: Oracle) -> dict:
    ins, outs = input_parts(o), output_parts(o)
    return {
        "oracle": o.name,
        "pyspark": pyspark_version(),
        "inputs": _digest(ins),
        "outputs": _digest(outs),
        # Per-file hashes: only so that a stale stamp can say what changed.
        "input_files": {k: hashlib.sha256(v).hexdigest()[:16] for k, v in sorted(ins.items())},
        "output_files": {k: hashlib.sha256(v).hexdigest()[:16] for k, v in sorted(outs.items())},
    }


def read(o: Oracle) -> dict | None:
    p = ROOT / o.stamp
    return json.loads(p.read_text()) if p.exists() else None


def write(o: Oracle) -> None:
    """Called by an oracle's --write after it wrote its expectations."""
    (ROOT / o.stamp).write_text(json.dumps(compute(o), indent=1, sort_keys=True) + "\n")


def changed(old: dict, new: dict, key: str) -> list[str]:
    a, b = old.get(key, {}), new.get(key, {})
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def status(o: Oracle) -> tuple[str, list[str]]:
    """("up to date" | "edited" | "stale", the files that differ from the stamp)."""
    old, new = read(o), compute(o)
    if old is None:
        return "stale", ["(no stamp)"]
    if old.get("inputs") != new["inputs"]:
        return "stale", changed(old, new, "input_files")
    if old.get("outputs") != new["outputs"]:
        return "edited", changed(old, new, "output_files")
    return "up to date", []
