"""The handbook as one PDF, shipped with the site.

mkdocs-print-site-plugin renders every question into one print page (with a cover and a
contents list); Chromium prints it through Playwright, which adds what a plain
`--print-to-pdf` cannot: PDF bookmarks (an outline entry per question), a tagged PDF,
and a page-number footer. Before printing, every collapsed block is opened; the print
CSS (docs/assets/handbook.css) shows every tab, wraps long code lines and drops the
site's navigation. The light theme is forced.

Chromium's outline follows the headings, where a part's title and its questions' titles
are all `<h1>`: pdf_outline.py then nests each question under its part.

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
from pathlib import Path

from scripts.handbook_tools import chromium, facts, pdf_outline, static_site
from scripts.handbook_tools.build import build
from scripts.handbook_tools.downloads import PDF_FILE
from scripts.handbook_tools.facts import ROOT

# The text of each <h1> on the print page, without its permalink sign.
HEADINGS = """[...document.querySelectorAll("h1")].map((heading) => {
  const copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent;
})"""

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
            # Each heading's text as written: the outline Chromium makes drops the
            # space where a long heading wraps ("and\nCORS" becomes "andCORS").
            headings = page.evaluate(HEADINGS)
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
    pdf_outline.nest_outline(
        output,
        [part for part, _ in facts.nav_sections(facts.config()["nav"])],
        headings,
    )
    return output


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
