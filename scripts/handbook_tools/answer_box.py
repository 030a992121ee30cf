"""A question page's short answer as the site renders it: the inner HTML of its
`answer` box and the text of its "Asked as" quote, read from the page's HTML for the
Anki deck (anki_deck.py). Practice mode's wrapper (hooks/practice.py) is seen
through."""

from __future__ import annotations

import functools
import html
from html.parser import HTMLParser

from scripts.handbook_tools.hooks.practice import WRAPPER as PRACTICE_WRAPPER


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
# unchanged (live_rebuild.py): parsed once per distinct page.
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
