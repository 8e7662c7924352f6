"""Helpers for the protocol tests: run a cell and collect its iopub output."""
import time


def collect(kc, msg_id, timeout=30):
    """Iopub messages of one request up to its idle status (status/execute_input left out)."""
    outs = []
    deadline = time.time() + timeout
    while True:
        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return outs
        if m["msg_type"] not in ("status", "execute_input"):
            outs.append(m)


def shell_reply(kc, msg_id, timeout=30):
    deadline = time.time() + timeout
    while True:
        r = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if r["parent_header"].get("msg_id") == msg_id:
            return r


def run(kc, code, timeout=30, **kw):
    """Executes code; returns (reply, iopub outputs)."""
    msg_id = kc.execute(code, **kw)
    reply = shell_reply(kc, msg_id, timeout)
    return reply, collect(kc, msg_id, timeout)


def result_text(outs):
    for m in outs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    return None


def stdout_text(outs):
    return "".join(m["content"]["text"] for m in outs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
