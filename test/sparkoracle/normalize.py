"""Value normalization to JSON, PySpark side. The TS twin is test/golden/normalize.ts: both must map the
same Spark value to the same JSON, so the rules are written down once, here:

- int -> number, or a decimal string when |n| > 2**53 (JSON numbers lose precision there)
- float -> number; NaN / Infinity / -Infinity -> the strings "NaN", "Infinity", "-Infinity"
- Decimal -> plain decimal string keeping the scale ("12.50"). Python's str(Decimal) switches to
  exponent form for tiny values ("1E-7"); Spark and Pijar print plain digits, so we use format 'f'
- date -> "YYYY-MM-DD"; datetime -> "YYYY-MM-DD HH:MM:SS[.ffffff]" (session time zone is UTC)
- timedelta (interval day to second) -> Python's str(): "1 day, 2:03:04.500000", "-1 day, 23:59:55"
- Row -> object of its fields (nested structs), list -> array, dict -> object (keys as text)
- bytes/bytearray -> lowercase hex; bool -> bool; None -> null
- A top-level collected row is an ARRAY of values, not an object: joins may produce two
  columns with one name, and column names are checked separately (`columns`, `schema`).
"""
from __future__ import annotations

import datetime as dt
import decimal
import json
import math

MAX_SAFE = 2**53


def normalize_value(v):
    from pyspark.sql import Row

    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return str(v) if abs(v) > MAX_SAFE else v
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, dt.datetime):  # before date: datetime is a subclass of date
        s = v.strftime("%Y-%m-%d %H:%M:%S")
        return s + (f".{v.microsecond:06d}" if v.microsecond else "")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, dt.timedelta):
        return str(v)
    if isinstance(v, Row):
        if hasattr(v, "__fields__"):
            return {k: normalize_value(x) for k, x in zip(v.__fields__, v)}
        return [normalize_value(x) for x in v]
    if isinstance(v, (list, tuple)):
        return [normalize_value(x) for x in v]
    if isinstance(v, dict):
        return {str(normalize_value(k)): normalize_value(x) for k, x in v.items()}
    if isinstance(v, (bytes, bytearray, memoryview)):
        return bytes(v).hex()
    raise TypeError(f"cannot normalize {type(v).__name__}: {v!r}")


def normalize_row(r):
    return [normalize_value(x) for x in r]


def sort_key(normalized) -> str:
    """Order for rows_unordered: the canonical JSON text (same function in normalize.ts)."""
    return json.dumps(normalized, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
