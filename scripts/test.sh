#!/usr/bin/env bash
# Set up, then run every test: snippets, the strict build, real servers, the browser.
# Extra arguments go to pytest (e.g. scripts/test.sh -k redis).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/python -m ruff check .
.venv/bin/python -m ruff format --check .
exec .venv/bin/python -m pytest "$@"
