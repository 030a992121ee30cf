"""Every script starts once the page's first frame is on screen
(scripts/handbook_tools/hooks/after_paint.py): the theme's bundle, our scripts and the
trainers' data are all requested after the browser's first contentful paint, and the
page still works once they have run (the other tests here use it through them)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import mark_document

PAGES = ("", "questions/pass-statement/", "review/", "mock-interview/", "tags/")

# Every script the page requested, with when its request started, and the first
# contentful paint's time, on the page's clock (milliseconds since navigation).
TIMINGS = """() => ({
  paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
  scripts: performance.getEntriesByType("resource")
    .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
    .map((entry) => [new URL(entry.name).pathname, entry.startTime]),
})"""


@pytest.mark.parametrize("path", PAGES)
def test_every_script_is_requested_after_the_first_contentful_paint(
    page, site_url: str, path: str
) -> None:
    page.goto(site_url + path)
    timings = page.evaluate(TIMINGS)
    names = [name for name, _ in timings["scripts"]]
    assert any("/javascripts/bundle." in name for name in names), names
    if path in ("review/", "mock-interview/"):
        assert any("/training-data." in name for name in names), names
    early = [
        (name, round(start))
        for name, start in timings["scripts"]
        if start < timings["paint"]
    ]
    assert early == [], f"requested before the paint at {timings['paint']:.0f} ms"


def test_the_theme_runs_after_the_paint_and_instant_navigation_still_works(
    page, site_url: str
) -> None:
    page.goto(site_url + "questions/pass-statement/")
    # The bundle was handed this page: its document$ replays it.
    replayed = (
        "() => new Promise((done) => document$.subscribe((d) => done(d === document)))"
    )
    assert page.evaluate(replayed)
    mark_document(page)
    page.locator(".md-footer__link--next").click()
    page.wait_for_url("**/type-conversion/")
    assert page.evaluate("window.__marker") == 1, "a full load, not instant navigation"
    # The new page's scripts ran again through handbookScript: its progress mark shows.
    page.locator(".handbook-progress-status:not([hidden])").wait_for()


# A tab opened in the background paints nothing, and an old browser reports no paint:
# the scripts must not wait for a paint entry that never comes. (The silent observer
# stands in for the real one, which headless Chromium would still call.)
NO_PAINT_ENTRY = {
    "hidden tab": """
      Object.defineProperty(document, "visibilityState", { get: () => "hidden" });
      window.PerformanceObserver = class { observe() {} disconnect() {} };
      window.PerformanceObserver.supportedEntryTypes = ["paint"];
    """,
    "no paint timing": "window.PerformanceObserver = undefined;",
}


@pytest.mark.parametrize("case", NO_PAINT_ENTRY)
def test_scripts_start_at_once_where_no_paint_entry_comes(
    page, site_url: str, case: str
) -> None:
    page.add_init_script(NO_PAINT_ENTRY[case])
    page.goto(site_url + "questions/pass-statement/")
    assert page.evaluate(
        "() => new Promise((done) => document$.subscribe((d) => done(d === document)))"
    )
    page.locator(".handbook-progress-status:not([hidden])").wait_for()
