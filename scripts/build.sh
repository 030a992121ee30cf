#!/usr/bin/env bash
# Build the site strictly into SITE_DIR (default: site): any warning (a missing snippet,
# a failing example, a broken link or anchor) fails the build and names the page.
#   scripts/build.sh [SITE_DIR]   (run scripts/setup.sh site first)
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m scripts.handbook_tools.build --site-dir "${1:-site}"
