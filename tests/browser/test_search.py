"""Search finds code as people type it, and every question by its topic.

Queries are typed into Material's search box key by key (it ignores `fill()`), and the
results are read from the list the reader sees.
"""

from __future__ import annotations

import re
import time
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "docs" / "questions"
TOP = 3  # "among the first results": the first three pages listed

# (query, the page it must find): every one of the 17 questions, and the identifiers a
# reader types as code.
EXPECTED: list[tuple[str, str]] = [
    ("pass", "pass-statement"),
    ("NotImplementedError", "pass-statement"),
    ("type conversion", "type-conversion"),
    ("reference counting", "memory-management"),
    ("dict.items", "dict-items-vs-iteritems"),
    ("iteritems", "dict-items-vs-iteritems"),
    ("lambda", "lambda-functions"),
    ("os vs sys", "os-vs-sys"),
    ("deepcopy", "copy-vs-deepcopy"),
    ("sys.path", "os-path-vs-sys-path"),
    ("re.match", "re-match-vs-search"),
    ("re.search", "re-match-vs-search"),
    ("yield", "generators"),
    ("FastCGI", "wsgi-vs-fastcgi"),
    ("Tornado", "django-vs-tornado"),
    ("MIDDLEWARE", "django-debug-toolbar"),
    ("django-redis", "django-redis-cache"),
    ("unit tests", "django-unit-tests"),
    ("keep-alive", "http-protocol"),
    ("Keep-Alive", "http-protocol"),
    ("dict.items()", "dict-items-vs-iteritems"),
    ("404", "http-headers-and-status-codes"),
]

# Identifiers that must be found whole: the first page listed contains them verbatim.
IDENTIFIERS = [
    "dict.items",
    "iteritems",
    "__init__",
    "MIDDLEWARE",
    "re.match",
    "sys.path",
    "404",
    "keep-alive",
]


@pytest.fixture(scope="module")
def search_page(browser, site_url: str):
    """One page with the search index loaded, reused for every query of this module."""
    context = browser.new_context(color_scheme="light", reduced_motion="reduce")
    context.set_default_timeout(15_000)
    opened = context.new_page()
    opened.goto(site_url)
    yield opened
    context.close()


def search(page, site_url: str, query: str) -> list[str]:
    """Type `query` into the search box; return the result pages' slugs (or paths), in
    the order shown, without duplicates."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => !/matching/.test("
        "document.querySelector('.md-search-result__meta')?.textContent || '')"
    )
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        "() => /matching/.test("
        "document.querySelector('.md-search-result__meta')?.textContent || '')"
    )
    # Every keystroke starts a search: wait until the list stops changing, so it is the
    # answer to the whole query and not to its first letters.
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    read = "els => els.map(e => e.href)"
    shown, deadline = None, time.monotonic() + 10
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        now = (meta.inner_text(), links.evaluate_all(read))
        if now == shown:
            break
        shown = now
    assert "No matching" not in meta.inner_text(), f"{query!r} found nothing"
    found: list[str] = []
    for href in shown[1]:
        path = urlsplit(href).path.removeprefix(urlsplit(site_url).path).strip("/")
        slug = path.removeprefix("questions/") or "index"
        if slug not in found:
            found.append(slug)
    return found


def page_text(site: Path, slug: str) -> str:
    """The visible text of a built question page."""
    html = (site / "questions" / slug / "index.html").read_text()
    article = html[html.find("<article") : html.find("</article>")]
    return unescape(re.sub(r"<[^>]+>", "", article))


@pytest.mark.parametrize(("query", "slug"), EXPECTED, ids=[q for q, _ in EXPECTED])
def test_query_finds_its_question(
    search_page, site_url: str, query: str, slug: str
) -> None:
    found = search(search_page, site_url, query)
    assert slug in found[:TOP], f"{query!r} listed {found[:TOP]}, not {slug}"


def test_every_question_has_a_query() -> None:
    assert {slug for _, slug in EXPECTED} == {p.stem for p in QUESTIONS.glob("*.md")}


@pytest.mark.parametrize("identifier", IDENTIFIERS)
def test_identifier_is_found_whole(
    search_page, site_url: str, built_site: Path, identifier: str
) -> None:
    """The first page listed contains the identifier exactly as typed: `dict.items`
    and `keep-alive` are split as the index splits them; `__init__` and `404` stay
    whole."""
    slugs = [p.stem for p in QUESTIONS.glob("*.md")]
    assert any(identifier in page_text(built_site, slug) for slug in slugs), (
        f"no question page mentions {identifier}"
    )
    first = search(search_page, site_url, identifier)[0]
    assert identifier in page_text(built_site, first), f"first result: {first}"


def test_results_highlight_the_query_on_the_page(page, site_url: str) -> None:
    page.goto(site_url)
    search(page, site_url, "iteritems")
    page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"dict-items-vs-iteritems"))
    assert page.locator("mark[data-md-highlight]").count() > 0
