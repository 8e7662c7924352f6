#!/usr/bin/env bash
# Sets up Pijar idempotently, skipping every step whose inputs did not change.
#   bash scripts/setup.sh           everything scripts/test.sh needs (Debian packages: Java for
#                                   PySpark, Chromium for browser tests, PostgreSQL and MariaDB for
#                                   database tests; requirements-test.txt with the PySpark oracle)
#   bash scripts/setup.sh --course  only what the course needs (scripts/start.sh): npm packages,
#                                   the build, a venv with JupyterLab (requirements.txt), the kernelspec
# Both install the "TypeScript (Pijar)" kernelspec into the project's venv (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=full
[ "${1:-}" = "--course" ] && MODE=course

log() { printf '\n== %s\n' "$*"; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_install() {
  if [ "${PIJAR_SKIP_APT:-}" = "1" ]; then
    echo "PIJAR_SKIP_APT=1: not installing Debian packages: $*"
    return 0
  fi
  log "Debian packages: $*"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

need_apt=()
# Debian's python3 lacks venv/ensurepip until python3-venv is installed.
python3 -c "import ensurepip, venv" 2>/dev/null || [ -x .venv/bin/python ] || need_apt+=(python3-venv)
if [ "$MODE" = full ]; then
  command -v java >/dev/null || need_apt+=(openjdk-17-jre-headless)
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  [ -d /usr/lib/postgresql ] || need_apt+=(postgresql)
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || need_apt+=(mariadb-server)
  command -v zstd >/dev/null || need_apt+=(zstd) # the codec oracle writes .zst inputs
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  apt_install "${need_apt[@]}"
  # The Debian packages start their own servers; Pijar's tests start throwaway ones instead.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
  $SUDO service mariadb stop >/dev/null 2>&1 || true
fi

# npm writes node_modules/.package-lock.json on every install: newer than the manifests = done.
if [ ! -f node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm packages"
  # `npm install` (not `npm ci`): npm 11 records optional platform packages in a way `npm ci` then rejects.
  # --no-save: install exactly what package-lock.json says and never rewrite it (a test run
  # must leave the tree clean).
  npm install --no-save --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi

# The build: skipped when no source, config or dependency changed since the last one; otherwise
# incremental (the build info lives in dist/, so deleting dist/ forces a full build).
BUILD_STAMP=dist/.pijar-build-stamp
if [ ! -f "$BUILD_STAMP" ] || [ -n "$(find src kernel tsconfig.json package.json node_modules/.package-lock.json -newer "$BUILD_STAMP" -print -quit 2>/dev/null)" ]; then
  log "TypeScript build"
  npx tsc -p tsconfig.json --incremental --tsBuildInfoFile dist/.tsbuildinfo
  node scripts/bundle.mjs
  touch "$BUILD_STAMP"
fi
# The kernel's type checker starts from a snapshot of itself, warm (kernel/README.md); without
# one it still works, only its first check waits seconds longer.
if [ ! -f dist/kernel/checker.blob ] || [ "$BUILD_STAMP" -nt dist/kernel/checker.blob ]; then
  log "Type checker snapshot"
  node dist/kernel/cli.js snapshot >/dev/null || log "note: no type checker snapshot (the kernel builds its checker at start instead)"
fi

if [ "$MODE" = full ]; then
  REQS=requirements-test.txt PY_CHECK="import pyspark, jupyterlab, anywidget, nbclient, jupyter_kernel_test" STAMP=.venv/.pijar-installed
else
  REQS=requirements.txt PY_CHECK="import jupyterlab, anywidget" STAMP=.venv/.pijar-course-installed
fi
if [ ! -x .venv/bin/python ]; then
  log "Python venv (.venv)"
  python3 -m venv .venv
fi
# A package.json of its own: the repo's says "type": "module", and JupyterLab's bundled yarn.js
# (a CommonJS file inside .venv) would otherwise fail at every start with "Dynamic require".
[ -f .venv/package.json ] || printf '{ "type": "commonjs" }\n' > .venv/package.json
if ! .venv/bin/python -c "$PY_CHECK" 2>/dev/null || [ ! -f "$STAMP" ] || [ "$REQS" -nt "$STAMP" ] || [ requirements.txt -nt "$STAMP" ]; then
  log "Python packages ($REQS)"
  .venv/bin/pip install -q --disable-pip-version-check -r "$REQS"
  touch "$STAMP"
fi
# The Spark Connect server's JDBC drivers (remote spark.read.jdbc), for the test stack only.
if [ "$MODE" = full ]; then
  bash scripts/connect/jdbc-drivers.sh || { echo "setup: fetching the JDBC driver jars for the Spark Connect server failed" >&2; exit 1; }
fi

# Cheap (a fraction of a second); keeps the kernelspec's node path and checkout path current.
node dist/kernel/cli.js install --prefix "$ROOT/.venv" >/dev/null

log "Setup done"
