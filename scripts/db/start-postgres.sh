#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1 for tests, CI and the benchmark.
#
# Usage: scripts/db/start-postgres.sh [BASE_DIR] [PORT]
#   BASE_DIR defaults to /tmp/pijar-db (data in BASE_DIR/postgres), PORT to a free port.
# Prints env lines to eval or append to $GITHUB_ENV:
#   PIJAR_PG_URL=jdbc:postgresql://127.0.0.1:PORT/pijar PIJAR_PG_USER=pijar PIJAR_PG_PASSWORD=...
# The same lines are written to BASE_DIR/postgres.env.
set -euo pipefail
. "$(dirname "$0")/common.sh"
db_settings postgres PIJAR_PG "$@"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$bin/initdb" ] || { echo "PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin); install postgresql or set PG_BIN" >&2; exit 1; }
fresh_data_dir "$base" "$data" "$data/postmaster.pid" stop-postgres.sh
# PostgreSQL refuses to run as root: run it as the postgres user (or the current user if not root).
as=()
if [ "$(id -u)" = 0 ]; then chown postgres "$data"; chmod 755 "$base"; as=(runuser -u postgres --); fi
"${as[@]}" "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C >"$base/postgres-init.log" 2>&1
cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
fsync = on
max_connections = 50
log_timezone = 'UTC'
timezone = 'UTC'
CONF
# Password auth over TCP so the tests exercise real credentials.
cat >"$data/pg_hba.conf" <<CONF
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
CONF
"${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 start >/dev/null
psql_su=("${as[@]}" psql -h "$data" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q)
"${psql_su[@]}" -d postgres -c "CREATE ROLE pijar LOGIN PASSWORD '$password'" -c "CREATE DATABASE pijar OWNER pijar"
env_lines="PIJAR_PG_URL=jdbc:postgresql://127.0.0.1:$port/pijar
PIJAR_PG_USER=pijar
PIJAR_PG_PASSWORD=$password
PIJAR_PG_PORT=$port
PIJAR_PG_DATA=$data"
emit_env "$base/postgres.env" "$env_lines"
