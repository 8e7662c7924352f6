#!/usr/bin/env bash
# Stops the Spark Connect server started by start-server.sh, by the PID in STATE_DIR only.
#   bash scripts/connect/stop-server.sh [STATE_DIR]
set -uo pipefail
STATE=${1:-/tmp/pijar-connect}
for f in "$STATE"/spark-pijar-*.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$f"
done
exit 0
