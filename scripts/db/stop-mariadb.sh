#!/usr/bin/env bash
# Stops the server started by start-mariadb.sh and removes its data directory.
# Usage: scripts/db/stop-mariadb.sh [BASE_DIR]
set -euo pipefail
base="${1:-${PIJAR_DB_DIR:-/tmp/pijar-db}}"
data="$base/mariadb"
if [ -f "$data/mariadb.pid" ]; then
  pid="$(cat "$data/mariadb.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
fi
rm -rf "$data" "$base/mariadb.env" "$base/mariadb-init.log"
echo "mariadb stopped ($data removed)"
