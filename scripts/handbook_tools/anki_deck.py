"""The Anki deck: one card per question, its short answer on the back.

hooks/flashcards.py reads each page's short-answer box as rendered (answer_box.py) and
writes the deck after the site is written, so the deck holds the answers the site
shows. Deck, model and note IDs are derived from fixed names, so a rebuilt deck updates
the cards a reader already studies instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import html
import os
from dataclasses import dataclass, field
from pathlib import Path

import genanki

from scripts.handbook_tools.facts import ROOT
from scripts.handbook_tools.git import git_output

DECK_NAME = "Python Backend Interview Handbook"


def stable_id(name: str) -> int:
    """A 31-bit positive integer that depends only on `name` (Anki's IDs are ints)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") >> 1


DECK_ID = stable_id("python-interview-handbook/deck")
MODEL_ID = stable_id("python-interview-handbook/model/question-answer-v1")

MODEL = genanki.Model(
    MODEL_ID,
    "Python Backend Interview Handbook question",
    fields=[
        {"name": "Number"},
        {"name": "Question"},
        {"name": "AskedAs"},
        {"name": "Answer"},
        {"name": "Link"},
    ],
    templates=[
        {
            "name": "Say the answer",
            "qfmt": (
                '<div class="number">Question {{Number}}</div>'
                '<h2 class="question">{{Question}}</h2>'
                '{{#AskedAs}}<p class="asked">{{AskedAs}}</p>{{/AskedAs}}'
            ),
            "afmt": (
                '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
                '<p class="link">{{Link}}</p>'
            ),
        }
    ],
    css=(
        ".card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left;"
        " line-height: 1.45; max-width: 42em; margin: auto; }"
        " .number { color: #666; font-size: 14px; } code { font-family: monospace;"
        " background: rgba(127,127,127,.15); padding: 0 .2em; border-radius: 3px; }"
        " .link { font-size: 14px; }"
    ),
)


@dataclass
class Card:
    """One question and the short answer its page shows."""

    slug: str
    number: int
    title: str
    answer_html: str
    asked_as: str = ""
    url: str = ""
    tags: list[str] = field(default_factory=list)


def note_for(card: Card) -> genanki.Note:
    link = html.escape(card.url) if card.url else ""
    return genanki.Note(
        model=MODEL,
        fields=[
            str(card.number),
            html.escape(card.title),
            html.escape(card.asked_as),
            card.answer_html,
            f'<a href="{link}">Read the full answer</a>' if link else "",
        ],
        # The same question keeps the same note across rebuilds: Anki updates it.
        guid=genanki.guid_for("python-interview-handbook", card.slug),
        tags=[tag.replace(" ", "-") for tag in card.tags],
    )


def build_timestamp() -> float | None:
    """The time stamped into the deck: SOURCE_DATE_EPOCH, else the last commit's time,
    so rebuilding the same commit gives the same deck; None (now) without git."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return float(os.environ["SOURCE_DATE_EPOCH"])
    stamp = git_output("log", "-1", "--format=%ct", cwd=str(ROOT)) or ""
    return float(stamp) if stamp.isdigit() else None


def write_deck(cards: list[Card], path: Path) -> Path:
    """Write the deck of `cards` (in question order) to `path`."""
    deck = genanki.Deck(
        DECK_ID,
        DECK_NAME,
        description="The short answers of the Python Backend Interview Handbook: "
        "say the answer aloud, then check it.",
    )
    for card in sorted(cards, key=lambda c: c.number):
        deck.add_note(note_for(card))
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path), timestamp=build_timestamp())
    return path
