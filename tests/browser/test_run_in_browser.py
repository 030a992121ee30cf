"""Run it yourself: the Run button under each example the build ran, Pyodide in a worker
(docs/assets/run.js, run-worker.js, run_example.py), on the built site in Chromium.

Each test that runs Python starts Pyodide once (about 5 s here, more on a busy
machine), so a test groups what one page shows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from scripts.handbook_tools import static_site
from tests.browser.conftest import click_in_place, mark_document
from tests.browser.test_accessibility import AXE, axe_violations
from tests.browser.test_offline import search_leads_to
from tests.conftest import require

pytestmark = pytest.mark.timeout(600)

# Its examples share the session "generators": the fourth (`yield from`) calls
# `read_batch`, which the third defines.
QUESTION = "questions/generators/"
# A page whose examples need Django: each says why it only runs where the site is built.
WITHHELD = "questions/django-unit-tests/"
# Starting Pyodide in a fresh profile (nothing cached), on a loaded machine.
RUN_TIMEOUT = 90_000
# The status once Reset has put the page's code back (docs/assets/run-editor.js).
RESET = "Reset to the page's code."

# The status of example `number` once its run has ended: null while Python starts or
# runs. Run's click sets "Starting…" or "Running…" at once, so an older status is
# never mistaken for the new one.
ENDED = """(number) => {
  const status = document.querySelectorAll(".handbook-run__status")[number - 1];
  const text = status.textContent;
  const busy = text.startsWith("Starting Python") || text === "Running…";
  return text && !busy ? text : null;
}"""


def run_button(page, number: int):
    return page.get_by_role("button", name=f"Run example {number}", exact=True)


def editor(page, number: int):
    return page.get_by_role("textbox", name=f"Code of example {number}", exact=True)


def output(page, number: int):
    return page.locator(".handbook-run__output").nth(number - 1)


def status(page, number: int):
    return page.locator(".handbook-run__status").nth(number - 1)


def ended(page, number: int) -> str:
    """The status of example `number` once its run (started already) has ended."""
    return page.wait_for_function(ENDED, arg=number, timeout=RUN_TIMEOUT).json_value()


def run(page, number: int) -> str:
    # Cleared first: the click loads the editor module before the status says
    # "Running…", and the status left from before (say, "Reset to the page's
    # code.") would otherwise read as this run's end.
    page.evaluate(
        "(n) => { document.querySelectorAll('.handbook-run__status')[n - 1]"
        ".textContent = ''; }",
        number,
    )
    click_in_place(run_button(page, number))
    return ended(page, number)


def reset(page, number: int) -> None:
    """Reset example `number`, and wait for it: the click's handler loads the editor
    module before it puts the page's code back."""
    page.get_by_role("button", name=f"Reset example {number}", exact=True).click()
    expect(status(page, number)).to_have_text(RESET)


def page_code(page, number: int) -> str:
    """The code example `number` shows on the page, as the build ran it."""
    block = page.locator(".handbook-run").nth(number - 1)
    return block.locator(".language-python code").text_content().strip()


def page_output(page, number: int) -> str:
    """What the build printed for example `number`."""
    block = page.locator(".handbook-run").nth(number - 1)
    return block.locator(".result").text_content().strip()


def withdrawn(page, number: int) -> bool:
    """Whether run.js took example `number`'s output away (its `hidden`). Whether the
    page then shows it is test_output_is_not_displayed_when_hidden_or_printed's."""
    return output(page, number).evaluate("(element) => element.hidden")


def focused_label(page) -> str | None:
    return page.evaluate("document.activeElement?.getAttribute('aria-label')")


def test_python_is_fetched_only_when_run_and_only_from_the_site(
    page, site_url: str
) -> None:
    requested: list[str] = []
    # A dedicated worker's requests (Pyodide's files) are reported as the page's.
    page.on("request", lambda request: requested.append(request.url))

    page.goto(site_url + WITHHELD, wait_until="networkidle")
    assert requested, "no request recorded"
    loaded = [urlsplit(url).path.rsplit("/", 1)[-1] for url in requested]
    assert "run.js" not in loaded
    assert page.locator('style[data-inlined="assets/run.css"]').count() == 0
    notes = page.locator(".handbook-run-note")
    assert notes.count() > 0
    assert notes.first.is_visible()
    assert notes.first.inner_text().startswith("Runs only where the site is built: ")
    assert page.locator(".handbook-run__bar, .handbook-run__button").count() == 0

    requested.clear()
    page.goto(site_url + QUESTION, wait_until="networkidle")
    loaded = [urlsplit(url).path for url in requested]
    assert any(path.endswith("/assets/run.js") for path in loaded)
    # Its stylesheet is written into the page's head (hooks/inline_styles.py).
    assert page.locator('head style[data-inlined="assets/run.css"]').count() == 1
    python = ("/assets/pyodide/", "/assets/run-worker.js", "/assets/run_example.py")
    early = [path for path in loaded if any(part in path for part in python)]
    assert early == [], "fetched before any Run"
    assert page.locator(".handbook-run__button").count() > 0

    status_text = run(page, 1)
    assert status_text.startswith("Same output as the page's"), status_text
    loaded = [urlsplit(url).path for url in requested]
    for needed in (
        "/assets/run-worker.js",
        "/assets/run_example.py",
        "/assets/pyodide/pyodide.mjs",
        "/assets/pyodide/pyodide.asm.wasm",
        "/assets/pyodide/python_stdlib.zip",
    ):
        assert any(path.endswith(needed) for path in loaded), needed
    own = urlsplit(site_url)
    assert own.hostname == "127.0.0.1"
    foreign = [
        url
        for url in requested
        if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != own.netloc
    ]
    assert foreign == []


def test_edit_run_and_reset(page, site_url: str) -> None:
    page.goto(site_url + QUESTION)
    code = page_code(page, 1)
    block = page.locator(".handbook-run").first
    built_by = block.get_attribute("data-python")
    assert built_by.startswith("CPython 3.")

    first = run(page, 1)
    # The highlighted code gave way to a box holding the same code.
    assert editor(page, 1).input_value() == code
    assert block.locator(".language-python").is_hidden()
    assert first.startswith("Same output as the page's"), first
    assert f"which {built_by} printed" in first
    assert "(Pyodide " in first
    assert output(page, 1).inner_text().strip() == page_output(page, 1)

    box = editor(page, 1)
    box.press("Control+End")
    box.press_sequentially("\nprint(6 * 7)")
    edited = run(page, 1)
    assert edited.startswith("Your code ran on "), edited
    assert "Pyodide" in edited
    assert output(page, 1).inner_text().rstrip().endswith("\n42")

    reset(page, 1)
    assert box.input_value() == code
    assert withdrawn(page, 1)


def test_errors_print_as_python_prints_them(page, site_url: str) -> None:
    page.goto(site_url + QUESTION)
    run(page, 1)

    editor(page, 1).fill("total = 1\ntotal / 0")
    raised = run(page, 1)
    assert "It ended with ZeroDivisionError" in raised, raised
    lines = output(page, 1).inner_text().splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[1] == '  File "<example>", line 2, in <module>'
    assert lines[2] == "    total / 0"
    assert lines[-1] == "ZeroDivisionError: division by zero"

    editor(page, 1).fill("print('never printed'\n")
    raised = run(page, 1)
    assert "It ended with SyntaxError" in raised, raised
    printed = output(page, 1).inner_text()
    assert "Traceback" not in printed
    assert "never printed\n" not in printed
    assert '  File "<example>", line 1' in printed
    assert printed.splitlines()[-1].startswith("SyntaxError: "), printed


def test_stop_ends_an_endless_example_and_the_page_stays_usable(
    page, site_url: str
) -> None:
    page.goto(site_url + QUESTION)
    run(page, 1)  # Python started: the next run goes straight to the loop
    stop = page.get_by_role("button", name="Stop example 1", exact=True)
    assert stop.is_hidden()

    editor(page, 1).fill("while True:\n    pass")
    click_in_place(run_button(page, 1))
    stop.wait_for(state="visible")
    assert status(page, 1).inner_text() == "Running…"
    assert run_button(page, 1).is_disabled()
    page.wait_for_timeout(1_000)  # deep in the loop by now

    # The loop runs in the worker: the page's own thread still paints frames (this
    # would hang until the test's timeout if the loop held it) and takes the focus.
    assert page.evaluate("new Promise((r) => requestAnimationFrame(() => r(true)))")
    run_button(page, 2).focus()
    assert focused_label(page) == "Run example 2"
    assert status(page, 1).inner_text() == "Running…"

    stop.click()
    expect(status(page, 1)).to_have_text(re.compile(r"^Stopped\."))
    expect(stop).to_be_hidden()
    assert withdrawn(page, 1)

    reset(page, 1)
    again = run(page, 1)
    assert again.startswith("Same output as the page's"), again
    assert output(page, 1).inner_text().strip() == page_output(page, 1)


def test_stop_gives_the_focus_to_run(page, site_url: str) -> None:
    """Stop hides itself: a keyboard reader's focus goes to Run, not to the page's
    start."""
    page.goto(site_url + QUESTION)
    run(page, 1)
    editor(page, 1).fill("while True:\n    pass")
    click_in_place(run_button(page, 1))
    stop = page.get_by_role("button", name="Stop example 1", exact=True)
    stop.focus()
    page.keyboard.press("Enter")
    expect(status(page, 1)).to_have_text(re.compile(r"^Stopped\."))
    assert focused_label(page) == "Run example 1"


def test_an_example_runs_after_the_earlier_blocks_of_its_session(
    page, site_url: str
) -> None:
    page.goto(site_url + QUESTION)
    sessions = page.locator(".handbook-run").evaluate_all(
        "blocks => blocks.slice(0, 4).map((block) => block.dataset.session)"
    )
    assert sessions == ["generators"] * 4
    assert "def read_batch" in page_code(page, 3)
    assert "read_batch(" in page_code(page, 4)
    assert "def read_batch" not in page_code(page, 4)

    # Example 4 alone would raise NameError: it uses the third's read_batch.
    fourth = run(page, 4)
    assert fourth.startswith("Same output as the page's"), fourth
    assert output(page, 4).inner_text().strip() == page_output(page, 4)

    run(page, 3)
    editor(page, 3).fill("raise ValueError('the third is broken')")
    fourth = run(page, 4)
    assert fourth.startswith("An earlier example this one builds on"), fourth
    assert "(number 3 of its session) raised ValueError" in fourth
    printed = output(page, 4).inner_text()
    assert '  File "<earlier block 3>", line 1, in <module>' in printed
    assert printed.splitlines()[-1] == "ValueError: the third is broken"

    # Reset: the page's code again, and the fourth's output the page's.
    reset(page, 3)
    fourth = run(page, 4)
    assert fourth.startswith("Same output as the page's"), fourth


def test_the_keyboard_runs_edits_and_leaves_the_editor(page, site_url: str) -> None:
    page.goto(site_url + QUESTION)
    for _ in range(300):
        page.keyboard.press("Tab")
        if focused_label(page) == "Run example 1":
            break
    else:
        raise AssertionError("Tab never reached Run example 1")
    page.keyboard.press("Enter")
    first = ended(page, 1)
    assert first.startswith("Same output as the page's"), first

    box = editor(page, 1)
    assert box.get_attribute("aria-describedby") == "handbook-run-help"
    help_text = page.locator("#handbook-run-help").text_content()
    assert "Escape, then Tab" in help_text
    box.focus()
    box.press("Control+End")
    box.press_sequentially("\nif True:\n")
    page.keyboard.press("Tab")
    assert focused_label(page) == "Code of example 1", "Tab left the editor"
    page.keyboard.type("print(6 * 7)")
    assert box.input_value().endswith("\nif True:\n    print(6 * 7)")

    page.keyboard.press("Control+Enter")
    edited = ended(page, 1)
    assert edited.startswith("Your code ran on "), edited
    assert output(page, 1).inner_text().rstrip().endswith("\n42")

    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert focused_label(page) == "Run example 1"
    page.keyboard.press("Tab")  # Stop is hidden while nothing runs
    assert focused_label(page) == "Reset example 1"
    page.keyboard.press("Enter")
    expect(status(page, 1)).to_have_text(RESET)
    assert box.input_value() == page_code(page, 1)


def test_the_offline_copy_says_how_to_serve_it(
    offline_page, offline_site: Path
) -> None:
    page = offline_page
    question = offline_site / "questions" / "generators.html"
    page.goto(question.as_uri())
    blocks = page.locator(".handbook-run").count()
    assert blocks > 0
    notes = page.locator(".handbook-run__offline")
    # run.js ran to its end: one note per block, after each block's code.
    notes.first.wait_for()
    assert notes.count() == blocks
    assert "python3 -m http.server" in notes.first.inner_text()
    assert notes.first.is_visible()
    assert page.locator(".handbook-run__bar, .handbook-run__button").count() == 0


def test_the_offline_copy_runs_examples_once_served_as_its_note_says(
    page, offline_site: Path
) -> None:
    """The unzipped folder, served over HTTP as the note tells (here by the tests' own
    static server, like `python3 -m http.server`), runs its examples with the Pyodide
    it carries, and its search still works (served, the theme fetches the index)."""
    with static_site.serve(offline_site) as url:
        page.goto(url + "questions/generators.html")
        assert page.locator(".handbook-run__offline").count() == 0
        said = run(page, 1)
        assert said.startswith("Same output as the page's"), said
        search_leads_to(page, "iteritems", "dict-items-vs-iteritems")


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_no_accessibility_violation_with_an_editor_and_output(
    browser, site_url: str, palette: str
) -> None:
    require(AXE.is_file(), "node_modules/axe-core (npm ci)")
    context = browser.new_context(color_scheme=palette, reduced_motion="reduce")
    context.set_default_timeout(60_000)
    try:
        tab = context.new_page()
        tab.goto(site_url + QUESTION)
        scheme = tab.locator("body").get_attribute("data-md-color-scheme")
        assert scheme == {"light": "default", "dark": "slate"}[palette]
        run(tab, 1)
        editor(tab, 1).focus()
        assert output(tab, 1).is_visible()
        found = axe_violations(tab)
        assert found == [], json.dumps(found, indent=1)
    finally:
        context.close()


def test_output_is_not_displayed_when_hidden_or_printed(page, site_url: str) -> None:
    page.goto(site_url + QUESTION)
    # Before any Run, no empty output box under the code.
    assert output(page, 1).evaluate("(element) => element.hidden")
    assert output(page, 1).is_hidden()
    run(page, 1)

    # On paper the page's own output is enough: the bar, the status and the browser's
    # output are left out.
    shown = (".handbook-run__bar", ".handbook-run__status", ".handbook-run__output")
    for selector in shown:
        assert page.locator(selector).first.is_visible(), selector
    page.emulate_media(media="print")
    printed = [s for s in shown if page.locator(s).first.is_visible()]
    assert printed == []
    page.emulate_media(media="screen")

    reset(page, 1)
    assert output(page, 1).is_hidden()


def follow(page, slug: str) -> None:
    """A click on the navigation's link to question `slug`, folded or not: instant
    navigation takes it from the document."""
    page.locator(f".md-nav--primary a[href$='/{slug}/']").first.dispatch_event("click")


def test_instant_navigation_brings_the_runners_style_and_takes_it_away(
    page, site_url: str
) -> None:
    """run.css is written into the head of the pages that use it
    (hooks/inline_styles.py); instant navigation, which compares the heads, adds it
    on arrival and removes it on leaving."""
    inlined = page.locator('head style[data-inlined="assets/run.css"]')
    page.goto(site_url + WITHHELD)
    mark_document(page)
    assert inlined.count() == 0
    follow(page, "generators")
    page.wait_for_url(re.compile(r"/generators/$"))
    bar = page.locator(".handbook-run__bar").first
    bar.wait_for()
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
    assert inlined.count() == 1
    assert bar.evaluate("(element) => getComputedStyle(element).display") == "flex"
    follow(page, "django-unit-tests")
    page.wait_for_url(re.compile(r"/django-unit-tests/$"))
    expect(inlined).to_have_count(0)
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
