"""The Anki deck (scripts/handbook_tools/anki_deck.py): each question page's short
answer, read from the page as rendered, written into the site's downloads once the site
is built."""

from __future__ import annotations

from pathlib import Path

from scripts.handbook_tools import anki_deck, answer_box, downloads

_cards: list[anki_deck.Card] = []


def _card(page, config) -> anki_deck.Card | None:
    number = page.meta.get("question")
    if not number:
        return None
    answer, asked = answer_box.answer_from_html(page.content or "")
    if not answer:
        return None
    return anki_deck.Card(
        slug=Path(page.file.src_uri).stem,
        number=int(number),
        title=page.meta.get("title") or page.title or "",
        answer_html=answer,
        asked_as=asked,
        url=(config.site_url or "") + page.url,
        tags=list(page.meta.get("tags") or []),
    )


def on_env(env, config, files, **_):
    # Every page is rendered by now (or, in a fast rebuild, keeps what the last build
    # rendered: live_rebuild.py); the deck is written once the site is.
    pages = [file.page for file in files.documentation_pages()]
    _cards[:] = [card for page in pages if (card := _card(page, config))]
    return env


def on_post_build(config, **_) -> None:
    site = Path(config.site_dir)
    anki_deck.write_deck(_cards, site / downloads.DECK_FILE)
