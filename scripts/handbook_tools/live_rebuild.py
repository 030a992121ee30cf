"""Fast rebuilds while `scripts/serve.sh` runs (`mkdocs serve --dirty`): saving a
snippet re-renders only the pages that use it.

MkDocs' dirty build renders a page again only when its Markdown is newer than its HTML:
it knows nothing of the snippet files a page includes, nor of the snippet modules its
code blocks import. Here a page is rendered again when its Markdown, a snippet package
it includes, or a snippet package those import changed since the build that last
rendered it. Any other change (a page, mkdocs.yml, a template, a style sheet) rebuilds
the whole site from a clean directory, as `mkdocs serve` does.

A page not rendered again keeps what the last build gave it (its Markdown, metadata,
HTML, table of contents, anchors), so whatever is made from every page stays whole: the
navigation's titles, the search index, the print page, the Anki deck, the anchor checks.

Kept as our own code: no MkDocs plugin tracks what pymdownx.snippets includes or what
markdown-exec's code imports. MkDocs loads its hook files afresh for every rebuild; this
module is imported once per process, so the state below lasts from one rebuild to the
next (scripts/handbook_tools/hooks/live_rebuild.py calls it).
"""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from scripts.handbook_tools.facts import ROOT

SNIPPETS = ROOT / "snippets"
# What a page includes: `--8<-- "pkg/file.py:section"`.
_INCLUDE = re.compile(r'--8<--\s+"([^"/:]+)')
# What a snippet refers to in another package: `snippets.zoo_project`,
# `snippets/loopback`.
_REFERENCE = re.compile(r"\bsnippets[./](\w+)")
# The Topics page lists every page by tag (Material's tags plugin): it is rendered on
# every build, from the tags of every page, restored ones included.
LISTING = "<!-- material/tags"

# What rendering a page sets on it (mkdocs.structure.pages.Page.read_source and render),
# and `html`, which mkdocs-print-site-plugin sets for the print page.
RENDERED = (
    "markdown",
    "meta",
    "content",
    "toc",
    "_title_from_render",
    "present_anchor_ids",
    "links_to_anchors",
    "canonical_url",
    "abs_url",
    "edit_url",
    "html",
)


class _Templates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process instead of once per rebuild."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class _State:
    active: bool = False  # serving with --dirty
    started: float = 0.0  # when the current build started
    previous: float = 0.0  # when the previous one did
    rendered: dict[str, tuple[float, dict]] = field(default_factory=dict)
    templates: _Templates = field(default_factory=_Templates)


STATE = _State()


def _files(unit: str) -> list[Path]:
    path = SNIPPETS / unit
    if path.is_file():
        return [path]
    if not path.is_dir():
        path = SNIPPETS / f"{unit}.py"
        return [path] if path.is_file() else []
    return [p for p in path.rglob("*") if p.is_file() and not _cache_or_hidden(p)]


def _cache_or_hidden(path: Path) -> bool:
    parts = path.relative_to(SNIPPETS).parts
    return any(part.startswith(".") or part == "__pycache__" for part in parts)


def dependencies(markdown: str) -> list[Path]:
    """The snippet files a page's output depends on: the packages it includes, and those
    they name in turn."""
    todo = {name.partition(".")[0] for name in _INCLUDE.findall(markdown)}
    todo |= set(_REFERENCE.findall(markdown))
    seen: set[str] = set()
    found: list[Path] = []
    while todo:
        unit = todo.pop()
        seen.add(unit)
        for path in _files(unit):
            found.append(path)
            if path.suffix == ".py":
                text = path.read_text(encoding="utf-8", errors="replace")
                todo |= {n for n in _REFERENCE.findall(text) if n not in seen}
    return found


def _newest(paths) -> float:
    return max((p.stat().st_mtime for p in paths if p.exists()), default=0.0)


def start_build(docs_dir: Path, config_file: Path) -> bool:
    """Note a build's start; True when it must rebuild everything."""
    STATE.previous, STATE.started = STATE.started, time.time()
    inputs = [config_file, *(p for p in docs_dir.rglob("*") if p.is_file())]
    if STATE.rendered and _newest(inputs) >= STATE.previous:
        STATE.rendered.clear()
    return not STATE.rendered


def needs_render(uri: str, source: Path) -> bool:
    """Whether the page at `uri` (its Markdown at `source`) must be rendered again."""
    if uri not in STATE.rendered:
        return True
    rendered_at = STATE.rendered[uri][0]
    text = source.read_text(encoding="utf-8")
    if LISTING in text:
        return True
    return _newest([source, *dependencies(text)]) >= rendered_at


def keep(page) -> None:
    """Remember what this build rendered for `page`."""
    state = {name: getattr(page, name) for name in RENDERED if hasattr(page, name)}
    STATE.rendered[page.file.src_uri] = (STATE.started, state)


def restore(page) -> None:
    """Give a page not rendered again what the last build rendered for it."""
    for name, value in STATE.rendered[page.file.src_uri][1].items():
        setattr(page, name, value)


def forget_snippet_modules() -> None:
    """Drop the snippet modules earlier builds imported, so code blocks import the files
    as they are now saved."""
    folder = f"{SNIPPETS}{os.sep}"
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None) or ""
        if name.partition(".")[0] == SNIPPETS.name or path.startswith(folder):
            del sys.modules[name]
