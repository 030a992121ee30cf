"""The offline copy: unzipped, opened from disk (`file://`), with no network at all."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.test_search import marked, open_first_result


class _Loads(HTMLParser):
    """The URLs a page makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag in {"script", "img", "iframe", "source"}:
            self.urls.append(attributes.get("src") or "")
        elif tag == "link" and attributes.get("rel") not in {"canonical", "alternate"}:
            self.urls.append(attributes.get("href") or "")


def test_offline_copy_loads_nothing_from_another_host(offline_site: Path) -> None:
    pages = list(offline_site.rglob("*.html"))
    assert len(pages) > 17
    for html in pages:
        parser = _Loads()
        parser.feed(html.read_text())
        remote = [u for u in parser.urls if re.match(r"(https?:)?//", u)]
        assert remote == [], html.relative_to(offline_site)
    shim = offline_site / "assets/javascripts/iframe-worker-shim.js"
    assert "IFrameWorker" in shim.read_text()
    index = (offline_site / "search/search_index.js").read_text()
    assert index.startswith("var __index")
    # Links point at files, which a file system can open.
    home = (offline_site / "index.html").read_text()
    assert 'href="questions/pass-statement.html"' in home
    assert (offline_site / "downloads/python-backend-interview-handbook.apkg").is_file()


def search_leads_to(page, query: str, slug: str) -> None:
    """Type `query` in the search box (Material ignores `fill()`); wait until the first
    result is `slug`'s page."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        "(slug) => document.querySelector('.md-search-result__link')?.href"
        ".includes(slug)",
        arg=slug,
    )


def test_search_works_from_file_urls(offline_page, offline_site: Path) -> None:
    page = offline_page
    page.goto((offline_site / "index.html").as_uri())
    search_leads_to(page, "keep-alive", "http-protocol")
    search_leads_to(page, "iteritems", "dict-items-vs-iteritems")
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for()
    assert "/questions/dict-items-vs-iteritems.html" in first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile(r"^file://.*dict-items-vs-iteritems\.html"))
    assert page.locator("article h1").is_visible()


@pytest.mark.parametrize("query", ["ETag", "404"])
def test_short_terms_rank_and_mark_from_file_urls(
    offline_page, offline_site: Path, query: str
) -> None:
    """The offline copy runs the same worker (under the iframe shim): the answering
    page first, its link carrying the word, the word marked on the page."""
    page = offline_page
    root = offline_site.as_uri() + "/"
    page.goto(root + "index.html")
    href = open_first_result(page, root, query, "http-headers-and-status-codes")
    assert f"?h={query}" in href
    assert marked(page) == {query.lower()}


def test_pages_and_practice_mode_work_from_file_urls(
    offline_page, offline_site: Path
) -> None:
    page = offline_page
    page.goto((offline_site / "questions/pass-statement.html").as_uri())
    assert "pass" in page.locator("article h1").inner_text()
    page.locator(".md-content .handbook-practice-toggle").click()
    assert not page.locator(".handbook-answer-body").is_visible()
    page.locator("nav.md-nav a[href$='dict-items-vs-iteritems.html']").first.click()
    page.wait_for_url(re.compile(r"dict-items-vs-iteritems\.html$"))
    assert not page.locator(".handbook-answer-body").is_visible()


def test_practice_mode_hides_and_links_reveal_from_file_urls(
    offline_page, offline_site: Path
) -> None:
    """Practice mode hides what gives the answer away in the offline copy too, and a
    link to a hidden section reveals it."""
    page = offline_page
    page.goto((offline_site / "questions/pass-statement.html").as_uri())
    page.locator(".md-content .handbook-practice-toggle").click()
    assert not page.locator("article h2#explanation").is_visible()
    assert page.locator("article h2#predict-the-output").is_visible()
    pitfalls = (offline_site / "questions/pass-statement.html").as_uri() + "#pitfalls"
    # The fragment changed on the page, then the page loaded afresh with it.
    for _ in ("hashchange", "load"):
        page.goto(pitfalls)
        assert page.locator("article h2#pitfalls").is_visible()
        assert page.locator("article h2#explanation").is_visible()
        page.goto((offline_site / "index.html").as_uri())
