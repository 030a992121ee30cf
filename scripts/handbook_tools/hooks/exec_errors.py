"""A failing code block names its page.

markdown-exec reports a block that raised without saying which page holds it; its
warnings are prefixed here with the page's path, so the strict build's error says where
to look. The logger is markdown-exec's own (its formatters' module): no public hook
exists for this.
"""

from __future__ import annotations

import logging

MARKDOWN_EXEC_LOGGER = "mkdocs.plugins.markdown_exec._internal.formatters.base"
_current_page = {"path": "?"}


class _NamePage(logging.Filter):
    names_the_page = True

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = f"docs/{_current_page['path']}: {record.msg}"
        return True


def on_config(config, **_):
    # `mkdocs serve` loads this module again for every rebuild: one filter, this one's.
    logger = logging.getLogger(MARKDOWN_EXEC_LOGGER)
    for old in [f for f in logger.filters if getattr(f, "names_the_page", False)]:
        logger.removeFilter(old)
    logger.addFilter(_NamePage())
    return config


def on_page_markdown(markdown, page, **_):
    # Code blocks run while this page's Markdown is rendered, after this event.
    _current_page["path"] = page.file.src_uri
    return markdown
