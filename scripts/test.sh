#!/usr/bin/env bash
# Second command of the README: set up everything the tests need, then run the whole suite
# (core, store, AppTest pages, the real-browser smoke test). Screenshots land in test-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
mkdir -p test-results
exec .venv/bin/python -m pytest -n 2 --dist loadfile --timeout 900 "$@"
