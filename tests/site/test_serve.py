"""The README's first command: `scripts/serve.sh` serves the home page, and every link
on it works there. The PDF and the offline zip are not made by a local build, so the
page must say how to make them instead of linking to files that answer 404."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from html import unescape
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from scripts.handbook_tools import html_links
from scripts.handbook_tools.downloads import (
    DECK_FILE,
    PDF_FILE,
    RELEASE_COMMAND,
    ZIP_FILE,
)
from snippets import loopback

ROOT = Path(__file__).resolve().parents[2]


def status_and_body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.mark.server
def test_serve_sh_serves_the_home_page_and_every_link_on_it_works() -> None:
    port = loopback.free_port()
    env = {
        key: value for key, value in os.environ.items() if key != "HANDBOOK_DOWNLOADS"
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [str(ROOT / "scripts" / "serve.sh"), "--dev-addr", f"127.0.0.1:{port}"]
    # serve.sh sets up first (nothing to install here), then builds, then listens.
    with loopback.serve(command, port, cwd=ROOT, env=env, timeout=240):
        root = f"http://127.0.0.1:{port}/"
        with urllib.request.urlopen(root, timeout=30) as response:
            home = response.url  # the dev server mounts the site at site_url's path
            html = response.read().decode("utf-8")
        links = {
            urldefrag(urljoin(home, url)).url
            for _, url in html_links.parse_html(html).links
            if not urlsplit(url).scheme or url.startswith(root)
        }
        assert home + DECK_FILE in links
        assert home + PDF_FILE not in links
        assert home + ZIP_FILE not in links
        text = unescape(re.sub(r"<[^>]+>", "", html))
        assert "not in this build" in text
        assert RELEASE_COMMAND in text
        assert len(links) > 20
        broken = {}
        for url in sorted(links):
            status, _ = status_and_body(url)
            if status != 200:
                broken[url] = status
        assert broken == {}
