"""The handbook as one PDF, shipped with the site.

mkdocs-print-site-plugin renders every question into one print page (with a cover and a
contents list); Chromium prints it through Playwright, which adds what a plain
`--print-to-pdf` cannot: PDF bookmarks (an outline entry per question), a tagged PDF,
and a page-number footer. Before printing, every collapsed block is opened; the print
CSS (docs/assets/handbook.css) shows every tab, wraps long code lines and drops the
site's navigation. The light theme is forced.

Chromium's outline follows the headings, where a part's title and its questions' titles
are all `<h1>`: pypdf then nests each question under its part (the nav's sections).

Usage: python -m scripts.handbook_tools.pdf [--site-dir site]
Builds the site into --site-dir first when it holds no print page, then writes
<site-dir>/downloads/python-backend-interview-handbook.pdf (linked from the home page).
Needs Chromium (CHROMIUM overrides /usr/bin/chromium) and the test requirements
(Playwright): `scripts/setup.sh test`.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.handbook_tools import chromium, facts, static_site
from scripts.handbook_tools.build import build
from scripts.handbook_tools.downloads import PDF_FILE
from scripts.handbook_tools.facts import ROOT

if TYPE_CHECKING:  # pypdf, like Playwright, is a test requirement: imported when used
    from pypdf import PdfReader
    from pypdf.generic import Fit

TITLE = "Python Backend Interview Handbook"

HEADER = (
    '<div style="font: 8px system-ui, sans-serif; color: #777; width: 100%;'
    ' padding: 0 12mm; text-align: right;">' + TITLE + "</div>"
)
FOOTER = (
    '<div style="font: 8px system-ui, sans-serif; color: #777; width: 100%;'
    ' text-align: center;">Page <span class="pageNumber"></span>'
    ' of <span class="totalPages"></span></div>'
)

PREPARE = """(title) => {
  // Open every collapsed block (follow-up answers), as Material does before printing.
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  // Practice mode never hides an answer on paper.
  document.documentElement.classList.remove("handbook-practice");
  document.title = title;
  return document.querySelectorAll("details:not([open])").length;
}"""


def render(site_dir: Path, output: Path | None = None) -> Path:
    """Print the built site's print page to a PDF; return its path."""
    from playwright.sync_api import sync_playwright

    output = output or site_dir / PDF_FILE
    output.parent.mkdir(parents=True, exist_ok=True)
    page_path = facts.print_page(site_dir)
    with static_site.serve(site_dir) as url, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            context = browser.new_context(color_scheme="light", reduced_motion="reduce")
            page = context.new_page()
            page.goto(url + page_path, wait_until="load")
            page.wait_for_function("document.querySelector('#print-page-toc nav ul')")
            closed = page.evaluate(PREPARE, TITLE)
            if closed:
                raise RuntimeError(f"{closed} collapsed blocks would print closed")
            page.emulate_media(media="print", color_scheme="light")
            page.pdf(
                path=str(output),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=HEADER,
                footer_template=FOOTER,
                margin={
                    "top": "18mm",
                    "bottom": "18mm",
                    "left": "14mm",
                    "right": "14mm",
                },
                outline=True,
                tagged=True,
            )
            context.close()
        finally:
            browser.close()
    nest_outline(
        output, [part for part, _ in facts.nav_sections(facts.config()["nav"])]
    )
    return output


@dataclass
class Entry:
    """An outline entry: its title, where it points, the entries under it."""

    title: str
    page: int
    fit: Fit
    children: list[Entry] = field(default_factory=list)


def outline_tree(reader: PdfReader, entries: list) -> list[Entry]:
    """pypdf's outline (a list where a nested list holds the children of the entry
    before it) as a tree."""
    from pypdf.generic import Fit

    tree: list[Entry] = []
    for entry in entries:
        if isinstance(entry, list):
            tree[-1].children = outline_tree(reader, entry)
            continue
        fit = Fit.xyz(entry.get("/Left"), entry.get("/Top"), entry.get("/Zoom"))
        page = reader.get_destination_page_number(entry)
        tree.append(Entry(" ".join(entry.title.split()), page, fit))
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


def nest_outline(path: Path, parts: list[str]) -> None:
    """Rewrite the PDF at `path` with its outline nested in the parts."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(path)
    tree = nested_in_parts(outline_tree(reader, reader.outline), parts)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--output", type=Path, help=f"default: <site-dir>/{PDF_FILE}")
    options = parser.parse_args(argv)
    site_dir = options.site_dir.resolve()
    started = time.monotonic()
    try:
        facts.print_page(site_dir)
    except FileNotFoundError:
        result = build(site_dir)
        if result.returncode:
            sys.stderr.write(result.stdout + result.stderr)
            return result.returncode
        print(f"built the site in {time.monotonic() - started:.1f} s")
    if not chromium.available():
        sys.stderr.write(
            f"Chromium not found at {chromium.executable()} (set CHROMIUM)\n"
        )
        return 1
    printed = time.monotonic()
    path = render(site_dir, options.output)
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    print(f"{path}: {pages} pages in {time.monotonic() - printed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
