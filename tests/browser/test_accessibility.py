"""axe-core finds no accessibility violation on any page of the built site, in the light
and the dark palette, at a desktop and a mobile width.

axe-core (npm, pinned in package-lock.json) is injected into each page as loaded by
the system Chromium. Every rule axe runs by default is on (WCAG 2.0-2.2 A and AA and
axe's best practices); nothing is disabled. The fixes live in docs/assets/quality.css,
docs/overrides/partials/ and scripts/handbook_tools/hooks/ (quality, print_page).

One browser, one tab per palette and width, the four tabs checked at the same time
(axe's work happens in each tab's renderer process, so two cores are both used).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, require

# Four views of some thirty pages, on two cores: more than the default 300 s when the
# machine is busy.
pytestmark = pytest.mark.timeout(900)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# (palette, width): Chromium's colour-scheme preference picks the theme's palette.
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
VIEWS = {
    "light-desktop": {"color_scheme": "light", "viewport": DESKTOP},
    "dark-desktop": {"color_scheme": "dark", "viewport": DESKTOP},
    "light-mobile": {"color_scheme": "light", "viewport": MOBILE},
    "dark-mobile": {"color_scheme": "dark", "viewport": MOBILE},
}

# The page's own scripts finish their work in the next animation frame.
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"

START = """() => {
  window.__axeResult = axe.run(document, { resultTypes: ["violations"] }).then(
    (result) => result.violations.map((rule) => ({
      id: rule.id,
      impact: rule.impact,
      help: rule.help,
      nodes: rule.nodes.map((node) => [node.target.join(" "), node.failureSummary]),
    })),
  );
}"""


def axe_violations(tab) -> list[dict]:
    """axe-core's violations on the page `tab` shows now, once its scripts settled."""
    tab.evaluate(SETTLED)
    tab.add_script_tag(path=str(AXE))
    tab.evaluate(START)
    return tab.evaluate("() => window.__axeResult")


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a URL path relative to its root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


@pytest.fixture(scope="module")
def violations(browser, built_site: Path, site_url: str) -> dict[str, dict]:
    """{view: {page: [violation, ...]}} for every page in every view."""
    require(AXE.is_file(), f"{AXE.relative_to(ROOT)} (npm ci)")
    tabs = {}
    for name, options in VIEWS.items():
        context = browser.new_context(reduced_motion="reduce", **options)
        context.set_default_timeout(60_000)
        tabs[name] = context.new_page()
    found: dict[str, dict] = {name: {} for name in VIEWS}
    try:
        for relative in site_pages(built_site):
            for tab in tabs.values():
                tab.goto(site_url + relative, wait_until="load")
                tab.evaluate(SETTLED)
                tab.add_script_tag(path=str(AXE))
                tab.evaluate(START)
            for name, tab in tabs.items():
                found[name][relative] = tab.evaluate("() => window.__axeResult")
    finally:
        for tab in tabs.values():
            tab.context.close()
    return found


def report(per_page: dict[str, list]) -> str:
    lines = []
    for relative, rules in per_page.items():
        for rule in rules:
            lines.append(
                f"/{relative}: {rule['id']} ({rule['impact']}): {rule['help']}"
            )
            for target, summary in rule["nodes"][:5]:
                detail = " ".join(summary.split())
                lines.append(f"    {target}: {detail[:300]}")
            if len(rule["nodes"]) > 5:
                lines.append(f"    ... and {len(rule['nodes']) - 5} more")
    return "\n".join(lines)


def test_every_page_is_checked(violations: dict[str, dict], built_site: Path) -> None:
    pages = site_pages(built_site)
    # The home page, every question, tags, contributing, print page, 404.
    assert len(pages) >= 22
    for per_page in violations.values():
        assert sorted(per_page) == sorted(pages)


@pytest.mark.parametrize("view", list(VIEWS))
def test_axe_finds_no_violation(violations: dict[str, dict], view: str) -> None:
    failing = {page: rules for page, rules in violations[view].items() if rules}
    assert not failing, f"axe-core violations ({view}):\n{report(failing)}"


@pytest.mark.parametrize("view", list(VIEWS))
def test_hovered_links_and_buttons_keep_their_contrast(
    browser, site_url: str, view: str
) -> None:
    """The theme colours a hovered link, and fills a hovered button, with the accent;
    the page-wide check above sees neither under the pointer."""
    require(AXE.is_file(), f"{AXE.relative_to(ROOT)} (npm ci)")
    context = browser.new_context(reduced_motion="reduce", **VIEWS[view])
    try:
        tab = context.new_page()
        tab.goto(site_url, wait_until="load")
        found = {}
        for name, selector in {
            "link": ".md-content p a[href]",
            "button": ".md-content .md-button",
        }.items():
            target = tab.locator(selector).first
            target.scroll_into_view_if_needed()
            target.hover()
            hovered = tab.evaluate(
                "(s) => getComputedStyle(document.querySelector(s)).color", selector
            )
            found[name] = (hovered, axe_violations(tab))
        assert {name: rules for name, (_, rules) in found.items()} == {
            "link": [],
            "button": [],
        }, report(
            {
                f"{name} hovered ({colour})": rules
                for name, (colour, rules) in found.items()
            }
        )
    finally:
        context.close()


# Text under 12 px, by the size it renders at: the text of an element hidden with
# `display: none` is left out, the text of a closed <details> is not (it opens).
# {small: [text outside tables], inTables: characters, characters: all of the page's}
SMALL_TEXT = """() => {
  const found = { small: [], inTables: 0, characters: 0 };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (!text || element.closest("script, style, template")) continue;
    let shown = true;
    for (let e = element; e && shown; e = e.parentElement)
      shown = getComputedStyle(e).display !== "none";
    if (!shown) continue;
    found.characters += text.length;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size >= 12) continue;
    if (element.closest("table")) found.inTables += text.length;
    else found.small.push(`${size}px ${element.tagName}: ${text}`);
  }
  return found;
}"""


def test_no_text_is_set_under_12_px_on_a_phone(
    browser, built_site: Path, site_url: str
) -> None:
    """Lighthouse's legible-text audit (best practices, mobile) fails a page when more
    than 40% of its text is under 12 px; code in the theme's admonitions and
    collapsible blocks was at 10.9 px (docs/assets/quality.css). Code in tables keeps
    the theme's size, so the question map fits a phone: a few percent of a page."""
    context = browser.new_context(**VIEWS["light-mobile"])
    try:
        tab = context.new_page()
        found = {}
        for relative in site_pages(built_site):
            tab.goto(site_url + relative, wait_until="load")
            tab.evaluate(SETTLED)
            found[relative] = tab.evaluate(SMALL_TEXT)
        failing = {
            page: seen["small"][:5] for page, seen in found.items() if seen["small"]
        }
        assert not failing, failing
        in_tables = {
            page: round(100 * seen["inTables"] / seen["characters"], 1)
            for page, seen in found.items()
        }
        assert max(in_tables.values()) < 5, in_tables
    finally:
        context.close()
