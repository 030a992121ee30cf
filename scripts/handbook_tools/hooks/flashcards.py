"""The Anki deck (scripts/handbook_tools/anki_deck.py): each question page's short
answer, predictions and follow-ups, read from the page as rendered (deck.py), written
into the site's downloads once the site is built."""

from __future__ import annotations

from pathlib import Path

from scripts.handbook_tools import anki_deck, deck, downloads

_cards: list[anki_deck.Card] = []


def on_env(env, config, files, **_):
    # Every page is rendered by now (or, in a fast rebuild, keeps what the last build
    # rendered: live_rebuild.py); the deck is written once the site is.
    pages = [file.page for file in files.documentation_pages()]
    site_url = config.site_url or ""
    _cards[:] = [card for page in pages for card in deck.cards_of(page, site_url)]
    return env


def on_post_build(config, **_) -> None:
    site = Path(config.site_dir)
    anki_deck.write_deck(_cards, site / downloads.DECK_FILE)
