#!/usr/bin/env bash
# Start a new question: scripts/new-question.sh SLUG "The question as asked" [--section NAME]
# Makes docs/questions/SLUG.md (a draft), snippets/<slug_in_snake_case>/ and its test
# module, and adds the page to the nav (scripts/handbook_tools/new_question.py). Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m scripts.handbook_tools.new_question "$@"
