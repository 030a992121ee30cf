"""Reading on a phone (390 px wide): the short answer in body-size text, code in tables
broken only between words, tables and code that fit the screen. Every question page
and the home page, in the light and the dark palette, online; the home page and the
widest tables also from the offline copy.

The styles are docs/assets/handbook.css's "Reading on a phone" section; axe-core checks
the same pages at this width (tests/browser/test_accessibility.py).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from scripts.handbook_tools import facts

pytestmark = pytest.mark.timeout(600)

PHONE = {"width": 390, "height": 844}
PAGES = ["", *(question.url for question in facts.questions())]
VIEWS = [
    (palette, where) for where in ("online", "offline") for palette in ("light", "dark")
]
# The offline copy has the same styles: its home page and the widest tables suffice.
OFFLINE_PAGES = [
    "",
    "questions/django-unit-tests/",
    "questions/http-headers-and-status-codes/",
]

# Everything the tests below judge, measured in one pass over a page.
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const size = (element) => element && parseFloat(getComputedStyle(element).fontSize);
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0
      && getComputedStyle(element).visibility === "visible";
  };

  // Every line break inside a table's code, as the characters either side of it.
  const breaks = [];
  for (const code of document.querySelectorAll(".md-typeset table code")) {
    const text = code.textContent;
    const range = document.createRange();
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    let before = null;
    let top = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        const after = node.data[i];
        if (top !== null && box.top > top + 1) breaks.push([text, before + after]);
        before = after;
        top = box.top;
      }
    }
  }

  // What reaches past the screen's right or left edge. A box that scrolls sideways
  // (a wide table, a code block) shows the rest on demand; anything else is cut off.
  const scrolls = (element) =>
    ["auto", "scroll"].includes(getComputedStyle(element).overflowX)
    && element.scrollWidth > element.clientWidth;
  const offScreen = [];
  const scrollers = new Set();
  for (const element of document.querySelectorAll(".md-container *")) {
    if (!visible(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.right <= width + 1 && box.left >= -1) continue;
    let scroller = element.parentElement;
    while (scroller && !scrolls(scroller)) scroller = scroller.parentElement;
    if (scroller && scroller !== document.documentElement) {
      scrollers.add(scroller);
    } else {
      offScreen.push(`${element.tagName.toLowerCase()}.${element.className}`);
    }
  }

  const body = ".admonition.answer .handbook-answer-body";
  const answer = document.querySelector(`${body} > p`);
  return {
    // The body text's size: what the page's prose inherits (its first paragraph may be
    // a smaller note, or sit in practice mode's wrapper).
    body: size(document.querySelector(".md-content .md-typeset")),
    answer: [...document.querySelectorAll(`${body} *`)]
      .filter((element) => element.closest("p") && visible(element)).map(size),
    labels: [...document.querySelectorAll(`${body} > p`)]
      .slice(0, 2).map((p) => getComputedStyle(p, "::before").content),
    breaks,
    pageWidth: document.documentElement.scrollWidth,
    width,
    offScreen,
    scrollers: [...scrollers].map((element) => ({
      name: `${element.tagName.toLowerCase()}.${element.className}`,
      focusable: element.tabIndex >= 0,
    })),
    wideTables: [...document.querySelectorAll(".md-typeset__scrollwrap")]
      .filter(scrolls).map((box) => box.querySelector("th").textContent),
    wideCode: [...document.querySelectorAll(".md-typeset pre > code")]
      .filter(scrolls).map((code) => code.textContent.split("\\n")[0]),
    hasAnswer: answer !== null,
  };
}"""

# The page's own scripts (the table boxes' tab stops) finish in the next frame.
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"


def offline_path(relative: str) -> str:
    """The offline copy's file for a page's URL path (it links to files)."""
    return relative.rstrip("/") + ".html" if relative else "index.html"


@pytest.fixture(scope="module")
def measured(browser, site_url: str, offline_site: Path) -> dict:
    """{(palette, where): {page: measurements}} for every page in every view."""
    found: dict = {}
    for palette, where in VIEWS:
        context = browser.new_context(
            color_scheme=palette, viewport=PHONE, reduced_motion="reduce"
        )
        context.set_default_timeout(30_000)
        tab = context.new_page()
        found[palette, where] = {}
        try:
            for relative in PAGES if where == "online" else OFFLINE_PAGES:
                if where == "online":
                    tab.goto(site_url + relative)
                else:
                    tab.goto((offline_site / offline_path(relative)).as_uri())
                scheme = tab.locator("body").get_attribute("data-md-color-scheme")
                assert scheme == {"light": "default", "dark": "slate"}[palette]
                tab.evaluate(SETTLED)
                found[palette, where][relative] = tab.evaluate(MEASURE)
        finally:
            context.close()
    return found


def each(measured: dict, view: tuple[str, str]):
    for relative, seen in measured[view].items():
        yield f"/{relative} ({', '.join(view)})", seen


@pytest.mark.parametrize("view", VIEWS, ids="-".join)
def test_the_short_answer_is_body_size_text(measured: dict, view) -> None:
    questions = 0
    for page, seen in each(measured, view):
        if not seen["hasAnswer"]:
            continue
        questions += 1
        assert seen["body"] >= 16, page
        # Every piece of its text, inline code aside (0.85em, as everywhere).
        assert seen["answer"], page
        smallest = min(seen["answer"])
        assert smallest >= 0.85 * seen["body"] - 0.01, (page, seen["answer"])
        assert max(seen["answer"]) >= seen["body"], (page, seen["answer"])
        assert seen["labels"] == ['"In ten seconds"', '"In a minute"'], page
    assert questions == len(measured[view]) - 1


@pytest.mark.parametrize("view", VIEWS, ids="-".join)
def test_code_in_a_table_breaks_only_after_a_space_or_a_hyphen(
    measured: dict, view
) -> None:
    """`KEY_PREFI|X`, `Authorizat|ion` and `dict.iteri|tems()` broke inside a word; a
    break after a space or a hyphen (`Accept-|Language`) keeps every word whole."""
    inside_words = [
        (page, text, pair)
        for page, seen in each(measured, view)
        for text, pair in seen["breaks"]
        if pair[0] not in " -"
    ]
    assert inside_words == []


@pytest.mark.parametrize("view", VIEWS, ids="-".join)
def test_the_home_page_tables_fit_the_screen(measured: dict, view) -> None:
    """The question map's Topics column ran off the screen's edge."""
    home = measured[view][""]
    assert home["wideTables"] == []
    assert home["scrollers"] == []


@pytest.mark.parametrize("view", VIEWS, ids="-".join)
def test_code_blocks_fold_long_lines(measured: dict, view) -> None:
    """No line of code runs past the screen's edge: long lines wrap instead."""
    wide = [(page, seen["wideCode"]) for page, seen in each(measured, view)]
    assert [(page, lines) for page, lines in wide if lines] == []


@pytest.mark.parametrize("view", VIEWS, ids="-".join)
def test_nothing_runs_off_the_screen(measured: dict, view) -> None:
    """The page is as wide as the screen; anything wider (a table with a long name in
    it) scrolls in its own box, which a keyboard can reach."""
    for page, seen in each(measured, view):
        assert seen["pageWidth"] == seen["width"] == PHONE["width"], page
        assert seen["offScreen"] == [], page
        for scroller in seen["scrollers"]:
            assert scroller["name"] == "div.md-typeset__scrollwrap", (page, scroller)
            assert scroller["focusable"], (page, scroller)


def png_pixels(png: bytes) -> list[list[tuple[int, ...]]]:
    """Rows of (R, G, B[, A]) of an 8-bit RGB or RGBA PNG, as Chromium's screenshots
    are (the test environment has no image library)."""
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert depth == 8, depth
    assert colour in (2, 6), colour
    channels = 3 if colour == 2 else 4
    data, at = b"", 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(data), width * channels, [], None
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        up = previous or bytearray(stride)
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            corner = up[x - channels] if x >= channels else 0
            p = left + up[x] - corner
            nearest = min((abs(p - left), 0), (abs(p - up[x]), 1), (abs(p - corner), 2))
            predictor = [0, left, up[x], (left + up[x]) // 2,
                         (left, up[x], corner)[nearest[1]]][kind]  # fmt: skip
            row[x] = (row[x] + predictor) & 0xFF
        previous = row
        rows.append([tuple(row[x : x + channels]) for x in range(0, stride, channels)])
    return rows


def edge_brightness(page, wrap) -> tuple[float, float]:
    """Mean brightness of the box's left and right 3 px, its content hidden, so only
    its own background (the scroll cue) is measured."""
    box = wrap.bounding_box()
    middle = box["y"] + box["height"] / 2
    brightness = []
    for x in (box["x"], box["x"] + box["width"] - 3):
        clip = {"x": x, "y": middle - 4, "width": 3, "height": 8}
        pixels = [p for row in png_pixels(page.screenshot(clip=clip)) for p in row]
        brightness.append(sum(sum(p[:3]) / 3 for p in pixels) / len(pixels))
    return brightness[0], brightness[1]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_table_wider_than_the_screen_shows_it_scrolls(
    browser, site_url: str, palette: str
) -> None:
    """A shadow at each edge the table can still scroll towards: at the start only on
    the right, at the end only on the left (darker than the page in the light palette,
    lighter in the dark one)."""
    context = browser.new_context(
        color_scheme=palette, viewport=PHONE, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        page.goto(site_url + "questions/re-match-vs-search/")
        wrap = page.locator(".md-typeset__scrollwrap").first
        assert wrap.evaluate("(box) => box.scrollWidth > box.clientWidth")
        wrap.evaluate(
            "(box) => { box.querySelector('table').style.visibility = 'hidden' }"
        )
        wrap.scroll_into_view_if_needed()
        start_left, start_right = edge_brightness(page, wrap)
        wrap.evaluate("(box) => { box.scrollLeft = box.scrollWidth }")
        end_left, end_right = edge_brightness(page, wrap)
        shade = -1 if palette == "light" else 1  # a shadow darkens, a glow lightens
        assert shade * (start_right - start_left) > 8, (start_left, start_right)
        assert shade * (end_left - end_right) > 8, (end_left, end_right)
        assert abs(start_left - end_right) < 2, "no shadow where it cannot scroll"
    finally:
        context.close()
