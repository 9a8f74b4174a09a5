#!/usr/bin/env bash
# The disclosure server (public cards + PACT v3 API), next to the workspace (scripts/run.sh).
# It opens the workspace store read-only and writes only data/disclosure.db.
#   CFP_PUBLIC_URL=https://cfp.example.com bash scripts/serve.sh --certfile cert.pem --keyfile key.pem
#   bash scripts/serve.sh --port 8600            # plain HTTP behind a TLS reverse proxy
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
.venv/bin/python -m cfp_core seed
exec .venv/bin/python -m cfp_core serve --host "${CFP_SERVER_ADDRESS:-127.0.0.1}" --port "${CFP_SERVER_PORT:-8443}" "$@"
