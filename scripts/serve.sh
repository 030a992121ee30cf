#!/usr/bin/env bash
# Set up, then serve the site at http://127.0.0.1:8000 with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh site
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
