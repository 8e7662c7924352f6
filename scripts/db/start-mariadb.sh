#!/usr/bin/env bash
# Starts a throwaway MariaDB (MySQL protocol) on 127.0.0.1 for tests, CI and the benchmark.
#
# Usage: scripts/db/start-mariadb.sh [BASE_DIR] [PORT]
#   BASE_DIR defaults to /tmp/pijar-db (data in BASE_DIR/mariadb), PORT to a free port.
# Prints env lines (also written to BASE_DIR/mariadb.env):
#   PIJAR_MYSQL_URL=jdbc:mysql://127.0.0.1:PORT/pijar PIJAR_MYSQL_USER=pijar PIJAR_MYSQL_PASSWORD=...
set -euo pipefail
. "$(dirname "$0")/common.sh"
db_settings mariadb PIJAR_MYSQL "$@"
server="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
[ -x "$server" ] || { echo "mariadbd not found; install mariadb-server" >&2; exit 1; }
fresh_data_dir "$base" "$data" "$data/mariadb.pid" stop-mariadb.sh
mkdir -p "$data/db"
user="$(id -un)"
if [ "$(id -u)" = 0 ]; then user=mysql; chown -R mysql "$data"; chmod 755 "$base"; fi
cat >"$data/my.cnf" <<CONF
[mariadbd]
datadir=$data/db
socket=$data/mariadb.sock
pid-file=$data/mariadb.pid
port=$port
bind-address=127.0.0.1
user=$user
skip-name-resolve
local-infile=1
innodb_buffer_pool_size=256M
innodb_log_file_size=256M
innodb_flush_log_at_trx_commit=1
max_allowed_packet=64M
character-set-server=utf8mb4
collation-server=utf8mb4_bin
default-time-zone='+00:00'
log-error=$data/server.log
CONF
mariadb-install-db --defaults-file="$data/my.cnf" --auth-root-authentication-method=normal >"$base/mariadb-init.log" 2>&1
nohup "$server" --defaults-file="$data/my.cnf" >/dev/null 2>&1 &
wait_for mariadb --defaults-file="$data/my.cnf" -uroot --socket="$data/mariadb.sock" -e "SELECT 1" || {
  echo "MariaDB did not start; see $data/server.log" >&2; tail -20 "$data/server.log" >&2; exit 1; }
mariadb -uroot --socket="$data/mariadb.sock" -e "
  CREATE DATABASE pijar;
  CREATE USER 'pijar'@'127.0.0.1' IDENTIFIED BY '$password';
  CREATE USER 'pijar'@'localhost' IDENTIFIED BY '$password';
  GRANT ALL ON pijar.* TO 'pijar'@'127.0.0.1';
  GRANT ALL ON pijar.* TO 'pijar'@'localhost';
  GRANT PROCESS, CONNECTION ADMIN ON *.* TO 'pijar'@'127.0.0.1';"
env_lines="PIJAR_MYSQL_URL=jdbc:mysql://127.0.0.1:$port/pijar
PIJAR_MYSQL_USER=pijar
PIJAR_MYSQL_PASSWORD=$password
PIJAR_MYSQL_PORT=$port
PIJAR_MYSQL_SOCKET=$data/mariadb.sock"
emit_env "$base/mariadb.env" "$env_lines"
