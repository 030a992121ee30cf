"""Search that finds what a candidate types.

- Ranking: a written answer outranks the pages that only mention an identifier in
  passing (the home page's map and search tips, the contributing guide, the topics).
  A page's own `search: {boost: ...}` front matter wins.
- Identifiers as typed: scripts/handbook_tools/search_worker.js wraps Material's search
  worker so `keep-alive`, `dict.items` or `ETag` is searched as one identifier, pages
  rank by their best sections and result links carry the typed words (`?h=`); each
  page's theme configuration is pointed at the wrapper, written next to Material's
  worker.
- The first visit's weight: search/search_index.json, which every page fetches at once,
  holds the configuration alone; the documents move to search/search_index.full.json,
  which the worker fetches when the reader first types a query. The offline copy keeps
  the whole index inline: from file:// the theme already waits for search to open.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.handbook_tools.hooks.offline import is_offline

QUESTION_BOOST = 2
OVERVIEW_BOOST = 0.5

SEARCH_WORKER = Path(__file__).resolve().parent.parent / "search_worker.js"
SEARCH_WORKER_NAME = "handbook-search.js"
FULL_INDEX_NAME = "search_index.full.json"
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
    full_index = ""  # the offline copy keeps its documents in search_index.json
    if not is_offline(config):
        documents = split_index(Path(config.site_dir))
        full_index = Path(os.path.relpath(documents, workers)).as_posix()
    source = SEARCH_WORKER.read_text(encoding="utf-8")
    source = source.replace("__MATERIAL_WORKER__", name)
    (workers / SEARCH_WORKER_NAME).write_text(
        source.replace("__FULL_INDEX__", full_index), encoding="utf-8"
    )


def split_index(site_dir: Path) -> Path:
    """Move the documents of search_index.json to their own file; the page's copy keeps
    the configuration (separator, language, pipeline) that search and highlighting
    need at once. Returns the documents' file."""
    index_path = site_dir / "search" / "search_index.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
        config, docs = index["config"], index["docs"]
    except (OSError, ValueError, KeyError) as error:
        raise PluginError(f"{index_path}: not a search index ({error!r})") from None
    full_path = index_path.with_name(FULL_INDEX_NAME)
    # Written by the search plugin at every build, including a dirty one: the split
    # runs again on each.
    full_path.write_text(json.dumps({"docs": docs}, separators=(",", ":")), "utf-8")
    index_path.write_text(
        json.dumps({"config": config, "docs": []}, separators=(",", ":")), "utf-8"
    )
    return full_path
