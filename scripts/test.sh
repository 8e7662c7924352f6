#!/usr/bin/env bash
# One command: set everything up on a fresh machine and run the whole test suite.
# Stages run in order; each prints its own summary; the last line is "N passed, M failed"
# over the stages, and the exit code is non-zero if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export TZ=UTC

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
failures=()
stage() {
  local name=$1
  shift
  printf '\n==== stage: %s\n' "$name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    printf '==== %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf '==== %s: FAILED (%ss)\n' "$name" $((SECONDS - start))
  fi
}

# Throwaway database servers on loopback for the JDBC tests and the database notebook.
DB_DIR=$(mktemp -d /tmp/pijar-db.XXXXXX)
cleanup() {
  [ -x scripts/db/stop-postgres.sh ] && bash scripts/db/stop-postgres.sh "$DB_DIR" >/dev/null 2>&1
  [ -x scripts/db/stop-mariadb.sh ] && bash scripts/db/stop-mariadb.sh "$DB_DIR" >/dev/null 2>&1
  true
}
trap cleanup EXIT
if [ -f scripts/db/start-postgres.sh ]; then
  pg_env=$(bash scripts/db/start-postgres.sh "$DB_DIR") || echo "warning: PostgreSQL did not start"
  set -a; eval "$pg_env"; set +a
fi
if [ -f scripts/db/start-mariadb.sh ]; then
  my_env=$(bash scripts/db/start-mariadb.sh "$DB_DIR") || echo "warning: MariaDB did not start"
  set -a; eval "$my_env"; set +a
fi

export JUPYTER_PATH="$ROOT/.venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export PIJAR_PYTHON="$ROOT/.venv/bin/python"

# 1. Expected results still match real PySpark (a hand-edited expectation fails here).
[ -f test/golden/oracle.py ] && stage "golden expectations vs PySpark" .venv/bin/python test/golden/oracle.py --check
[ -f test/sql/golden/oracle.py ] && stage "SQL golden expectations vs PySpark" .venv/bin/python test/sql/golden/oracle.py --check
[ -f notebooks/lib/oracle.py ] && stage "course exercise answers vs PySpark" .venv/bin/python notebooks/lib/oracle.py --check
[ -f notebooks/_source/build.ts ] && stage "notebooks match their sources" npx tsx notebooks/_source/build.ts --check
[ -f test/slt/oracle.py ] && stage "SQL logic test expectations vs PySpark" .venv/bin/python test/slt/oracle.py --check
# Spark's own SQL golden-test inputs: reruns PySpark only when the inputs' stamp changed.
[ -f test/conformance/oracle.py ] && stage "conformance expectations vs PySpark" .venv/bin/python test/conformance/oracle.py --check
io_oracle_check() {
  # Regenerates the I/O expectations with PySpark; any difference from the committed files fails.
  # (The Parquet files it writes into test/io/data carry write-time metadata, so only the
  # expectations are compared.)
  .venv/bin/python test/io/oracle.py >/dev/null && git diff --exit-code --stat -- test/io/expected
}
[ -f test/io/oracle.py ] && stage "I/O expectations vs PySpark" io_oracle_check
# 2. Unit, golden, SQL, IO, JDBC and display tests (vitest).
stage "vitest" npx vitest run --reporter=dot
# 3. The kernel through the real Jupyter client, and JupyterLab in headless Chromium.
[ -f test/kernel/run.sh ] && stage "kernel (jupyter_client, jupyter_kernel_test, JupyterLab)" bash test/kernel/run.sh
# 4. Every notebook of the course, top to bottom, through the kernel.
[ -f test/notebooks/run_notebooks.py ] && stage "notebooks (nbclient)" .venv/bin/python test/notebooks/run_notebooks.py

echo
if [ $failed -gt 0 ]; then echo "failed stages: ${failures[*]}"; fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
