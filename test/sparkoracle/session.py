"""The one way the oracles start PySpark.

A JVM start costs seconds (more on a loaded machine), so the first call starts one local
SparkContext and every oracle gets its own `newSession()` of it: its own SQL settings and temp
views, the same JVM. `scripts/test.sh` runs all stale oracles in one process this way
(`sparkoracle/ci.py`); an oracle run on its own gets the same settings, so its output is the same.
"""
from __future__ import annotations

import logging
import os
import sys
import time

_root = None


def utc_process() -> None:
    """Python-side datetimes (collect() of timestamps) are local time: make local UTC."""
    os.environ["TZ"] = "UTC"
    if hasattr(time, "tzset"):
        time.tzset()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)


def _start():
    from pyspark.sql import SparkSession

    utc_process()
    import tempfile

    # Never spark-warehouse/ (or a Derby metastore) in the working tree: tests leave it clean.
    scratch = tempfile.mkdtemp(prefix="pijar-oracle-warehouse-")
    spark = (
        SparkSession.builder.master("local[1]")
        .config("spark.sql.warehouse.dir", scratch)
        .appName("pijar-oracle")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.extraJavaOptions", "-Duser.timezone=UTC")
        .config("spark.executor.extraJavaOptions", "-Duser.timezone=UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("OFF")
    # PySpark 4 logs every failed query with a full Java stack (as JSON); the oracles' error
    # cases fail on purpose, so that is noise.
    for name in ("SQLQueryContextLogger", "DataFrameQueryContextLogger"):
        logging.getLogger(name).disabled = True
    return spark


def session(conf: dict | None = None):
    """A fresh SparkSession (own SQL conf and temp views) on the shared JVM, with `conf` set."""
    global _root
    if _root is None:
        _root = _start()
    s = _root.newSession()
    s.conf.set("spark.sql.session.timeZone", "UTC")
    for k, v in (conf or {}).items():
        s.conf.set(k, v)
    return s


def stop() -> None:
    global _root
    if _root is not None:
        _root.stop()
        _root = None
