#!/usr/bin/env bash
# Golden suite: 1) check the expectations against their stamp, rerunning PySpark only if the
# inputs changed (test/sparkoracle/ci.py; a hand edit fails), 2) run Pijar against them with vitest
# (golden cases and the Pijar <-> PySpark file round trips).
#
#   test/golden/run.sh              # full: oracle --check, then vitest
#   test/golden/run.sh --no-oracle  # vitest only (no JVM), for quick local loops
set -euo pipefail
cd "$(dirname "$0")/../.."
export TZ=UTC
PY="${PIJAR_PYTHON:-.venv/bin/python}"
if [[ "${1:-}" != "--no-oracle" ]]; then
  "$PY" test/sparkoracle/ci.py golden
fi
npx vitest run test/golden
