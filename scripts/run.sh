#!/usr/bin/env bash
# First command of the README: set up (idempotent), seed the embedded SQLite database with the
# reference and demo data if it is new, and start the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
.venv/bin/python -m cfp_core seed
exec .venv/bin/python -m streamlit run app.py --server.address "${CFP_ADDRESS:-0.0.0.0}" --server.port "${CFP_PORT:-8501}" "$@"
