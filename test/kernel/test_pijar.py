"""The kernel with the real Pijar engine: preloaded globals, DataFrame display, charts,
column-name completion, progress-safe errors."""
import os
from pathlib import Path

import pytest

from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, kernel  # noqa: F401
from helpers import result_text, run, shell_reply, stdout_text

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (REPO / "dist" / "bundle" / "pijar.js").exists(), reason="pijar not built")

DF = 'const df = spark.createDataFrame([{ city: "Jakarta", unit_price: 2.5, units: 3 }, { city: "Bandung", unit_price: 1.5, units: 4 }]);'


def test_dataframe_is_displayed_as_table_without_await(kernel):
    km, kc = kernel
    reply, outs = run(kc, DF + "\ndf")
    assert reply["content"]["status"] == "ok", reply["content"]
    data = next(m["content"]["data"] for m in outs if m["msg_type"] == "execute_result")
    assert "pijar-table" in data["text/html"] and "unit_price" in data["text/html"]
    assert "application/vnd.dataresource+json" in data


def test_unawaited_show_prints_in_its_cell(kernel):
    km, kc = kernel
    run(kc, DF)
    reply, outs = run(kc, "df.show();\n1")
    assert "|Jakarta|" in stdout_text(outs).replace(" ", "")


def test_pijar_errors_keep_their_python_name(kernel):
    km, kc = kernel
    run(kc, DF)
    reply, outs = run(kc, 'await df.select("nope").collect()')
    c = reply["content"]
    assert c["status"] == "error" and c["ename"] == "AnalysisException", c
    assert c["evalue"].startswith("[UNRESOLVED_COLUMN")
    assert any("line 1" in line for line in c["traceback"])


def test_bar_chart_bundle(kernel):
    km, kc = kernel
    run(kc, DF)
    reply, outs = run(kc, 'df.plot.bar({ x: "city", y: "units" })')
    assert reply["content"]["status"] == "ok", reply["content"]
    data = next(m["content"]["data"] for m in outs if m["msg_type"] == "execute_result")
    assert {"application/vnd.plotly.v1+json", "text/html", "image/svg+xml"} <= set(data)


def test_column_names_complete_inside_strings(kernel):
    km, kc = kernel
    run(kc, DF)
    code = 'df.select(F.col("un'
    c = shell_reply(kc, kc.complete(code, len(code)))["content"]
    assert set(c["matches"]) == {"unit_price", "units"}
    assert c["cursor_start"] == len('df.select(F.col("') and c["cursor_end"] == len(code)


def test_api_member_completion_and_inspect(kernel):
    km, kc = kernel
    run(kc, DF)
    code = "df.grou"
    c = shell_reply(kc, kc.complete(code, len(code)))["content"]
    assert "groupBy" in c["matches"]
    code = "F.upp"
    c = shell_reply(kc, kc.complete(code, len(code)))["content"]
    assert "upper" in c["matches"]
    c = shell_reply(kc, kc.inspect("df.groupBy", len("df.groupBy")))["content"]
    assert c["found"] and "groupBy" in c["data"]["text/plain"]


def test_import_pijar_in_a_cell(kernel):
    km, kc = kernel
    reply, outs = run(kc, 'import { functions as G } from "pijar";\ntypeof G.col')
    assert result_text(outs) == "'function'"


def test_progress_display_for_long_actions():
    # The threshold (1 s) set to 0 so that the display must appear whatever the machine's speed.
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60,
                              env={"PIJAR_PROGRESS_AFTER_MS": "0", "PATH": os.environ["PATH"]})
    try:
        reply, outs = run(kc, "await spark.range(0, 3_000_000).selectExpr('sum(id) as s').collect()", timeout=180)
        assert reply["content"]["status"] == "ok", reply["content"]
        shown = [m for m in outs if m["msg_type"] == "display_data" and "pijar-progress" in m["content"]["data"].get("text/html", "")]
        assert len(shown) == 1, [m["msg_type"] for m in outs]
        assert shown[0]["content"]["data"]["text/plain"].startswith("[running] collect")
        display_id = shown[0]["content"]["transient"]["display_id"]
        updates = [m for m in outs if m["msg_type"] == "update_display_data" and m["content"]["transient"]["display_id"] == display_id]
        assert updates and updates[-1]["content"]["data"]["text/plain"].startswith("[done]")
        assert "3,000,000 rows read" in updates[-1]["content"]["data"]["text/plain"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_pyspark_operator_habit_gets_a_hint(kernel):
    # PySpark's `F.col("total") > 100` is a TypeScript type error; the hint names Pijar's form.
    km, kc = kernel
    reply, outs = run(kc, 'const big = F.col("total") > 100')
    c = reply["content"]
    assert c["status"] == "error" and c["ename"] == "TypeScriptError", c
    assert '.gt(100)' in c["evalue"], c["evalue"]
    assert any('Hint:' in line and 'F.col("total").gt(100)' in line for line in c["traceback"]), c["traceback"]
