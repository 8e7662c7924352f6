"""Protocol interop details other clients rely on: a string codemirror_mode, is_complete's
invalid vs incomplete, inspect right after `(`, `name?` help pages, history, and comms."""
import time

from conftest import kernel  # noqa: F401  (fixture)
from helpers import collect, result_text, run, shell_reply, stdout_text


def test_codemirror_mode_is_a_string(kernel):
    km, kc = kernel
    info = shell_reply(kc, kc.kernel_info())["content"]["language_info"]
    assert info["codemirror_mode"] == "typescript"
    msg = kc.session.msg("kernel_info_request")
    kc.control_channel.send(msg)
    reply = kc.control_channel.get_msg(timeout=10)
    assert reply["content"]["language_info"]["codemirror_mode"] == "typescript"


def is_complete(kc, code):
    return shell_reply(kc, kc.is_complete(code))["content"]


def test_is_complete_tells_invalid_from_unfinished(kernel):
    km, kc = kernel
    for code in ["function function", "let x = )", "const const = 1", "1 +* 2", "const = 1;", "'abc"]:
        assert is_complete(kc, code)["status"] == "invalid", code
    for code in ["function f() {", "const a = [1,", "if (true) {", "1 +", "F.when(", "`abc", "/* note", "type T ="]:
        assert is_complete(kc, code)["status"] == "incomplete", code
    assert is_complete(kc, "if (x) {")["indent"] == "  "
    for code in ["1 + 1", "const a = 1;", "function f() { return 1 }"]:
        assert is_complete(kc, code)["status"] == "complete", code


def test_inspect_right_after_open_paren_shows_the_signature(kernel):
    km, kc = kernel
    for code in ["F.when(", 'F.when(F.col("x").gt(1), ']:
        c = shell_reply(kc, kc.inspect(code, len(code)))["content"]
        assert c["status"] == "ok" and c["found"], code
        text = c["data"]["text/plain"]
        assert "when(" in text and "condition" in text, text
        assert "CASE WHEN" in text  # the doc comment comes along
    c = shell_reply(kc, kc.inspect("Math.max(1, ", 12))["content"]
    assert c["found"] and "max(" in c["data"]["text/plain"]


def test_question_mark_help_is_a_page_payload(kernel):
    km, kc = kernel
    for code in ["F.when?", "?F.when", "F.when??"]:
        reply, outs = run(kc, code)
        c = reply["content"]
        assert c["status"] == "ok", c
        pages = [p for p in c["payload"] if p["source"] == "page"]
        assert len(pages) == 1, c["payload"]
        assert "when(" in pages[0]["data"]["text/plain"] and "CASE WHEN" in pages[0]["data"]["text/plain"]
        assert "text/markdown" in pages[0]["data"]
        assert not [m for m in outs if m["msg_type"] in ("execute_result", "error")]
    reply, outs = run(kc, "noSuchThing?")
    assert reply["content"]["status"] == "ok" and reply["content"]["payload"] == []
    assert "Object `noSuchThing` not found." in stdout_text(outs)
    # an optional-chaining or ternary cell is still code, not a help request
    reply, outs = run(kc, "const maybe: { v?: number } = {}; maybe.v ?? 3")
    assert result_text(outs) == "3"


def test_history_holds_what_ran(kernel):
    km, kc = kernel
    counts = [run(kc, code)[0]["content"]["execution_count"] for code in ["const h1 = 41;", "h1 + 1"]]
    tail = shell_reply(kc, kc.history(hist_access_type="tail", n=2))["content"]["history"]
    assert [tuple(h) for h in tail] == [(1, counts[0], "const h1 = 41;"), (1, counts[1], "h1 + 1")]
    rng = shell_reply(kc, kc.history(hist_access_type="range", session=0, start=counts[1], stop=counts[1] + 1))["content"]["history"]
    assert [h[2] for h in rng] == ["h1 + 1"]
    found = shell_reply(kc, kc.history(hist_access_type="search", pattern="const h1*"))["content"]["history"]
    assert [h[2] for h in found] == ["const h1 = 41;"]
    with_output = shell_reply(kc, kc.history(hist_access_type="tail", n=1, output=True))["content"]["history"]
    assert with_output[0][2][0] == "h1 + 1"


def iopub_of(kc, parent_id, msg_type, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if m["parent_header"].get("msg_id") == parent_id and m["msg_type"] == msg_type:
            return m
    raise AssertionError(f"no {msg_type} for {parent_id}")


def send_shell(kc, msg_type, content):
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def test_comms(kernel):
    km, kc = kernel
    assert shell_reply(kc, kc.comm_info())["content"] == {"status": "ok", "comms": {}}
    # An unknown target is closed right away, so the front end does not wait for it.
    msg_id = send_shell(kc, "comm_open", {"comm_id": "c-unknown", "target_name": "nobody", "data": {}})
    closed = iopub_of(kc, msg_id, "comm_close")
    assert closed["content"]["comm_id"] == "c-unknown"
    # A target registered by a cell: it answers every message with the doubled value.
    reply, _ = run(kc, """comms.registerTarget("doubler", (comm, data) => {
  comm.send({ hello: data.greeting });
  comm.onMsg((d) => comm.send({ doubled: Number(d.n) * 2 }));
  comm.onClose(() => console.log("doubler closed"));
});""")
    assert reply["content"]["status"] == "ok", reply["content"]
    msg_id = send_shell(kc, "comm_open", {"comm_id": "c1", "target_name": "doubler", "data": {"greeting": "hi"}})
    assert iopub_of(kc, msg_id, "comm_msg")["content"] == {"comm_id": "c1", "data": {"hello": "hi"}}
    info = shell_reply(kc, kc.comm_info())["content"]
    assert info["comms"] == {"c1": {"target_name": "doubler"}}
    assert shell_reply(kc, kc.comm_info(target_name="other"))["content"]["comms"] == {}
    msg_id = send_shell(kc, "comm_msg", {"comm_id": "c1", "data": {"n": 21}})
    assert iopub_of(kc, msg_id, "comm_msg")["content"]["data"] == {"doubled": 42}
    msg_id = send_shell(kc, "comm_close", {"comm_id": "c1", "data": {}})
    out = iopub_of(kc, msg_id, "stream")
    assert "doubler closed" in out["content"]["text"]
    assert shell_reply(kc, kc.comm_info())["content"]["comms"] == {}
    # A message to a closed comm is ignored; the kernel keeps working.
    send_shell(kc, "comm_msg", {"comm_id": "c1", "data": {"n": 1}})
    # The kernel opens a comm itself.
    msg_id = kc.execute('const mine = comms.open("pijar.test", { v: 1 }); mine.id.length')
    opened = iopub_of(kc, msg_id, "comm_open")
    assert opened["content"]["target_name"] == "pijar.test" and opened["content"]["data"] == {"v": 1}
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
    info = shell_reply(kc, kc.comm_info(target_name="pijar.test"))["content"]["comms"]
    assert list(info) == [opened["content"]["comm_id"]]
    reply, outs = run(kc, "mine.close(); 1")
    assert result_text(outs) == "1"
    assert shell_reply(kc, kc.comm_info())["content"]["comms"] == {}
