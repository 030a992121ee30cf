#!/usr/bin/env bash
# Measure the site against a stock Material build of the same pages; writes
# scripts/benchmark-results.md and README.md's Benchmarks section.
#   scripts/benchmark.sh [--pages N] [--runs N] [--no-readme] [--cpu-slowdown X]
#                        [--without theme-script|theme-search]
#   (scripts/setup.sh test first; --cpu-slowdown and --without print their figures
#   and write nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m scripts.handbook_tools.benchmark "$@"
