#!/usr/bin/env bash
# One command for learners: set up what the course needs (no databases, browsers or PySpark:
# the course database is SQLite), then open the course in JupyterLab with the "TypeScript
# (Pijar)" kernel. A second start skips every step already done. Extra arguments go to JupyterLab.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --course
export JUPYTER_PATH="$(pwd)/.venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
args=(--notebook-dir="$(pwd)/notebooks")
# JupyterLab refuses to run as root unless told; containers and fresh VMs often run as root.
if [ "$(id -u)" -eq 0 ]; then args+=(--allow-root); fi
exec .venv/bin/jupyter lab "${args[@]}" "$@"
