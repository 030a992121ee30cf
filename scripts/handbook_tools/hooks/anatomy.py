"""A question page that breaks the anatomy (scripts/handbook_tools/anatomy.py) fails the
build, with every problem named by file and line."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.handbook_tools import anatomy


def on_page_markdown(markdown, page, **_):
    if not page.meta.get("question"):
        return markdown
    # The source file, not `markdown`: its line numbers count the front matter.
    messages = anatomy.report(Path(page.file.abs_src_path))
    if messages:
        raise PluginError(
            "page anatomy (docs/contributing.md):\n" + "\n".join(messages)
        )
    return markdown
