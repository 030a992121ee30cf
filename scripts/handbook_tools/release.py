"""The published site, complete: the strict build with its downloads, links checked.

It refuses a site holding a draft (a page still marked `draft: true`). Then, in order,
because each step reads the one before:
1. the strict build, with HANDBOOK_DOWNLOADS=true so the home page links to the PDF and
   the offline zip (scripts/handbook_tools/downloads.py); the build itself writes the
   Anki deck;
2. the PDF, printed from the built print page (scripts/handbook_tools/pdf.py; needs
   Chromium);
3. the offline copy, a second build for file:// that holds the PDF (archive.py);
4. every link, anchor and asset of the result (check_links.py): the downloads
   the home page offers must now exist.

Usage: scripts/release.sh [SITE_DIR]   (after `scripts/setup.sh test`)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from scripts.handbook_tools import archive, check_links, chromium, facts, pdf
from scripts.handbook_tools.build import build
from scripts.handbook_tools.downloads import RELEASE_VARIABLE
from scripts.handbook_tools.facts import ROOT


def drafts(config_file: Path = facts.CONFIG_FILE) -> list[str]:
    """The pages still marked `draft: true` (scripts/new-question.sh makes them so)."""
    return [
        f"docs/{question.uri} is a draft: finish the answer and remove `draft: true`"
        for question in facts.questions(config_file)
        if question.meta.get("draft")
    ]


def release(site_dir: Path, log=print) -> list[str]:
    """Make the complete site in `site_dir`; return the problems found (none: ready)."""
    if unfinished := drafts():
        return unfinished
    started = time.monotonic()
    result = build(site_dir, environment={RELEASE_VARIABLE: "true"})
    if result.returncode:
        return [f"strict build failed:\n{result.stdout}{result.stderr}"]
    log(f"built {site_dir} in {time.monotonic() - started:.1f} s")
    if not chromium.available():
        return [f"Chromium not found at {chromium.executable()} (set CHROMIUM)"]
    step = time.monotonic()
    log(f"printed {pdf.render(site_dir)} in {time.monotonic() - step:.1f} s")
    step = time.monotonic()
    zipped = archive.make_archive(site_dir, release=True)
    log(f"zipped {zipped} in {time.monotonic() - step:.1f} s")
    report = check_links.check_site(site_dir)
    log(f"{report.checked} links checked")
    return report.errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    options = parser.parse_args(argv)
    problems = release(options.site_dir.resolve())
    for problem in problems:
        print(f"release: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
