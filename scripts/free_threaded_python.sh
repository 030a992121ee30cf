#!/usr/bin/env bash
# Build and install python3.13t, CPython's free-threaded build, which the GIL page's
# transcript runs (snippets/gil_threads_and_processes/transcribe.py):
#   scripts/free_threaded_python.sh        (scripts/setup.sh test calls it; root or sudo)
#
# Debian 12 packages no free-threaded interpreter and PyPI has none, so this builds one:
# the upstream source as Debian 13 ("trixie") ships it, fetched by apt from the mirror the
# machine's own apt sources name (the source index is signed; the tarball must also match
# the hash in requirements/python3.13t.sha256), configured with --disable-gil, installed
# in /opt/python3.13t and linked as /usr/local/bin/python3.13t: no other command changes.
# About three minutes on two cores. Elsewhere, install python3.13t yourself (GitHub's
# runners get it from actions/setup-python).
set -euo pipefail
cd "$(dirname "$0")/.."
lock=$PWD/requirements/python3.13t.sha256
command -v python3.13t >/dev/null && exit 0

as_root=()
[[ $(id -u) == 0 ]] || as_root=(sudo -n)
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null ||
    true)
if [[ -z $mirror ]] || ! command -v apt-get >/dev/null ||
    { ((${#as_root[@]})) && ! sudo -n true 2>/dev/null; }; then
    echo "free_threaded_python: not a Debian machine with its apt sources in" \
        "debian.sources, or no root: install python3.13t yourself; the tests that" \
        "run it are skipped (and fail under CI=true)" >&2
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt with a state of its own: the machine's sources and lists stay as they were.
mkdir -p "$work/sources" "$work/lists/partial" "$work/cache" "$work/source"
chmod a+rx "$work" && chmod a+rwx "$work/source" # apt downloads as its own user, _apt
cat >"$work/sources/trixie.sources" <<SOURCES
Types: deb-src
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
apt=(apt-get -qq -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/sources"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache")
echo "free_threaded_python: fetching the CPython 3.13 source (Debian 13's)"
"${apt[@]}" update
(cd "$work/source" && "${apt[@]}" source --download-only python3.13/trixie)
(cd "$work/source" && sha256sum --check --quiet "$lock")

echo "free_threaded_python: building python3.13t (--disable-gil)"
tar -xJf "$work/source/$(awk '{ print $2 }' "$lock")" -C "$work"
cd "$work"/Python-3.13.*/
prefix=/opt/python3.13t
./configure --disable-gil --prefix="$prefix" --quiet >/dev/null
log=$work/build.log
{ make -j "$(nproc)" && "${as_root[@]}" make altinstall; } >"$log" 2>&1 ||
    { tail -n 40 "$log" >&2; exit 1; }
"${as_root[@]}" ln -sf "$prefix/bin/python3.13t" /usr/local/bin/python3.13t
python3.13t -c 'import sys; assert not sys._is_gil_enabled()'
echo "free_threaded_python: installed $(command -v python3.13t)"
