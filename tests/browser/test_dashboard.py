"""The home page leads with training: a first-time reader sees the three ways to train
before the downloads; a returning reader also sees "Where you left off", drawn from
what this browser stored (docs/assets/dashboard.js): reviews due today, the next
question to learn, the last mock interview."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scripts.handbook_tools import training_data
from tests.browser.conftest import mark_document
from tests.browser.test_accessibility import AXE, VIEWS, axe_violations
from tests.browser.test_progress import FORMAT, KEY, entry
from tests.browser.test_review import follow, late
from tests.conftest import require

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def review(due: datetime) -> dict:
    return {"card": {"due": iso(due), "state": 2, "reps": 1}, "changed": iso(NOW)}


def stored_progress(**kinds) -> str:
    data = {"format": FORMAT, "version": 1, "questions": {}, "predictions": {}}
    data.update(kinds)
    return json.dumps(data)


def open_home(page, site_url: str, progress: str | None) -> None:
    """The home page at NOW, with `progress` in storage (None: nothing stored)."""
    page.clock.set_fixed_time(NOW)
    page.goto(site_url)
    if progress is not None:
        page.evaluate(
            "([key, text]) => localStorage.setItem(key, text)", [KEY, progress]
        )
        page.reload()


def deck_size(built_site: Path) -> int:
    return len(training_data.from_site(built_site, "review/index.html")["cards"])


def test_a_first_visit_sees_the_ways_to_train_before_the_downloads(
    page, site_url: str
) -> None:
    open_home(page, site_url, None)
    headings = page.locator(".md-content h2").all_inner_texts()
    headings = [heading.strip("¶ \n") for heading in headings]
    assert headings.index("Train") < headings.index("Read it your way")
    train = page.locator("h2#train ~ ol").first
    links = train.locator("a").evaluate_all("(links) => links.map((a) => a.pathname)")
    assert [link.rsplit("/", 2)[-2] for link in links] == ["review", "mock-interview"]
    assert train.get_by_role("button", name=re.compile("Practice mode")).is_visible()
    assert page.locator(".handbook-dashboard").is_hidden(), "nothing stored: no board"


def test_a_returning_reader_sees_what_to_do_next(
    page, site_url: str, built_site: Path
) -> None:
    progress = stored_progress(
        questions={"pass-statement": entry("known"), "generators": entry("learning")},
        reviews={
            "answer:pass-statement": review(NOW - timedelta(days=1)),
            "answer:generators": review(NOW + timedelta(hours=3)),  # still today
            "answer:os-vs-sys": review(NOW + timedelta(days=3)),
        },
        mocks={
            "2026-11-20T10:00:00.000Z": {
                "questions": [{"grade": "weak"}, {"grade": "strong"}],
                "changed": "2026-11-20T10:20:00.000Z",
            },
            "2026-11-27T10:00:00.000Z": {
                "questions": [
                    {"grade": "solid"},
                    {"grade": "missed"},
                    {"grade": "solid"},
                ],
                "score": 44,
                "changed": "2026-11-27T10:30:00.000Z",
            },
        },
    )
    open_home(page, site_url, progress)
    board = page.locator(".handbook-dashboard")
    assert board.is_visible()
    fresh = deck_size(built_site) - 3
    assert board.locator("[data-dashboard='reviews']").inner_text() == (
        f"2 cards due for review today ({fresh} cards not started yet)."
    )
    next_link = board.locator("[data-dashboard='next'] a")
    assert next_link.inner_text() == "Generators vs functions", (
        "learning comes before new"
    )
    assert board.locator("[data-dashboard='mock']").inner_text() == (
        "Last mock interview, Fri, Nov 27: 3 questions, scored 44%, graded solid,"
        " missed, solid."
    )
    next_link.click()
    page.wait_for_url(re.compile(r"/questions/generators/$"))


def test_with_nothing_due_the_board_says_when_the_next_card_comes_back(
    page, site_url: str
) -> None:
    known = {slug: entry("known") for slug in ("pass-statement", "generators")}
    progress = stored_progress(
        questions=known,
        reviews={"answer:generators": review(NOW + timedelta(days=3))},
    )
    open_home(page, site_url, progress)
    reviews = page.locator("[data-dashboard='reviews']").inner_text()
    assert reviews.startswith("No card due today; the next comes back Wed, Dec 2 (")
    assert page.locator("[data-dashboard='mock']").inner_text() == (
        "No mock interview yet."
    )
    # The first question not known, in the table's order.
    assert page.locator("[data-dashboard='next'] a").inner_text() == (
        "Type conversion in Python"
    )


def test_every_question_known_is_said_so(page, site_url: str) -> None:
    open_home(page, site_url, None)
    slugs = page.locator("td [data-progress-question]").evaluate_all(
        "(cells) => cells.map((cell) => cell.dataset.progressQuestion)"
    )
    open_home(
        page, site_url, stored_progress(questions={s: entry("known") for s in slugs})
    )
    assert page.locator("[data-dashboard='next']").inner_text() == (
        f"All {len(slugs)} questions are marked known."
    )


def test_the_board_works_in_the_offline_copy(offline_page, offline_site: Path) -> None:
    page = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.evaluate(
        "([key, text]) => localStorage.setItem(key, text)",
        [KEY, stored_progress(questions={"pass-statement": entry("learning")})],
    )
    page.reload()
    link = page.locator("[data-dashboard='next'] a")
    assert link.inner_text() == "The pass statement"
    link.click()
    page.wait_for_url(re.compile(r"/questions/pass-statement\.html$"))
    page.go_back()
    page.locator(".handbook-dashboard a", has_text="Start the review").click()
    page.wait_for_url(re.compile(r"/review\.html$"))


@pytest.mark.parametrize("view", VIEWS)
def test_the_board_has_no_accessibility_violation(browser, site_url: str, view: str):
    require(AXE.is_file(), "node_modules/axe-core (npm ci)")
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    try:
        tab = context.new_page()
        open_home(
            tab,
            site_url,
            stored_progress(
                questions={"generators": entry("learning")},
                reviews={"answer:generators": review(NOW)},
            ),
        )
        assert tab.locator(".handbook-dashboard").is_visible()
        assert axe_violations(tab) == []
    finally:
        context.close()


def test_the_board_is_drawn_when_instant_navigation_brings_progress_js_late(
    page, site_url: str
) -> None:
    """Entered from a page without progress.js, the home page's scripts load each on
    its own: the board waits for progress.js, arriving last."""
    open_home(
        page, site_url, stored_progress(questions={"generators": entry("learning")})
    )
    page.goto(site_url + "contributing/")
    mark_document(page)
    page.route("**/assets/progress.js", late)
    follow(page, site_url)
    next_link = page.locator("[data-dashboard='next'] a")
    assert next_link.inner_text() == "Generators vs functions"
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
