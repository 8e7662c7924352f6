"""Interrupts: sync loop, microtask loop, timer loop, a long Pijar query; state is kept."""
import os
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import CLI, kernel  # noqa: F401
from helpers import collect, result_text, run, shell_reply

REPO = Path(__file__).resolve().parents[2]


def _interrupt_after(km, kc, code, delay=1.0):
    msg_id = kc.execute(code)
    time.sleep(delay)
    t = time.time()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=10)
    elapsed = time.time() - t
    collect(kc, msg_id)
    return reply, elapsed


@pytest.mark.parametrize(
    "code",
    [
        "while (true) {}",
        "while (true) { await null; }",
        "for (;;) { await new Promise((r) => setTimeout(r, 5)); }",
        "await new Promise(() => {})",
    ],
    ids=["sync-loop", "microtask-loop", "timer-loop", "never-settles"],
)
def test_interrupt_keeps_state(kernel, code):
    km, kc = kernel
    run(kc, "let kept = 41;")
    reply, elapsed = _interrupt_after(km, kc, code)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert elapsed < 2, f"interrupt took {elapsed:.2f}s"
    assert result_text(run(kc, "kept + 1")[1]) == "42"


def test_interrupt_input(kernel):
    km, kc = kernel
    msg_id = kc.execute("input('never answered')", allow_stdin=True)
    kc.get_stdin_msg(timeout=60)
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=5)
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    collect(kc, msg_id)
    assert result_text(run(kc, "1 + 1")[1]) == "2"


# What the kernel loads: the bundled library and the jobs entry over the same chunks.
BUNDLE = REPO / "dist" / "bundle"


def _pijar_ready():
    return (BUNDLE / "pijar.js").exists()


@pytest.mark.skipif(not _pijar_ready(), reason="pijar engine (dist/bundle/pijar.js) not built yet")
def test_interrupt_long_query(kernel):
    """The query is stopped within 2 s and the kernel stays usable."""
    km, kc = kernel
    reply, _ = run(kc, "const big = spark.range(0, 2_000_000_000);")
    assert reply["content"]["status"] == "ok", reply["content"]
    reply, elapsed = _interrupt_after(km, kc, "await big.selectExpr('sum(id * 2) as s').collect()")
    assert reply["content"]["ename"] == "KeyboardInterrupt" and elapsed < 2, (reply["content"], elapsed)
    assert result_text(run(kc, "1 + 1")[1]) == "2"


@pytest.mark.skipif(not _pijar_ready(), reason="pijar engine (dist/bundle/pijar.js) not built yet")
def test_interrupt_long_query_leaves_no_job(kernel):
    km, kc = kernel
    reply, _ = run(kc, "const big = spark.range(0, 2_000_000_000);")
    assert reply["content"]["status"] == "ok", reply["content"]
    reply, elapsed = _interrupt_after(km, kc, "await big.selectExpr('sum(id * 2) as s').collect()")
    assert reply["content"]["status"] == "error" and elapsed < 2, (reply["content"], elapsed)
    reply, outs = run(kc, f"(await import({str(BUNDLE / 'jobs.js')!r})).runningJobCount()")
    assert result_text(outs) == "0"


def test_signal_mode_interrupt():
    prefix = tempfile.mkdtemp(prefix="pijar-signal-")
    subprocess.run(
        ["node", str(CLI), "install", "--prefix", prefix, "--name", "pijar-signal", "--interrupt-mode", "signal"],
        check=True,
        capture_output=True,
    )
    old = os.environ["JUPYTER_PATH"]
    os.environ["JUPYTER_PATH"] = str(Path(prefix) / "share" / "jupyter") + os.pathsep + old
    try:
        km, kc = start_new_kernel(kernel_name="pijar-signal", startup_timeout=60)
        try:
            run(kc, "let kept = 1;")
            for code in ["while (true) {}", "await new Promise(() => {})"]:
                reply, elapsed = _interrupt_after(km, kc, code)
                assert reply["content"]["ename"] == "KeyboardInterrupt" and elapsed < 2
            assert result_text(run(kc, "kept")[1]) == "1"
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    finally:
        os.environ["JUPYTER_PATH"] = old


def test_interrupted_async_loop_stops_running(kernel):
    km, kc = kernel
    run(kc, "let ticks = 0;")
    reply, _ = _interrupt_after(km, kc, "for (;;) { await new Promise((r) => setTimeout(r, 5)); ticks++; }")
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    first = int(result_text(run(kc, "ticks")[1]))
    time.sleep(0.3)
    assert int(result_text(run(kc, "ticks")[1])) == first, "the interrupted loop kept running"
