"""MkDocs hooks: what the build adds around the pages.

- Failures name their page: markdown-exec reports a failing code block without saying
  which page holds it; its warnings are prefixed with the page's path, so the strict
  build's error is actionable.
- Each page knows when it last changed (`page.meta.last_changed`, from git; a clear
  label when there is no git history), shown at its foot by docs/overrides/main.html.
- The home page's map of the questions (`<!-- handbook:question-map -->`) is generated
  from the pages' front matter: levels, topics, and which answers are still coming.
- Search ranks written answers above pages that only mention a term, and its worker
  (scripts/search_worker.js) reads `keep-alive` or `dict.items` as one identifier.
- The Anki deck (scripts/flashcards.py) is written from the short answers as rendered;
  the home page's download buttons name only what this build has (scripts/downloads.py).
- The print page's contents links reach the page titles (a print-site plugin gap).
- The offline build (HANDBOOK_OFFLINE=true, scripts/archive.py) serves the iframe-worker
  shim that lets search run from file:// from the site's own assets, not from a CDN. It
  is copied from node_modules (`npm ci`, run by `scripts/setup.sh test`).
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
# `.venv/bin/mkdocs` does not put the project on the path. MkDocs restores sys.path
# after importing a hook, so the path is set here for this import and again in
# on_config for the pages' code blocks (which import `snippets`).
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import downloads, flashcards  # noqa: E402
from scripts.git import git_output  # noqa: E402

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_LICENSE = Path("node_modules/iframe-worker/LICENSE")
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"

_current_page = {"path": "?"}
_cards: dict[str, flashcards.Card] = {}


class _NamePage(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = f"docs/{_current_page['path']}: {record.msg}"
        return True


logging.getLogger("mkdocs.plugins.markdown_exec._internal.formatters.base").addFilter(
    _NamePage()
)


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config, **_):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if _offline(config):
        # Instant navigation needs a server: from file:// Material skips it, and its
        # document$ then never fires for the page's scripts. The offline copy uses
        # plain page loads.
        features = config.theme.get("features") or []
        config.theme["features"] = [
            f for f in features if not f.startswith("navigation.instant")
        ]
        # Replace the CDN polyfill the offline plugin adds with the self-hosted copy.
        polyfills = [
            url
            for url in config.extra.get("polyfills", [])
            if "iframe-worker" not in url
        ]
        config.extra["polyfills"] = [*polyfills, SHIM_TARGET]
    return config


def on_pre_build(config, **_):
    _cards.clear()
    _material_worker.clear()
    _git.cache_clear()


# --- When each page last changed ------------------------------------------------------


# Cached: every page asks about the same repository.
_git = functools.cache(git_output)


def last_changed(path: Path) -> dict[str, str]:
    """{'date': 'YYYY-MM-DD' or '', 'label': what a reader sees} for a source file."""
    cwd = str(path.parent)
    inside = _git("rev-parse", "--is-inside-work-tree", cwd=cwd)
    if inside != "true":
        return {
            "date": "",
            "label": "Last change: not recorded (built without git history)",
        }
    date = _git("log", "-1", "--format=%cs", "--", path.name, cwd=cwd)
    if not date:
        return {"date": "", "label": "Last change: not yet committed"}
    label = f"Last changed on {date}"
    if _git("status", "--porcelain", "--", path.name, cwd=cwd):
        label += " (edited since, not yet committed)"
    elif _git("rev-parse", "--is-shallow-repository", cwd=cwd) == "true":
        label = f"Last changed on or before {date} (shallow git history)"
    return {"date": date, "label": label}


def on_page_markdown(markdown, page, config, **_):
    _current_page["path"] = page.file.src_uri
    if page.file.abs_src_path:
        page.meta["last_changed"] = last_changed(Path(page.file.abs_src_path))
    _boost_search(page)
    if QUESTION_MAP in markdown:
        markdown = markdown.replace(QUESTION_MAP, question_map(config))
    if downloads.PLACEHOLDER in markdown:
        block = downloads.home_block(
            release=downloads.released(config), offline=_offline(config)
        )
        markdown = markdown.replace(downloads.PLACEHOLDER, block)
    return markdown


# --- Search ranking -------------------------------------------------------------------

# A written answer outranks the pages that only mention an identifier in passing (the
# home page's map and search tips, the contributing guide, the topic index). A page's
# own `search: {boost: ...}` front matter wins.
QUESTION_BOOST = 2
OVERVIEW_BOOST = 0.5


def _boost_search(page) -> None:
    search = page.meta.setdefault("search", {})
    if not isinstance(search, dict) or "boost" in search or search.get("exclude"):
        return
    if page.meta.get("question") and not page.meta.get("coming"):
        search["boost"] = QUESTION_BOOST
    elif not page.meta.get("question"):
        search["boost"] = OVERVIEW_BOOST


# --- The home page's map of the questions ---------------------------------------------

QUESTION_MAP = "<!-- handbook:question-map -->"


def _front_matter(path: Path) -> tuple[dict, str]:
    """(front matter, first H1 in Markdown) of a page source."""
    text = path.read_text(encoding="utf-8")
    meta: dict = {}
    if text.startswith("---\n"):
        _, head, text = text.split("---\n", 2)
        try:
            meta = yaml.safe_load(head) or {}
        except yaml.YAMLError:
            meta = {}  # MkDocs reports the broken front matter on that page itself
    heading = next(
        (line[2:].strip() for line in text.splitlines() if line.startswith("# ")), ""
    )
    return meta, heading


def question_map(config) -> str:
    """Markdown tables of every question, per nav section, then the questions per topic,
    from the pages' own front matter: a written page shows its level and tags, a
    placeholder (`coming: true`) is marked as coming."""
    docs = Path(config.docs_dir)
    sections: list[tuple[str, list[str]]] = []
    for entry in config.nav or []:
        if isinstance(entry, dict):
            for name, items in entry.items():
                pages = (
                    [i for i in items if isinstance(i, str)]
                    if isinstance(items, list)
                    else []
                )
                pages = [i for i in pages if i.startswith("questions/")]
                if pages:
                    sections.append((name, pages))
    by_topic: dict[str, list[tuple[int, str, str]]] = {}
    out: list[str] = []
    for name, pages in sections:
        out += [
            f"### {name}",
            "",
            "| # | Question | Level | Topics |",
            "|--:|---|---|---|",
        ]
        for uri in pages:
            meta, heading = _front_matter(docs / uri)
            number = meta.get("question", "")
            title = heading or meta.get("title", uri)
            if meta.get("coming"):
                level, topics = "*coming*", ""
            else:
                level = meta.get("difficulty", "")
                topics = ", ".join(meta.get("tags") or [])
                for tag in meta.get("tags") or []:
                    by_topic.setdefault(tag, []).append((number, uri, title))
            out.append(f"| {number} | [{title}]({uri}) | {level} | {topics} |")
        out.append("")
    if by_topic:
        out += ["### By topic", ""]
        for tag in sorted(by_topic):
            pages = sorted(by_topic[tag])
            links = ", ".join(f"[{title}]({uri})" for _, uri, title in pages)
            out.append(f"- **{tag}**: {links}")
        out.append("")
    written = len({uri for v in by_topic.values() for _, uri, _ in v})
    total = sum(len(pages) for _, pages in sections)
    if written < total:
        out.append(
            f"{written} of {total} answers are written; pages marked *coming* are "
            "being written and their links already work."
        )
    return "\n".join(out)


# --- The search worker ----------------------------------------------------------------

# scripts/search_worker.js wraps Material's search worker so identifiers are searched as
# typed (`keep-alive`, `dict.items`); each page's theme configuration points at it.
SEARCH_WORKER = ROOT / "scripts" / "search_worker.js"
SEARCH_WORKER_NAME = "handbook-search.js"
_MATERIAL_WORKER = re.compile(
    r'("search": "[^"]*assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)"'
)
_material_worker: dict[str, str] = {}


def on_post_page(output, page, config, **_):
    match = _MATERIAL_WORKER.search(output)
    if match:
        _material_worker["name"] = match.group(2)
        output = _MATERIAL_WORKER.sub(rf'\g<1>{SEARCH_WORKER_NAME}"', output, count=1)
    return output


def _write_search_worker(site: Path) -> None:
    name = _material_worker.get("name")
    if not name:
        return
    workers = site / "assets" / "javascripts" / "workers"
    if not (workers / name).is_file():
        raise PluginError(f"Material's search worker {name} is not in {workers}")
    source = SEARCH_WORKER.read_text(encoding="utf-8")
    (workers / SEARCH_WORKER_NAME).write_text(
        source.replace("__MATERIAL_WORKER__", name), encoding="utf-8"
    )


# --- The flashcard deck ---------------------------------------------------------------


def on_page_content(html, page, config, **_):
    number = page.meta.get("question")
    if number and not page.meta.get("coming"):
        answer, asked = flashcards.answer_from_html(html)
        if answer:
            _cards[page.file.src_uri] = flashcards.Card(
                slug=Path(page.file.src_uri).stem,
                number=int(number),
                title=page.meta.get("title") or page.title or "",
                answer_html=answer,
                asked_as=asked,
                url=(config.site_url or "") + page.url,
                tags=list(page.meta.get("tags") or []),
            )
    return html


# --- The print page -------------------------------------------------------------------

_PRINT_SECTION = re.compile(
    r'(<section class="print-page" id="([^"]+)"[^>]*>'
    r'(?:(?!<h1|</section>).)*?<h1 id=")',
    re.S,
)


def _fix_print_page_anchors(site: Path) -> None:
    """mkdocs-print-site-plugin prefixes every heading id with its page's key except the
    page title's, yet its contents list links to the prefixed id: prefix it too."""
    for page in (site / "print_page" / "index.html", site / "print_page.html"):
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            fixed = _PRINT_SECTION.sub(lambda m: f"{m.group(1)}{m.group(2)}-", html)
            page.write_text(fixed, encoding="utf-8")


@event_priority(-50)  # after mkdocs-print-site-plugin has written the print page
def on_post_build(config, **_):
    site = Path(config.site_dir)
    _write_search_worker(site)
    _fix_print_page_anchors(site)
    flashcards.write_deck(list(_cards.values()), site / downloads.DECK_FILE)
    if _offline(config):
        base = Path(config.config_file_path).parent
        if not (base / SHIM_SOURCE).is_file():
            raise PluginError(
                f"offline build: {SHIM_SOURCE} is missing; run `npm ci` "
                "(scripts/setup.sh test does): offline search needs the shim"
            )
        target = site / SHIM_TARGET
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(base / SHIM_SOURCE, target)
        shutil.copyfile(
            base / SHIM_LICENSE, target.with_name("iframe-worker-LICENSE.txt")
        )
