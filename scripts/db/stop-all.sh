#!/usr/bin/env bash
# Stops both throwaway servers and removes their data. Usage: scripts/db/stop-all.sh [BASE_DIR]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/stop-postgres.sh" "${1:-}"
"$here/stop-mariadb.sh" "${1:-}"
