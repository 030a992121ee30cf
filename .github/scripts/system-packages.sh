#!/usr/bin/env bash
# GitHub-hosted Ubuntu runners: scripts/setup.sh installs redis-server and cgi-fcgi
# through passwordless sudo, but Ubuntu's `chromium` package is a snap stub, so point
# /usr/bin/chromium at the Chrome the runner image ships before setup.sh looks for it.
set -euo pipefail
# The runner image ships Google Chrome; the tests and the PDF look for /usr/bin/chromium
# (or $CHROMIUM).
if [[ ! -x /usr/bin/chromium ]]; then
    chrome=$(command -v google-chrome || command -v google-chrome-stable ||
        command -v chromium-browser || true)
    if [[ -z $chrome ]]; then
        echo "system-packages: no Chrome or Chromium on this runner" >&2
        exit 1
    fi
    sudo ln -sf "$chrome" /usr/bin/chromium
fi
if [[ -n ${GITHUB_ENV:-} ]]; then
    echo "CHROMIUM=/usr/bin/chromium" >>"$GITHUB_ENV"
fi
/usr/bin/chromium --version
