#!/usr/bin/env bash
# One command for learners: set everything up, then open the course in JupyterLab with the
# "TypeScript (Pijar)" kernel. SQLite is the course database, so no server is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export JUPYTER_PATH="$(pwd)/.venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
exec .venv/bin/jupyter lab --notebook-dir="$(pwd)/notebooks" "$@"
