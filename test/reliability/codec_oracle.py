"""PySpark oracle for the text codecs (expected/codecs.json). Never edit the output by hand.

    .venv/bin/python test/reliability/codec_oracle.py            # regenerate
    .venv/bin/python test/reliability/codec_oracle.py --check    # fail if PySpark now disagrees

For every codec Spark 4.3 writes for text (and for csv and json) it
1. writes codec-cases.json's rows with PySpark and records the part file (base64) and the rows
   PySpark reads back ("source" when they are the source rows, stored once): codecs.test.ts reads the same bytes with Pijar;
2. records what PySpark makes of the file cut in half (an error class, or the rows it read);
3. reads the part files Pijar wrote (data/pijar-codecs/, committed; codecs.test.ts checks that
   Pijar still writes exactly those bytes) and records whether PySpark gets the source rows.
zstd (which Spark reads but cannot write as text) and concatenated bzip2 streams come from the
`zstd` tool and Python's bz2 over PySpark's plain output.
"""
from __future__ import annotations

import base64
import bz2
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["TZ"] = "UTC"
time.tzset()
HERE = Path(__file__).resolve().parent
OUT = HERE / "expected" / "codecs.json"
PIJAR = HERE / "data" / "pijar-codecs"
sys.path.insert(0, str(HERE.parent))
from sparkoracle import write_or_check  # noqa: E402
from sparkoracle.session import session  # noqa: E402

CASES = json.loads((HERE / "codec-cases.json").read_text())


def error_class(e: Exception) -> str:
    import re

    m = re.search(r"\[([A-Z][A-Z0-9_]+(?:\.[A-Z0-9_]+)*)\]", str(e))
    return m.group(1) if m else type(e).__name__


def rows(s, fmt: str, path: str):
    r = s.read.format(fmt).schema(CASES["schema"])
    if fmt == "csv":
        r = r.option("header", "true")
    try:
        return {"rows": [list(x) for x in r.load(path).orderBy("id").collect()]}
    except Exception as e:  # noqa: BLE001
        return {"error": error_class(e)}


def part_file(d: Path) -> Path:
    (p,) = [f for f in d.iterdir() if f.name.startswith("part-")]
    return p


def run(mode: str) -> int:
    s = session()
    df = s.range(CASES["rows"]).selectExpr(*CASES["exprs"]).coalesce(1)
    source = [list(x) for x in df.orderBy("id").collect()]
    tmp = Path(tempfile.mkdtemp())
    result = {"spark_written": {}, "truncated": {}, "pijar_written": {}}
    try:
        for fmt in CASES["formats"]:
            w = df.write.mode("overwrite").option("header", "true") if fmt == "csv" else df.write.mode("overwrite")
            plain = tmp / f"{fmt}-plain"
            w.format(fmt).save(str(plain))
            plain_bytes = part_file(plain).read_bytes()
            files = {}
            for codec in CASES["write_codecs"]:
                d = tmp / f"{fmt}-{codec}"
                w.option("compression", codec).format(fmt).save(str(d))
                p = part_file(d)
                files[codec] = (p.name[p.name.index("-c000") + 5:], p.read_bytes())
            zst = subprocess.run(["zstd", "-q", "-c"], input=plain_bytes, capture_output=True, check=True).stdout
            files["zstd"] = (f".{fmt}.zst", zst)
            files["zstd (.zstd)"] = (f".{fmt}.zstd", zst)
            half = len(plain_bytes) // 2
            files["bzip2 (two streams)"] = (f".{fmt}.bz2", bz2.compress(plain_bytes[:half]) + bz2.compress(plain_bytes[half:]))
            for codec, (ext, data) in files.items():
                key = f"{fmt} {codec}"
                d = tmp / "read" / key.replace(" ", "_").replace("(", "").replace(")", "")
                d.mkdir(parents=True)
                (d / f"part-00000{ext}").write_bytes(data)
                got = rows(s, fmt, str(d))
                # Rows equal to the source are stored once ("source"), to keep this file small.
                same = got.get("rows") == source
                result["spark_written"][key] = {"format": fmt, "file": f"part-00000{ext}",
                                                "bytes": base64.b64encode(data).decode(),
                                                "expected": {"rows": "source"} if same else got, "equals_source": same}
                t = tmp / "trunc" / d.name
                t.mkdir(parents=True)
                (t / f"part-00000{ext}").write_bytes(data[: len(data) // 2])
                cut = rows(s, fmt, str(t))
                result["truncated"][key] = {"error": cut["error"]} if "error" in cut else {"rows_read": len(cut["rows"])}
        for d in sorted(PIJAR.iterdir()):
            got = rows(s, d.name.split("-")[0], str(d))
            result["pijar_written"][d.name] = {"files": sorted(f.name for f in d.iterdir()),
                                               "read": got if "error" in got else {"rows": len(got["rows"])},
                                               "equals_source": got.get("rows") == source}
        result["source_rows"] = len(source)
        result["source"] = source
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    text = json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return write_or_check(mode, "codecs", OUT, text)


if __name__ == "__main__":
    sys.exit(run("check" if "--check" in sys.argv else "write"))
