"""Writes sales_2023.parquet from JSON rows on stdin (called by scripts/data/generate.ts).

Pijar's own Parquet writer was not ready when the course data was made, so pyarrow writes it
with an explicit schema: a real date column, int quantity and double money columns.
"""
import datetime as dt
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA = pa.schema([
    ("invoice_id", pa.string()), ("date", pa.date32()), ("branch_id", pa.string()),
    ("city", pa.string()), ("customer_type", pa.string()), ("product_id", pa.string()),
    ("category", pa.string()), ("unit_price", pa.float64()), ("quantity", pa.int32()),
    ("total", pa.float64()), ("payment", pa.string()),
])

rows = json.load(sys.stdin)
for r in rows:
    r["date"] = dt.date.fromisoformat(r["date"])
table = pa.Table.from_pylist(rows, schema=SCHEMA)
# No statistics timestamps or writer-version noise: the file should be identical on each run.
pq.write_table(table, sys.argv[1], compression="snappy", row_group_size=1000)
print(f"sales_2023.parquet       {table.num_rows} rows")
