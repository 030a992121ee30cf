"""What an HTML page or a style sheet of the built site links to and defines: the URLs
in its attributes (`srcset` included) and `url(...)`s, its ids, canonical URL and meta
description. The link checker (check_links.py) and the tests read pages through it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Attributes holding a URL, by tag; `srcset` holds a list.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass
class Page:
    """What one HTML file holds: the ids it defines, the URLs it uses."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attr, url)
    canonical: str | None = None
    description: str | None = None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "link" and "canonical" in values.get("rel", "").split():
            self.page.canonical = values.get("href")
        if tag == "meta" and values.get("name") == "description":
            self.page.description = values.get("content", "")
        for attribute in URL_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        url = candidate.split()[0]
                        self.page.links.append((f"{tag}.{attribute}", url))
            else:
                self.page.links.append((f"{tag}.{attribute}", value))

    handle_startendtag = handle_starttag


def parse_html(text: str) -> Page:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page


def css_links(css: Path) -> Iterator[str]:
    for match in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
        yield match.group(2).strip()
