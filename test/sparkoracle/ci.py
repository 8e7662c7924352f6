"""CI check of every oracle's committed expectations, with one JVM at most.

    .venv/bin/python test/sparkoracle/ci.py             # all oracles (scripts/test.sh)
    .venv/bin/python test/sparkoracle/ci.py golden slt  # some
    .venv/bin/python test/sparkoracle/ci.py --status    # stamps only, never starts PySpark
    .venv/bin/python test/sparkoracle/ci.py --write     # rerun every stale oracle's --write, one JVM

For each oracle (see stamp.py): stamp matches -> "up to date"; outputs differ from their stamp
with the same inputs -> edited by hand, fail; inputs changed -> rerun that oracle's --check in
this process (all stale oracles share one JVM, see session.py) and fail on any difference.
"""
from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sparkoracle import registry, session, stamp  # noqa: E402


def load(o: stamp.Oracle):
    path = stamp.ROOT / o.script
    spec = importlib.util.spec_from_file_location(f"oracle_{o.name.replace('-', '_')}", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str]) -> int:
    status_only = "--status" in argv
    mode = "write" if "--write" in argv else "check"
    names = [a for a in argv if not a.startswith("--")]
    oracles = [registry.get(n) for n in names] if names else registry.ORACLES
    failed, stale = [], []
    for o in oracles:
        state, files = stamp.status(o)
        if state == "up to date":
            print(f"{o.name}: up to date (stamp {o.stamp}, pyspark {stamp.pyspark_version()})")
        elif state == "edited" and mode == "check":
            failed.append(o.name)
            print(f"{o.name}: FAILED: expectations differ from what PySpark wrote ({', '.join(files)}); "
                  f"an expectation was edited by hand? Regenerate: .venv/bin/python {o.script} --write")
        else:
            stale.append(o)
            print(f"{o.name}: inputs changed since {o.stamp} ({', '.join(files[:8])}"
                  f"{', ...' if len(files) > 8 else ''})" + ("" if status_only else ": rerunning PySpark"))
    if status_only:
        return 1 if failed or stale else 0
    sys.stdout.flush()
    try:
        for o in stale:
            t0 = time.time()
            try:
                rc = load(o).run(mode)
            except Exception:  # noqa: BLE001 - one broken oracle must not hide the others' results
                traceback.print_exc()
                rc = 1
            took = time.time() - t0
            if mode == "write":
                if rc:
                    failed.append(o.name)
                print(f"{o.name}: {'FAILED' if rc else 'written'} ({took:.0f}s)", flush=True)
            elif rc:
                failed.append(o.name)
                print(f"{o.name}: FAILED ({took:.0f}s): expectations differ from PySpark; "
                      f"regenerate with .venv/bin/python {o.script} --write", flush=True)
            else:
                print(f"{o.name}: matches PySpark ({took:.0f}s); its stamp is stale: "
                      f"run .venv/bin/python {o.script} --write and commit it, to skip PySpark next time", flush=True)
    finally:
        session.stop()
    print(f"oracles: {len(oracles) - len(failed)} ok, {len(failed)} failed" + (f" ({', '.join(failed)})" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
