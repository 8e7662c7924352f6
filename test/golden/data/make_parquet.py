"""Regenerates read/typed.parquet (committed; written by pyarrow, read by both Spark and Pijar).
Run: .venv/bin/python test/golden/data/make_parquet.py"""
import datetime as dt
import decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

t = pa.table({
    "id": pa.array([1, 2, 3], pa.int32()),
    "big": pa.array([10, 2**40, None], pa.int64()),
    "x": pa.array([1.5, None, -3.25], pa.float64()),
    "name": pa.array(["Ayu", "Budi", None]),
    "d": pa.array([dt.date(2024, 1, 2), None, dt.date(1999, 12, 31)], pa.date32()),
    "ts": pa.array([dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 6, 30, 12, 0, 0, 123456), None],
                   pa.timestamp("us", tz="UTC")),
    "amount": pa.array([decimal.Decimal("12.50"), decimal.Decimal("-0.01"), None], pa.decimal128(10, 2)),
    "flag": pa.array([True, False, None]),
    "tags": pa.array([["a", "b"], [], None], pa.list_(pa.string())),
})
pq.write_table(t, Path(__file__).parent / "read" / "typed.parquet")
