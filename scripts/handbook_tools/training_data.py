"""What the in-browser trainers read: the spaced review (docs/assets/review.js) and the
mock interview (docs/assets/mock-interview.js). hooks/training.py writes it to
SCRIPT, a script that sets `window.handbookTrainingData`, and each trainer's page loads
it deferred: the page paints without waiting for it, both pages share one download, and
it works from the offline copy (file:// can load a script, not fetch a file):

    {"questions": [{"slug", "number", "title", "url", "section", "level", "tags",
                    "asked_as", "answer_html", "rubric_html"}],
     "cards": [{"id", "slug", "kind", "front_html", "prompt_html", "answer_html"}]}

`cards` are the deck's (deck.py; the Anki file holds the same ones). A card's `id` is
what the reader's stored review state is keyed by, so it must not change while the card
does not: `answer:SLUG`, `prediction:SLUG#HEADING-ID` or `follow-up:SLUG:QUESTION`.
`url` is relative to SCRIPT's folder (the trainers resolve it against the script's own
address). `rubric_html` is the page's "What the interviewer listens for" list.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.handbook_tools import drills, facts
from scripts.handbook_tools.anki_deck import Card

# Where a trainer's page wants the data (hooks/training.py writes it there).
MARKER = "<!-- handbook:training-data -->"
RUBRIC_ID = "what-the-interviewer-listens-for"
SCRIPT = "assets/training-data.js"
_ASSIGNMENT = "window.handbookTrainingData = "


def wants_data(markdown: str) -> bool:
    """Whether a page's Markdown holds MARKER on a line of its own (a page may quote it
    in code, as docs/contributing.md does)."""
    return any(line.strip() == MARKER for line in markdown.splitlines())


def trainer_pages(docs_dir: Path) -> dict[str, str]:
    """{URL path: title} of the trainers' pages (those that want the data), for the
    benchmark to weigh them."""
    pages = {}
    for source in sorted(docs_dir.glob("*.md")):
        if wants_data(source.read_text(encoding="utf-8")):
            meta, _ = facts.front_matter(source)
            pages[f"{source.stem}/"] = meta.get("title", source.stem)
    return pages


def card_id(card: Card) -> str:
    if card.kind == "answer":
        return f"answer:{card.slug}"
    if card.kind == "prediction":
        return f"prediction:{card.slug}#{card.key}"
    return f"{card.kind}:{card.slug}:{card.key}"


def rubric_html(content: str) -> str:
    """The listens-for section of a rendered question page, its heading left out."""
    section = drills.section(content, RUBRIC_ID)
    return section[section.find("</h2>") + len("</h2>") :].strip() if section else ""


def question_entry(page, cards: list[Card], section: str) -> dict:
    answer = cards[0]
    return {
        "slug": answer.slug,
        "number": answer.number,
        "title": answer.title,
        "url": page.url,
        "section": section,
        "level": page.meta.get("difficulty", ""),
        "tags": answer.tags,
        "asked_as": answer.asked_as,
        "answer_html": answer.answer_html,
        "rubric_html": rubric_html(page.content or ""),
    }


def card_entry(card: Card) -> dict:
    if card.kind == "answer":
        front = html.escape(card.title)
        prompt = f"<p>{html.escape(card.asked_as)}</p>" if card.asked_as else ""
    else:
        front, prompt = card.question_html, card.prompt_html
    return {
        "id": card_id(card),
        "slug": card.slug,
        "kind": card.kind,
        "front_html": front,
        "prompt_html": prompt,
        "answer_html": card.answer_html,
    }


def as_script(data: dict) -> str:
    """The text of SCRIPT: `data`, its questions' links made relative to SCRIPT."""
    questions = [
        {**question, "url": get_relative_url(question["url"], SCRIPT)}
        for question in data["questions"]
    ]
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    text = json.dumps({**data, "questions": questions}, **compact)
    return f"{_ASSIGNMENT}{text};\n"


def script_tag(page_url: str) -> str:
    """What a trainer's page holds in place of MARKER."""
    return f'<script src="{get_relative_url(SCRIPT, page_url)}" defer></script>'


def from_script(text: str) -> dict:
    """The data as_script wrote (what the trainers' scripts read)."""
    if not (text.startswith(_ASSIGNMENT) and text.endswith(";\n")):
        raise ValueError(f"{SCRIPT} does not assign the training data")
    return json.loads(text[len(_ASSIGNMENT) : -2])
