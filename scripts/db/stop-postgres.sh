#!/usr/bin/env bash
# Stops the server started by start-postgres.sh and removes its data directory.
# Usage: scripts/db/stop-postgres.sh [BASE_DIR]
set -euo pipefail
base="${1:-${PIJAR_DB_DIR:-/tmp/pijar-db}}"
data="$base/postgres"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
as=()
[ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
if [ -f "$data/postmaster.pid" ]; then "${as[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true; fi
rm -rf "$data" "$base/postgres.env" "$base/postgres-init.log"
echo "postgres stopped ($data removed)"
