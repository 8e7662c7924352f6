#!/usr/bin/env bash
# Golden suite: 1) regenerate every expectation with real PySpark and fail if any committed
# expected/*.json differs (so a hand edit cannot pass), 2) run Pijar against them with vitest
# (golden cases and the Pijar <-> PySpark file round trips).
#
#   test/golden/run.sh              # full: oracle --check, then vitest
#   test/golden/run.sh --no-oracle  # vitest only (no JVM), for quick local loops
set -euo pipefail
cd "$(dirname "$0")/../.."
export TZ=UTC
PY="${PIJAR_PYTHON:-.venv/bin/python}"
if [[ "${1:-}" != "--no-oracle" ]]; then
  "$PY" test/golden/oracle.py --check
fi
npx vitest run test/golden
