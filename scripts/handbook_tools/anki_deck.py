"""The Anki deck: one card per question, its short answer on the back.

scripts/handbook_tools/hooks/flashcards.py collects each page's short-answer box as
rendered and writes the deck after the site is written, so the deck holds the answers
the site shows. Deck, model and note IDs are derived from fixed names, so a rebuilt deck
updates the cards a reader already studies instead of duplicating them.
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import genanki

from scripts.handbook_tools.git import git_output
from scripts.handbook_tools.hooks.practice import WRAPPER as PRACTICE_WRAPPER

ROOT = Path(__file__).resolve().parents[2]
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


class _AnswerBox(HTMLParser):
    """Finds the inner HTML of the first `admonition answer` box (minus its title) and
    the text of the "Asked as" quote in a page's rendered content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0  # > 0 while inside the answer box
        self.unwrapped: list[bool] = []  # per open div in the box: practice's wrapper?
        self.in_title = False
        self.parts: list[str] = []
        self.done = False
        self.quote_depth = 0
        self.quote: list[str] = []
        self.quotes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "blockquote" and not self.quote_depth:
            self.quote_depth = 1
            self.quote = []
        elif tag == "blockquote":
            self.quote_depth += 1
        if self.done:
            return
        if self.depth:
            if tag == "div":
                self.depth += 1
                # Practice mode's wrapper (scripts/handbook_tools/hooks/practice.py) is
                # not the answer.
                self.unwrapped.append(PRACTICE_WRAPPER in classes)
                if self.unwrapped[-1]:
                    return
            if tag == "p" and "admonition-title" in classes:
                self.in_title = True
                return
            self.parts.append(self.get_starttag_text() or "")
        elif tag == "div" and {"admonition", "answer"} <= set(classes):
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote" and self.quote_depth:
            self.quote_depth -= 1
            if not self.quote_depth:
                self.quotes.append(" ".join("".join(self.quote).split()))
        if not self.depth or self.done:
            return
        if tag == "div":
            self.depth -= 1
            if not self.depth:
                self.done = True
                return
            if self.unwrapped.pop():
                return
        if self.in_title and tag == "p":
            self.in_title = False
            return
        self.parts.append(f"</{tag}>")

    def _text(self, text: str) -> None:
        if self.quote_depth:
            self.quote.append(text)
        if self.depth and not self.done and not self.in_title:
            self.parts.append(text)

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")


# A fast rebuild under `scripts/serve.sh` asks again for every page, most of them
# unchanged (scripts/handbook_tools/live_rebuild.py): parsed once per distinct page.
@functools.lru_cache(maxsize=64)
def answer_from_html(content: str) -> tuple[str, str]:
    """(inner HTML of the short-answer box, plain "Asked as" text) of a rendered page;
    ("", "") when the page has no answer box yet."""
    parser = _AnswerBox()
    parser.feed(content)
    parser.close()
    answer = "".join(parser.parts).strip() if parser.done else ""
    asked = next((q for q in parser.quotes if q.startswith("Asked as")), "")
    asked = html.unescape(asked.removeprefix("Asked as:").strip())
    return answer, asked


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
