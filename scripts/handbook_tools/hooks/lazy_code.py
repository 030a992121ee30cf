"""The size a code block holds before the browser lays it out.

Code blocks far from the screen are skipped until they near it (`content-visibility:
auto`, "Lazy code" in docs/assets/handbook.css), and a skipped block takes the height
`contain-intrinsic-size` gives it. Each block gets its own here, estimated from its
lines as a phone folds them (CHARACTERS a row), so the estimate is rarely short: when a
block is laid out and turns out shorter, what follows moves up, and the browser keeps
in place the part of the page the reader is looking at. Had it been longer, a heading
just scrolled into view (a link's target, a keyboard's focus) could be pushed off the
screen.
"""

from __future__ import annotations

import html
import math
import re

from mkdocs.plugins import event_priority

CHARACTERS = 24  # a row on a 320 px phone holds about 26, fewer inside a box
# em of the block's text: the theme's code line is 0.85em x 1.4. In a collapsible block
# or an admonition, code is at least 12 px (quality.css): 1.31em of its 12.8 px, made up
# for by the rows folded at CHARACTERS and the EDGES (tests/browser/test_reading.py).
ROW = 1.25
EDGES = 4  # em: the block's padding and margins
TITLE = 3  # em: a file name's bar above the code

_BLOCK = re.compile(
    r'<div class="([^"]*\bhighlight)">'
    r'((<span class="filename">[^<]*</span>)?<pre>.*?</pre>)',
    re.S,
)


def estimated_height(pre: str) -> float:
    """In em: the rows of the block's text, each line folded at CHARACTERS."""
    text = html.unescape(re.sub(r"<[^>]+>", "", pre)).rstrip("\n")
    rows = sum(max(1, math.ceil(len(line) / CHARACTERS)) for line in text.split("\n"))
    return rows * ROW + EDGES


def with_placeholder(match: re.Match) -> str:
    block, title = match.group(2), match.group(3)
    height = estimated_height(block.removeprefix(title or "")) + (TITLE if title else 0)
    size = f"contain-intrinsic-size: auto {height:g}em"
    return f'<div class="{match.group(1)}" style="{size}">{block}'


# Last: the other hooks match code blocks as Pygments writes them, without a style.
@event_priority(-100)
def on_page_content(html_text: str, **_) -> str:
    return _BLOCK.sub(with_placeholder, html_text)
