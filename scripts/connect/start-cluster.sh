#!/usr/bin/env bash
# Starts a real Spark standalone cluster from the pyspark wheel in .venv — one Master, one
# Worker (its executors are separate JVMs) — and a Spark Connect server whose --master is that
# cluster, so queries sent through Connect run as tasks on an executor, not inside the server.
#
#   bash scripts/connect/start-cluster.sh [STATE_DIR]
#
# Prints lines for `eval` (same contract as start-server.sh, plus the cluster's addresses):
#   PIJAR_TEST_SPARK_REMOTE='sc://127.0.0.1:PORT/;token=...'
#   PIJAR_TEST_SPARK_MASTER='spark://127.0.0.1:PORT'
#   PIJAR_TEST_SPARK_MASTER_UI='http://127.0.0.1:PORT'   (the master's JSON state is at /json)
#   PIJAR_TEST_SPARK_CLUSTER_DIR='STATE_DIR'             (PID files, logs, executor work dirs)
# Stop everything with scripts/connect/stop-cluster.sh STATE_DIR (every JVM by its PID).
#
# The wheel has no sbin/start-master.sh, but it has sbin/spark-daemon.sh and bin/spark-class,
# which is all the standalone scripts use. Everything binds to 127.0.0.1. The master's and the
# worker's ports are picked free at start (other Spark instances may share the machine) unless
# PIJAR_CLUSTER_MASTER_PORT / PIJAR_CLUSTER_MASTER_UI_PORT are set. The worker offers
# PIJAR_CLUSTER_WORKER_CORES (default 2) cores and PIJAR_CLUSTER_WORKER_MEMORY (default 1g), which
# is exactly one executor at Spark's default spark.executor.memory. PIJAR_CONNECT_WAIT (seconds,
# default 600) bounds each wait: start-up takes ~20 s idle and minutes on a loaded machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STATE=${1:-/tmp/pijar-cluster}
WAIT=${PIJAR_CONNECT_WAIT:-600}
PY="$ROOT/.venv/bin/python"
SPARK_HOME=$("$PY" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
mkdir -p "$STATE/work"
t0=$SECONDS

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
MASTER_PORT=${PIJAR_CLUSTER_MASTER_PORT:-$(free_port)}
MASTER_UI_PORT=${PIJAR_CLUSTER_MASTER_UI_PORT:-$(free_port)}
WORKER_UI_PORT=$(free_port)
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
MASTER_UI="http://127.0.0.1:$MASTER_UI_PORT"

# spark-daemon.sh writes spark-pijar-<class>-1.pid into SPARK_PID_DIR and the log into SPARK_LOG_DIR.
# The daemons themselves are small; executors get their own heap (spark.executor.memory).
export SPARK_HOME SPARK_LOCAL_IP=127.0.0.1 SPARK_PID_DIR="$STATE" SPARK_LOG_DIR="$STATE" SPARK_IDENT_STRING=pijar
export SPARK_WORKER_DIR="$STATE/work"
# Only the master and the worker are small (not the Connect server, which is the driver).
DAEMON_MEMORY=${PIJAR_CLUSTER_DAEMON_MEMORY:-256m}
# The Master's REST submission server (port 6066) is off by default in Spark 4; keep it off.

stop_all() { bash "$ROOT/scripts/connect/stop-cluster.sh" "$STATE" >&2 || true; }
pid_of() { cat "$STATE/spark-pijar-$1-1.pid" 2>/dev/null || true; }

# Waits until `check` succeeds; fails (stopping every JVM) when the daemon dies or time runs out.
wait_for() {
  local what=$1 class=$2 check=$3 start=$SECONDS pid
  until eval "$check"; do
    pid=$(pid_of "$class")
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "start-cluster: the $what JVM exited; log:" >&2
      tail -n 40 "$STATE"/spark-pijar-"$class"-*.out >&2 || true
      stop_all
      exit 1
    fi
    if [ $((SECONDS - start)) -ge "$WAIT" ]; then
      echo "start-cluster: $what not ready after ${WAIT}s; stopping every JVM" >&2
      stop_all
      exit 1
    fi
    sleep 2
  done
}

MASTER_CLASS=org.apache.spark.deploy.master.Master
WORKER_CLASS=org.apache.spark.deploy.worker.Worker
SPARK_DAEMON_MEMORY=$DAEMON_MEMORY bash "$SPARK_HOME/sbin/spark-daemon.sh" start "$MASTER_CLASS" 1 \
  --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_UI_PORT" >&2
wait_for "master" "$MASTER_CLASS" "port_open $MASTER_PORT && port_open $MASTER_UI_PORT"
echo "start-cluster: master $MASTER_URL after $((SECONDS - t0))s (pid $(pid_of "$MASTER_CLASS"))" >&2

SPARK_DAEMON_MEMORY=$DAEMON_MEMORY bash "$SPARK_HOME/sbin/spark-daemon.sh" start "$WORKER_CLASS" 1 \
  --host 127.0.0.1 --webui-port "$WORKER_UI_PORT" \
  --cores "${PIJAR_CLUSTER_WORKER_CORES:-2}" --memory "${PIJAR_CLUSTER_WORKER_MEMORY:-1g}" \
  --work-dir "$STATE/work" "$MASTER_URL" >&2
# Registered = the master's JSON lists an ALIVE worker (not just the worker's port being open).
worker_alive() { "$PY" - "$MASTER_UI/json" <<'EOF' 2>/dev/null
import json, sys, urllib.request
state = json.load(urllib.request.urlopen(sys.argv[1], timeout=5))
sys.exit(0 if any(w.get("state") == "ALIVE" for w in state.get("workers", [])) else 1)
EOF
}
wait_for "worker" "$WORKER_CLASS" worker_alive
echo "start-cluster: worker registered after $((SECONDS - t0))s (pid $(pid_of "$WORKER_CLASS"))" >&2

# The Connect server is the cluster's driver; start-server.sh prints PIJAR_TEST_SPARK_REMOTE.
if ! remote=$(PIJAR_CONNECT_MASTER="$MASTER_URL" bash "$ROOT/scripts/connect/start-server.sh" "$STATE"); then
  stop_all
  exit 1
fi
echo "start-cluster: Spark Connect on the cluster after $((SECONDS - t0))s" >&2
echo "$remote"
echo "PIJAR_TEST_SPARK_MASTER='$MASTER_URL'"
echo "PIJAR_TEST_SPARK_MASTER_UI='$MASTER_UI'"
echo "PIJAR_TEST_SPARK_CLUSTER_DIR='$STATE'"
