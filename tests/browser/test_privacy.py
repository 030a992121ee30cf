"""Reading the handbook tells no third party: every request a page makes, on every page
of the built site, goes to the site's own origin.

Material out of the box loads Google Fonts and asks the GitHub API for the repository's
stars from the reader's browser; mkdocs.yml turns the fonts off and
docs/overrides/partials/source.html renders the repository as a plain link. A request
to any other origin is refused (so nothing leaves the machine even when this test
fails) and recorded.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.test_accessibility import site_pages

LOCAL_SCHEMES = ("data:", "blob:", "about:")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def recorded(browser, site_url: str):
    """A fresh context whose every request is recorded; other origins are refused."""
    context = browser.new_context(reduced_motion="reduce")
    context.set_default_timeout(30_000)
    requests: list[tuple[str, str]] = []
    own = origin(site_url)

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES) or origin(url) == own:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("request", lambda request: requests.append((page.url, request.url)))
    page.on("worker", lambda worker: requests.append((page.url, worker.url)))
    yield page, requests
    context.close()


def test_every_request_is_same_origin(
    recorded, built_site: Path, site_url: str
) -> None:
    page, requests = recorded
    pages = site_pages(built_site)
    for relative in pages:
        page.goto(site_url + relative, wait_until="networkidle")
    # Search: the worker, the index and the results are fetched only when used.
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("generator")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")

    own = origin(site_url)
    assert any(url.endswith("search_index.json") for _, url in requests)
    foreign = sorted(
        {
            f"{url} (from {on})"
            for on, url in requests
            if not url.startswith(LOCAL_SCHEMES) and origin(url) != own
        }
    )
    assert not foreign, "requests to other origins:\n" + "\n".join(foreign)
