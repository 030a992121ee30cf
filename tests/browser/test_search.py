"""Search finds code as people type it, every question by its topic, and a short
technical term on the page that answers it; the page a result opens marks the words.

Queries are typed into Material's search box key by key (it ignores `fill()`), and the
results are read from the list the reader sees.
"""

from __future__ import annotations

import re
import time
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_accessibility import AXE, START, VIEWS, report

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "docs" / "questions"
TOP = 3  # "among the first results": the first three pages listed

# (query, the page it must find): every question, and the identifiers a
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
    # Among the first three: the ORM page's own test case calls it too.
    ("setUpTestData", "django-unit-tests"),
    ("keep-alive", "http-protocol"),
    ("Keep-Alive", "http-protocol"),
    ("dict.items()", "dict-items-vs-iteritems"),
    ("404", "http-headers-and-status-codes"),
    # What interviewers ask next.
    ("GIL", "gil-threads-and-processes"),
    ("free-threaded", "gil-threads-and-processes"),
    ("asyncio", "asyncio-event-loop"),
    ("event loop", "asyncio-event-loop"),
    ("decorator", "decorators-and-closures"),
    ("closure", "decorators-and-closures"),
    ("context manager", "context-managers"),
    ("N+1", "django-orm-n-plus-one"),
    ("select_related", "django-orm-n-plus-one"),
    ("select_for_update", "django-transactions-and-races"),
    ("race condition", "django-transactions-and-races"),
    ("CSRF", "django-web-security"),
    ("SQL injection", "django-web-security"),
    ("CORS", "django-web-security"),
    ("Celery", "background-tasks-celery"),
]

# Short technical terms, each with the page that answers it (read, not computed): that
# page must be listed first. camelCase (`ETag`, `setUpTestData`) is split by the index;
# a number (`404`) also sits in other pages' example listings.
ANSWERS: list[tuple[str, str]] = [
    ("ETag", "http-headers-and-status-codes"),
    ("304", "http-headers-and-status-codes"),
    ("404", "http-headers-and-status-codes"),
    ("REMOTE_ADDR", "http-headers-and-status-codes"),
    ("no-store", "http-headers-and-status-codes"),
    ("HTTPMethod", "http-protocol"),
    ("Content-Length", "http-protocol"),
    ("iteritems", "dict-items-vs-iteritems"),
    ("literal_eval", "type-conversion"),
    ("StopIteration", "generators"),
    ("NotImplementedError", "pass-statement"),
    ("pymalloc", "memory-management"),
    ("INTERNAL_IPS", "django-debug-toolbar"),
    ("SimpleTestCase", "django-unit-tests"),
    ("IOLoop", "django-vs-tornado"),
    ("fullmatch", "re-match-vs-search"),
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
    if not box.evaluate("el => el === document.activeElement"):
        page.keyboard.press("/")  # Material's shortcut: opens the search at any width
    box.wait_for()
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
        slug = path.removesuffix(".html").removeprefix("questions/") or "index"
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


@pytest.mark.parametrize(("query", "slug"), ANSWERS, ids=[q for q, _ in ANSWERS])
def test_short_term_lists_its_answer_first(
    search_page, site_url: str, query: str, slug: str
) -> None:
    found = search(search_page, site_url, query)
    assert found[0] == slug, f"{query!r} listed {found[:3]} first, not {slug}"


def test_vary_lists_the_two_pages_with_a_vary_section_first(
    search_page, site_url: str
) -> None:
    """The header explained, and the header in Django's cache key: both answer it."""
    found = search(search_page, site_url, "Vary")
    assert set(found[:2]) == {"http-headers-and-status-codes", "django-redis-cache"}


# (query, page, the words its link carries in `?h=`, what the page then marks)
HIGHLIGHTS = [
    # camelCase marked whole, not as every `e` and `tag`.
    ("ETag", "http-headers-and-status-codes", "ETag", {"etag"}),
    # Found in the page's sections only: Material's link to the page carried no words.
    ("404", "http-headers-and-status-codes", "404", {"404"}),
    # Split where Material's highlighter splits, so its pattern stays valid.
    ("dict.items()", "dict-items-vs-iteritems", "dict items", {"dict", "items"}),
]


def open_first_result(page, site_url: str, query: str, slug: str) -> str:
    """Search, check the first result is `slug`, follow its link; return the link."""
    assert search(page, site_url, query)[0] == slug
    link = page.locator(".md-search-result__item > a.md-search-result__link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(re.escape(slug)))
    page.locator("mark[data-md-highlight]").first.wait_for()
    return href


def marked(page) -> set[str]:
    """The words marked on the page (Material joins neighbouring marks into one)."""
    texts = page.locator("mark[data-md-highlight]").all_text_contents()
    return {word.lower() for text in texts for word in text.split()}


@pytest.mark.parametrize(
    ("query", "slug", "words", "marks"), HIGHLIGHTS, ids=[h[0] for h in HIGHLIGHTS]
)
def test_result_link_carries_the_words_and_the_page_marks_them(
    page, site_url: str, query: str, slug: str, words: str, marks: set[str]
) -> None:
    page.goto(site_url)
    href = open_first_result(page, site_url, query, slug)
    assert parse_qs(urlsplit(href).query)["h"] == [words]
    assert marked(page) == marks


@pytest.mark.parametrize("view", list(VIEWS))
def test_highlighted_page_in_every_view(browser, site_url: str, view: str) -> None:
    """Light and dark palette, desktop and 390 px: the words are marked and axe-core
    finds no violation on the marked page."""
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    context.set_default_timeout(15_000)
    try:
        opened = context.new_page()
        opened.goto(site_url)
        open_first_result(opened, site_url, "ETag", "http-headers-and-status-codes")
        assert marked(opened) == {"etag"}
        opened.add_script_tag(path=str(AXE))
        opened.evaluate(START)
        found = opened.evaluate("() => window.__axeResult")
        assert found == [], report({view: found})
    finally:
        context.close()


def test_the_documents_load_when_the_reader_first_searches(
    browser, site_url: str
) -> None:
    """A page fetches the index's configuration and the handbook's worker; the documents
    and Material's worker (with Lunr) wait for the first query, and come once."""
    context = browser.new_context(reduced_motion="reduce")
    try:
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(site_url + "questions/generators/", wait_until="networkidle")
        page.wait_for_timeout(500)

        def names() -> list[str]:
            return [urlsplit(url).path.rsplit("/", 1)[-1] for url in fetched]

        on_load = names()
        assert "search_index.json" in on_load
        assert "handbook-search.js" in on_load
        assert "search_index.full.json" not in on_load
        assert not [n for n in on_load if re.fullmatch(r"search\.\w+\.min\.js", n)]

        assert search(page, site_url, "lambda")[0] == "lambda-functions"
        assert search(page, site_url, "generator")[0] == "generators"
        after = names()
        assert after.count("search_index.full.json") == 1
        assert len([n for n in after if re.fullmatch(r"search\.\w+\.min\.js", n)]) == 1
    finally:
        context.close()
