"""A question page's reading time, shown under its title (docs/overrides/main.html).

Prose is counted at WORDS_PER_MINUTE (238, the average for silent reading of non-fiction
in Brysbaert's 2019 meta-analysis) and code and output at a line a second, as they are
scanned more than read. Background folded into `??? info` blocks is left out: a reader
opens it only when they want it.
"""

from __future__ import annotations

import math
import re

WORDS_PER_MINUTE = 238
CODE_LINES_PER_MINUTE = 60
_FOLDED = re.compile(r'<details class="info"|<details\b|</details>')
_CODE = re.compile(r"<pre\b.*?</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")


def without_folded_background(html: str) -> str:
    kept, depth, position = [], 0, 0  # depth > 0 inside a folded background block
    for tag in _FOLDED.finditer(html):
        if depth:
            depth += -1 if tag[0] == "</details>" else 1
            if not depth:
                position = tag.end()
        elif tag[0] == '<details class="info"':
            kept.append(html[position : tag.start()])
            depth = 1
    if not depth:
        kept.append(html[position:])
    return "".join(kept)


def minutes(html: str) -> int:
    html = without_folded_background(html)
    code_lines = sum(block.count("\n") + 1 for block in _CODE.findall(html))
    prose_words = len(_TAG.sub(" ", _CODE.sub(" ", html)).split())
    reading = prose_words / WORDS_PER_MINUTE + code_lines / CODE_LINES_PER_MINUTE
    return max(1, math.ceil(reading))


def on_page_content(html, page, **_):
    if page.meta.get("question"):
        page.meta["reading_time"] = minutes(html)
    return html
