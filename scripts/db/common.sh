# Shared helpers for the throwaway database scripts (sourced, not run).
# Why throwaway: tests and the benchmark need a real server without touching any system
# installation; everything lives under one directory that stop-*.sh removes.

# Prints a free TCP port on 127.0.0.1 (asks the kernel for one).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Waits until "$@" succeeds, up to 30 s.
wait_for() {
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}

# Sets base, port, data and password for server NAME from the script's arguments [BASE_DIR]
# [PORT], else ${PREFIX}_PORT / ${PREFIX}_PASSWORD / PIJAR_DB_DIR, else the defaults: every
# server of the test setup lives below one folder and gets a free port.
db_settings() { # NAME PREFIX [BASE_DIR] [PORT]
  local name="$1" port_var="$2_PORT" password_var="$2_PASSWORD"
  shift 2
  base="${1:-${PIJAR_DB_DIR:-/tmp/pijar-db}}"
  port="${2:-${!port_var:-$(free_port)}}"
  data="$base/$name"
  password="${!password_var:-pijar-secret-pw}"
}

# Gives a server a fresh data folder DATA below BASE, unless one still runs from it (its pid
# file PIDFILE is there): wiping a live server's files would corrupt it, so STOP is named instead.
fresh_data_dir() { # BASE DATA PIDFILE STOP
  if [ -f "$3" ]; then
    echo "A server already runs from $2; run scripts/db/$4 $1 first" >&2; exit 1
  fi
  mkdir -p "$1"
  rm -rf "$2"; mkdir -p "$2"
}

# Prints the env lines LINES (to eval, or append to $GITHUB_ENV) and keeps them in FILE.
emit_env() { # FILE LINES
  echo "$2" >"$1"
  echo "$2"
}
