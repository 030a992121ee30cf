"""The Anki deck (scripts/handbook_tools/anki_deck.py): each question page's short
answer, predictions and follow-ups, read from the page as rendered, written into the
site's downloads once the site is built."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from scripts.handbook_tools import anki_deck, answer_box, downloads, drills

_cards: list[anki_deck.Card] = []


def _cards_of(page, config) -> list[anki_deck.Card]:
    number = page.meta.get("question")
    if not number:
        return []
    content = page.content or ""
    answer, asked = answer_box.answer_from_html(content)
    if not answer:
        return []
    card = anki_deck.Card(
        slug=Path(page.file.src_uri).stem,
        number=int(number),
        title=page.meta.get("title") or page.title or "",
        answer_html=answer,
        asked_as=asked,
        url=(config.site_url or "") + page.url,
        tags=list(page.meta.get("tags") or []),
    )
    return [card] + [
        dataclasses.replace(
            card,
            kind=drill.kind,
            key=drill.key,
            question_html=drill.question_html,
            asked_as="",
            prompt_html=drill.prompt_html,
            answer_html=drill.answer_html,
        )
        for drill in drills.drills_from_html(content)
    ]


def on_env(env, config, files, **_):
    # Every page is rendered by now (or, in a fast rebuild, keeps what the last build
    # rendered: live_rebuild.py); the deck is written once the site is.
    pages = [file.page for file in files.documentation_pages()]
    _cards[:] = [card for page in pages for card in _cards_of(page, config)]
    return env


def on_post_build(config, **_) -> None:
    site = Path(config.site_dir)
    anki_deck.write_deck(_cards, site / downloads.DECK_FILE)
