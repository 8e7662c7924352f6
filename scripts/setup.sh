#!/usr/bin/env bash
# Sets up everything Pijar needs on a fresh Debian machine, idempotently:
# Debian packages (Java for PySpark, Chromium for browser tests, PostgreSQL and MariaDB for
# database tests), npm packages, the TypeScript build, a local Python venv (.venv) with the
# pinned PySpark oracle and Jupyter, and the "TypeScript (Pijar)" kernelspec inside that venv.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }

need_apt=()
command -v java >/dev/null || need_apt+=(openjdk-17-jre-headless)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -d /usr/lib/postgresql ] || need_apt+=(postgresql)
command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || need_apt+=(mariadb-server)
if [ ${#need_apt[@]} -gt 0 ] && [ "${PIJAR_SKIP_APT:-}" != "1" ]; then
  log "Debian packages: ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  # The Debian packages start their own servers; Pijar's tests start throwaway ones instead.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
  $SUDO service mariadb stop >/dev/null 2>&1 || true
fi

log "npm packages"
# `npm install` (not `npm ci`): npm 11 records optional platform packages in a way `npm ci` then rejects.
# --no-save: install exactly what package-lock.json says and never rewrite it (a test run must
# leave the tree clean).
npm install --no-save --no-audit --no-fund --loglevel=error

log "TypeScript build"
npx tsc -p tsconfig.json

log "Python venv (.venv) with the pinned PySpark and Jupyter"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
if ! .venv/bin/python -c "import pyspark, jupyterlab, nbclient, jupyter_kernel_test" 2>/dev/null || [ requirements.txt -nt .venv/.pijar-installed ]; then
  .venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
  touch .venv/.pijar-installed
fi

log "Kernelspec 'pijar' into the venv"
node dist/kernel/cli.js install --prefix "$ROOT/.venv" >/dev/null

log "Setup done"
