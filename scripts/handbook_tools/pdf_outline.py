"""The PDF's outline nested in the handbook's parts: Chromium makes one flat entry per
`<h1>`, where a part's title and its questions' titles are alike, so each question is
moved under its part (the nav's sections of mkdocs.yml) with pypdf (pdf.py calls it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pypdf, like Playwright, is a test requirement: imported when used
    from pypdf import PdfReader
    from pypdf.generic import Fit


@dataclass
class Entry:
    """An outline entry: its title, where it points, the entries under it."""

    title: str
    page: int
    fit: Fit
    children: list[Entry] = field(default_factory=list)


def _unspaced(text: str) -> str:
    return "".join(text.split())


def outline_tree(
    reader: PdfReader, entries: list, headings: dict[str, str] | None = None
) -> list[Entry]:
    """pypdf's outline (a list where a nested list holds the children of the entry
    before it) as a tree. Chromium drops the space where a heading wraps onto a
    second line: a title that is one of `headings` once spaces are ignored takes
    that heading's text ({unspaced text: text})."""
    from pypdf.generic import Fit

    headings = headings or {}
    tree: list[Entry] = []
    for entry in entries:
        if isinstance(entry, list):
            tree[-1].children = outline_tree(reader, entry, headings)
            continue
        fit = Fit.xyz(entry.get("/Left"), entry.get("/Top"), entry.get("/Zoom"))
        page = reader.get_destination_page_number(entry)
        title = " ".join(entry.title.split())
        tree.append(Entry(headings.get(_unspaced(title), title), page, fit))
    return tree


def nested_in_parts(tree: list[Entry], parts: list[str]) -> list[Entry]:
    """The entries after a part's title, up to the next part, as that part's children;
    those before the first part (the cover, the contents) stay at the top."""
    top: list[Entry] = []
    part = None
    for entry in tree:
        if entry.title in parts:
            part = entry
            top.append(part)
        elif part is None:
            top.append(entry)
        else:
            part.children.append(entry)
    return top


def nest_outline(path: Path, parts: list[str], headings: list[str] = ()) -> None:
    """Rewrite the PDF at `path` with its outline nested in the parts, each title
    spelled as its heading in `headings` is."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(path)
    spelled = {_unspaced(text): " ".join(text.split()) for text in headings}
    tree = nested_in_parts(outline_tree(reader, reader.outline, spelled), parts)
    writer = PdfWriter(clone_from=reader)
    writer.root_object.pop("/Outlines", None)

    def add(entries: list[Entry], parent=None) -> None:
        for entry in entries:
            # The cover, the contents and the parts open; each question folded.
            opened = parent is None
            item = writer.add_outline_item(
                title=entry.title,
                page_number=entry.page,
                parent=parent,
                fit=entry.fit,
                is_open=opened,
            )
            add(entry.children, item)

    add(tree)
    writer.compress_identical_objects(remove_unreferenced=True)
    with path.open("wb") as out:
        writer.write(out)
