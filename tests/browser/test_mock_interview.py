"""The mock interview at mock-interview/ (docs/assets/mock-interview.js): setup, each
question asked with a timer, revealed with its short answer and rubric, graded, a
follow-up from the same page, a summary (printable) kept in the history of the reader's
progress (progress.js), online, offline, by keyboard and without axe-core violations."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scripts.handbook_tools import facts
from tests.browser.conftest import mark_document
from tests.browser.test_accessibility import AXE, VIEWS, axe_violations
from tests.browser.test_progress import export, import_file, stored
from tests.browser.test_review import follow, late
from tests.conftest import require

MOCK = "mock-interview/"
T0 = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
# Math.random() stubbed to its largest value: the shuffle keeps the handbook's order and
# each question's last follow-up is asked.
IN_ORDER = 0.999999


def rigged(page, value: float = IN_ORDER) -> None:
    """Math.random() always `value` in every page this tab opens from now on."""
    page.add_init_script(f"Math.random = () => {value};")


def training(page) -> dict:
    """The trainers' data as the page's script received it (progress.js)."""
    page.wait_for_function("window.handbookTrainingData")
    return page.evaluate("window.handbookTrainingData")


def step(page):
    return page.locator(".handbook-mock-step")


def choose(page, count: int, level: str, topics: tuple[str, ...] = ()) -> None:
    page.get_by_role("radio", name=str(count), exact=True).check()
    page.get_by_role("radio", name=level.capitalize(), exact=True).check()
    for topic in topics:
        page.get_by_role("checkbox", name=topic, exact=True).check()


def matches(page) -> str:
    return page.locator(".handbook-mock-matches").inner_text()


def asked(page) -> tuple[str, str]:
    """(slug, "question" or "follow-up") of the step on screen."""
    shown = step(page)
    return shown.get_attribute("data-slug"), shown.get_attribute("data-step")


def answer(page, grade: str) -> None:
    """Reveal the step's answer and grade it."""
    page.get_by_role("button", name="Reveal the answer").click()
    page.get_by_role("button", name=grade, exact=True).click()


def run_through(page, grade: str = "Solid") -> list[str]:
    """Answer every step with `grade`; the questions asked, in order."""
    slugs = []
    while step(page).count():
        slug, kind = asked(page)
        if kind == "question":
            slugs.append(slug)
        answer(page, grade)
    page.locator(".handbook-mock-summary").wait_for()
    return slugs


def text_of(page, html: str) -> str:
    """The text a reader sees of `html`, white space collapsed."""
    return page.evaluate(
        "(html) => { const d = document.createElement('div'); d.innerHTML = html;"
        " return d.textContent.trim().split(/\\s+/).join(' '); }",
        html,
    )


def mmss(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def paused_clock(page) -> None:
    """Fake time from T0, paused: only run_for moves it."""
    page.clock.install(time=T0)


def start_paused(page) -> None:
    page.clock.pause_at(T0 + timedelta(minutes=1))


def test_setup_says_how_many_match_and_asks_only_those(page, site_url: str) -> None:
    page.goto(site_url + MOCK)
    questions = training(page)["questions"]
    every = len(facts.questions())
    assert len(questions) == every
    assert matches(page) == f"{every} questions match: the interview asks 5."
    for level, topics, count in (
        ("advanced", ("django",), 8),
        ("intermediate", ("testing", "http"), 3),
        ("beginner", (), 3),
    ):
        page.goto(site_url + MOCK)
        choose(page, count, level, topics)
        expected = {
            q["slug"]
            for q in questions
            if q["level"] == level and (not topics or set(q["tags"]) & set(topics))
        }
        assert len(expected) > 0
        found = len(expected)
        assert matches(page) == (
            f"{found} questions match: the interview asks {min(found, count)}."
        )
        page.get_by_role("button", name="Start").click()
        slugs = run_through(page)
        assert len(slugs) == min(found, count)
        assert set(slugs) <= expected, (level, topics)
        assert len(set(slugs)) == len(slugs)

    # advanced + regular expressions: nothing; Start cannot be pressed.
    page.goto(site_url + MOCK)
    choose(page, 3, "advanced", ("regular expressions",))
    assert matches(page) == "No question matches this level and these topics."
    assert page.get_by_role("button", name="Start").is_disabled()


def test_a_whole_interview_timed_revealed_graded_and_summarised(
    page, site_url: str
) -> None:
    rigged(page)
    paused_clock(page)
    page.goto(site_url + MOCK)
    start_paused(page)
    data = training(page)
    by_slug = {q["slug"]: q for q in data["questions"]}
    cards = data["cards"]
    follow_ups = {
        slug: [c for c in cards if c["kind"] == "follow-up" and c["slug"] == slug]
        for slug in by_slug
    }
    # beginner + syntax: pass-statement and lambda-functions only.
    choose(page, 3, "beginner", ("syntax",))
    assert matches(page) == "2 questions match: the interview asks 2."
    page.get_by_role("button", name="Start").click()

    plan = [
        ("pass-statement", 65, "Solid", 20, "Weak"),
        ("lambda-functions", 30, "Missed", 10, "Weak"),
    ]
    for slug, seconds, grade, follow_seconds, follow_grade in plan:
        question = by_slug[slug]
        assert asked(page) == (slug, "question")
        heading = step(page).locator("h2")
        assert heading.inner_text() == question["asked_as"]
        assert page.evaluate("document.activeElement.id") == "handbook-mock-asked"
        timer = page.get_by_role("timer")
        assert timer.inner_text() == "00:00"
        assert timer.get_attribute("aria-live") is None  # role timer: not announced
        answer_box = step(page).locator(".handbook-mock-answer")
        assert not answer_box.is_visible()
        page.get_by_label("Answer aloud or type notes").fill("a note, not kept")
        page.clock.run_for(seconds * 1000)
        assert timer.inner_text() == mmss(seconds)
        page.get_by_role("button", name="Reveal the answer").click()
        assert answer_box.is_visible()
        shown = answer_box.inner_text()
        assert text_of(page, question["answer_html"])[:200] in " ".join(shown.split())
        for label in ("Weak:", "Solid:", "Strong:", "Red flags:"):
            assert label in shown
        rubric = answer_box.locator("ul").first.inner_html()
        assert " ".join(rubric.split()) == " ".join(
            re.sub(r"^<ul>|</ul>$", "", question["rubric_html"].strip()).split()
        )
        page.clock.run_for(30_000)  # reading the answer: the timer stands still
        assert timer.inner_text() == mmss(seconds)
        page.get_by_role("button", name=grade, exact=True).click()

        # The follow-up: the page's last one (Math.random() at its largest).
        assert asked(page) == (slug, "follow-up")
        follow_up = follow_ups[slug][-1]
        assert step(page).locator("h2").inner_text() == text_of(
            page, follow_up["front_html"]
        )
        assert page.evaluate("document.activeElement.id") == "handbook-mock-asked"
        page.clock.run_for(follow_seconds * 1000)
        assert timer.inner_text() == mmss(seconds + follow_seconds)
        page.get_by_role("button", name="Reveal the answer").click()
        assert text_of(page, follow_up["answer_html"])[:120] in " ".join(
            step(page).inner_text().split()
        )
        page.get_by_role("button", name=follow_grade, exact=True).click()

    summary = page.locator(".handbook-mock-summary")
    assert page.evaluate("document.activeElement.id") == "handbook-mock-summary"
    # Points 2 + 1 + 0 + 1 of 12: 33 %; 85 s and 40 s answering.
    assert summary.locator(".handbook-mock-result").inner_text() == (
        "Score: 33 % · total time answering: 02:05"
    )
    rows = summary.locator("tbody tr")
    assert rows.count() == 2
    first = rows.nth(0).locator("td")
    assert first.nth(0).inner_text().startswith(by_slug["pass-statement"]["title"])
    assert [first.nth(i).inner_text() for i in (1, 2, 3)] == ["Solid", "Weak", "01:25"]
    second = rows.nth(1).locator("td")
    assert [second.nth(i).inner_text() for i in (1, 2, 3)] == [
        "Missed",
        "Weak",
        "00:40",
    ]
    # functions (lambda only: 0, 1) is weakest; language basics and syntax tie at 1.0.
    weakest = summary.locator(".handbook-mock-weakest li")
    assert [w.locator("strong").inner_text() for w in weakest.all()] == [
        "functions",
        "language basics",
        "syntax",
    ]
    assert "(average 0.5 of 3)" in weakest.first.inner_text()
    assert weakest.nth(1).locator("a").count() == 2

    entries = stored(page)["mocks"]
    assert list(entries) == [(T0 + timedelta(minutes=1)).isoformat()[:19] + ".000Z"]
    entry = next(iter(entries.values()))
    assert entry["questions"] == [
        {
            "slug": "pass-statement",
            "grade": "solid",
            "seconds": 85,
            "follow_up": follow_ups["pass-statement"][-1]["id"],
            "follow_up_grade": "weak",
        },
        {
            "slug": "lambda-functions",
            "grade": "missed",
            "seconds": 40,
            "follow_up": follow_ups["lambda-functions"][-1]["id"],
            "follow_up_grade": "weak",
        },
    ]
    assert {k: entry[k] for k in ("count", "level", "topics", "seconds", "score")} == {
        "count": 3,
        "level": "beginner",
        "topics": ["syntax"],
        "seconds": 125,
        "score": 33,
    }
    assert "note" not in json.dumps(entry), "notes are not kept"
    assert entry["finished"] == entry["changed"]
    # The history lists it already.
    past = page.locator(".handbook-mock-past li")
    assert past.count() == 1
    assert past.first.inner_text().endswith(": 2 questions, score 33 %")

    # The weakest topic's link leads to its page.
    page.clock.resume()
    weakest.first.locator("a").click()
    page.wait_for_url(re.compile(r"/questions/lambda-functions/$"))


def test_the_order_and_the_follow_up_are_random(browser, site_url: str) -> None:
    seen = []
    for value in (0.0, IN_ORDER):
        context = browser.new_context()
        try:
            tab = context.new_page()
            rigged(tab, value)
            tab.goto(site_url + MOCK)
            choose(tab, 3, "any")
            tab.get_by_role("button", name="Start").click()
            first = asked(tab)[0]
            answer(tab, "Solid")
            seen.append((first, step(tab).locator("h2").inner_text()))
        finally:
            context.close()
    assert seen[0][0] != seen[1][0], "another random number, another first question"
    assert seen[1][0] == "pass-statement", "no shuffle at the largest number"
    assert seen[0][1] != seen[1][1]


def finish_one(page, level: str = "beginner", grade: str = "Strong") -> None:
    choose(page, 3, level)
    page.get_by_role("button", name="Start").click()
    run_through(page, grade)


def test_history_is_kept_newest_first_and_travels_in_the_progress_file(
    browser, page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + MOCK)
    assert (
        page.locator(".handbook-mock-history")
        .inner_text()
        .endswith("None yet: each finished interview is listed here, newest first.")
    )
    finish_one(page, "beginner", "Strong")
    page.get_by_role("button", name="Another mock interview").click()
    assert page.evaluate("document.activeElement.id") == "handbook-mock-setup"
    assert page.get_by_role("radio", name="Beginner").is_checked(), "setup kept"
    finish_one(page, "advanced", "Missed")
    page.reload()
    past = page.locator(".handbook-mock-past li")
    assert past.count() == 2
    assert past.nth(0).inner_text().endswith("3 questions, score 0 %")
    assert past.nth(1).inner_text().endswith("3 questions, score 100 %")
    keys = [t.get_attribute("datetime") for t in past.locator("time").all()]
    listed = [p.inner_text() for p in past.all()]
    assert keys == sorted(keys, reverse=True) == sorted(stored(page)["mocks"])[::-1]

    page.goto(site_url)
    saved = export(page, tmp_path)
    assert sorted(json.loads(saved.read_text())["mocks"]) == sorted(keys)
    other = browser.new_context()  # another device
    try:
        fresh = other.new_page()
        fresh.goto(site_url)
        assert import_file(fresh, saved).startswith("Imported 2 entries")
        fresh.goto(site_url + MOCK)
        moved = fresh.locator(".handbook-mock-past li")
        assert [m.inner_text() for m in moved.all()] == listed
    finally:
        other.close()


def test_the_summary_prints_without_the_controls(page, site_url: str) -> None:
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(site_url + MOCK)
    finish_one(page)
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    assert page.locator(".handbook-mock-summary table").is_visible()
    assert page.locator(".handbook-mock-weakest, .handbook-mock-summary p").count()
    for hidden in (".handbook-mock-controls", ".handbook-mock-history"):
        assert not page.locator(hidden).is_visible(), hidden
    assert not page.get_by_role("button", name="Print").is_visible()
    page.emulate_media(media="screen")
    assert page.locator(".handbook-mock-controls").is_visible()
    # The setup is hidden on paper too.
    page.get_by_role("button", name="Another mock interview").click()
    page.emulate_media(media="print")
    assert not page.locator(".handbook-mock-setup").is_visible()


def test_questions_that_cannot_load_are_said_so(page, site_url: str) -> None:
    page.route("**/assets/training-data.*.js", lambda route: route.abort())
    page.goto(site_url + "mock-interview/")
    box = page.locator(".handbook-mock")
    assert box.inner_text() == (
        "The questions could not be loaded: reload the page to try again."
    )


def test_a_mock_interview_from_the_offline_copy(
    offline_page, offline_site: Path
) -> None:
    page = offline_page
    rigged(page)
    page.goto((offline_site / "mock-interview.html").as_uri())
    choose(page, 3, "beginner", ("syntax",))
    page.get_by_role("button", name="Start").click()
    assert run_through(page, "Weak") == ["pass-statement", "lambda-functions"]
    link = page.locator(".handbook-mock-weakest a").first
    href = link.get_attribute("href")
    assert href.endswith(".html"), href
    assert (offline_site / href).is_file(), href
    page.reload()
    assert page.locator(".handbook-mock-past li").count() == 1
    link = page.locator(".handbook-mock-past li")
    assert link.first.inner_text().endswith("2 questions, score 33 %")


def test_only_the_mock_page_loads_its_script_and_instant_navigation_sets_it_up(
    page, site_url: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "questions/pass-statement/")
    page.locator(".md-nav--primary a[href$='type-conversion/']").first.click()
    page.wait_for_url(re.compile(r"/type-conversion/$"))
    page.goto(site_url)
    assert not [u for u in requested if "mock-interview" in u], requested

    # Reached by instant navigation, twice: one setup each time, working.
    page.goto(site_url + "questions/pass-statement/")
    mark_document(page)
    for _ in range(2):
        train = page.locator(".md-nav--primary label.md-nav__link", has_text="Train")
        link = page.locator(".md-nav--primary a[href$='mock-interview/']").first
        if not link.is_visible():
            train.first.click()  # unfold the navigation's Train section
        link.click()
        page.wait_for_url(re.compile(r"/mock-interview/$"))
        page.locator(".handbook-mock-setup").wait_for()
        assert page.locator(".handbook-mock-setup").count() == 1
        assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
        finish_one(page, grade="Weak")
        # Back to a question page through the summary's link to a weak topic.
        page.locator(".handbook-mock-weakest a").first.click()
        page.wait_for_url(re.compile(r"/questions/[^/]+/$"))
        page.locator(".handbook-progress-status:not([hidden])").wait_for()
    assert len(stored(page)["mocks"]) == 2


def test_the_keyboard_alone_runs_an_interview(page, site_url: str) -> None:
    page.goto(site_url + MOCK)
    page.get_by_role("radio", name="5", exact=True).focus()
    page.keyboard.press("ArrowLeft")  # 3
    assert page.get_by_role("radio", name="3", exact=True).is_checked()
    page.get_by_role("radio", name="Any", exact=True).focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # Beginner, Intermediate, Advanced
    assert page.get_by_role("radio", name="Advanced").is_checked()
    page.keyboard.press("Tab")  # the first topic: async
    page.keyboard.press("Space")
    assert page.get_by_role("checkbox", name="async").is_checked()
    found = sum(
        q.meta["difficulty"] == "advanced" and "async" in q.meta["tags"]
        for q in facts.questions()
    )
    assert found, "an advanced question on async"
    assert matches(page) == (
        "1 question matches: the interview asks 1."
        if found == 1
        else f"{found} questions match: the interview asks {min(found, 3)}."
    )
    page.get_by_role("button", name="Start").focus()
    page.keyboard.press("Enter")
    for _ in range(6):  # at most three questions and their follow-ups
        if not step(page).count():
            break
        assert page.evaluate("document.activeElement.id") == "handbook-mock-asked"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
        page.keyboard.type("my answer")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # Reveal the answer
        assert page.locator(".handbook-mock-answer").is_visible()
        assert page.evaluate("document.activeElement.tagName") == "H3"
        while page.evaluate("document.activeElement.dataset.grade") != "strong":
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "handbook-mock-summary"
    assert "100 %" in page.locator(".handbook-mock-result").inner_text()


@pytest.mark.parametrize("view", VIEWS)
def test_no_accessibility_violation_and_nothing_wider_than_the_screen(
    browser, site_url: str, view: str
) -> None:
    """axe-core on the setup, a revealed question (a grade button hovered, another
    focused) and the summary with its history, in both palettes, narrow (390 px) and
    wide."""
    require(AXE.is_file(), "node_modules/axe-core (npm ci)")
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    try:
        tab = context.new_page()
        tab.goto(site_url + MOCK)
        found = {}

        def check(name: str) -> None:
            found[name] = axe_violations(tab)
            wide = tab.evaluate(
                "() => [...document.querySelectorAll('.handbook-mock *')]"
                ".filter((e) => e.getBoundingClientRect().right >"
                " document.documentElement.clientWidth + 1).map((e) => e.outerHTML"
                ".slice(0, 80))"
            )
            assert wide == [], (name, wide)

        check("setup")
        choose(tab, 3, "advanced")
        tab.get_by_role("button", name="Start").click()
        tab.get_by_role("button", name="Reveal the answer").click()
        tab.get_by_role("button", name="Strong", exact=True).hover()
        tab.get_by_role("button", name="Missed", exact=True).focus()
        check("revealed")
        tab.get_by_role("button", name="Weak", exact=True).click()
        run_through(tab, "Solid")
        check("summary")
        assert found == {"setup": [], "revealed": [], "summary": []}, json.dumps(
            found, indent=1
        )
    finally:
        context.close()


def test_set_up_after_progress_js_when_instant_navigation_brings_it_late(
    page, site_url: str
) -> None:
    """Entered from a page without progress.js, instant navigation inserts the mock
    page's scripts again, each loading on its own: progress.js arriving last, the
    interview still sets up and reads its history."""
    page.goto(site_url + "contributing/")
    mark_document(page)
    page.route("**/assets/progress.js", late)
    follow(page, site_url + MOCK)
    page.locator(".handbook-mock-setup").wait_for()
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
    finish_one(page, grade="Solid")
    assert len(stored(page)["mocks"]) == 1
