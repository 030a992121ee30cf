"""The deck: the cards of a rendered question page, which both the Anki file
(hooks/flashcards.py) and the in-browser trainers (hooks/training.py: spaced review and
the mock interview) are made of, so the two never hold different cards.

A page gives a card for its short answer, then one for each prediction and follow-up
(drills.py), read from its HTML as the site shows it (answer_box.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from scripts.handbook_tools import answer_box, drills
from scripts.handbook_tools.anki_deck import Card


def cards_of(page, site_url: str = "") -> list[Card]:
    """`page`'s cards in page order: [] for a page that is not a question or has no
    short answer yet."""
    number = page.meta.get("question")
    if not number:
        return []
    content = page.content or ""
    answer, asked = answer_box.answer_from_html(content)
    if not answer:
        return []
    card = Card(
        slug=Path(page.file.src_uri).stem,
        number=int(number),
        title=page.meta.get("title") or page.title or "",
        answer_html=answer,
        asked_as=asked,
        url=site_url + page.url,
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
