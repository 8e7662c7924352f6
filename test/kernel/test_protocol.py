"""Protocol suite: reply shapes, ordering, liveness while busy, stdin, stop_on_error."""
import threading
import time

import zmq
from jupyter_kernel_test.msgspec_v5 import validate_message

from conftest import kernel  # noqa: F401  (fixture)
from helpers import collect, result_text, run, shell_reply, stdout_text


def test_reply_shapes(kernel):
    km, kc = kernel
    for send, kind in [
        (lambda: kc.kernel_info(), "kernel_info_reply"),
        (lambda: kc.execute("1"), "execute_reply"),
        (lambda: kc.complete("Math.ab", 7), "complete_reply"),
        (lambda: kc.inspect("Math.abs", 8), "inspect_reply"),
        (lambda: kc.is_complete("1 +"), "is_complete_reply"),
        (lambda: kc.history(hist_access_type="tail", n=3), "history_reply"),
        (lambda: kc.comm_info(), "comm_info_reply"),
    ]:
        msg_id = send()
        reply = shell_reply(kc, msg_id)
        validate_message(reply, kind, msg_id)
        for m in collect(kc, msg_id):
            validate_message(m)


def test_control_kernel_info_shape(kernel):
    km, kc = kernel
    msg = kc.session.msg("kernel_info_request")
    kc.control_channel.send(msg)
    reply = kc.control_channel.get_msg(timeout=5)
    validate_message(reply, "kernel_info_reply", msg["header"]["msg_id"])
    assert reply["content"]["language_info"]["name"] == "typescript"


def test_thousand_executes_in_order(kernel):
    km, kc = kernel
    ids = [kc.execute(f"let n = {i}; n", store_history=True) for i in range(1000)]
    counts = []
    for i, msg_id in enumerate(ids):
        reply = shell_reply(kc, msg_id, timeout=60)
        assert reply["content"]["status"] == "ok", reply["content"]
        counts.append(reply["content"]["execution_count"])
    assert counts == sorted(counts) and len(set(counts)) == 1000
    # Results arrive in order on iopub too.
    results = []
    while len(results) < 1000:
        m = kc.get_iopub_msg(timeout=30)
        if m["msg_type"] == "execute_result" and m["parent_header"]["msg_id"] in ids:
            results.append(int(m["content"]["data"]["text/plain"]))
    assert results == list(range(1000))


def test_state_types_and_values(kernel):
    km, kc = kernel
    reply, outs = run(kc, "const x: number = 1; x")
    assert result_text(outs) == "1"
    reply, outs = run(kc, "const x = 'again'; x.length")  # re-declaring a const works
    assert result_text(outs) == "5"
    reply, outs = run(kc, "await new Promise((r) => setTimeout(() => r(7), 20))")
    assert result_text(outs) == "7"
    reply, outs = run(kc, "Promise.resolve(8)")  # a Promise value is awaited
    assert result_text(outs) == "8"
    reply, outs = run(kc, "const n: number = 1;\nconst s: string = n;")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "TypeScriptError"
    assert "line 2" in reply["content"]["evalue"]


def test_errors_point_at_cell_line(kernel):
    km, kc = kernel
    reply, outs = run(kc, "const a = 1;\n\nthrow new RangeError('bad value')")
    c = reply["content"]
    assert c["status"] == "error" and c["ename"] == "RangeError" and c["evalue"] == "bad value"
    assert any("line 3" in line for line in c["traceback"]), c["traceback"]
    assert not any("dist/" in line for line in c["traceback"])
    # the kernel is still alive
    assert result_text(run(kc, "a + 1")[1]) == "2"


def test_unawaited_promises_belong_to_their_cell(kernel):
    km, kc = kernel
    code = "(async () => { await new Promise((r) => setTimeout(r, 50)); console.log('later'); })();\n1"
    reply, outs = run(kc, code)
    assert "later" in stdout_text(outs)
    code = "(async () => { await new Promise((r) => setTimeout(r, 20)); throw new Error('late failure'); })();\n2"
    reply, outs = run(kc, code)
    assert reply["content"]["status"] == "error" and reply["content"]["evalue"] == "late failure"


def test_stop_on_error_aborts_queued(kernel):
    km, kc = kernel
    first = kc.execute("throw new Error('stop')")
    queued = [kc.execute("1"), kc.execute("2")]
    assert shell_reply(kc, first)["content"]["status"] == "error"
    for q in queued:
        assert shell_reply(kc, q)["content"]["status"] == "aborted"
    assert result_text(run(kc, "3")[1]) == "3"


def test_silent_and_store_history(kernel):
    km, kc = kernel
    before = run(kc, "0")[0]["content"]["execution_count"]
    reply, outs = run(kc, "99", silent=True)
    assert result_text(outs) is None
    after = run(kc, "0")[0]["content"]["execution_count"]
    assert after == before + 1


def test_input_request(kernel):
    km, kc = kernel
    msg_id = kc.execute("const answer = input('name? '); answer.toUpperCase()", allow_stdin=True)
    req = kc.get_stdin_msg(timeout=60)
    assert req["msg_type"] == "input_request" and req["content"]["prompt"] == "name? "
    kc.input("bob")
    reply = shell_reply(kc, msg_id)
    assert reply["content"]["status"] == "ok"
    assert result_text(collect(kc, msg_id)) == "'BOB'"


def test_complete_and_inspect(kernel):
    km, kc = kernel
    run(kc, "const point = { xCoord: 1, yCoord: 2 };")
    msg_id = kc.complete("point.xC", 8)
    c = shell_reply(kc, msg_id)["content"]
    assert c["matches"] == ["xCoord"] and c["cursor_start"] == 6 and c["cursor_end"] == 8
    msg_id = kc.inspect("Math.floor(1.5)", 10)
    c = shell_reply(kc, msg_id)["content"]
    assert c["found"] and "floor" in c["data"]["text/plain"]


def _hb_ping(hb_url, timeout=1.0):
    ctx = zmq.Context.instance()
    s = ctx.socket(zmq.REQ)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(hb_url)
    t = time.time()
    s.send(b"ping")
    ok = s.poll(int(timeout * 1000))
    if ok:
        s.recv()
    s.close()
    return (time.time() - t) if ok else None


def test_heartbeat_and_control_while_busy(kernel):
    km, kc = kernel
    info = km.get_connection_info()
    hb_url = f"tcp://{info['ip']}:{info['hb_port']}"
    busy = kc.execute("const t0 = Date.now(); while (Date.now() - t0 < 30000) {} 'done'")
    time.sleep(0.5)
    worst_hb = 0.0
    worst_ctl = 0.0
    end = time.time() + 28
    while time.time() < end:
        d = _hb_ping(hb_url)
        assert d is not None, "heartbeat did not answer within 1 s while a cell was busy"
        worst_hb = max(worst_hb, d)
        msg = kc.session.msg("kernel_info_request")
        t = time.time()
        kc.control_channel.send(msg)
        while True:
            r = kc.control_channel.get_msg(timeout=1)
            if r["parent_header"]["msg_id"] == msg["header"]["msg_id"]:
                break
        worst_ctl = max(worst_ctl, time.time() - t)
        time.sleep(0.5)
    assert worst_hb < 1 and worst_ctl < 1, (worst_hb, worst_ctl)
    reply = shell_reply(kc, busy, timeout=30)
    assert reply["content"]["status"] == "ok"


def test_imports_of_local_ts_files_and_npm_packages(kernel, tmp_path):
    km, kc = kernel
    util = tmp_path / "util.ts"
    util.write_text("export const triple = (n: number): number => n * 3;\n")
    reply, outs = run(kc, f'import {{ triple }} from "{util}";\ntriple(2)')
    assert reply["content"]["status"] == "ok", reply["content"]
    assert result_text(outs) == "6"
    reply, outs = run(kc, 'import { tableFromArrays } from "apache-arrow";\ntypeof tableFromArrays')
    assert result_text(outs) == "'function'"
    reply, outs = run(kc, f'triple("x")')
    assert reply["content"]["ename"] == "TypeScriptError"  # types of imports are checked too
