"""Messages with a wrong, missing or replayed signature are dropped before anything runs."""
import json
import uuid

import zmq

from conftest import kernel  # noqa: F401
from helpers import result_text, run


def _frames(session, code, signature=None):
    header = {
        "msg_id": uuid.uuid4().hex,
        "session": session.session,
        "username": "attacker",
        "date": "2026-01-01T00:00:00Z",
        "msg_type": "execute_request",
        "version": "5.3",
    }
    content = {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
    parts = [json.dumps(x).encode() for x in (header, {}, {}, content)]
    sig = session.sign(parts) if signature is None else signature
    return [b"<IDS|MSG>", sig, *parts]


def test_bad_signatures_are_dropped(kernel):
    km, kc = kernel
    info = km.get_connection_info()
    ctx = zmq.Context.instance()
    s = ctx.socket(zmq.DEALER)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(f"tcp://{info['ip']}:{info['shell_port']}")
    run(kc, "(globalThis as any).counter = 0;")
    s.send_multipart(_frames(kc.session, "(globalThis as any).pwned = 'wrong'", signature=b"0" * 64))
    s.send_multipart(_frames(kc.session, "(globalThis as any).pwned = 'missing'", signature=b""))
    good = _frames(kc.session, "(globalThis as any).counter++")
    s.send_multipart(good)
    s.send_multipart(good)  # replay
    # the one valid message gets a reply (allow a slow, loaded machine); the others none
    replies = []
    if s.poll(30_000):
        replies.append(s.recv_multipart())
    while s.poll(1500):
        replies.append(s.recv_multipart())
    assert len(replies) == 1
    assert result_text(run(kc, "String((globalThis as any).pwned)")[1]) == "'undefined'"
    assert result_text(run(kc, "(globalThis as any).counter")[1]) == "1"
    s.close()
