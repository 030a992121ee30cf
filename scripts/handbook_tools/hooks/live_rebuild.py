"""Fast rebuilds under `scripts/serve.sh` (`mkdocs serve --dirty`): a saved snippet
re-renders the pages that use it and nothing else. The logic and the state that lasts
from one rebuild to the next are in scripts/handbook_tools/live_rebuild.py; this module
wires its events. A plain `mkdocs build` only has the snippet modules of earlier builds
forgotten.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import clean_directory

from scripts.handbook_tools import live_rebuild as live

DIRTY_NOTICE = "A 'dirty' build is being performed"


class _DirtyNotice(logging.Filter):
    """MkDocs warns before every dirty build, and a strict build stops on any warning:
    here every rebuild is dirty by design, and is kept whole by this feature."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)


def on_startup(command, dirty, **_) -> None:
    live.STATE.active = command == "serve" and dirty
    if live.STATE.active:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
        # The print page fixes every page's links and ids on each build (about 2 s,
        # mkdocs_print_site_plugin.urls): a page whose HTML did not change gets the
        # result of the last build. The function depends on its arguments alone.
        from mkdocs_print_site_plugin import renderer

        renderer.fix_internal_links = functools.lru_cache(maxsize=64)(
            renderer.fix_internal_links
        )


def on_pre_build(config, **_) -> None:
    live.forget_snippet_modules()
    if not live.STATE.active:
        return
    # Every Jinja environment of this build (the pages', the print page's) compiles
    # each template only once per process.
    get_env = config.theme.get_env

    def env_with_compiled_templates():
        env = get_env()
        env.bytecode_cache = live.STATE.templates
        return env

    config.theme.get_env = env_with_compiled_templates
    if live.start_build(Path(config.docs_dir), Path(config.config_file_path)):
        clean_directory(config.site_dir)
        search = config.plugins.get("material/search")
        if search is not None:
            search.search_index_prev = None


def on_files(files, config, **_):
    if live.STATE.active:
        for file in files.documentation_pages():
            again = not file.abs_src_path or live.needs_render(
                file.src_uri, Path(file.abs_src_path)
            )
            # One answer for the whole build: MkDocs asks when it renders the page and
            # again when it writes it.
            file.is_modified = functools.partial(bool, again)
    return files


# Before any on_env that reads every page: the tags plugin's listing (100), the deck's.
@event_priority(110)
def on_env(env, config, files, **_):
    if not live.STATE.active:
        return env
    tags = config.plugins.get("material/tags")
    rendered: set[str] = set()
    for file in files.documentation_pages():
        if file.is_modified():
            live.keep(file.page)
            rendered.add(file.page.url)
        else:
            live.restore(file.page)
            if tags is not None:  # it reads the tags from the front matter
                tags.mappings.add(file.page, file.page.markdown)
    # Material's search merges a dirty build's entries into the last index by the first
    # rebuilt page's URL only; the entries of every page not rebuilt are carried over
    # here instead, and the plugin indexes the rebuilt ones as usual.
    search = config.plugins.get("material/search")
    previous = getattr(search, "search_index_prev", None)
    if previous is not None:
        search.search_index.entries.extend(
            entry
            for entry in previous.entries
            if entry["location"].partition("#")[0] not in rendered
        )
        search.search_index_prev = None
    return env
