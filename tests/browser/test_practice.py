"""Practice mode: short answers, and the sections below them that give them away,
hidden until revealed, on every page, remembered; a link into a hidden section reveals
it."""

from __future__ import annotations

import re

import pytest

from scripts.handbook_tools import facts
from scripts.handbook_tools.hooks.practice import GIVEAWAY
from tests.browser.conftest import mark_document
from tests.browser.test_accessibility import AXE, START, VIEWS
from tests.conftest import require

FIRST = "questions/pass-statement/"
# The sections a reader still sees in practice mode: folded, or giving nothing away.
SHOWN = ("short-answer", "predict-the-output", "follow-up-questions")


def answer_text(page):
    return page.locator(".admonition.answer .handbook-answer-body")


def toggle(page):
    return page.locator(".md-content .handbook-practice-toggle").first


def practising(context) -> None:
    """Practice mode on before any page of the context loads, as a returning reader has
    it."""
    context.add_init_script("localStorage.setItem('handbook.practice', 'on')")


def heading(page, ident: str):
    return page.locator(f"article h2#{ident}")


def scrolled_to(page, ident: str) -> None:
    """Wait until the element is shown with its top inside the viewport (the test
    fails on a timeout otherwise)."""
    page.wait_for_function(
        """(ident) => {
          const box = document.getElementById(ident).getBoundingClientRect();
          return box.height > 0 && box.top >= -1 && box.top < window.innerHeight;
        }""",
        arg=ident,
        timeout=5_000,
    )


def other_written_page(built_site) -> str:
    """A second written question page in pass-statement's nav section, whose link the
    navigation shows (instant navigation goes there)."""
    questions = facts.questions()
    section = next(q.section for q in questions if q.slug == "pass-statement")
    for question in questions:
        built = built_site / question.url / "index.html"
        written = 'class="admonition answer"' in built.read_text()
        if (
            question.slug != "pass-statement"
            and question.section == section
            and written
        ):
            return question.slug
    raise AssertionError("no second written question page to navigate to")


def test_answers_show_until_practice_mode_is_switched_on(page, site_url: str) -> None:
    page.goto(site_url + FIRST)
    assert answer_text(page).is_visible()
    assert toggle(page).get_attribute("aria-pressed") == "false"
    assert not page.locator(".handbook-reveal").is_visible()


def test_practice_mode_hides_reveals_and_persists(
    page, site_url: str, built_site
) -> None:
    second = other_written_page(built_site)
    page.goto(site_url + FIRST)
    toggle(page).click()
    assert toggle(page).get_attribute("aria-pressed") == "true"
    assert page.evaluate("localStorage.getItem('handbook.practice')") == "on"
    assert not answer_text(page).is_visible(), "practice mode hides the short answer"
    reveal = page.locator(".handbook-reveal")
    assert reveal.get_attribute("aria-expanded") == "false"

    reveal.click()
    assert answer_text(page).is_visible()
    assert reveal.get_attribute("aria-expanded") == "true"
    reveal.click()
    assert not answer_text(page).is_visible()

    # Across the handbook: through instant navigation (no reload)...
    mark_document(page)
    page.locator(f"nav.md-nav a[href$='{second}/']").first.click()
    page.wait_for_url(f"**/{second}/")
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
    assert not answer_text(page).is_visible(), f"{second}: answer shown in practice"
    assert page.locator(".handbook-reveal").count() == 1, "one button per answer"
    # ...and after a reload.
    page.reload()
    assert not answer_text(page).is_visible()

    toggle(page).click()
    assert answer_text(page).is_visible()
    assert page.evaluate("localStorage.getItem('handbook.practice')") == "off"


def test_home_page_switch_controls_every_page(page, site_url: str) -> None:
    page.goto(site_url)
    switch = page.locator(".md-content .handbook-practice-toggle")
    assert switch.is_visible()
    switch.click()
    assert switch.inner_text().strip().endswith("on")
    page.goto(site_url + FIRST)
    assert not answer_text(page).is_visible()


def test_practice_mode_never_hides_an_answer_on_paper(page, site_url: str) -> None:
    page.goto(site_url + FIRST)
    toggle(page).click()
    assert not answer_text(page).is_visible()
    page.emulate_media(media="print")
    assert answer_text(page).is_visible()
    assert not page.locator(".handbook-reveal").is_visible()


def test_practice_mode_works_with_the_keyboard(page, site_url: str) -> None:
    page.goto(site_url + FIRST)
    toggle(page).focus()
    page.keyboard.press("Enter")
    assert not answer_text(page).is_visible()
    page.locator(".handbook-reveal").focus()
    page.keyboard.press("Space")
    assert answer_text(page).is_visible()


def test_practice_mode_hides_what_gives_the_answer_away(page, site_url: str) -> None:
    page.goto(site_url + FIRST)
    toggle(page).click()
    for ident in GIVEAWAY:
        assert not heading(page, ident).is_visible(), f"#{ident} shown in practice"
    for ident in SHOWN:
        assert heading(page, ident).is_visible(), f"#{ident} hidden in practice"
    assert "explanation below" in page.locator(".handbook-answer-hint").inner_text()
    reveal = page.locator(".handbook-reveal")
    controls = reveal.get_attribute("aria-controls").split()
    assert controls == [
        "handbook-answer-pass-statement",
        "handbook-giveaway-pass-statement",
    ]

    reveal.click()
    for ident in GIVEAWAY:
        assert heading(page, ident).is_visible(), f"#{ident} still hidden"
    reveal.click()
    assert not heading(page, "explanation").is_visible()
    toggle(page).click()
    assert heading(page, "explanation").is_visible(), "practice off shows everything"


def test_the_answers_are_hidden_from_the_first_paint(
    context, page, site_url: str
) -> None:
    """Practice mode's class is set by the head's inline script, before the content is
    painted: with practice.js never arriving, the answer is still hidden."""
    practising(context)
    context.route("**/assets/practice.js", lambda route: route.abort())
    page.goto(site_url + FIRST)
    assert page.evaluate(
        "document.documentElement.classList.contains('handbook-practice')"
    )
    assert not answer_text(page).is_visible()
    assert not heading(page, "explanation").is_visible()


def test_find_in_page_reaches_a_hidden_section_and_reveals_it(
    context, page, site_url: str
) -> None:
    """The hidden parts are `hidden="until-found"`: the browser's find in page still
    searches them and reveals the one it matches in. A text fragment (`#:~:text=`)
    goes through the same search, which a test can drive."""
    practising(context)
    page.goto(site_url + FIRST)
    shown = page.evaluate("document.body.innerText")
    hidden = page.locator(".handbook-giveaway").first.text_content()
    word = next(w for w in re.findall(r"[A-Za-z]{7,}", hidden) if w not in shown)
    assert page.locator(".handbook-giveaway").first.get_attribute("hidden") == (
        "until-found"
    )
    found = context.new_page()
    found.goto(site_url + FIRST + "#:~:text=" + word)
    found.wait_for_function(
        "document.querySelector('.handbook-giveaway').classList.contains("
        "'handbook-revealed')"
    )
    assert found.locator(".handbook-reveal").get_attribute("aria-expanded") == "true"
    assert answer_text(found).is_visible(), "the answer shows with its explanation"


@pytest.mark.parametrize("view", list(VIEWS))
def test_arriving_at_a_hidden_section_reveals_it(
    browser, site_url: str, view: str
) -> None:
    """A search result or a shared link to a section practice mode hides: the section
    shows, scrolled to, in either palette, at desktop and phone widths."""
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    try:
        practising(context)
        page = context.new_page()
        page.goto(site_url + FIRST + "#pitfalls")
        assert heading(page, "pitfalls").is_visible()
        scrolled_to(page, "pitfalls")
        assert page.locator(".handbook-reveal").get_attribute("aria-expanded") == "true"
        # Without a fragment the page opens hidden.
        page.goto(site_url + FIRST)
        assert not heading(page, "pitfalls").is_visible()
    finally:
        context.close()


def test_the_table_of_contents_reveals_a_hidden_section(
    context, page, site_url: str
) -> None:
    practising(context)
    page.goto(site_url + FIRST)
    assert not heading(page, "explanation").is_visible()
    entry = page.locator(".md-sidebar--secondary a[href$='#explanation']")
    entry.click()
    assert heading(page, "explanation").is_visible()
    scrolled_to(page, "explanation")
    # Hidden again by hand, then the same entry (the address already ends with
    # #explanation, so no hashchange follows): shown again.
    page.locator(".handbook-reveal").click()
    assert not heading(page, "explanation").is_visible()
    entry.click()
    assert heading(page, "explanation").is_visible()


def test_a_cross_link_into_a_hidden_section_reveals_it(
    context, page, site_url: str
) -> None:
    """A link from another page, followed by instant navigation (no reload)."""
    practising(context)
    page.goto(site_url + "questions/django-debug-toolbar/")
    mark_document(page)
    page.evaluate(
        """(href) => {
          const link = document.createElement("a");
          link.href = href;
          link.id = "cross-link";
          link.textContent = "Pitfalls of the pass statement";
          document.querySelector("article").prepend(link);
        }""",
        site_url + FIRST + "#pitfalls",
    )
    page.locator("#cross-link").click()
    page.wait_for_url("**/pass-statement/#pitfalls")
    assert page.evaluate("window.__marker") == 1, "instant navigation kept the page"
    assert heading(page, "pitfalls").is_visible()
    scrolled_to(page, "pitfalls")


def test_practice_mode_prints_everything(page, site_url: str) -> None:
    page.goto(site_url + FIRST)
    toggle(page).click()
    assert not heading(page, "explanation").is_visible()
    page.emulate_media(media="print")
    for ident in GIVEAWAY:
        assert heading(page, ident).is_visible(), f"#{ident} hidden on paper"


@pytest.mark.parametrize("view", list(VIEWS))
def test_practice_mode_passes_axe(browser, site_url: str, view: str) -> None:
    """What practice mode adds (the hint, the button, the hidden parts), hidden and
    revealed, in both palettes, at desktop and phone widths."""
    require(AXE.is_file(), "node_modules/axe-core (npm ci)")
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    try:
        practising(context)
        page = context.new_page()
        page.goto(site_url + FIRST)
        assert not heading(page, "explanation").is_visible()
        page.add_script_tag(path=str(AXE))
        for state in ("hidden", "revealed, the button hovered and focused"):
            if state != "hidden":
                page.locator(".handbook-reveal").click()
                assert heading(page, "explanation").is_visible()
            # Once the button's colour transition has ended.
            page.wait_for_function(
                "document.getAnimations().every((a) => a.playState !== 'running')"
            )
            page.evaluate(START)
            found = page.evaluate("() => window.__axeResult")
            assert found == [], f"{view}, {state}: {found}"
    finally:
        context.close()
