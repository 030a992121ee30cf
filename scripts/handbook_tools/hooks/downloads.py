"""The home page's download buttons (`<!-- handbook:downloads -->`) offer only what this
build has: the deck always, the PDF and the offline zip in a release
(scripts/handbook_tools/downloads.py says which; scripts/handbook_tools/release.py makes
them)."""

from __future__ import annotations

from scripts.handbook_tools import downloads
from scripts.handbook_tools.hooks.offline import is_offline


def on_page_markdown(markdown, page, config, **_):
    if downloads.PLACEHOLDER in markdown:
        block = downloads.home_block(
            release=downloads.released(config), offline=is_offline(config)
        )
        markdown = markdown.replace(downloads.PLACEHOLDER, block)
    return markdown
