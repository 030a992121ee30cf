"""Practice mode's markup: each short-answer box's content after its title is wrapped at
build time in `<div class="handbook-answer-body" id="handbook-answer-SLUG[-N]">`, the
element docs/assets/practice.js hides and reveals.

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


def on_page_content(html, page, **_):
    return wrap_answers(html, Path(page.file.src_uri).stem)
