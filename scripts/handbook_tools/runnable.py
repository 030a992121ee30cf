"""Which executed examples a reader can run in the browser, and their markup.

Every Python block markdown-exec runs with its source shown (`source="block"`) and every
prediction's output block (`result="text"` alone) (its code is the plain block above
the "Output" reveal) is offered to run, unless the fence or the page's front matter says
why a browser cannot run it:

    ```python exec="on" source="block" result="text" browser="needs a Redis server"
    ---
    browser: needs sockets and Django, which only the build machine has

`browser="run"` on a fence offers a block its page's reason would withhold (a WSGI
application called with an environ dict needs no socket). docs/assets/run.js reads the
markup written here; hooks/run_in_browser.py applies these rules as pages are rendered.
"""

from __future__ import annotations

import ast
import html
import platform
import sys
from dataclasses import dataclass, field

OFFER = "run"
RUNNABLE_CLASS = "handbook-run"
NOTE_CLASS = "handbook-run-note"
# What produced the page's outputs, for run.js to name beside the browser's Python.
BUILD_PYTHON = f"{platform.python_implementation()} {platform.python_version()}"


@dataclass
class PageExamples:
    """What one page's blocks offered. A withheld block is left out when the browser
    runs the later blocks of its session (the browser test shows none needs it)."""

    page_reason: str | None = None
    runnable: int = 0
    # The code of each prediction offered (run.js reads it from the block above).
    predictions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def imported_modules(code: str) -> set[str]:
    """The top-level names of the modules `code` imports (none if it does not parse)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.partition(".")[0])
    return names


def not_in_browser(code: str) -> list[str]:
    """Imports the browser's Python lacks: anything outside the standard library (the
    handbook's own `snippets` helpers included)."""
    return sorted(imported_modules(code) - set(sys.stdlib_module_names))


def wrap(
    rendered: str, code: str, options: dict, reason: str | None, page: PageExamples
) -> str:
    """`rendered` (markdown-exec's HTML for a block), marked to run or to say why."""
    shown = options.get("source") == "block"
    if not shown and (options.get("source") or options.get("result") != "text"):
        return rendered  # not an example: generated Markdown, the provenance note
    session = options.get("session") or ""
    reason = page.page_reason if reason is None else reason
    if reason and reason != OFFER:
        why = html.escape(reason)
        note = f"Runs only where the site is built: {why}."
        # Not in the search index: it would rank pages by a note about the browser.
        return f'{rendered}<p class="{NOTE_CLASS}" data-search-exclude>{note}</p>'
    missing = not_in_browser(code)
    if missing:
        page.problems.append(
            f"an example imports {', '.join(missing)}, which the browser's Python "
            'does not have: say why on its fence (browser="needs ...") or in the '
            "front matter"
        )
    page.runnable += 1
    attributes = [f'class="{RUNNABLE_CLASS}"', f'data-python="{BUILD_PYTHON}"']
    if session:
        attributes.append(f'data-session="{html.escape(session)}"')
    if not shown:
        page.predictions.append(code)
        attributes.append('data-source="above"')
    return f"<div {' '.join(attributes)}>\n{rendered}\n</div>"
