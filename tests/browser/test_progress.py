"""Progress: questions marked new / learning / known and predictions right or wrong,
kept in localStorage (`handbook-progress`), shown in the navigation and the home page's
table, exported to a file and imported on another device (docs/assets/progress.js)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.browser.conftest import click_in_place, mark_document
from tests.browser.test_accessibility import AXE, VIEWS, axe_violations
from tests.conftest import require

FIRST = "pass-statement"
SECOND = "type-conversion"
KEY = "handbook-progress"
FORMAT = "python-interview-handbook/progress"
PREDICTION = f"{FIRST}#code-after-pass"  # the first prediction's heading
JANUARY = "2026-01-02T10:00:00.000Z"


def entry(status: str, changed: str = JANUARY) -> dict:
    return {"status": status, "changed": changed}


def stored(page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if text is None else json.loads(text)


def status_control(page):
    return page.locator(".md-content .handbook-progress-status")


def arrive(page, slug: str) -> None:
    """Wait for the page instant navigation swaps in: the URL changes first, and the
    old content stays until the new is in and its scripts have run."""
    page.wait_for_url(re.compile(rf"/{slug}/(#.*)?$"))
    page.locator(
        f".handbook-progress-status[data-slug='{slug}']:not([hidden])"
    ).wait_for()


def nav_mark(page, slug: str):
    link = page.locator(f".md-nav--primary a.md-nav__link[href*='{slug}']").first
    return link.locator(".handbook-progress-mark")


def home_cell(page, slug: str):
    return page.locator(f"td [data-progress-question='{slug}']")


def progress_file(**changes) -> dict:
    data = {
        "format": FORMAT,
        "version": 1,
        "questions": {FIRST: entry("known")},
        "predictions": {PREDICTION: {"result": "wrong", "changed": JANUARY}},
    }
    data.update(changes)
    return data


def test_a_mark_survives_reload_and_shows_in_the_nav_and_home_table(
    page, site_url: str
) -> None:
    page.goto(site_url + f"questions/{FIRST}/")
    control = status_control(page)
    assert control.is_visible()
    assert control.get_by_role("radio", name="New").is_checked()
    control.get_by_role("radio", name="Learning").check()
    entry = stored(page)["questions"][FIRST]
    assert entry["status"] == "learning"
    assert datetime.fromisoformat(entry["changed"]).year >= 2026
    assert stored(page)["format"] == FORMAT
    assert stored(page)["version"] == 1

    page.reload()
    assert status_control(page).get_by_role("radio", name="Learning").is_checked()
    mark = nav_mark(page, FIRST)
    assert mark.text_content() == "\u25d0 (learning)"
    assert mark.locator(".handbook-sr-only").text_content() == " (learning)"
    assert nav_mark(page, SECOND).count() == 0, "unmarked: no mark"

    # Through instant navigation: the next page's control and nav show the marks too.
    mark_document(page)
    page.locator(f".md-nav--primary a[href$='{SECOND}/']").first.click()
    arrive(page, SECOND)
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
    assert status_control(page).get_by_role("radio", name="New").is_checked()
    assert nav_mark(page, FIRST).text_content() == "\u25d0 (learning)"
    status_control(page).get_by_role("radio", name="Known").check()
    assert nav_mark(page, SECOND).text_content() == "\u2713 (known)"
    # Back to new: the mark it had is emptied.
    status_control(page).get_by_role("radio", name="New").check()
    assert nav_mark(page, SECOND).text_content() == ""
    status_control(page).get_by_role("radio", name="Known").check()

    page.goto(site_url)
    assert home_cell(page, FIRST).inner_text() == "learning"
    assert home_cell(page, SECOND).inner_text() == "known"
    assert home_cell(page, "generators").inner_text() == "new"
    header = page.locator("table th").nth(2)
    assert header.inner_text() == "Level · status"


def test_the_script_loads_on_entry_from_a_page_without_it(page, site_url: str) -> None:
    """Entered on the Topics page (no progress.js), a question page reached by instant
    navigation still gets its control: the script sits in the page's content."""
    page.goto(site_url + "tags/")
    assert page.locator("script[src$='progress.js']").count() == 0
    page.evaluate(
        "(text) => localStorage.setItem('handbook-progress', text)",
        json.dumps(progress_file()),
    )
    mark_document(page)
    page.locator(f".md-content a[href$='{FIRST}/']").first.click()
    arrive(page, FIRST)
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
    control = status_control(page)
    assert control.get_by_role("radio", name="Known").is_checked()
    assert nav_mark(page, FIRST).text_content() == "\u2713 (known)"


def test_a_prediction_is_marked_right_or_wrong_once_revealed(
    page, site_url: str
) -> None:
    page.goto(site_url + f"questions/{FIRST}/")
    reveal = page.locator("details.reveal").first
    right = reveal.get_by_role("button", name="I got it right")
    wrong = reveal.get_by_role("button", name="I got it wrong")
    assert not right.is_visible(), "hidden until the output is revealed"
    click_in_place(reveal.locator("summary"))
    assert right.is_visible()
    assert right.get_attribute("aria-pressed") == "false"
    right.click()
    assert right.get_attribute("aria-pressed") == "true"
    predictions = stored(page)["predictions"]
    assert predictions[PREDICTION]["result"] == "right"
    wrong.click()
    assert right.get_attribute("aria-pressed") == "false"
    assert wrong.get_attribute("aria-pressed") == "true"
    page.reload()
    click_in_place(page.locator("details.reveal").first.locator("summary"))
    again = page.locator("details.reveal").first
    assert again.get_by_role("button", name="I got it wrong").get_attribute(
        "aria-pressed"
    ) == ("true")
    # Every prediction has its own pair, keyed by its heading.
    ids = page.eval_on_selector_all(
        ".handbook-prediction", "(boxes) => boxes.map((b) => b.dataset.prediction)"
    )
    assert len(ids) == page.locator("details.reveal").count() >= 3
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(f"{FIRST}#") for i in ids)


def export(page, tmp_path: Path) -> Path:
    with page.expect_download() as started:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    return saved


def import_file(page, path: Path) -> str:
    message = page.locator(".handbook-progress-message")
    before = message.inner_text()
    page.get_by_label("Import progress from a file").set_input_files(str(path))
    page.wait_for_function(
        "(before) => document.querySelector('.handbook-progress-message')"
        ".textContent !== before",
        arg=before,
    )
    return message.inner_text()


def test_export_then_import_on_another_device_round_trips(
    browser, page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + f"questions/{FIRST}/")
    status_control(page).get_by_role("radio", name="Known").check()
    click_in_place(page.locator("details.reveal").first.locator("summary"))
    page.get_by_role("button", name="I got it wrong").first.click()
    page.goto(site_url)
    saved = export(page, tmp_path)
    assert re.fullmatch(r"handbook-progress-\d{4}-\d\d-\d\d\.json", saved.name)
    assert json.loads(saved.read_text()) == stored(page)

    other = browser.new_context()  # another device: its own, empty storage
    try:
        fresh = other.new_page()
        fresh.goto(site_url)
        # A mark made there later than the file's survives the import.
        fresh.evaluate(
            "(text) => localStorage.setItem('handbook-progress', text)",
            json.dumps(
                progress_file(
                    questions={SECOND: entry("learning", "2026-01-01T00:00:00Z")},
                    predictions={},
                )
            ),
        )
        assert import_file(fresh, saved).startswith("Imported 2 entries")
        mine = stored(page)
        theirs = stored(fresh)
        assert theirs["questions"][FIRST] == mine["questions"][FIRST]
        assert theirs["predictions"] == mine["predictions"]
        assert theirs["questions"][SECOND]["status"] == "learning"
        assert home_cell(fresh, FIRST).inner_text() == "known"
        # The same file again brings nothing: nothing in it is newer.
        assert import_file(fresh, saved).startswith("Imported 0 entries")
        older = tmp_path / "older.json"
        older.write_text(json.dumps(progress_file()))  # "known" from January
        fresh.goto(site_url + f"questions/{FIRST}/")
        fresh.get_by_role("radio", name="Learning").check()
        fresh.goto(site_url)
        assert import_file(fresh, older).startswith("Imported 0 entries")
        assert stored(fresh)["questions"][FIRST]["status"] == "learning", "newer wins"
    finally:
        other.close()


BAD_FILES = {
    "not JSON": ("{not json", "it is not JSON"),
    "another format": (
        json.dumps(progress_file(format="anki")),
        'its "format" is "anki", not "python-interview-handbook/progress"',
    ),
    "another version": (
        json.dumps(progress_file(version=2)),
        "it is version 2; this handbook reads version 1",
    ),
    "unknown status": (
        json.dumps(progress_file(questions={FIRST: entry("maybe")})),
        'questions entry "pass-statement" has status "maybe" '
        "(expected new, learning, known)",
    ),
    "no date": (
        json.dumps(progress_file(questions={FIRST: {"status": "known"}})),
        'questions entry "pass-statement" has no valid "changed" date',
    ),
    "not a progress object": ("[1, 2]", "it holds no progress object"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_refused_with_the_reason_and_storage_untouched(
    page, site_url: str, tmp_path: Path, name: str
) -> None:
    text, reason = BAD_FILES[name]
    page.goto(site_url + f"questions/{SECOND}/")
    status_control(page).get_by_role("radio", name="Learning").check()
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.goto(site_url)
    bad = tmp_path / "progress.json"
    bad.write_text(text)
    said = import_file(page, bad)
    assert reason in said
    assert said.endswith("Nothing stored was changed.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert home_cell(page, SECOND).inner_text() == "learning"


def test_progress_works_in_the_offline_copy(
    offline_page, offline_site: Path, tmp_path: Path
) -> None:
    page = offline_page
    page.goto((offline_site / f"questions/{FIRST}.html").as_uri())
    status_control(page).get_by_role("radio", name="Known").check()
    click_in_place(page.locator("details.reveal").first.locator("summary"))
    page.get_by_role("button", name="I got it right").first.click()
    page.locator(f".md-nav--primary a[href$='{SECOND}.html']").first.click()
    page.wait_for_url(re.compile(rf"{SECOND}\.html$"))
    assert nav_mark(page, FIRST).text_content() == "\u2713 (known)"
    status_control(page).get_by_role("radio", name="Learning").check()
    page.reload()
    assert status_control(page).get_by_role("radio", name="Learning").is_checked()
    page.goto((offline_site / "index.html").as_uri())
    assert home_cell(page, FIRST).inner_text() == "known"
    assert home_cell(page, SECOND).inner_text() == "learning"
    saved = export(page, tmp_path)
    assert json.loads(saved.read_text())["questions"][FIRST]["status"] == "known"
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert "not JSON" in import_file(page, bad)
    assert import_file(page, saved).startswith("Imported 0 entries")


@pytest.mark.parametrize("view", VIEWS)
def test_marked_pages_have_no_accessibility_violation(
    browser, site_url: str, tmp_path: Path, view: str
) -> None:
    """axe-core on a question page with marks and an opened prediction, and on the home
    page showing marks and an import error, in both palettes, narrow and wide."""
    require(AXE.is_file(), "node_modules/axe-core (npm ci)")
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    try:
        tab = context.new_page()
        tab.goto(site_url + f"questions/{FIRST}/")
        tab.evaluate(
            "(text) => localStorage.setItem('handbook-progress', text)",
            json.dumps(
                progress_file(
                    questions={FIRST: entry("known"), SECOND: entry("learning")}
                )
            ),
        )
        tab.reload()
        click_in_place(tab.locator("details.reveal").first.locator("summary"))
        assert tab.get_by_role("button", name="I got it wrong").first.is_visible()
        found = {}
        for name in ("question", "home"):
            if name == "home":
                tab.goto(site_url)
                bad = tmp_path / "bad.json"
                bad.write_text("{")
                import_file(tab, bad)
            found[name] = axe_violations(tab)
        assert found == {"question": [], "home": []}, json.dumps(found, indent=1)
    finally:
        context.close()
