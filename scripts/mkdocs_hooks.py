"""MkDocs hooks: make build failures name the page that caused them.

markdown-exec reports a failing code block without saying which page holds it; this hook
prefixes each of its warnings with the page's path, so the strict build's error is
actionable.
"""

import logging

_current_page = {"path": "?"}


class _NamePage(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = f"docs/{_current_page['path']}: {record.msg}"
        return True


logging.getLogger("mkdocs.plugins.markdown_exec._internal.formatters.base").addFilter(
    _NamePage()
)


def on_page_markdown(markdown, page, **_):
    _current_page["path"] = page.file.src_uri
    return markdown
