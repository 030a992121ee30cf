"""What a figure would be without a piece of the theme readers use
(scripts/benchmark.sh --without): the benchmark changes both built sites, ours and
stock, the same way before Lighthouse loads them, and prints what it measured.
The sites are the benchmark's scratch copies; nothing in the project changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

# Material's bundle feeds its components, and our scripts, through `document$`. The stub
# keeps only what our scripts call: `document$.subscribe(f)` calls f with the page, and
# after_paint.py's hand-over calls `next`.
THEME_SCRIPT_STUB = (
    "window.document$={subscribe:function(f){f(document);"
    "return{unsubscribe:function(){}}},next:function(){}};\n"
)
# The bundle mounts search on each element marked as its component, and fetches the
# index when the page has a form named "search" (Material's bundle.ts).
_SEARCH_HOOKS = re.compile(r'\s(?:data-md-component="search"|name="search")')


def without_theme_script(site: Path) -> None:
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise SystemExit(
            f"{site}: no assets/javascripts/bundle.*.min.js, the theme's script; "
            "the theme's layout changed (benchmark/variants.py)"
        )
    for bundle in bundles:
        bundle.write_text(THEME_SCRIPT_STUB, encoding="utf-8")
        bundle.with_name(bundle.name + ".map").unlink(missing_ok=True)


def without_theme_search(site: Path) -> None:
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html, count = _SEARCH_HOOKS.subn("", html)
        if count:
            page.write_text(html, encoding="utf-8")
            changed += 1
    if not changed:
        raise SystemExit(
            f"{site}: no page marks the theme's search component or form; the"
            " theme's template changed (benchmark/variants.py)"
        )


class Variant(NamedTuple):
    description: str  # what the report says was measured
    apply: Callable[[Path], None]  # changes a built site


# The option's value -> its variant.
VARIANTS = {
    "theme-script": Variant(
        "the theme's script replaced by a stub that only gives our scripts"
        " `document$` (no search, instant navigation, copy buttons, following table of"
        " contents, back-to-top button or linked content tabs)",
        without_theme_script,
    ),
    "theme-search": Variant(
        "the theme's search switched off (its component and form unmarked in every"
        " page's HTML)",
        without_theme_search,
    ),
}
