#!/usr/bin/env bash
# Starts a Spark Connect server from the pyspark wheel in .venv (the wheel alone is a server:
# it ships the spark-connect jar and sbin/), on loopback, with a pre-shared token.
#
#   bash scripts/connect/start-server.sh [STATE_DIR]
#
# Prints one line for `eval`: PIJAR_TEST_SPARK_REMOTE=sc://127.0.0.1:PORT/;token=...
# (not SPARK_REMOTE: that would switch every other test's session to the server).
# Logs, the PID file and the token stay in STATE_DIR (default /tmp/pijar-connect); stop the
# JVM with scripts/connect/stop-server.sh STATE_DIR.
# PIJAR_CONNECT_PORT (default 15002), PIJAR_CONNECT_MASTER (default local[2]),
# PIJAR_CONNECT_WAIT (seconds, default 600: start-up takes 20 s idle, minutes on a loaded box).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STATE=${1:-/tmp/pijar-connect}
PORT=${PIJAR_CONNECT_PORT:-15002}
MASTER=${PIJAR_CONNECT_MASTER:-local[2]}
WAIT=${PIJAR_CONNECT_WAIT:-600}
PY="$ROOT/.venv/bin/python"
SPARK_HOME=$("$PY" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
mkdir -p "$STATE"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
if port_open; then
  echo "start-server: port $PORT is already taken; set PIJAR_CONNECT_PORT or stop that server" >&2
  exit 1
fi

# PIJAR_CONNECT_TOKEN reuses a token (a restart behind the same URL, as test/connect/lost-connection does).
TOKEN=${PIJAR_CONNECT_TOKEN:-$("$PY" -c 'import secrets; print(secrets.token_hex(16))')}
umask 077
printf '%s\n' "$TOKEN" > "$STATE/token"

# spark-daemon.sh writes the PID file into SPARK_PID_DIR and the log into SPARK_LOG_DIR.
export SPARK_HOME SPARK_LOCAL_IP=127.0.0.1 SPARK_PID_DIR="$STATE" SPARK_LOG_DIR="$STATE" SPARK_IDENT_STRING=pijar
export SPARK_DAEMON_MEMORY=${SPARK_DAEMON_MEMORY:-1g}
# JDBC drivers (scripts/connect/jdbc-drivers.sh) for spark.read.jdbc / df.write.jdbc on the
# server: on the driver's classpath and shipped to the executors.
JARS=()
shopt -s nullglob
drivers=("$ROOT"/.venv/spark-jars/*.jar)
shopt -u nullglob
if [ ${#drivers[@]} -gt 0 ]; then
  JARS=(--jars "$(IFS=,; echo "${drivers[*]}")" --driver-class-path "$(IFS=:; echo "${drivers[*]}")")
fi
bash "$SPARK_HOME/sbin/start-connect-server.sh" --master "$MASTER" "${JARS[@]}" \
  --conf spark.connect.grpc.binding.address=127.0.0.1 \
  --conf spark.connect.grpc.binding.port="$PORT" \
  --conf spark.connect.authenticate.token="$TOKEN" \
  --conf spark.ui.enabled=false \
  --conf spark.sql.session.timeZone=UTC >&2

PIDFILE=$(ls "$STATE"/spark-pijar-org.apache.spark.sql.connect.service.SparkConnectServer-*.pid 2>/dev/null | head -1 || true)
start=$SECONDS
until port_open; do
  pid=$(cat "$PIDFILE" 2>/dev/null || true)
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "start-server: the Connect server JVM exited; log:" >&2
    tail -n 40 "$STATE"/*.out >&2 || true
    exit 1
  fi
  if [ $((SECONDS - start)) -ge "$WAIT" ]; then
    echo "start-server: port $PORT not open after ${WAIT}s; stopping the JVM" >&2
    bash "$ROOT/scripts/connect/stop-server.sh" "$STATE" >&2 || true
    exit 1
  fi
  sleep 2
done
echo "start-server: Spark Connect on 127.0.0.1:$PORT after $((SECONDS - start))s (pid $(cat "$PIDFILE"))" >&2
echo "PIJAR_TEST_SPARK_REMOTE='sc://127.0.0.1:$PORT/;token=$TOKEN'"
