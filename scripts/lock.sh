#!/usr/bin/env bash
# Regenerate the hashed requirement files from pyproject.toml.
# They hold names, versions and hashes only: no index URL is written.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_lock.sh .venv requirements/lock.txt
UV=(.venv/bin/python -m uv)
compile() {
    "${UV[@]}" pip compile --universal --python-version 3.11.5 \
        --generate-hashes --no-emit-index-url --no-header --quiet "$@"
}
compile pyproject.toml -o requirements/site.txt
compile pyproject.toml --group test -o requirements/test.txt
compile --group lock -o requirements/lock.txt
compile --group audit -o requirements/audit.txt
echo "requirements/*.txt regenerated"
