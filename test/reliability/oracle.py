"""PySpark oracle for the reliability edge cases: runs each case in real PySpark 4 and records
what Spark produced (rows or the error class) in expected/edge-cases.json. Never edit the
expectations by hand.

    .venv/bin/python test/reliability/oracle.py            # regenerate
    .venv/bin/python test/reliability/oracle.py --check    # fail if PySpark now disagrees

Each case builds its input files from bytes recorded in the expectation file (base64), so the
TypeScript test (edge-cases.test.ts) reads exactly the same bytes.
"""
from __future__ import annotations

import base64
import bz2
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
import zlib
from pathlib import Path

os.environ["TZ"] = "UTC"
time.tzset()
HERE = Path(__file__).resolve().parent
OUT = HERE / "expected" / "edge-cases.json"
sys.path.insert(0, str(HERE.parent))
from sparkoracle import write_or_check  # noqa: E402
from sparkoracle.session import session  # noqa: E402


def error_class(e: Exception) -> str:
    cond = getattr(e, "getCondition", lambda: None)() or ""
    if cond:
        return cond
    text = str(e)
    import re
    m = re.search(r"\[([A-Z][A-Z0-9_]+(?:\.[A-Z0-9_]+)*)\]", text)
    return m.group(1) if m else type(e).__name__


CSV = b"a,b\n1,x\n2,y\n"
JSONL = b'{"a":1}\n{"a":2}\n'
BIG_CSV = b"a,b\n" + b"".join(b"%d,v%d\n" % (i, i) for i in range(2000))

# name -> (files {name: bytes}, reader, path, options, schema or None)
READ_CASES = {
    "csv.gz": ({"x.csv.gz": gzip.compress(CSV, mtime=0)}, "csv", "x.csv.gz", {"header": "true"}, None),
    "csv.deflate": ({"x.csv.deflate": zlib.compress(CSV)}, "csv", "x.csv.deflate", {"header": "true"}, None),
    "csv.gz multi-member": ({"m.csv.gz": gzip.compress(b"a,b\n1,x\n", mtime=0) + gzip.compress(b"2,y\n", mtime=0)}, "csv", "m.csv.gz", {"header": "true"}, None),
    "csv.gz truncated": ({"t.csv.gz": gzip.compress(BIG_CSV, mtime=0)[:-40]}, "csv", "t.csv.gz", {"header": "true"}, None),
    "json.gz": ({"x.json.gz": gzip.compress(JSONL, mtime=0)}, "json", "x.json.gz", {}, None),
    "json.deflate": ({"x.json.deflate": zlib.compress(JSONL)}, "json", "x.json.deflate", {}, None),
    "json.gz multiLine": ({"ml.json.gz": gzip.compress(b'[{"a":1},\n{"a":2}]', mtime=0)}, "json", "ml.json.gz", {"multiLine": "true"}, None),
    "json invalid utf-8": ({"u.json": b'{"a":"x\xff\xfey"}\n{"a":"ok"}\n'}, "json", "u.json", {}, None),
    "json invalid utf-8 with schema": ({"u.json": b'{"a":"x\xff\xfey"}\n{"a":"ok"}\n'}, "json", "u.json", {}, "a STRING, _corrupt_record STRING"),
    "json duplicate keys": ({"d.json": b'{"a":1,"a":2}\n'}, "json", "d.json", {}, None),
    "json duplicate keys with schema": ({"d.json": b'{"a":1,"a":2}\n'}, "json", "d.json", {}, "a INT"),
    "json -0 integer": ({"z.json": b'{"a":-0}\n{"a":5}\n'}, "json", "z.json", {}, None),
    "json -0 double": ({"z.json": b'{"a":-0}\n{"a":0.5}\n'}, "json", "z.json", {}, None),
    "csv -0 integer": ({"z.csv": b"a\n-0\n7\n"}, "csv", "z.csv", {"header": "true", "inferSchema": "true"}, None),
    "json nested 100000 deep with schema": ({"deep.json": b'{"a":' + b"[" * 100000 + b"]" * 100000 + b'}\n{"a":"ok"}\n'}, "json", "deep.json", {}, "a STRING"),
    "json nested 100000 deep": ({"deep.json": b'{"a":' + b"[" * 100000 + b"]" * 100000 + b'}\n{"a":"ok"}\n'}, "json", "deep.json", {}, None),
    "json nested 500 deep": ({"d5.json": b'{"a":' + b"[" * 500 + b"1" + b"]" * 500 + b'}\n'}, "json", "d5.json", {}, "a STRING"),
}


def normalize(v):
    if isinstance(v, float) and v == 0.0:
        return "-0.0" if str(v).startswith("-") else "0.0"
    if isinstance(v, float):
        return repr(v)
    return v


def run_read(s, d, case):
    files, fmt, path, opts, schema = case
    for name, data in files.items():
        (Path(d) / name).write_bytes(data)
    r = s.read.format(fmt).options(**opts)
    if schema:
        r = r.schema(schema)
    try:
        df = r.load(str(Path(d) / path))
        rows = [[normalize(v) for v in row] for row in df.collect()]
        return {"schema": df.schema.simpleString(), "rows": rows}
    except Exception as e:  # noqa: BLE001
        return {"error": error_class(e)}


def run_view(s, name):
    df = s.createDataFrame([(1,)], "id INT")
    try:
        df.createOrReplaceTempView(name)
        return {"ok": True}
    except Exception as e:  # noqa: BLE001
        return {"error": error_class(e)}


def run_write_codec(s, d, fmt, codec):
    out = Path(d) / f"w_{fmt}_{codec}"
    df = s.createDataFrame([(1, "a"), (2, "b")], "id INT, s STRING")
    try:
        df.write.mode("overwrite").option("compression", codec).format(fmt).save(str(out))
        ext = sorted(f[f.index("-c000") + 5:] for f in os.listdir(out) if f.startswith("part-"))
        return {"extensions": ext}
    except Exception as e:  # noqa: BLE001
        return {"error": error_class(e)}


def run_write_onto_file(s, d, fmt, mode):
    p = Path(d) / f"file_{fmt}_{mode}"
    p.write_text("keep me\n")
    df = s.createDataFrame([(1, "a")], "id INT, s STRING")
    try:
        df.write.mode(mode).format(fmt).save(str(p))
        res = {"ok": True}
    except Exception as e:  # noqa: BLE001
        res = {"error": error_class(e)}
    res["file_kept"] = p.is_file() and p.read_text() == "keep me\n"
    res["now_folder"] = p.is_dir()
    return res


def run_fifo(s, d):
    p = Path(d) / "fifo.csv"
    os.mkfifo(p)
    try:
        return {"rows": [list(r) for r in s.read.csv(str(p)).collect()]}
    except Exception as e:  # noqa: BLE001
        return {"error": error_class(e)}


def run(mode: str) -> int:
    s = session()
    d = tempfile.mkdtemp()
    try:
        result = {"reads": {}, "views": {}, "write_codecs": {}, "write_onto_file": {}}
        for name, case in READ_CASES.items():
            sub = tempfile.mkdtemp(dir=d)
            files, fmt, path, opts, schema = case
            result["reads"][name] = {
                "files": {k: base64.b64encode(v).decode() for k, v in files.items()},
                "format": fmt, "path": path, "options": opts, "schema": schema,
                "expected": run_read(s, sub, case),
            }
        for name in ["v; DROP VIEW x", "a.b", "`a.b`", "ok_1", "`weird name`", "a-b", ""]:
            result["views"][name] = run_view(s, name)
        for fmt in ["csv", "json"]:
            for codec in ["gzip", "GZIP", "deflate", "bzip2", "lz4", "snappy", "none", "uncompressed", "zstd", "foo"]:
                result["write_codecs"][f"{fmt} {codec}"] = run_write_codec(s, d, fmt, codec)
        for fmt in ["csv", "json", "parquet"]:
            # save_mode, not mode: the loop once shadowed run()'s mode, so --check wrote instead.
            for save_mode in ["append", "overwrite", "ignore", "error"]:
                result["write_onto_file"][f"{fmt} {save_mode}"] = run_write_onto_file(s, d, fmt, save_mode)
        result["fifo"] = run_fifo(s, d)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    text = json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return write_or_check(mode, "reliability", OUT, text)


if __name__ == "__main__":
    sys.exit(run("check" if "--check" in sys.argv else "write"))
