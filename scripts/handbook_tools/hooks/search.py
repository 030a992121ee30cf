"""Search that finds what a candidate types.

- Ranking: a written answer outranks the pages that only mention an identifier in
  passing (the home page's map and search tips, the contributing guide, the topics).
  A page's own `search: {boost: ...}` front matter wins.
- Identifiers as typed: scripts/handbook_tools/search_worker.js wraps Material's search
  worker so `keep-alive`, `dict.items` or `ETag` is searched as one identifier, pages
  rank by their best sections and result links carry the typed words (`?h=`); each
  page's theme configuration is pointed at the wrapper, written next to Material's
  worker.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

QUESTION_BOOST = 2
OVERVIEW_BOOST = 0.5

SEARCH_WORKER = Path(__file__).resolve().parent.parent / "search_worker.js"
SEARCH_WORKER_NAME = "handbook-search.js"
_MATERIAL_WORKER = re.compile(
    r'("search": "[^"]*assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)"'
)
_material_worker: dict[str, str] = {}


def boost(meta: dict) -> None:
    search = meta.setdefault("search", {})
    if not isinstance(search, dict) or "boost" in search or search.get("exclude"):
        return
    search["boost"] = QUESTION_BOOST if meta.get("question") else OVERVIEW_BOOST


def on_pre_build(**_) -> None:
    _material_worker.clear()


def on_page_markdown(markdown, page, **_):
    boost(page.meta)
    return markdown


def on_post_page(output, page, config, **_):
    match = _MATERIAL_WORKER.search(output)
    if match:
        _material_worker["name"] = match.group(2)
        output = _MATERIAL_WORKER.sub(rf'\g<1>{SEARCH_WORKER_NAME}"', output, count=1)
    return output


def on_post_build(config, **_) -> None:
    name = _material_worker.get("name")
    if not name:
        return
    workers = Path(config.site_dir) / "assets" / "javascripts" / "workers"
    if not (workers / name).is_file():
        raise PluginError(f"Material's search worker {name} is not in {workers}")
    source = SEARCH_WORKER.read_text(encoding="utf-8")
    (workers / SEARCH_WORKER_NAME).write_text(
        source.replace("__MATERIAL_WORKER__", name), encoding="utf-8"
    )
