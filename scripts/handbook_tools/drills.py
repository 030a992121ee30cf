"""A question page's drills as the site renders them: each follow-up (its question, what
it tests, its answer) and each prediction (its program, the output the build produced,
why), read from the page's HTML for the Anki deck (anki_deck.py). The page's anatomy
(anatomy.py) guarantees the structure read here; the section ids are the ones
Python-Markdown's toc extension gives "Follow-up questions" and "Predict the output".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

FOLLOW_UPS_ID = "follow-up-questions"
PREDICTIONS_ID = "predict-the-output"

_DETAILS_TAG = re.compile(r"<details\b|</details>")
_DETAILS = re.compile(
    r'<details class="(?P<classes>[^"]*)"[^>]*>\s*<summary>(?P<summary>.*?)</summary>',
    re.S,
)
_H3 = re.compile(
    r'<h3 id="(?P<id>[^"]+)"[^>]*>(?P<title>.*?)(?:<a class="headerlink".*?)?</h3>',
    re.S,
)
_PRE = re.compile(r"<pre\b[^>]*>(?P<code>.*?)</pre>", re.S)
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Drill:
    kind: str  # "follow-up" or "prediction"
    key: str  # what identifies it on its page across rebuilds
    question_html: str
    prompt_html: str
    answer_html: str


def section(content: str, section_id: str) -> str:
    """The `<h2 id=section_id>` section of a rendered page, heading included."""
    start = content.find(f'<h2 id="{section_id}"')
    if start < 0:
        return ""
    end = content.find("<h2", start + 1)
    return content[start : end if end >= 0 else len(content)]


def _blocks(section: str, kind: str) -> list[tuple[str, str]]:
    """(summary HTML, inner HTML) of each top-level `<details class="KIND">`."""
    found, position = [], 0
    while match := _DETAILS.search(section, position):
        depth, end = 0, len(section)
        for tag in _DETAILS_TAG.finditer(section, match.start()):
            depth += 1 if tag[0] == "<details" else -1
            if not depth:
                end = tag.start()
                break
        if kind in match["classes"].split():
            found.append((match["summary"].strip(), section[match.end() : end].strip()))
        position = end
    return found


def _plain_code(fragment: str) -> str:
    """A highlighted `<pre>` as plain `<pre><code>`: the deck has no Pygments CSS."""
    match = _PRE.search(fragment)
    code = _TAG.sub("", match["code"]) if match else ""
    return f"<pre><code>{code.rstrip()}</code></pre>"


def follow_ups(content: str) -> list[Drill]:
    drills = []
    for summary, body in _blocks(section(content, FOLLOW_UPS_ID), "question"):
        tests = _PARAGRAPH.match(body)
        prompt = tests[0] if tests else ""
        answer = body[tests.end() :].strip() if tests else body
        drills.append(
            Drill("follow-up", _TAG.sub("", summary), summary, prompt, answer)
        )
    return drills


def predictions(content: str) -> list[Drill]:
    part_html = section(content, PREDICTIONS_ID)
    headings = list(_H3.finditer(part_html))
    drills = []
    for n, heading in enumerate(headings):
        end = headings[n + 1].start() if n + 1 < len(headings) else len(part_html)
        part = part_html[heading.end() : end]
        reveals = _blocks(part, "reveal")
        if not reveals:
            continue
        _, revealed = reveals[0]
        output = _PRE.search(revealed)
        why = (
            revealed[revealed.find("</div>", output.end()) + len("</div>") :]
            if output
            else ""
        )
        drills.append(
            Drill(
                "prediction",
                heading["id"],
                f"Predict the output: {heading['title'].strip()}",
                _plain_code(part[: part.find("<details")]),
                _plain_code(revealed) + why.strip(),
            )
        )
    return drills


# Asked again for every unchanged page on a fast rebuild (live_rebuild.py).
@functools.lru_cache(maxsize=64)
def drills_from_html(content: str) -> tuple[Drill, ...]:
    """The page's predictions, then its follow-ups, in page order."""
    return (*predictions(content), *follow_ups(content))
