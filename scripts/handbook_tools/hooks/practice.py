"""Practice mode's markup, marked at build time for docs/assets/practice.js to hide and
reveal:

- each short-answer box's content after its title is wrapped in
  `<div class="handbook-answer-body" id="handbook-answer-SLUG[-N]">`;
- the sections below it that give the answer away (GIVEAWAY: from "What the interviewer
  listens for" to "Pitfalls") are wrapped, headings included, in
  `<div class="handbook-giveaway" id="handbook-giveaway-SLUG">`. The predictions and the
  follow-ups after them are folded already; the official documentation gives nothing
  away. The headings keep their ids, so the table of contents and links still point at
  them (the script reveals a section a link arrives at).

Wrapped by the script after load, the answer's paragraph, the largest thing on a
question page's first screen, was moved and painted again: Lighthouse's Largest
Contentful Paint came a second later. Ids carry the page's slug, as the print page holds
every page's answer.
"""

from __future__ import annotations

import re
from pathlib import Path

ANSWER_BOX = '<div class="admonition answer">'
WRAPPER = "handbook-answer-body"
_ANSWER_TITLE = re.compile(r'\s*<p class="admonition-title">.*?</p>', re.S)
_DIV_TAG = re.compile(r"<div\b|</div>")


def _box_end(html: str, start: int) -> int | None:
    """Where the answer box opened at `start` closes (its `</div>`), if it does."""
    depth = 1
    for tag in _DIV_TAG.finditer(html, start + len(ANSWER_BOX)):
        depth += 1 if tag[0] == "<div" else -1
        if not depth:
            return tag.start()
    return None


def wrap_answers(html: str, slug: str) -> str:
    out, position, count = [], 0, 0
    while (start := html.find(ANSWER_BOX, position)) >= 0:
        title = _ANSWER_TITLE.match(html, start + len(ANSWER_BOX))
        end = _box_end(html, start)
        if title is None or end is None or WRAPPER in html[start:end]:
            out.append(html[position : start + len(ANSWER_BOX)])
            position = start + len(ANSWER_BOX)
            continue
        ident = f"handbook-answer-{slug}" + (f"-{count}" if count else "")
        count += 1
        out += [
            html[position : title.end()],
            f'\n<div class="{WRAPPER}" id="{ident}">',
            html[title.end() : end],
            "</div>\n",
        ]
        position = end
    out.append(html[position:])
    return "".join(out)


# The ids of the second-level headings of the sections that give the answer away
# (docs/contributing.md, "The anatomy of a page").
GIVEAWAY = (
    "what-the-interviewer-listens-for",
    "explanation",
    "code-and-output",
    "what-the-list-gets-wrong",
    "pitfalls",
)
GIVEAWAY_WRAPPER = "handbook-giveaway"
_H2 = re.compile(r'<h2 id="([^"]*)"')


def wrap_giveaway(html: str, slug: str) -> str:
    """The GIVEAWAY sections, from the first one's heading to the next other
    second-level heading (or the end), in one wrapper; a page without them as it is."""
    if GIVEAWAY_WRAPPER in html:
        return html
    start = end = None
    for heading in _H2.finditer(html):
        if heading[1] in GIVEAWAY:
            start = heading.start() if start is None else start
        elif start is not None:
            end = heading.start()
            break
    if start is None:
        return html
    end = len(html) if end is None else end
    wrapper = f'<div class="{GIVEAWAY_WRAPPER}" id="{GIVEAWAY_WRAPPER}-{slug}">'
    return f"{html[:start]}{wrapper}\n{html[start:end]}</div>\n{html[end:]}"


def on_page_content(html, page, **_):
    slug = Path(page.file.src_uri).stem
    return wrap_giveaway(wrap_answers(html, slug), slug)
