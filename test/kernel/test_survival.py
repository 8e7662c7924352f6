"""The kernel survives what used to kill it or make it deaf: a timer callback that spins after its
cell ended (an interrupt stops it), a cell that fills the heap (MemoryError, state kept), a
thousand executes queued behind an error, and a client that goes away in the middle of a reply."""
import time

from jupyter_client.blocking import BlockingKernelClient
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


def test_thousand_executes_queued_behind_an_error(kernel):
    km, kc = kernel
    run(kc, "let keptQ = 41;")
    failing = kc.execute("throw new Error('first one fails')")
    queued = [kc.execute(f"keptQ += {i}; keptQ") for i in range(1000)]
    assert shell_reply(kc, failing, timeout=60)["content"]["status"] == "error"
    # stop_on_error (the default): every request queued behind the error is aborted, none ran.
    statuses = [shell_reply(kc, q, timeout=60)["content"]["status"] for q in queued]
    assert statuses == ["aborted"] * 1000
    reply, outs = run(kc, "keptQ", timeout=60)
    assert result_text(outs) == "41", reply["content"]
    # Without stop_on_error the queue runs through the error, in order.
    failing = kc.execute("throw new Error('again')", stop_on_error=False)
    queued = [kc.execute(f"keptQ = {i}; keptQ", stop_on_error=False) for i in range(1000)]
    assert shell_reply(kc, failing, timeout=60)["content"]["status"] == "error"
    assert all(shell_reply(kc, q, timeout=60)["content"]["status"] == "ok" for q in queued)
    reply, outs = run(kc, "keptQ", timeout=60)
    assert result_text(outs) == "999"


def test_a_client_that_disconnects_mid_reply(kernel):
    km, kc = kernel
    run(kc, "let keptD = 'kept';")
    # A second front end (its own session, as a console attached to a notebook's kernel has).
    gone = BlockingKernelClient(connection_file=km.connection_file)
    gone.load_connection_file()
    gone.start_channels()
    try:
        # A long stream of output; the client reads a little of it, then closes its sockets.
        msg_id = gone.execute("for (let i = 0; i < 3000; i++) console.log(String(i).padStart(2000, '.'));\n'done'")
        seen = 0
        while seen < 3:
            m = gone.get_iopub_msg(timeout=120)
            if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream":
                seen += 1
    finally:
        gone.stop_channels()
    # The kernel finishes that cell for nobody, then serves the client that stayed.
    reply, outs = run(kc, "keptD + '!'", timeout=120)
    assert reply["content"]["status"] == "ok", reply["content"]
    assert result_text(outs) == "'kept!'"
    assert km.is_alive()


def test_a_client_that_reconnects_with_its_session(kernel):
    # jupyter_client gives a client's sockets its session's id as routing id: the same session
    # connecting again must be answered (the router hands the route over), as ipykernel does.
    km, kc = kernel
    again = km.client()
    again.start_channels()
    try:
        reply = again.kernel_info(reply=True, timeout=60)
        assert reply["content"]["status"] == "ok"
        msg_id = again.execute("keptD.length")
        assert shell_reply(again, msg_id, timeout=120)["content"]["status"] == "ok"
    finally:
        again.stop_channels()
