#!/usr/bin/env bash
# Install hashed lock files into a virtual environment, resolving nothing:
#   scripts/install_lock.sh VENV requirements/site.txt [more lock files...]
# creates VENV with $PYTHON (default python3) when it does not exist.
#
# Why --no-deps: the lock files (scripts/lock.sh) already hold every package the
# project needs, pinned and hashed. Without --no-deps pip still reads each package's
# own dependencies and looks them up on the index; older pips (23.x, which Python 3.11's
# venv ships) then treat an extra such as `coverage[toml]` as an unpinned requirement
# and stop as soon as the index has a newer release than the lock. With --no-deps pip
# installs exactly the listed files, whatever pip version the venv brings and whatever
# was published since. --only-binary keeps pip from building an sdist (which would
# fetch unpinned build tools); `pip check` then proves that the lock was complete.
set -euo pipefail
if (($# < 2)); then
    echo "usage: scripts/install_lock.sh VENV LOCK_FILE [LOCK_FILE...]" >&2
    exit 2
fi
venv=$1
shift
arguments=()
for lock in "$@"; do
    if [[ ! -f $lock ]]; then
        echo "install_lock: $lock does not exist" >&2
        exit 1
    fi
    arguments+=(-r "$lock")
done
[[ -x $venv/bin/python ]] || "${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-deps --only-binary=:all: --require-hashes "${arguments[@]}"
if ! problems=$("$venv/bin/python" -m pip check 2>&1); then
    echo "install_lock: $* is not a complete lock: pip check found" >&2
    echo "$problems" >&2
    echo "install_lock: regenerate it with scripts/lock.sh" >&2
    exit 1
fi
