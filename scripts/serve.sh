#!/usr/bin/env bash
# Set up, then serve the site at http://127.0.0.1:8000 with live reload. --dirty: a saved
# snippet re-renders only the pages that use it (scripts/handbook_tools/live_rebuild.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh site
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m mkdocs serve --strict --dirty --dev-addr 127.0.0.1:8000 "$@"
