#!/usr/bin/env bash
# Stops what start-cluster.sh started in STATE_DIR, each JVM by its PID, driver first:
# the Connect server (so its application ends and the worker releases the executor), then the
# worker and its executor JVMs (children of the worker, found by parent PID), then the master.
#   bash scripts/connect/stop-cluster.sh [STATE_DIR]
set -uo pipefail
STATE=${1:-/tmp/pijar-cluster}

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null
}
stop_class() {
  local f="$STATE/spark-pijar-$1-1.pid" pid children
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  # Executors are the worker's children (spark-class execs java, so the PID is the JVM's).
  children=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
  stop_pid "$pid"
  for c in $children; do stop_pid "$c"; done
  rm -f "$f"
}

stop_class org.apache.spark.sql.connect.service.SparkConnectServer
stop_class org.apache.spark.deploy.worker.Worker
stop_class org.apache.spark.deploy.master.Master
exit 0
