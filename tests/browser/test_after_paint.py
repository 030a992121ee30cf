"""Every script starts once the page's first frame is on screen
(scripts/handbook_tools/hooks/after_paint.py): the theme's bundle, our scripts and the
trainers' data are all requested after the browser's first contentful paint, and the
page still works once they have run (the other tests here use it through them)."""

from __future__ import annotations

import re

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


# Each script's load, and the theme's hand-over (`handbook:theme`), with whether a
# message posted at the previous script's load had arrived by then: it had only if the
# two ran in different tasks (a task is never interrupted, and the hook moves on by
# posting messages, which arrive in the order they were posted).
TASKS = """
window.__tasks = [];
let previous = null;
const record = (name) => {
  window.__tasks.push([name, previous === null || previous.arrived]);
  const mark = (previous = { arrived: false });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { mark.arrived = true; };
  channel.port2.postMessage(null);
};
document.addEventListener("load", (event) => {
  if (event.target instanceof HTMLScriptElement) {
    record(new URL(event.target.src).pathname.split("/").pop());
  }
}, true);
document.addEventListener("handbook:theme", () => record("handbook:theme"));
"""


def test_each_script_and_the_theme_hand_over_run_in_tasks_of_their_own(
    page, site_url: str
) -> None:
    page.add_init_script(TASKS)
    page.goto(site_url + "questions/type-conversion/")
    html = page.content()
    in_page = [
        path.rsplit("/", 1)[-1]
        for path in re.findall(r'handbookScript\("([^"]+)"', html)
    ]
    tasks = page.evaluate("window.__tasks")
    bundle = next(i for i, name in enumerate(in_page) if name.startswith("bundle."))
    expected = [*in_page[: bundle + 1], "handbook:theme", *in_page[bundle + 1 :]]
    assert [name for name, _ in tasks] == expected
    shared = [name for name, separate in tasks if not separate]
    assert shared == [], f"ran in the task before them: {shared}"


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
