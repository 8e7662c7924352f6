"""The kernel survives what used to kill it or make it deaf: a timer callback that spins after its
cell ended (an interrupt stops it) and a cell that fills the heap (MemoryError, state kept)."""
import time

from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, kernel  # noqa: F401
from helpers import result_text, run, shell_reply


def test_interrupt_stops_a_runaway_timer(kernel):
    km, kc = kernel
    reply, _ = run(kc, "let keptT = 7;\nsetTimeout(() => { while (true) {} }, 300);\n'scheduled'")
    assert reply["content"]["status"] == "ok", reply["content"]
    time.sleep(1.5)  # the callback is spinning now: the kernel cannot run anything
    msg_id = kc.execute("keptT + 1")
    time.sleep(0.5)
    t = time.time()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=20)
    elapsed = time.time() - t
    # The queued cell either runs after the callback stopped or is the one the interrupt hit.
    assert reply["content"]["status"] in ("ok", "error"), reply["content"]
    if reply["content"]["status"] == "error":
        assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert elapsed < 5, f"interrupt took {elapsed:.1f}s"
    reply, outs = run(kc, "keptT + 2", timeout=20)
    assert result_text(outs) == "9"
    # Timers still work after that, and util.promisify(setTimeout) too.
    reply, outs = run(kc, "await new Promise((r) => setTimeout(() => r('tick'), 20))")
    assert result_text(outs) == "'tick'"
    reply, outs = run(kc, "import { promisify } from 'node:util';\nawait promisify(setTimeout)(10, 'p')")
    assert result_text(outs) == "'p'", reply["content"]


def test_filling_the_heap_raises_memory_error_and_the_kernel_lives():
    # A small heap keeps the test quick and light on a shared machine.
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60,
                              env={"NODE_OPTIONS": "--max-old-space-size=512", "PATH": __import__("os").environ["PATH"]})
    try:
        run(kc, "let keptM = 'still here';", timeout=60)
        reply, _ = run(kc, "const hog: number[][] = [];\nwhile (true) hog.push(new Array(1e6).fill(0));", timeout=120)
        c = reply["content"]
        assert c["status"] == "error" and c["ename"] == "MemoryError", c
        assert "memory is almost full" in c["evalue"]
        assert km.is_alive()
        reply, outs = run(kc, "hog.length = 0;\nkeptM", timeout=60)
        assert result_text(outs) == "'still here'"
        reply, outs = run(kc, "let n = 0; for (let i = 0; i < 1000; i++) n += i; n", timeout=60)
        assert result_text(outs) == "499500", (reply["content"], outs)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
