#!/usr/bin/env bash
# Starts both throwaway servers (CI entry point). Their env lines go to $GITHUB_ENV when set
# (GitHub Actions), else to stdout for `set -a; eval "$(scripts/db/start-all.sh)"; set +a`.
# Usage: scripts/db/start-all.sh [BASE_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${GITHUB_ENV:-/dev/stdout}"
"$here/start-postgres.sh" "${1:-}" >>"$out"
"$here/start-mariadb.sh" "${1:-}" >>"$out"
