"""A lean palette style sheet: the theme's rules for the 19 primary and 19 accent
colours this site does not use go (12 KB to 3 KB), and so does the rule that stops
transitions while the palette switches, `[data-md-color-switching] *`. The theme's
switch set and removed that attribute on the body at every page load, and such a
descendant rule makes each change restyle the whole page: about 50 ms of style work
per load on a desktop CPU, four times that on Lighthouse's mobile one. Our switch
(docs/assets/palette.js) never sets it; colours fade for a moment when a reader
switches the palette.

Our own small parser: the style sheet is minified CSS of plain rules and @media or
@supports blocks, and keeping a rule only needs its selectors; no CSS library on the
lock does this.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

_COLOUR_ATTRIBUTE = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
_SWITCHING = "[data-md-color-switching]"
PALETTE = "assets/stylesheets/palette.*.css"
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


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


def is_palette(uri: str) -> bool:
    """Whether the site's file at `uri` is the theme's palette style sheet."""
    return fnmatch.fnmatch(uri, PALETTE)


def on_post_build(config, **_) -> None:
    for sheet in Path(config.site_dir).glob(PALETTE):
        css = sheet.read_text(encoding="utf-8")
        sheet.write_text(lean_palette(css, palette_colours(config)), encoding="utf-8")
