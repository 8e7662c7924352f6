"""The type checker at kernel start: the first cells are checked before they run, both when the
checker starts from its snapshot (the build made one) and when it builds itself in a thread."""
import os

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME
from helpers import run, stdout_text


@pytest.mark.parametrize("no_snapshot", ["", "1"], ids=["snapshot", "checker-thread"])
def test_first_cells_are_checked_before_they_run(no_snapshot, tmp_path):
    (tmp_path / "helper.ts").write_text("export const greeting: string = 'hi';\n")
    # Relative imports in cells resolve against the notebook's folder (the kernel's cwd).
    env = dict(os.environ, PIJAR_NO_SNAPSHOT=no_snapshot)
    if not no_snapshot:
        env.pop("PIJAR_NO_SNAPSHOT")
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=90, env=env, cwd=str(tmp_path))
    try:
        # The very first cell, sent as soon as the kernel answers: it must not run before its check.
        reply, outs = run(kc, 'console.log("ran");\nconst s: string = 1;', timeout=90)
        assert reply["content"]["status"] == "error", reply["content"]
        assert reply["content"]["ename"] == "TypeScriptError"
        assert "line 2" in reply["content"]["evalue"]
        assert "ran" not in stdout_text(outs)
        reply, outs = run(kc, 'const n: number = 2;\nconsole.log(n + 1)', timeout=90)
        assert reply["content"]["status"] == "ok", reply["content"]
        assert stdout_text(outs) == "3\n"
        reply, outs = run(kc, "const t: number = n;\nconst u: string = t;", timeout=90)
        assert reply["content"]["ename"] == "TypeScriptError"
        reply, outs = run(kc, 'import { greeting } from "./helper.ts";\nconst g: number = greeting;', timeout=90)
        assert reply["content"]["ename"] == "TypeScriptError", reply["content"]
        reply, outs = run(kc, 'import { greeting } from "./helper.ts";\nconsole.log(greeting)', timeout=90)
        assert reply["content"]["status"] == "ok", reply["content"]
        assert stdout_text(outs) == "hi\n"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
