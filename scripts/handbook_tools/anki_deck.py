"""The Anki deck: for each question, a card for its short answer, one for each
prediction (the program on the front, the output and why on the back) and one for each
follow-up (the question and what it tests on the front).

hooks/flashcards.py reads each page as rendered (answer_box.py, drills.py) and writes
the deck after the site is written, so the deck holds what the site shows. Deck,
model and note IDs are derived from fixed names, so a rebuilt deck updates
the cards a reader already studies instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import html
import os
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import genanki

from scripts.handbook_tools.facts import ROOT
from scripts.handbook_tools.git import git_output

DECK_NAME = "Python Backend Interview Handbook"
ZIP_EPOCH = 315532800  # 1980-01-01: a zip holds no earlier date


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
                '{{#AskedAs}}<div class="asked">{{AskedAs}}</div>{{/AskedAs}}'
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
    """One card: a question's short answer, or one of its drills (`kind` and `key` set,
    `question_html` and `prompt_html` as rendered)."""

    slug: str
    number: int
    title: str
    answer_html: str
    asked_as: str = ""
    url: str = ""
    tags: list[str] = field(default_factory=list)
    kind: str = "answer"
    key: str = ""
    question_html: str = ""
    prompt_html: str = ""


def note_for(card: Card) -> genanki.Note:
    link = html.escape(card.url) if card.url else ""
    asked = f"<p>{html.escape(card.asked_as)}</p>" if card.asked_as else ""
    # The same card keeps the same note across rebuilds: Anki updates it.
    identity = (
        (card.slug,) if card.kind == "answer" else (card.slug, card.kind, card.key)
    )
    return genanki.Note(
        model=MODEL,
        fields=[
            str(card.number),
            card.question_html or html.escape(card.title),
            asked + card.prompt_html,
            card.answer_html,
            f'<a href="{link}">Read the full answer</a>' if link else "",
        ],
        guid=genanki.guid_for("python-interview-handbook", *identity),
        tags=[tag.replace(" ", "-") for tag in [*card.tags, card.kind]],
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
        description="The short answers, predictions and follow-ups of the Python "
        "Backend Interview Handbook: say the answer aloud, then check it.",
    )
    for card in sorted(cards, key=lambda c: c.number):  # stable: page order within
        deck.add_note(note_for(card))
    path.parent.mkdir(parents=True, exist_ok=True)
    timestamp = build_timestamp()
    genanki.Package(deck).write_to_file(str(path), timestamp=timestamp)
    if timestamp is not None:
        _stamp_members(path, timestamp)
    return path


def _stamp_members(path: Path, timestamp: float) -> None:
    """Give every member of the deck's zip the build's time. genanki stamps the
    collection with `timestamp` but zips its files with the time they were written, so
    two builds a second apart differed."""
    when = time.gmtime(max(timestamp, ZIP_EPOCH))[:6]
    with zipfile.ZipFile(path) as packed:
        members = [(info, packed.read(info)) for info in packed.infolist()]
    with zipfile.ZipFile(path, "w") as packed:
        for info, data in members:
            stamped = zipfile.ZipInfo(info.filename, date_time=when)
            stamped.compress_type = info.compress_type
            stamped.external_attr = info.external_attr
            packed.writestr(stamped, data)
