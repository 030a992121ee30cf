"""What the in-browser trainers read: the spaced review (docs/assets/review.js) and the
mock interview (docs/assets/mock-interview.js). hooks/training.py writes it into their
pages as JSON, inline (as_element), so they work from the offline copy (file:// cannot
fetch a file):

    {"questions": [{"slug", "number", "title", "url", "section", "level", "tags",
                    "asked_as", "answer_html", "rubric_html"}],
     "cards": [{"id", "slug", "kind", "front_html", "prompt_html", "answer_html"}]}

`cards` are the deck's (deck.py; the Anki file holds the same ones). A card's `id` is
what the reader's stored review state is keyed by, so it must not change while the card
does not: `answer:SLUG`, `prediction:SLUG#HEADING-ID` or `follow-up:SLUG:QUESTION`.
`url` is relative to the page the data is written into. `rubric_html` is the page's
"What the interviewer listens for" list.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.handbook_tools import drills, facts
from scripts.handbook_tools.anki_deck import Card

# Where a trainer's page wants the data (hooks/training.py writes it there).
MARKER = "<!-- handbook:training-data -->"
RUBRIC_ID = "what-the-interviewer-listens-for"
ELEMENT_ID = "handbook-training-data"


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


def as_element(data: dict, from_url: str) -> str:
    """`data` as the hidden JSON block of the page at `from_url`, its questions' links
    made relative to that page; the trainers read it with
    `JSON.parse(document.getElementById(ELEMENT_ID).textContent)`.

    A hidden element, not a `<script type="application/json">`: Material's instant
    navigation evaluates every script in the content it swaps in again, as a new
    element that keeps only the text (not the type, not the id), so a JSON script
    would be run as JavaScript (a syntax error) and be lost to the trainer."""
    questions = [
        {**question, "url": get_relative_url(question["url"], from_url)}
        for question in data["questions"]
    ]
    text = json.dumps({**data, "questions": questions}, ensure_ascii=False)
    return f'<div hidden id="{ELEMENT_ID}">{html.escape(text, quote=False)}</div>'


def from_page(page_html: str) -> dict:
    """The data as_element wrote into a built page (what the trainers' scripts read)."""
    found = re.search(rf'<div [^>]*id="{ELEMENT_ID}"[^>]*>(.*?)</div>', page_html, re.S)
    if not found:
        raise ValueError(f"no #{ELEMENT_ID} element in the page")
    return json.loads(html.unescape(found.group(1)))
