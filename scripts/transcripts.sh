#!/usr/bin/env bash
# Write the transcripts of the runs that need a real server (snippets/*/transcribe.py);
# --check only reports the stale ones.
#   scripts/transcripts.sh [--check] [PACKAGE ...]   (run scripts/setup.sh test first)
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m scripts.handbook_tools.transcripts "$@"
