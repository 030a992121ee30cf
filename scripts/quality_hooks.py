"""MkDocs hooks for the quality gates: accessible, valid and lean HTML on every page.

tests/browser/test_accessibility.py (axe-core) and tests/site/test_html_valid.py (the Nu
HTML Checker) check what these fix in the theme's and the plugins' markup:

- Material puts `autocomplete="off"` on its two checkbox toggles (drawer, search), an
  attribute HTML allows on text-like inputs only. It keeps Firefox from restoring an
  open drawer when a reader comes back to a page; Material closes both on navigation.
- A page whose table of contents is empty (the print page) keeps the theme's
  `<label for="__toc">` pointing at a toggle that is not there.
- The print page (mkdocs-print-site-plugin, written in the plugin's own on_post_build,
  so never seen by on_post_page):
  - a `<nav class='md-tags'>` without a name above every chapter: a dozen navigation
    landmarks nobody can tell apart. There the tags are a list of words: a `<div>`;
  - `heading-number="2.1"` attributes on sections: not HTML; `data-heading-number`;
  - its numbering `<style>` block at the end of the body: moved into the head.

And lean (scripts/benchmark.py measures it with Lighthouse):

- mkdocs-print-site-plugin adds its style sheets and script to every page, where they
  do nothing on screen: only the print page keeps them (two render-blocking style
  sheets and a script fewer per page).
- The theme's bundle and the extra scripts load with `defer`: the browser paints the
  page before it runs them (they act on the whole document, which is parsed by then).
- The short answer's body is wrapped at build time in the element practice mode
  (docs/assets/practice.js) hides and reveals. Wrapped by the script after load, the
  answer's paragraph, the largest thing on a question page's first screen, was moved
  and painted again: Lighthouse's Largest Contentful Paint came a second later.
- The theme's palette style sheet: its rules for the 19 primary and 19 accent colours
  this site does not use go (12 KB to 3 KB), and so does the rule that stops
  transitions while the palette switches, `[data-md-color-switching] *`. The theme's
  script sets and removes that attribute on the body at every page load, and such a
  descendant rule makes each change restyle the whole page: about 50 ms of style work
  per load on a desktop CPU, four times that on Lighthouse's mobile one. Without it,
  colours fade for a moment when a reader switches the palette.
"""

from __future__ import annotations

import re
from pathlib import Path

PRINT_PAGE_MARK = 'id="print-site-page"'
PRINT_PAGE_TAGS = "<nav class='md-tags'>"

_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"'
)
_HEADING_NUMBER = re.compile(r"(<section [^>]*?)\bheading-number=")
_BODY_STYLE = re.compile(r"<style>\.print-site-enumerate-headings.*?</style>", re.S)
_PRINT_SITE_ASSETS = re.compile(
    r'[ \t]*(?:<link rel="stylesheet" href="[^"]*css/print-site[\w-]*\.css">'
    r'|<script src="[^"]*js/print-site\.js"></script>)\n?'
)
_BLOCKING_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
_COLOUR_ATTRIBUTE = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
_SWITCHING = "[data-md-color-switching]"
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def on_post_page(output: str, page, config, **_) -> str:
    return lean_html(valid_html(output))


def on_page_content(html: str, page, config, **_) -> str:
    # After scripts/mkdocs_hooks.py (listed first in mkdocs.yml) read the short answer
    # for the flashcards: the deck holds the answer as written.
    return wrap_answers(html, Path(page.file.src_uri).stem)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # Theme pages rendered outside the page loop: 404.html.
    if template_name.endswith(".html"):
        return lean_html(valid_html(output_content))
    return output_content


def on_post_build(config, **_) -> None:
    site = Path(config.site_dir)
    for sheet in site.glob("assets/stylesheets/palette.*.css"):
        css = sheet.read_text(encoding="utf-8")
        sheet.write_text(lean_palette(css, palette_colours(config)), encoding="utf-8")
    # Hooks run after every plugin, so the print page is written by now.
    plugin = config.plugins.get("print-site")
    print_page = getattr(plugin, "print_page", None)
    if print_page is None:
        return
    path = Path(print_page.file.abs_dest_path)
    html = path.read_text(encoding="utf-8") if path.is_file() else ""
    if PRINT_PAGE_MARK in html:
        path.write_text(print_page_html(valid_html(html)), encoding="utf-8")


def valid_html(html: str) -> str:
    """The fixes every page built from the theme's templates needs."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(
            '<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">'
        )
    return html


ANSWER_BOX = '<div class="admonition answer">'
_ANSWER_TITLE = re.compile(r'\s*<p class="admonition-title">.*?</p>', re.S)
_DIV_TAG = re.compile(r"<div\b|</div>")


def wrap_answers(html: str, slug: str) -> str:
    """Each short-answer box's content after its title inside
    `<div class="handbook-answer-body" id="handbook-answer-SLUG[-N]">`: the element
    practice.js hides, ready before the page is painted. Ids carry the page's slug, as
    the print page holds every page's answer."""
    out, position, count = [], 0, 0
    while (start := html.find(ANSWER_BOX, position)) >= 0:
        title = _ANSWER_TITLE.match(html, start + len(ANSWER_BOX))
        end, depth = start + len(ANSWER_BOX), 1
        for tag in _DIV_TAG.finditer(html, end):
            depth += 1 if tag[0] == "<div" else -1
            if not depth:
                end = tag.start()
                break
        if title is None or depth or "handbook-answer-body" in html[start:end]:
            out.append(html[position : start + len(ANSWER_BOX)])
            position = start + len(ANSWER_BOX)
            continue
        ident = f"handbook-answer-{slug}" + (f"-{count}" if count else "")
        count += 1
        out += [
            html[position : title.end()],
            f'\n<div class="handbook-answer-body" id="{ident}">',
            html[title.end() : end],
            "</div>\n",
        ]
        position = end
    out.append(html[position:])
    return "".join(out)


def lean_html(html: str) -> str:
    """What every page but the print page can do without, and scripts deferred."""
    html = _PRINT_SITE_ASSETS.sub("", html)
    return _BLOCKING_SCRIPT.sub(r'<script src="\1" defer></script>', html)


def print_page_html(html: str) -> str:
    """The fixes the print page's own markup needs."""
    parts = html.split(PRINT_PAGE_TAGS)
    out = [parts[0]]
    for part in parts[1:]:
        tags, sep, rest = part.partition("</nav>")
        if sep:
            out.append(f'<div class="md-tags">{tags}</div>{rest}')
        else:
            out.append(PRINT_PAGE_TAGS + part)
    html = _HEADING_NUMBER.sub(r"\1data-heading-number=", "".join(out))
    styles = _BODY_STYLE.findall(html)
    if styles:
        html = _BODY_STYLE.sub("", html)
        html = html.replace("</head>", "\n".join(styles) + "\n</head>", 1)
    return html


# --- The palette style sheet ----------------------------------------------------------


def palette_colours(config) -> dict[str, set[str]]:
    """{'primary': {...}, 'accent': {...}}: the colours theme.palette uses."""
    palette = config.theme.get("palette") or []
    entries = palette if isinstance(palette, list) else [palette]
    used: dict[str, set[str]] = {"primary": set(), "accent": set()}
    for entry in entries:
        for kind in used:
            used[kind].add(str(entry.get(kind, "indigo")).replace(" ", "-").lower())
    return used


def _rules(css: str, start: int = 0) -> tuple[list, int]:
    """[(prelude, body)] of one level of a style sheet; body is a list for @media and
    @supports blocks, None for a statement (@import), else the declarations."""
    rules: list = []
    i = start
    while i < len(css):
        if css[i] == "}":
            return rules, i + 1
        if css.startswith("/*", i):
            i = css.index("*/", i) + 2
            continue
        if css[i].isspace():
            i += 1
            continue
        brace, semicolon = css.index("{", i), css.find(";", i)
        if css[i] == "@" and 0 <= semicolon < brace:
            rules.append((css[i : semicolon + 1], None))
            i = semicolon + 1
        elif css.startswith(("@media", "@supports"), i):
            prelude = css[i:brace].strip()
            inner, i = _rules(css, brace + 1)
            rules.append((prelude, inner))
        else:
            end = css.index("}", brace)
            rules.append((css[i:brace].strip(), css[brace + 1 : end]))
            i = end + 1
    return rules, i


def _keep(selector: str, used: dict[str, set[str]]) -> bool:
    if _SWITCHING in selector:
        return False
    return all(m[2] in used[m[1]] for m in _COLOUR_ATTRIBUTE.finditer(selector))


def _write(rules: list, used: dict[str, set[str]]) -> str:
    out = []
    for prelude, body in rules:
        if body is None:
            out.append(prelude)
        elif isinstance(body, list):
            inner = _write(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        else:
            selectors = [s for s in prelude.split(",") if _keep(s, used)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def lean_palette(css: str, used: dict[str, set[str]]) -> str:
    """The palette style sheet without the colours `used` does not name, nor the
    palette-switching rule; the source map comment goes, as the map no longer fits."""
    rules, _ = _rules(_SOURCE_MAP.sub("", css))
    return _write(rules, used)
