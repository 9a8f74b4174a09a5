#!/usr/bin/env bash
# First command of the README: set up (idempotent), seed the embedded SQLite database with the
# reference and demo data if it is new, and start the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
.venv/bin/python -m cfp_core seed
ADDRESS="${CFP_ADDRESS:-127.0.0.1}"
# Without sign-in configured the workspace is single-user local mode: this machine only.
if ! .venv/bin/python -m cfp_core check-exposure --address "$ADDRESS"; then
  exit 2
fi
echo "==> workspace on http://$ADDRESS:${CFP_PORT:-8501}  (disclosure server for customers: scripts/serve.sh)"
# scripts/launch.py = streamlit run, with the pages' imports loaded before the server listens (#13.4).
exec .venv/bin/python scripts/launch.py app.py --server.address "$ADDRESS" --server.port "${CFP_PORT:-8501}" "$@"
