"""The spaced review at review/ (docs/assets/review.js): the deck's cards scheduled by
ts-fsrs, ten new cards a day, graded again / hard / good / easy, stored in the reader's
progress (`reviews`), driven by mouse and keyboard, online and from the offline copy."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scripts.handbook_tools import facts, training_data
from tests.browser.conftest import mark_document
from tests.browser.test_accessibility import AXE, VIEWS, axe_violations
from tests.browser.test_progress import import_file, stored
from tests.conftest import ROOT, require

TS_FSRS = ROOT / "node_modules" / "ts-fsrs"
MONDAY = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)  # noon: the same date in most zones
DAY = timedelta(days=1)
FIRST = "answer:pass-statement"
# The ratings the week is graded with, in turn (1 again, 2 hard, 3 good, 4 easy).
PATTERN = [3, 1, 3, 2, 4, 3, 1, 3, 3, 2, 3]
FIELDS = [
    "due",
    "stability",
    "difficulty",
    "state",
    "reps",
    "lapses",
    "learning_steps",
    "scheduled_days",
    "elapsed_days",
    "last_review",
]

# ts-fsrs itself, in Node, fed the same reviews: [[card id, rating, ISO time], ...] on
# stdin; prints {card id: card, dates as ISO text}.
REPLAY = """
const FSRS = require(process.argv[1]);
const reviews = JSON.parse(require("fs").readFileSync(0, "utf8"));
const scheduler = FSRS.fsrs();
const cards = {};
for (const [id, rating, at] of reviews) {
  const now = new Date(at);
  cards[id] = scheduler.next(cards[id] || FSRS.createEmptyCard(now), now, rating).card;
}
for (const id in cards) {
  const card = cards[id];
  cards[id] = {...card, due: card.due.toISOString(),
               last_review: card.last_review ? card.last_review.toISOString() : null};
}
console.log(JSON.stringify(cards));
"""


def replay(reviews: list[tuple[str, int, str]]) -> dict:
    node = shutil.which("node")
    require(node is not None and TS_FSRS.is_dir(), "node and node_modules/ts-fsrs")
    done = subprocess.run(
        [node, "-e", REPLAY, str(TS_FSRS)],
        input=json.dumps(reviews),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def review_entry(due: datetime, introduced: datetime, state: int = 2) -> dict:
    """A stored review, as review.js writes it (a card in review after a few days)."""
    card = {
        "due": iso(due),
        "stability": 8.3,
        "difficulty": 5.1,
        "elapsed_days": 3,
        "scheduled_days": 8,
        "learning_steps": 0,
        "reps": 3,
        "lapses": 0,
        "state": state,
        "last_review": iso(introduced),
    }
    return {"card": card, "introduced": iso(introduced), "changed": iso(introduced)}


def progress_with(reviews: dict) -> dict:
    return {
        "format": "python-interview-handbook/progress",
        "version": 1,
        "questions": {},
        "predictions": {},
        "reviews": reviews,
    }


def card_ids(site: Path) -> list[str]:
    """The deck's card ids, in order, from the built review page."""
    data = training_data.from_site(site, "review/index.html")
    return [card["id"] for card in data["cards"]]


def deck(page) -> list[dict]:
    page.wait_for_function("window.handbookTrainingData")
    return page.evaluate("window.handbookTrainingData.cards")


def stop_clock(page, at: datetime) -> None:
    """The page's clock stands at `at` until the test moves it."""
    page.clock.install(time=at - timedelta(minutes=1))
    page.clock.pause_at(at)


def open_review(page, url: str, at: datetime, progress: dict | None = None) -> None:
    stop_clock(page, at)
    page.goto(url)
    if progress is not None:
        page.evaluate(
            "(text) => localStorage.setItem('handbook-progress', text)",
            json.dumps(progress),
        )
        page.reload()
    page.locator(".handbook-review[data-ready]").wait_for()


def shown_card(page):
    return page.locator(".handbook-review-card[data-card]")


def summary(page) -> str:
    return page.locator(".handbook-review-summary").inner_text()


def live(page) -> str:
    return page.locator(".handbook-review-live").inner_text()


def cards_on_the_pages() -> int:
    """A card per question's short answer, per prediction and per follow-up, counted in
    the pages' sources (the deck is read from the built pages)."""
    pages = [(facts.ROOT / "docs" / q.uri).read_text() for q in facts.questions()]
    return sum(
        1 + text.count('??? reveal "Output"') + text.count('??? question "')
        for text in pages
    )


def test_a_week_of_reviews_is_scheduled_exactly_as_ts_fsrs_schedules_it(
    page, site_url: str
) -> None:
    """Seven days, each graded until nothing is due (learning steps of a few minutes
    waited out on the page's clock), by keyboard, with a fixed pattern of ratings: every
    stored card matches ts-fsrs run in Node on the same ratings at the same times."""
    open_review(page, site_url + "review/", MONDAY)
    cards = [card["id"] for card in deck(page)]
    assert len(cards) == cards_on_the_pages()
    reviews: list[tuple[str, int, str]] = []
    introduced_per_day = []
    for day in range(7):
        if day:
            page.clock.pause_at(MONDAY + day * DAY)
            page.reload()
        before = {card for card, _, _ in reviews}
        for _ in range(300):
            card = shown_card(page)
            if card.count():
                at = page.evaluate("new Date().toISOString()")
                reviews.append((card.get_attribute("data-card"), 0, at))
                page.keyboard.press("Space")
                rating = PATTERN[len(reviews) % len(PATTERN)]
                page.locator(".handbook-review-grades").wait_for()
                page.keyboard.press(str(rating))
                reviews[-1] = (reviews[-1][0], rating, at)
                continue
            due = page.locator(".handbook-review-done time").get_attribute("datetime")
            now = page.evaluate("Date.now()")
            wait = datetime.fromisoformat(due).timestamp() * 1000 - now
            if wait > 3_600_000:  # the rest is for another day
                break
            page.clock.fast_forward(int(wait) + 1000)
            shown_card(page).wait_for()
        else:
            pytest.fail(f"day {day}: still cards to review after 300")
        introduced_per_day.append(len({card for card, _, _ in reviews} - before))

    assert introduced_per_day == [10] * 7, "ten new cards a day, no more"
    first_seen = list(dict.fromkeys(card for card, _, _ in reviews))
    assert first_seen == cards[:70], "new cards in question order"
    assert {rating for _, rating, _ in reviews} == {1, 2, 3, 4}
    assert len(reviews) > 100  # relearning and due reviews, not only first views

    expected = replay(reviews)
    kept = stored(page)["reviews"]
    assert sorted(kept) == sorted(expected)
    for card, library in expected.items():
        mine = {field: kept[card]["card"][field] for field in FIELDS}
        assert mine == {field: library[field] for field in FIELDS}, card
        first = next(at for seen, _, at in reviews if seen == card)
        assert kept[card]["introduced"] == first


def test_what_is_due_today_counts_due_reviews_and_new_cards_up_to_the_limit(
    page, site_url: str, built_site: Path
) -> None:
    """Three reviews due (the most overdue shown first), one due later today, one in
    three days, two new cards already introduced today: eight new cards left."""
    ids = card_ids(built_site)
    progress = progress_with(
        {
            ids[5]: review_entry(MONDAY - 2 * DAY, MONDAY - 9 * DAY),
            ids[3]: review_entry(MONDAY - 3 * DAY, MONDAY - 9 * DAY),
            ids[7]: review_entry(MONDAY - timedelta(hours=1), MONDAY - 9 * DAY),
            ids[8]: review_entry(MONDAY + timedelta(hours=2), MONDAY - 9 * DAY),
            ids[9]: review_entry(MONDAY + 3 * DAY, MONDAY - 9 * DAY),
            ids[0]: review_entry(MONDAY + DAY, MONDAY - timedelta(hours=1)),
            ids[1]: review_entry(MONDAY + DAY, MONDAY - timedelta(hours=2)),
        }
    )
    open_review(page, site_url + "review/", MONDAY, progress)
    assert summary(page) == (
        "Due now: 3 reviews and 8 new cards. New cards today: 2 of 10. "
        "Later today: 1 card."
    )
    assert shown_card(page).get_attribute("data-card") == ids[3]
    assert "new" not in page.locator(".handbook-review-kind").inner_text()
    for _ in range(3):  # the due reviews, then the first card never seen
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name=re.compile(r"^Good · ")).click()
    assert shown_card(page).get_attribute("data-card") == ids[2]
    kind = page.locator(".handbook-review-kind").inner_text()
    assert kind.startswith(
        ("Short answer · new", "Prediction · new", "Follow-up · new")
    )
    assert summary(page).startswith("Due now: 0 reviews and 8 new cards.")


def test_grade_buttons_say_when_the_card_comes_back_and_the_card_links_its_page(
    page, site_url: str
) -> None:
    open_review(page, site_url + "review/", MONDAY)
    card = shown_card(page)
    assert card.get_attribute("data-card") == FIRST
    assert card.get_by_role("heading").inner_text() == "The pass statement"
    assert page.locator(".handbook-review-answer").is_hidden()
    assert page.locator(".handbook-review-grades").is_hidden()
    page.get_by_role("button", name="Show answer").click()
    assert page.locator(".handbook-review-answer").is_visible()
    grades = page.locator(".handbook-review-grades button")
    # ts-fsrs's default learning steps for a new card (1 and 10 minutes) and its first
    # interval for Easy; the week test checks the dates against the library itself.
    assert grades.all_inner_texts() == [
        "Again · 1 minute",
        "Hard · 6 minutes",
        "Good · 10 minutes",
        "Easy · 8 days",
    ]
    assert page.evaluate("document.activeElement.textContent") == "Good · 10 minutes"
    page.get_by_role("button", name="Easy · 8 days").click()
    assert live(page).startswith("Easy: this card comes back in 8 days, Tue 13 Jan")
    entry = stored(page)["reviews"][FIRST]
    assert entry["card"]["due"] == iso(MONDAY + 8 * DAY)
    assert entry["card"]["state"] == 2  # Review
    assert entry["introduced"] == entry["changed"] == iso(MONDAY)
    assert shown_card(page).get_attribute("data-card") != FIRST, "moved on"

    link = page.locator(".handbook-review-kind a")
    assert link.inner_text().startswith("Question 1: ")
    link.click()
    page.wait_for_url(re.compile(r"/questions/pass-statement/$"))


def test_nothing_due_says_so_and_when_the_next_card_is(
    page, site_url: str, built_site: Path
) -> None:
    ids = card_ids(built_site)
    introduced = MONDAY - timedelta(hours=1)
    progress = progress_with(
        {
            card: review_entry(MONDAY + (2 + n) * DAY, introduced)
            for n, card in enumerate(ids[:10])
        }
    )
    open_review(page, site_url + "review/", MONDAY, progress)
    assert shown_card(page).count() == 0
    assert summary(page) == (
        "Due now: 0 reviews and 0 new cards. New cards today: 10 of 10."
    )
    done = page.locator(".handbook-review-done")
    assert done.inner_text() == (
        "Nothing is due now. The next card is due in 2 days, Wed 7 Jan, "
        f"{when(MONDAY + 2 * DAY)}. Today's 10 new cards are done; more tomorrow."
    )
    assert done.locator("time").get_attribute("datetime") == iso(MONDAY + 2 * DAY)
    # The next day, by itself (the page wakes at midnight): ten new cards again.
    page.clock.fast_forward("24:00:00")
    assert summary(page).startswith("Due now: 0 reviews and 10 new cards.")
    assert shown_card(page).get_attribute("data-card") == ids[10]


def when(moment: datetime) -> str:
    """The time of day as the page writes it, in the browser's time zone (this
    machine's: the test's context does not set one)."""
    return moment.astimezone().strftime("%H:%M")


def test_keyboard_space_and_enter_show_1_to_4_grade_with_visible_focus(
    page, site_url: str
) -> None:
    open_review(page, site_url + "review/", MONDAY)
    page.keyboard.press("1")  # nothing to grade before the answer shows
    assert stored(page) is None
    page.keyboard.press("Enter")
    assert page.locator(".handbook-review-answer").is_visible()
    good = page.locator(".handbook-review-grades button").nth(2)
    assert good.evaluate("(b) => b === document.activeElement")
    outline = good.evaluate("(b) => getComputedStyle(b).outlineStyle")
    assert outline == "solid", "the focused grade is visibly outlined"
    page.keyboard.press("2")
    assert stored(page)["reviews"][FIRST]["card"]["state"] == 1  # Learning
    assert live(page).startswith("Hard: this card comes back in 6 minutes")
    assert page.locator(".handbook-review-live").get_attribute("aria-live") == "polite"
    show = page.get_by_role("button", name="Show answer")
    assert show.evaluate("(b) => b === document.activeElement"), (
        "focus on the next card"
    )
    page.keyboard.press("Space")
    assert page.locator(".handbook-review-answer").is_visible()
    second = shown_card(page).get_attribute("data-card")
    page.keyboard.press("4")
    assert stored(page)["reviews"][second]["card"]["state"] == 2  # Review
    assert len(stored(page)["reviews"]) == 2


def late(route) -> None:
    time.sleep(0.5)
    route.continue_()


def follow(page, url: str) -> None:
    """Click a link to `url` put in the page's content (the navigation's may be folded
    away), as instant navigation takes it, and wait for the page to arrive. The network
    settles first, for the reason `mark_document` gives."""
    page.wait_for_load_state("networkidle")
    page.evaluate(
        """(href) => {
          const link = Object.assign(document.createElement("a"), {href, id: "go"});
          link.textContent = "Go";
          document.querySelector(".md-content article").prepend(link);
        }""",
        url,
    )
    page.locator("#go").click()
    page.wait_for_url(url)
    page.locator("#go").wait_for(state="detached")


def test_reviews_imported_from_a_file_are_due_after_instant_navigation(
    page, site_url: str, built_site: Path, tmp_path: Path
) -> None:
    ids = card_ids(built_site)
    imported = tmp_path / "progress.json"
    imported.write_text(
        json.dumps(
            progress_with(
                {
                    ids[40]: review_entry(MONDAY - DAY, MONDAY - 9 * DAY),
                    ids[41]: review_entry(MONDAY + DAY, MONDAY - 9 * DAY),
                }
            )
        )
    )
    stop_clock(page, MONDAY)
    page.goto(site_url)
    assert import_file(page, imported).startswith("Imported 2 entries")
    mark_document(page)
    # Instant navigation inserts the page's scripts again, each loading on its own:
    # ts-fsrs arriving last, review.js must wait for it.
    page.route("**/ts-fsrs/index.umd.js", late)
    follow(page, site_url + "review/")
    page.locator(".handbook-review[data-ready]").wait_for()
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
    assert summary(page).startswith("Due now: 1 review and 10 new cards.")
    assert shown_card(page).get_attribute("data-card") == ids[40]
    # Away and back again: set up once more, with one listener (one grade per key).
    follow(page, site_url + "tags/")
    follow(page, site_url + "review/")
    page.locator(".handbook-review[data-ready]").wait_for()
    assert page.evaluate("window.__marker") == 1
    page.keyboard.press("Space")
    page.keyboard.press("3")
    assert len(stored(page)["reviews"]) == 2
    assert stored(page)["reviews"][ids[40]]["card"]["reps"] == 4


def test_question_pages_do_not_load_the_review(page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "questions/pass-statement/")
    page.goto(site_url)
    page.locator(".md-content a[href$='generators/']").first.click()
    page.wait_for_url(re.compile(r"/generators/(#.*)?$"))
    loaded = [url for url in requested if re.search(r"review\.js|ts-fsrs", url)]
    assert loaded == []
    assert any(url.endswith("progress.js") for url in requested), (
        "the probe sees scripts"
    )
    assert page.evaluate("typeof window.FSRS") == "undefined"


def test_cards_that_cannot_load_are_said_so(page, site_url: str) -> None:
    page.route("**/assets/training-data.*.js", lambda route: route.abort())
    page.goto(site_url + "review/")
    box = page.locator(".handbook-review")
    assert box.inner_text() == (
        "The cards could not be loaded: reload the page to try again."
    )
    assert not box.evaluate("(box) => box.hasAttribute('data-ready')")


def test_the_review_works_in_the_offline_copy(offline_page, offline_site: Path) -> None:
    page = offline_page
    stop_clock(page, MONDAY)
    page.goto((offline_site / "review.html").as_uri())
    assert shown_card(page).get_attribute("data-card") == FIRST
    page.keyboard.press("Space")
    page.keyboard.press("3")
    assert live(page).startswith("Good: this card comes back in 10 minutes")
    page.reload()
    assert summary(page) == (
        "Due now: 0 reviews and 9 new cards. New cards today: 1 of 10. "
        "Later today: 1 card."
    )
    page.clock.fast_forward("10:01")
    assert shown_card(page).get_attribute("data-card") == FIRST
    page.locator(".handbook-review-kind a").click()
    page.wait_for_url(re.compile(r"/questions/pass-statement\.html$"))


@pytest.mark.parametrize("view", VIEWS)
def test_the_review_has_no_accessibility_violation(
    browser, site_url: str, view: str
) -> None:
    """axe-core on the review with a card's answer and grades shown, then with nothing
    due, in both palettes, narrow and wide; at 390 px nothing overflows the screen."""
    require(AXE.is_file(), "node_modules/axe-core (npm ci)")
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    try:
        tab = context.new_page()  # a running clock: axe and SETTLED need timers
        tab.goto(site_url + "review/")
        tab.get_by_role("button", name="Show answer").click()
        found = {}
        for name in ("answer", "nothing due"):
            if name == "nothing due":
                for _ in range(10):
                    tab.get_by_role("button", name=re.compile(r"^Easy · ")).click()
                    if tab.locator(".handbook-review-done").count():
                        break
                    tab.get_by_role("button", name="Show answer").click()
                assert tab.locator(".handbook-review-done").is_visible()
            wide = tab.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert wide <= 0, f"{name}: the page is {wide} px wider than the screen"
            found[name] = axe_violations(tab)
        assert found == {"answer": [], "nothing due": []}, json.dumps(found, indent=1)
    finally:
        context.close()
