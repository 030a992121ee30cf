"""What the in-browser trainers read: the spaced review (docs/assets/review.js) and the
mock interview (docs/assets/mock-interview.js). hooks/training.py writes it to one
script file (script_name, script_text) that their pages point to (as_element); a script,
not JSON, so the trainers work from the offline copy too (file:// cannot fetch a file):

    {"questions": [{"slug", "number", "title", "url", "section", "level", "tags",
                    "asked_as", "answer_html", "rubric_html"}],
     "cards": [{"id", "slug", "kind", "front_html", "prompt_html", "answer_html"}]}

`cards` are the deck's (deck.py; the Anki file holds the same ones). A card's `id` is
what the reader's stored review state is keyed by, so it must not change while the card
does not: `answer:SLUG`, `prediction:SLUG#HEADING-ID` or `follow-up:SLUG:QUESTION`.
`url` is relative to the site's root. `rubric_html` is the page's
"What the interviewer listens for" list.
"""

from __future__ import annotations

import hashlib
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
# The data file sets it (script_text); docs/assets/progress.js reads it.
GLOBAL = "handbookTrainingData"


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


def script_name(data: dict) -> str:
    """The data's file in the built site, named by its content: a browser that has it
    never fetches it again, and a page never reads an older one."""
    digest = hashlib.sha256(script_text(data).encode()).hexdigest()[:10]
    return f"assets/training-data.{digest}.js"


def script_text(data: dict) -> str:
    return f"window.{GLOBAL}={json.dumps(data, ensure_ascii=False)};\n"


def as_element(data: dict, from_url: str) -> str:
    """The element the trainers find the data by in the page at `from_url`: its script,
    relative to the site's root (hooks/after_paint.py's handbookScript takes such
    paths), and the site's root relative to that page (the questions' `url`s are
    relative to it).

    Not the data itself: 100 KB gzipped in the page held its first paint back
    (scripts/benchmark-results.md). progress.js's trainingData() adds the script once
    the page is on screen."""
    root = get_relative_url("", from_url) + "/"
    return (
        f'<div hidden id="{ELEMENT_ID}" data-src="{script_name(data)}" '
        f'data-root="{html.escape(root)}"></div>'
    )


def from_site(site: Path, page: str) -> dict:
    """The data the built `page` (a path under `site`) points its trainer to."""
    page_html = (site / page).read_text(encoding="utf-8")
    found = re.search(rf'<div hidden id="{ELEMENT_ID}" data-src="([^"]+)"', page_html)
    if not found:
        raise ValueError(f"{page}: no #{ELEMENT_ID} element")
    script = site / found.group(1)
    text = script.read_text(encoding="utf-8")
    prefix = f"window.{GLOBAL}="
    if not text.startswith(prefix):
        raise ValueError(f"{script}: does not set window.{GLOBAL}")
    return json.loads(text[len(prefix) :].rstrip().rstrip(";"))
