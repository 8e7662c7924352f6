"""Installs the Pijar kernelspec into a temporary prefix and points Jupyter at it.

Runs at import time (before jupyter_kernel_test's setUpClass starts a kernel). The build
(`npm run build`) must have produced dist/kernel/cli.js; test/kernel/run.sh does that.
"""
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "dist" / "kernel" / "cli.js"

if not CLI.exists():
    raise RuntimeError(f"{CLI} is missing: run `npm run build` (or test/kernel/run.sh) first")

_prefix = os.environ.get("PIJAR_TEST_PREFIX") or tempfile.mkdtemp(prefix="pijar-kernelspec-")
subprocess.run(["node", str(CLI), "install", "--prefix", _prefix], check=True, capture_output=True)
os.environ["JUPYTER_PATH"] = str(Path(_prefix) / "share" / "jupyter")
KERNEL_NAME = "pijar"


@pytest.fixture(scope="module")
def kernel():
    """A fresh kernel per test module: (KernelManager, BlockingKernelClient)."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)
