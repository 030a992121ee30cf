"""A real Chromium (the system's, driven by Playwright) and the built site to show it.

Tests here are marked `browser`. Without Chromium they are skipped, except under
CI=true, where a missing browser fails them (see `require` in tests/conftest.py).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.handbook_tools import archive, chromium, static_site
from tests.conftest import require


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def click_in_place(target) -> None:
    """Click `target` once it is on screen and has stopped moving.

    Playwright's click scrolls only after its stability check, then presses at once.
    Code blocks brought on screen by that scroll are laid out a frame later at their
    real height, not the estimate they held while skipped (hooks/lazy_code.py), and
    what follows them moves: a press on a summary and a release a few pixels lower
    make a click on the article, and the <details> stays shut. Scrolling first lets
    the click's own stability check wait out that move."""
    target.scroll_into_view_if_needed()
    target.click()


def mark_document(page) -> None:
    """Mark the loaded document, so that `window.__marker` still being there after a
    click proves instant navigation took it (a full load would drop the mark).

    Instant navigation takes links over only once the theme has fetched its sitemap:
    wait for the network to settle first, or a loaded machine clicks before that and
    the browser loads the next page whole."""
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__marker = 1")


# The site's scripts start once the first frame is on screen, which on 127.0.0.1 is
# often after the load event Playwright's navigations wait for
# (scripts/handbook_tools/hooks/after_paint.py counts them in window.handbookScripts).
SCRIPTS_STARTED = """() => {
  const scripts = window.handbookScripts;
  return !scripts || (scripts.painted && scripts.settled === scripts.added);
}"""
_NAVIGATIONS = ("goto", "reload", "go_back", "go_forward", "wait_for_url")


@pytest.fixture(scope="session", autouse=True)
def navigations_wait_for_the_scripts() -> Iterator[None]:
    """Every navigation that waits for the page's load (Playwright's default) also
    waits for the page's scripts to have loaded and run, as a reader's first click
    comes after them. A test that asks for an earlier moment (`wait_until=`) gets it.
    For the session: module fixtures (test_accessibility.py's) navigate too."""
    from playwright.sync_api import Page

    def waiting(navigate):
        def navigate_then_wait(self, *args, **kwargs):
            result = navigate(self, *args, **kwargs)
            if kwargs.get("wait_until", "load") == "load":
                self.wait_for_function(SCRIPTS_STARTED, polling="raf")
            return result

        return navigate_then_wait

    with pytest.MonkeyPatch.context() as patch:
        for name in _NAVIGATIONS:
            patch.setattr(Page, name, waiting(getattr(Page, name)))
        yield


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Chromium for one test module. Not for the whole session: Playwright's sync API
    runs one driver per thread at a time, and other tests
    (scripts/handbook_tools/pdf.py's) start their own."""
    require(chromium.available(), f"Chromium ({chromium.executable()})")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        try:
            yield launched
        finally:
            launched.close()


def site_prefix(site: Path) -> str:
    """The path the site is published under (from its sitemap, i.e. from site_url):
    Material's instant navigation only takes over links under that path."""
    sitemap = (site / "sitemap.xml").read_text()
    first = re.search(r"<loc>([^<]+)</loc>", sitemap)
    path = urlsplit(first.group(1)).path if first else "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 under its published path, as GitHub
    Pages serves a project site."""
    with static_site.serve(built_site, site_prefix(built_site)) as url:
        yield url


@pytest.fixture
def context(browser, site_url: str):
    """A fresh browser profile per test: empty localStorage, light colour scheme.

    Material's instant navigation only takes over links listed in sitemap.xml, whose
    URLs carry the published host; it maps them to the current protocol and host name
    but not the port, so on 127.0.0.1:PORT it would never engage. The sitemap is served
    with the test server's origin instead, as the published site's matches its own."""
    origin = site_url[: site_url.index("/", len("http://"))]

    def local_sitemap(route) -> None:
        response = route.fetch()
        body = re.sub(r"<loc>https?://[^/<]+", f"<loc>{origin}", response.text())
        route.fulfill(response=response, body=body)

    made = browser.new_context(color_scheme="light", reduced_motion="reduce")
    made.set_default_timeout(15_000)
    made.route(f"{origin}/**/sitemap.xml", local_sitemap)
    yield made
    made.unroute_all(behavior="ignoreErrors")  # a sitemap still in flight is dropped
    made.close()


@pytest.fixture
def page(context):
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    """The downloadable offline copy, built and zipped as
    scripts/handbook_tools/archive.py ships it, then unzipped: the folder a reader opens
    from disk."""
    require(
        (archive.ROOT / "node_modules" / "iframe-worker").is_dir(),
        "node_modules/iframe-worker (npm ci)",
    )
    scratch = tmp_path_factory.mktemp("offline")
    site = scratch / "online"
    shutil.copytree(built_site, site)
    zipped = archive.make_archive(site)
    with zipfile.ZipFile(zipped) as opened:
        opened.extractall(scratch / "unzipped")
    return scratch / "unzipped" / archive.FOLDER


@pytest.fixture
def offline_page(context):
    """A page that may not touch the network: any http(s) request fails the test."""
    requested: list[str] = []

    def refuse(route) -> None:
        requested.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^https?://"), refuse)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    assert requested == [], f"the offline copy asked the network for {requested}"
    assert errors == [], errors
