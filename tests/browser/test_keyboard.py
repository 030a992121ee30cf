"""The keyboard: the skip link shows where it covers nothing, and every Tab stop is
something the reader can see. At a phone's and a desktop's width, in both palettes,
online and from the offline copy.

The fixes are docs/assets/quality.css's "Keyboard" section.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(600)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# A question page (tables, tabs, predictions, follow-ups), the home page, the
# trainers' pages and a question with Run buttons (docs/assets/run.js), with the fewest
# Tab stops each must have (the page's own controls).
PAGES = {
    "questions/django-unit-tests/": 20,
    "": 20,
    "review/": 8,
    "mock-interview/": 8,
    "questions/generators/": 40,
}
FIRST = next(iter(PAGES))

# The focused element, once every transition it started (search opening on focus, the
# skip link sliding in) has ended. The theme reacts to focus a frame or two later.
FOCUSED = """async () => {
  for (let frame = 0; frame < 3; frame++) {
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  }
  await Promise.all(document.getAnimations().map((animation) => animation.finished));
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const box = element.getBoundingClientRect();
  let opacity = 1;
  for (let node = element; node; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }
  return {
    name: `${element.tagName.toLowerCase()}.${element.className} `
      + (element.getAttribute("aria-label") || element.textContent.trim().slice(0, 40)),
    box: [box.left, box.top, box.right, box.bottom],
    visibility: getComputedStyle(element).visibility,
    opacity,
  };
}"""


def invisible(focused: dict, viewport: dict) -> str | None:
    """Why the focused element cannot be seen, or None."""
    left, top, right, bottom = focused["box"]
    if right - left < 1 or bottom - top < 1:
        return "no size"
    if focused["visibility"] != "visible":
        return f"visibility: {focused['visibility']}"
    if focused["opacity"] == 0:
        return "transparent"
    if (
        right <= 0
        or bottom <= 0
        or left >= viewport["width"]
        or top >= viewport["height"]
    ):
        return "off the screen"
    return None


def tab_stops(page, viewport: dict, limit: int = 300) -> list[tuple[str, str | None]]:
    """(name, why it is invisible or None) for every Tab stop, in order, until the
    focus leaves the page."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            return stops
        stops.append((focused["name"], invisible(focused, viewport)))
    raise AssertionError(f"the focus never left the page after {limit} Tab presses")


def overlap(one: list[float], other: list[float]) -> bool:
    return not (
        one[2] <= other[0]
        or other[2] <= one[0]
        or one[3] <= other[1]
        or other[3] <= one[1]
    )


@pytest.fixture(params=["light", "dark"])
def palette(request) -> str:
    return request.param


def open_page(browser, palette: str, viewport: dict, url: str):
    context = browser.new_context(
        color_scheme=palette, viewport=viewport, reduced_motion="reduce"
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(url)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == {"light": "default", "dark": "slate"}[palette]
    return page


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_skip_link_covers_neither_the_logo_nor_the_menu(
    browser, site_url: str, palette: str, width: str
) -> None:
    viewport = WIDTHS[width]
    page = open_page(browser, palette, viewport, site_url + FIRST)
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["name"].startswith("a.md-skip"), focused
        assert invisible(focused, viewport) is None
        # The logo on a desktop, the menu button on a phone (the logo is then hidden),
        # and whatever else the header shows.
        header = page.locator(".md-header__inner > *:visible").evaluate_all(
            """elements => elements.map((e) => {
              const box = e.getBoundingClientRect();
              return [e.className, [box.left, box.top, box.right, box.bottom]];
            })"""
        )
        names = " ".join(name for name, _ in header)
        assert ("md-logo" in names) == (width == "desktop"), names
        covered = [name for name, box in header if overlap(focused["box"], box)]
        assert covered == []
    finally:
        page.context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(
    "relative", list(PAGES), ids=["question", "home", "review", "mock", "runnable"]
)
def test_every_tab_stop_is_visible(
    browser, site_url: str, palette: str, width: str, relative: str
) -> None:
    viewport = WIDTHS[width]
    page = open_page(browser, palette, viewport, site_url + relative)
    try:
        stops = tab_stops(page, viewport)
        assert len(stops) > PAGES[relative]
        assert [stop for stop in stops if stop[1]] == []
    finally:
        page.context.close()


def test_every_tab_stop_in_the_open_menu_is_visible(
    browser, site_url: str, palette: str
) -> None:
    """On a phone the navigation is a drawer: open, its closed sections' panels (and
    the page's table of contents) wait unseen beside it."""
    page = open_page(browser, palette, PHONE, site_url + FIRST)
    try:
        page.locator("label.md-header__button[for='__drawer']").click()
        page.evaluate(FOCUSED)  # the drawer has slid in
        stops = tab_stops(page, PHONE)
        assert any("The HTTP protocol" in name for name, _ in stops)
        assert [stop for stop in stops if stop[1]] == []
    finally:
        page.context.close()


def test_the_palette_switch_is_a_visible_tab_stop_that_switches(
    browser, site_url: str, palette: str
) -> None:
    page = open_page(browser, palette, DESKTOP, site_url + FIRST)
    try:
        for _ in range(10):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused["name"].startswith("input.md-option"):
                break
        else:
            raise AssertionError("no Tab stop on the colour palette switch")
        assert invisible(focused, DESKTOP) is None
        button = page.locator(".md-header__option label:visible").bounding_box()
        left, top, right, bottom = focused["box"]
        # The focus ring is drawn where the button is.
        assert left <= button["x"] + 1
        assert right >= button["x"] + button["width"] - 1
        assert top <= button["y"] + 1
        assert bottom >= button["y"] + button["height"] - 1
        # A radio button per palette: the arrow keys pick the other one. (A palette
        # taken from the system's preference checks neither radio button, so the
        # first press may pick the palette already shown: the theme's behaviour.)
        other = {"light": "slate", "dark": "default"}[palette]
        body = page.locator("body")
        for _ in range(2):
            page.keyboard.press("ArrowDown")
            if body.get_attribute("data-md-color-scheme") == other:
                break
        assert body.get_attribute("data-md-color-scheme") == other
    finally:
        page.context.close()


def test_the_offline_copy_keeps_every_tab_stop_visible(
    browser, offline_site: Path, palette: str
) -> None:
    url = (offline_site / "questions/django-unit-tests.html").as_uri()
    for viewport in (PHONE, DESKTOP):
        page = open_page(browser, palette, viewport, url)
        try:
            page.keyboard.press("Tab")
            skip = page.evaluate(FOCUSED)
            assert skip["name"].startswith("a.md-skip")
            header = page.locator(".md-header").bounding_box()
            assert skip["box"][1] >= header["y"] + header["height"]
            stops = tab_stops(page, viewport)
            assert [stop for stop in stops if stop[1]] == []
        finally:
            page.context.close()
