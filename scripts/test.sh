#!/usr/bin/env bash
# One command: set everything up on a fresh machine and run the whole test suite.
# Independent stages run side by side; each writes its own log, printed whole when the stage
# ends (so output stays readable), with its summary line `==== <stage>: ok (Ns)`. The last line
# is "N passed, M failed" over the stages; the exit code is non-zero if any stage failed.
#   PIJAR_TEST_SERIAL=1 bash scripts/test.sh   # one stage at a time (slow machine, debugging)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export TZ=UTC

# What the tree looks like before anything runs (setup included): the last stage compares.
tree_state() {
  git status --porcelain --untracked-files=all
  git diff HEAD --binary | sha256sum
  git ls-files -o --exclude-standard -z | xargs -0 -r sha256sum
}
TREE_BEFORE=$(tree_state)
LOCAL_EDITS=$(git status --porcelain --untracked-files=all)

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

LOG_DIR=$(mktemp -d /tmp/pijar-test-logs.XXXXXX)
passed=0
failed=0
failures=()
declare -A stage_log=() stage_name=()

# Runs one stage into its own log; the outcome goes to <log>.rc / <log>.secs.
run_logged() {
  local log=$1
  shift
  local start=$SECONDS rc=0
  "$@" >"$log" 2>&1 || rc=$?
  echo $((SECONDS - start)) >"$log.secs"
  echo "$rc" >"$log.rc"
}

report() {
  local name=$1 log=$2
  printf '\n==== stage: %s\n' "$name"
  # Spark's progress bars redraw with \r; keep the log readable.
  tr '\r' '\n' <"$log" | grep -av '^\s*\[Stage [0-9]*:[> =]*([0-9 +]*) / [0-9]*\]\s*$'
  if [ "$(cat "$log.rc")" = 0 ]; then
    passed=$((passed + 1))
    printf '==== %s: ok (%ss)\n' "$name" "$(cat "$log.secs")"
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf '==== %s: FAILED (%ss)\n' "$name" "$(cat "$log.secs")"
  fi
}

# Starts a stage in the background (or runs it now when PIJAR_TEST_SERIAL=1).
n=0
spawn() {
  local name=$1
  shift
  n=$((n + 1))
  local log="$LOG_DIR/$n.log"
  if [ "${PIJAR_TEST_SERIAL:-}" = 1 ]; then
    run_logged "$log" "$@"
    report "$name" "$log"
    return
  fi
  run_logged "$log" "$@" &
  stage_log[$!]=$log
  stage_name[$!]=$name
}

# Waits for every running stage, printing each one's log as soon as it ends.
collect() {
  local pid
  while [ ${#stage_log[@]} -gt 0 ]; do
    wait -n -p pid "${!stage_log[@]}" || true
    [ -n "${pid:-}" ] && [ -n "${stage_log[$pid]:-}" ] || continue
    report "${stage_name[$pid]}" "${stage_log[$pid]}"
    unset "stage_log[$pid]" "stage_name[$pid]"
  done
}

# Throwaway database servers on loopback for the JDBC tests and the database notebook.
DB_DIR=$(mktemp -d /tmp/pijar-db.XXXXXX)
cleanup() {
  [ -x scripts/db/stop-postgres.sh ] && bash scripts/db/stop-postgres.sh "$DB_DIR" >/dev/null 2>&1
  [ -x scripts/db/stop-mariadb.sh ] && bash scripts/db/stop-mariadb.sh "$DB_DIR" >/dev/null 2>&1
  true
}
CONNECT_DIR=$(mktemp -d /tmp/pijar-connect.XXXXXX)
trap 'cleanup; bash scripts/connect/stop-cluster.sh "$CONNECT_DIR" >/dev/null 2>&1' EXIT
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

# All stages but the last are independent, so they run side by side (the machine mostly waits
# on kernels, browsers and JVMs, not on its cores); none rebuilds dist/ (setup just did).
export PIJAR_SKIP_BUILD=1
# 1. Expected results still match real PySpark: every oracle's stamp is checked; PySpark reruns
#    (all stale oracles in one JVM) only when an oracle's inputs changed, and a hand-edited
#    expectation fails (test/sparkoracle/).
spawn "oracle expectations vs PySpark" .venv/bin/python test/sparkoracle/ci.py
[ -f notebooks/_source/build.ts ] && spawn "notebooks match their sources" npx tsx notebooks/_source/build.ts --check
# Spark's own SQL golden-test inputs (test/conformance): PySpark reruns only when their stamp changed.
[ -f test/conformance/oracle.py ] && spawn "conformance expectations vs PySpark" .venv/bin/python test/conformance/oracle.py --check
# 2. (The kernel's own suite runs after this batch: see 5b.)
# 3. Every notebook of the course, top to bottom, through the kernel (those that need a Spark
#    Connect server run once it is up: 4b).
[ -f test/notebooks/run_notebooks.py ] && spawn "notebooks (nbclient)" .venv/bin/python test/notebooks/run_notebooks.py --no-server
# 4. A real Spark standalone cluster (scripts/connect/start-cluster.sh): a master, a worker with
#    its executor JVM, and a Spark Connect server as the cluster's driver, all from .venv's
#    pyspark on loopback with a token, started while the stages above run. vitest's test/connect
#    reaches it through PIJAR_TEST_SPARK_REMOTE (and proves tasks ran on the executor). Every JVM
#    is stopped by PID on exit.
spawn "Spark Connect protos match the pyspark jar" bash scripts/connect/gen-protos.sh --check
if connect_env=$(bash scripts/connect/start-cluster.sh "$CONNECT_DIR"); then
  set -a; eval "$connect_env"; set +a
  # 4b. The lesson that moves a pipeline from the laptop to the cluster.
  [ -f test/notebooks/run_notebooks.py ] && spawn "notebooks on the Spark cluster (nbclient)" .venv/bin/python test/notebooks/run_notebooks.py --server-only
else
  failed=$((failed + 1)); failures+=("Spark cluster start")
fi
# 5. Unit, golden, SQL, IO, JDBC, display, reliability and Spark Connect tests (vitest).
spawn "vitest" npx vitest run --reporter=dot
collect
# 5b. The kernel through the real Jupyter client, and JupyterLab in headless Chromium: on its own,
#     because its interrupt and timer tests measure reaction times that a machine saturated by
#     the stages above stretches past their limits.
[ -f test/kernel/run.sh ] && spawn "kernel (jupyter_client, jupyter_kernel_test, JupyterLab)" bash test/kernel/run.sh
collect

# 6. The suite leaves the tree as it found it: on a clean checkout (CI) `git status` must stay
#    empty; with local edits, nothing may change beyond them.
tree_clean() {
  local now
  now=$(tree_state)
  [ "$now" = "$TREE_BEFORE" ] && { echo "git status: ${LOCAL_EDITS:+as before the run (local edits)}${LOCAL_EDITS:-clean}"; return 0; }
  echo "the test run changed the tree (tests must write to temp folders, setup must not rewrite lock files):"
  diff <(echo "$TREE_BEFORE") <(echo "$now") | grep '^[<>]'
  git status --porcelain --untracked-files=all
  return 1
}
spawn "tree left clean (git status)" tree_clean
collect

echo
if [ $failed -gt 0 ]; then echo "failed stages: ${failures[*]}"; fi
echo "$passed passed, $failed failed"
rm -rf "$LOG_DIR"
[ $failed -eq 0 ]
