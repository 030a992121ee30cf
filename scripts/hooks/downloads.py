"""The home page's download buttons (`<!-- handbook:downloads -->`) offer only what this
build has: the deck always, the PDF and the offline zip in a release
(scripts/downloads.py says which; scripts/release.py makes them)."""

from __future__ import annotations

from scripts import downloads
from scripts.hooks.offline import is_offline


def on_page_markdown(markdown, page, config, **_):
    if downloads.PLACEHOLDER in markdown:
        block = downloads.home_block(
            release=downloads.released(config), offline=is_offline(config)
        )
        markdown = markdown.replace(downloads.PLACEHOLDER, block)
    return markdown
