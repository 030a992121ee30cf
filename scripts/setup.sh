#!/usr/bin/env bash
# Install what the handbook needs, idempotently: `scripts/setup.sh site` for building and
# serving the site, `scripts/setup.sh test` for that plus everything the tests run
# (redis-server, PostgreSQL, Chromium, Node tools), `scripts/setup.sh lint` for the test tools alone
# (ruff, the workflow check). Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-test}
PYTHON=${PYTHON:-python3}
case $target in
site) requirements=site ;;
test | lint) requirements=test ;;
*)
    echo "usage: scripts/setup.sh [site|test|lint]" >&2
    exit 2
    ;;
esac

system_packages=()
if [[ $target == test ]]; then
    command -v redis-server >/dev/null || system_packages+=(redis-server)
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || system_packages+=(postgresql)
    command -v cgi-fcgi >/dev/null || system_packages+=(libfcgi-bin)
    [[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || system_packages+=(chromium)
    command -v java >/dev/null || system_packages+=(default-jre-headless)
    # A C compiler builds python3.13t (below) and the GIL page's C extension.
    command -v cc >/dev/null && command -v make >/dev/null ||
        system_packages+=(gcc make libc6-dev)
fi
if ((${#system_packages[@]})); then
    # As root, or through sudo where it needs no password (GitHub's Ubuntu runners).
    as_root=()
    [[ $(id -u) == 0 ]] || as_root=(sudo -n)
    if command -v apt-get >/dev/null && { ((!${#as_root[@]})) || sudo -n true 2>/dev/null; }; then
        echo "setup: installing ${system_packages[*]} (Debian packages)"
        "${as_root[@]}" apt-get update -qq
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${system_packages[@]}" >/dev/null
    else
        echo "setup: please install ${system_packages[*]} with your package manager;" \
            "tests that need them are skipped (and fail under CI=true)" >&2
    fi
fi

# The free-threaded CPython the GIL page's transcript runs, where it is not installed.
[[ $target != test ]] || scripts/free_threaded_python.sh

# The lock, installed as it is: nothing resolved, nothing built (see install_lock.sh).
PYTHON=$PYTHON scripts/install_lock.sh .venv "requirements/$requirements.txt"

# Node packages: the site ships Pyodide (package.json "dependencies", copied into the
# site by the build); the tests also use the Node tools ("devDependencies").
npm_ci=(npm ci --loglevel=error --no-audit --no-fund)
if [[ $target != lint ]] && ! command -v npm >/dev/null; then
    echo "setup: please install Node.js 20 or newer (npm): the site ships Pyodide from it" >&2
    exit 1
fi
if [[ $target == test ]]; then
    "${npm_ci[@]}"
elif [[ $target == site ]] && ! node -e '
    const lock = require("./package-lock.json").packages["node_modules/pyodide"];
    process.exit(require("./node_modules/pyodide/package.json").version === lock.version ? 0 : 1);
' 2>/dev/null; then
    # Only what the site needs; a later `scripts/setup.sh test` adds the rest.
    "${npm_ci[@]}" --omit=dev
fi
