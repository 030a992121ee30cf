#!/usr/bin/env bash
# Make the site as it ships, in one documented order (scripts/handbook_tools/release.py): the strict
# build with its Anki deck, the PDF, the offline zip, then every link checked.
#   scripts/release.sh [SITE_DIR]   (default: site; run scripts/setup.sh test first)
set -euo pipefail
cd "$(dirname "$0")/.."
site_dir=${1:-site}
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m scripts.handbook_tools.release --site-dir "$site_dir"
