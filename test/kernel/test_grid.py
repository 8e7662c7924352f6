"""df.grid() through the real Jupyter client: the kernel opens an anywidget `jupyter.widget` comm,
the cell's result points at it (plus the HTML table as fallback), and page requests sent over the
comm come back as one page each, the same rows as the DataFrame query written in a cell."""
import json

from conftest import kernel  # noqa: F401  (fixture)
from helpers import collect, run, shell_reply, stdout_text

SETUP = """const df = spark.range(100000)
  .withColumn("label", F.concat(F.lit("n"), F.col("id").mod(7).cast("string")))
  .withColumn("maybe", F.when(F.col("id").mod(3).equalTo(0), F.lit(null)).otherwise(F.col("id")));
const g = df.grid({ pageSize: 20 });
g"""


def send_comm(kc, comm_id, content):
    """Sends one anywidget custom message; returns the kernel's reply content and the request's iopub."""
    msg = kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {"method": "custom", "content": content}})
    kc.shell_channel.send(msg)
    outs = collect(kc, msg["header"]["msg_id"], timeout=60)
    replies = [m for m in outs if m["msg_type"] == "comm_msg"]
    # The reply is sent before the request's idle: the kernel awaits the page query in shell order.
    assert len(replies) == 1, outs
    assert replies[0]["content"]["comm_id"] == comm_id
    assert replies[0]["content"]["data"]["method"] == "custom"
    return replies[0]["content"]["data"]["content"]


def cell_json(kc, code):
    """The value of an expression evaluated in a cell, through JSON on stdout."""
    reply, outs = run(kc, f"console.log(JSON.stringify({code}))", timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    return json.loads(stdout_text(outs))


def test_grid_widget_pages_over_the_comm(kernel):
    km, kc = kernel
    reply, outs = run(kc, SETUP, timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    opens = [m for m in outs if m["msg_type"] == "comm_open"]
    assert len(opens) == 1
    op = opens[0]
    comm_id = op["content"]["comm_id"]
    assert op["content"]["target_name"] == "jupyter.widget"
    assert op["metadata"] == {"version": "2.1.0"}
    state = op["content"]["data"]["state"]
    assert {k: state[k] for k in ("_model_name", "_model_module", "_view_name", "_view_module")} == {
        "_model_name": "AnyModel", "_model_module": "anywidget", "_view_name": "AnyView", "_view_module": "anywidget"}
    assert state["columns"] == [{"name": "id", "type": "bigint"}, {"name": "label", "type": "string"}, {"name": "maybe", "type": "bigint"}]
    assert state["page_size"] == 20 and "export default" in state["_esm"]
    # The open comes before the result that shows it, and the result carries the fallback table.
    result = next(m for m in outs if m["msg_type"] == "execute_result")
    assert outs.index(op) < outs.index(result)
    data = result["content"]["data"]
    assert data["application/vnd.jupyter.widget-view+json"] == {"version_major": 2, "version_minor": 0, "model_id": comm_id}
    assert "pijar-table" in data["text/html"] and "text/plain" in data
    assert shell_reply(kc, kc.comm_info(target_name="jupyter.widget"))["content"]["comms"] == {comm_id: {"target_name": "jupyter.widget"}}

    first = send_comm(kc, comm_id, {"type": "page", "seq": 1, "offset": 0, "limit": 20, "sort": None, "filter": {}})
    assert first["type"] == "page" and first["seq"] == 1 and first["totalRows"] == 100000
    assert len(first["rows"]) == 20
    expected = cell_json(kc, 'await df.limit(20).collect().then((rs) => rs.map((r) => [String(r.id), r.label, r.maybe === null ? null : String(r.maybe)]))')
    assert first["rows"] == expected

    # Sorted descending, second page: the same rows as the direct query.
    page = send_comm(kc, comm_id, {"type": "page", "seq": 2, "offset": 20, "limit": 20, "sort": {"column": "id", "ascending": False}, "filter": {}})
    expected = cell_json(kc, 'await df.orderBy(df.col("id").desc()).offset(20).limit(20).collect().then((rs) => rs.map((r) => String(r.id)))')
    assert [r[0] for r in page["rows"]] == expected and expected[0] == "99979"

    # Two filters: the total is the filtered count, the page its first rows by `maybe` ascending (nulls first).
    flt = {"label": "N3", "maybe": "> 50000"}
    page = send_comm(kc, comm_id, {"type": "page", "seq": 3, "offset": 0, "limit": 20, "sort": {"column": "maybe", "ascending": True}, "filter": flt})
    q = 'df.filter(F.lower(df.col("label")).contains("n3")).filter(df.col("maybe").gt(50000))'
    assert page["totalRows"] == cell_json(kc, f"await {q}.count()")
    assert [r[0] for r in page["rows"]] == cell_json(kc, f'await {q}.orderBy(df.col("maybe").asc()).limit(20).collect().then((rs) => rs.map((r) => String(r.id)))')
    nulls = send_comm(kc, comm_id, {"type": "page", "seq": 4, "offset": 0, "limit": 5, "sort": None, "filter": {"maybe": "NULL"}})
    assert nulls["totalRows"] == cell_json(kc, 'await df.filter(df.col("maybe").isNull()).count()')
    assert all(r[2] is None for r in nulls["rows"]) and len(nulls["rows"]) == 5

    # A value that is not a bigint: an error for the grid to show, and the kernel carries on.
    err = send_comm(kc, comm_id, {"type": "page", "seq": 5, "offset": 0, "limit": 20, "sort": None, "filter": {"id": "> ten"}})
    assert err["type"] == "error" and err["seq"] == 5 and "CAST_INVALID_INPUT" in err["message"], err
    # An oversized request is clamped to a page, not a dump of the DataFrame.
    big = send_comm(kc, comm_id, {"type": "page", "seq": 6, "offset": 0, "limit": 100000, "sort": None, "filter": {}})
    assert len(big["rows"]) == 500

    # What reached the front end in all: only the pages.
    assert cell_json(kc, "g.rowsSent") == 20 + 20 + 20 + 5 + 500

    # A reloaded page asks for the model's state.
    msg = kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {"method": "request_state"}})
    kc.shell_channel.send(msg)
    upd = [m for m in collect(kc, msg["header"]["msg_id"]) if m["msg_type"] == "comm_msg"]
    assert upd[0]["content"]["data"] == {"method": "update", "state": state, "buffer_paths": []}


def test_display_with_grid_option(kernel):
    km, kc = kernel
    reply, outs = run(kc, 'await display(spark.range(3), { grid: true }); await display(spark.range(3))', timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    shown = [m["content"]["data"] for m in outs if m["msg_type"] == "display_data"]
    assert len(shown) == 2
    assert "application/vnd.jupyter.widget-view+json" in shown[0]
    # Without the option a DataFrame stays the plain table.
    assert "application/vnd.jupyter.widget-view+json" not in shown[1] and "pijar-table" in shown[1]["text/html"]
    # A plain DataFrame result is the table too: no widget comm opened.
    reply, outs = run(kc, "spark.range(3)")
    assert not [m for m in outs if m["msg_type"] == "comm_open"]
