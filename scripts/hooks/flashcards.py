"""The Anki deck (scripts/anki_deck.py): each question page's short answer, read from
the page as rendered, written into the site's downloads once the site is built."""

from __future__ import annotations

from pathlib import Path

from scripts import anki_deck, downloads

_cards: dict[str, anki_deck.Card] = {}


def on_pre_build(**_) -> None:
    _cards.clear()


def on_page_content(html, page, config, **_):
    number = page.meta.get("question")
    if number:
        answer, asked = anki_deck.answer_from_html(html)
        if answer:
            _cards[page.file.src_uri] = anki_deck.Card(
                slug=Path(page.file.src_uri).stem,
                number=int(number),
                title=page.meta.get("title") or page.title or "",
                answer_html=answer,
                asked_as=asked,
                url=(config.site_url or "") + page.url,
                tags=list(page.meta.get("tags") or []),
            )
    return html


def on_post_build(config, **_) -> None:
    site = Path(config.site_dir)
    anki_deck.write_deck(list(_cards.values()), site / downloads.DECK_FILE)
