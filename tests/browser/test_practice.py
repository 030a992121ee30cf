"""Practice mode: short answers hidden until revealed, on every page, remembered."""

from __future__ import annotations

FIRST = "questions/pass-statement/"


def answer_text(page):
    return page.locator(".admonition.answer .handbook-answer-body")


def toggle(page):
    return page.locator(".md-content .handbook-practice-toggle").first


def other_written_page(built_site) -> str:
    """A second written question page (instant navigation goes there)."""
    for built in sorted((built_site / "questions").glob("*/index.html")):
        slug = built.parent.name
        written = 'class="admonition answer"' in built.read_text()
        if slug != "pass-statement" and written:
            return slug
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
    page.evaluate("window.__marker = 1")
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
