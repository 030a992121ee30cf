"""The anatomy of a question page (docs/contributing.md, "The anatomy of a page"),
checked on its Markdown so that every problem names its line: the nine sections in
order, a short answer that can be said in ten seconds and in a minute, the four answers
an interviewer tells apart, at least three predictions whose revealed output is the
output of the code shown, and follow-ups that say what they test.

hooks/anatomy.py fails the build on any problem.
Usage: python -m scripts.handbook_tools.anatomy docs/questions/SLUG.md ...  (1 if any)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from scripts.handbook_tools.check_snippets import INCLUDE
from scripts.handbook_tools.facts import ROOT

SECTIONS = [
    "Short answer",
    "What the interviewer listens for",
    "Explanation",
    "Code and output",
    "What the list gets wrong",
    "Pitfalls",
    "Predict the output",
    "Follow-up questions",
    "Official documentation",
]
LISTENS_FOR = ["Weak", "Solid", "Strong", "Red flags"]
TEN_SECONDS_WORDS = 30
ONE_MINUTE_WORDS = 120
WHY_WORDS = 60
FOLLOW_UP_WORDS = 100
PROGRAM_LINES = 15
MIN_PREDICTIONS = 3
MIN_FOLLOW_UPS = 3
TESTS_LABEL = "**What it tests:**"

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"[.!?][\"')]*\s+[A-Z(`]")
_LABEL = re.compile(r"^- \*\*(?P<label>[^*]+?):\*\*")
_BLOCK = re.compile(
    r'^(?P<kind>!!!|\?\?\?\+?) (?P<type>[\w-]+)(?: "(?P<title>.*)")?\s*$'
)


@dataclass(frozen=True)
class Line:
    number: int
    text: str


def words(text: str) -> int:
    """Words as a reader hears them: links count their text, markup counts nothing."""
    return len(_LINK.sub(r"\1", text).replace("`", "").replace("*", "").split())


def _sections(lines: list[Line]) -> dict[str, tuple[Line, list[Line]]]:
    """Each `## ` heading outside code fences, with the lines below it."""
    found: dict[str, tuple[Line, list[Line]]] = {}
    current: list[Line] | None = None
    fence = False
    for line in lines:
        if line.text.lstrip().startswith("```"):
            fence = not fence
        if not fence and line.text.startswith("## "):
            current = []
            found[line.text[3:].strip()] = (line, current)
        elif current is not None:
            current.append(line)
    return found


def _body(lines: list[Line], start: int) -> list[Line]:
    """The lines indented under the block opened at `lines[start]`, dedented."""
    body = []
    for line in lines[start + 1 :]:
        if line.text.strip() and not line.text.startswith("    "):
            break
        body.append(Line(line.number, line.text[4:]))
    while body and not body[-1].text.strip():
        body.pop()
    return body


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paragraphs: list[list[Line]] = [[]]
    for line in lines:
        if line.text.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _text(paragraph: list[Line]) -> str:
    return " ".join(line.text.strip() for line in paragraph)


def _short_answer(heading: Line, lines: list[Line]) -> list[tuple[int, str]]:
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    if not content or not lines[content[0]].text.startswith('!!! answer "Say this"'):
        return [(heading.number, 'starts with one !!! answer "Say this" box')]
    first = content[0]
    body = _body(lines, first)
    after = [line for line in lines[first + 1 + len(body) :] if line.text.strip()]
    problems = []
    if after:
        problems.append(
            (after[0].number, "the short answer holds only its box: depth goes below")
        )
    paragraphs = _paragraphs(body)
    if len(paragraphs) < 2:
        return [
            *problems,
            (
                lines[first].number,
                "the box holds the ten-second sentence, then the one-minute answer",
            ),
        ]
    sentence, *minute = paragraphs
    text = _text(sentence)
    if words(text) > TEN_SECONDS_WORDS:
        problems.append(
            (
                sentence[0].number,
                f"ten-second answer: {words(text)} words (max {TEN_SECONDS_WORDS})",
            )
        )
    if _SENTENCE_END.search(_LINK.sub(r"\1", text)):
        problems.append((sentence[0].number, "the ten-second answer is one sentence"))
    for paragraph in minute:
        if re.match(r"(```|[-*] |\d+\. |!!!|\?\?\?)", paragraph[0].text):
            problems.append(
                (
                    paragraph[0].number,
                    "the one-minute answer is prose: no code blocks, lists or boxes",
                )
            )
    count = sum(words(_text(p)) for p in minute)
    if count > ONE_MINUTE_WORDS:
        problems.append(
            (
                minute[0][0].number,
                f"one-minute answer: {count} words (max {ONE_MINUTE_WORDS})",
            )
        )
    return problems


def _listens_for(heading: Line, lines: list[Line]) -> list[tuple[int, str]]:
    labels = [m["label"] for line in lines if (m := _LABEL.match(line.text))]
    if labels != LISTENS_FOR:
        wanted = ", ".join(f"**{label}:**" for label in LISTENS_FOR)
        return [
            (
                heading.number,
                f"four items labelled {wanted} (found: {', '.join(labels) or 'none'})",
            )
        ]
    return []


def section_code(include: str) -> str | None:
    """The code of `snippets/FILE:SECTION` as pymdownx.snippets puts it on the page
    (nested section markers left out); None if there is no such section."""
    path, _, name = include.partition(":")
    target = ROOT / "snippets" / path
    if not target.is_file():
        return None
    lines = target.read_text().splitlines()
    starts = [i for i, line in enumerate(lines) if f"[start:{name}]" in line]
    ends = [i for i, line in enumerate(lines) if f"[end:{name}]" in line]
    if not starts or not ends:
        return None
    code = lines[starts[0] + 1 : ends[0]]
    return "\n".join(line for line in code if "--8<-- [" not in line)


def section_lines(include: str) -> list[str] | None:
    """The non-blank lines of `snippets/FILE:SECTION`; None if it does not exist."""
    code = section_code(include)
    return (
        None if code is None else [line for line in code.splitlines() if line.strip()]
    )


def _include(lines: list[Line]) -> str | None:
    for line in lines:
        match = INCLUDE.match(line.text)
        if match:
            return (
                f"{match['path']}:{match['section']}"
                if match["section"]
                else match["path"]
            )
    return None


def _prediction(title: Line, lines: list[Line], package: str) -> list[tuple[int, str]]:
    where = title.number
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    if not content or not lines[content[0]].text.startswith("```"):
        return [
            (where, "a prediction shows its code in a fence right under its heading")
        ]
    fence_end = next((i for i in content[1:] if lines[i].text.startswith("```")), None)
    if fence_end is None:
        return [(where, "the prediction's code fence is not closed")]
    shown = _include(lines[content[0] : fence_end])
    if shown is None or ":" not in shown:
        return [
            (
                where,
                'the fence includes one snippet section: --8<-- "FILE:SECTION"',
            )
        ]
    problems = []
    if not shown.startswith(f"{package}/"):
        problems.append(
            (
                where,
                f"the code lives in the page's package, snippets/{package}/",
            )
        )
    program = section_lines(shown)
    if program is not None and any(
        re.search(r"\b(sep|file)=", line) for line in program
    ):
        problems.append(
            (where, f"{shown}: markdown-exec's print ignores sep= and file=")
        )
    if program is not None and len(program) > PROGRAM_LINES:
        problems.append(
            (
                where,
                f"{shown}: {len(program)} lines (max {PROGRAM_LINES})",
            )
        )
    reveal = next(
        (
            i
            for i in range(fence_end + 1, len(lines))
            if lines[i].text.startswith('??? reveal "Output"')
        ),
        None,
    )
    if reveal is None:
        return [
            *problems,
            (where, 'the output waits in a collapsed ??? reveal "Output" block'),
        ]
    body = _body(lines, reveal)
    opening = next((line for line in body if line.text.startswith("```")), None)
    if opening is None or 'exec="on"' not in opening.text:
        return [
            *problems,
            (
                lines[reveal].number,
                'the reveal block runs the code: a ```python exec="on" fence',
            ),
        ]
    if "session=" in opening.text:
        problems.append((opening.number, "a prediction runs alone: no session"))
    revealed = _include(body)
    if revealed != shown:
        problems.append(
            (
                opening.number,
                f"the reveal runs {revealed}, not the code shown ({shown})",
            )
        )
    closing = [i for i, line in enumerate(body) if line.text.startswith("```")]
    why = (
        _text([line for line in body[closing[1] + 1 :] if line.text.strip()])
        if len(closing) > 1
        else ""
    )
    if not why:
        problems.append((lines[reveal].number, "the reveal says why, after the output"))
    elif words(why) > WHY_WORDS:
        problems.append(
            (
                lines[reveal].number,
                f"why: {words(why)} words (max {WHY_WORDS})",
            )
        )
    return problems


def _predictions(
    heading: Line, lines: list[Line], package: str
) -> list[tuple[int, str]]:
    starts = [i for i, line in enumerate(lines) if line.text.startswith("### ")]
    problems = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        problems += _prediction(lines[start], lines[start + 1 : end], package)
    if len(starts) < MIN_PREDICTIONS:
        problems.append(
            (
                heading.number,
                f"{len(starts)} ### predictions (min {MIN_PREDICTIONS})",
            )
        )
    return problems


def _follow_ups(heading: Line, lines: list[Line]) -> list[tuple[int, str]]:
    problems = []
    opened = [i for i, line in enumerate(lines) if _BLOCK.match(line.text)]
    questions = [i for i in opened if _BLOCK.match(lines[i].text)["type"] == "question"]
    for i in questions:
        body = _paragraphs(_body(lines, i))
        if not body or not _text(body[0]).startswith(TESTS_LABEL):
            problems.append(
                (lines[i].number, f"a follow-up starts with {TESTS_LABEL} and one line")
            )
            continue
        answer = sum(words(_text(p)) for p in body[1:])
        if not answer:
            problems.append((lines[i].number, "the follow-up's answer is missing"))
        elif answer > FOLLOW_UP_WORDS:
            problems.append(
                (
                    lines[i].number,
                    f"follow-up answer: {answer} words (max {FOLLOW_UP_WORDS})",
                )
            )
    if len(questions) < MIN_FOLLOW_UPS:
        problems.append(
            (
                heading.number,
                f"{len(questions)} follow-ups (min {MIN_FOLLOW_UPS})",
            )
        )
    return problems


def _front_matter(markdown: str) -> list[tuple[int, str]]:
    """MkDocs drops front matter that is not valid YAML without a word (its
    `get_data`), and the page then builds without its title, level or reasons."""
    match = YAML_RE.match(markdown)
    if not match:
        return []
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening ---, +1 from 0-based
        problem = getattr(error, "problem", None) or str(error)
        return [(line, f"the front matter is not valid YAML: {problem}")]
    if not isinstance(data, dict):
        return [(1, "the front matter must be a YAML mapping (key: value lines)")]
    return []


def problems(markdown: str, package: str) -> list[tuple[int, str]]:
    """(line, what is wrong) for a question page's Markdown, its code in `package`."""
    broken = _front_matter(markdown)
    if broken:
        return broken
    lines = [Line(n, text) for n, text in enumerate(markdown.splitlines(), start=1)]
    sections = _sections(lines)
    found = [title for title in sections if title in SECTIONS]
    if found != [title for title in SECTIONS if title in sections] or len(found) < len(
        SECTIONS
    ):
        missing = [title for title in SECTIONS if title not in sections]
        detail = (
            f"missing: {', '.join(missing)}"
            if missing
            else f"found in this order: {', '.join(found)}"
        )
        return [
            (1, f"the sections are {', '.join(SECTIONS)}, in that order ({detail})")
        ]
    checks = {
        "Short answer": _short_answer,
        "What the interviewer listens for": _listens_for,
        "Predict the output": lambda h, ls: _predictions(h, ls, package),
        "Follow-up questions": _follow_ups,
    }
    found_problems = []
    for title, check in checks.items():
        found_problems += check(*sections[title])
    return sorted(found_problems)


def package_of(page: Path) -> str:
    """The snippet package of docs/questions/SLUG.md: snippets/slug_in_snake_case/."""
    return page.stem.replace("-", "_")


def report(page: Path, markdown: str | None = None) -> list[str]:
    text = page.read_text() if markdown is None else markdown
    name = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page
    return [
        f"{name}:{line}: {message}"
        for line, message in problems(text, package_of(page))
    ]


def main(paths: list[str]) -> int:
    messages = [message for path in paths for message in report(Path(path).resolve())]
    print("\n".join(messages) if messages else "anatomy: no problems")
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
