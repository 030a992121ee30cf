"""Check every link in the built site: pages, assets and anchors, raw HTML included.

MkDocs validates the links written in Markdown; a link written as raw HTML
(`<a href="...">` in a page), a link made by a theme template or a plugin, and an
asset path are not checked by it. This reads the built HTML instead, so it sees them
all:

- an internal link (relative, root-relative or absolute under `site_url`) must name a
  file of the site, and its `#fragment` an `id` (or `<a name>`) in that file;
- nothing may leave the site's URL prefix (a project site lives under `/<repository>/`);
- an external link is listed, must be a well-formed `https://` URL, and its host must be
  one of the documentation hosts in external_links.py's `ALLOWED` (nothing is fetched).

Pages are read by html_links.py; where a URL leads is site_urls.py's.

Usage: python -m scripts.handbook_tools.check_links [SITE_DIR] [--site-url URL]
[--external]. Exit status 1 when a link is broken; each error names the page and link.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scripts.handbook_tools import facts
from scripts.handbook_tools.external_links import external_problem, format_external
from scripts.handbook_tools.facts import ROOT
from scripts.handbook_tools.html_links import css_links
from scripts.handbook_tools.site_urls import Site

# Not navigable targets: nothing to check.
SKIP_SCHEMES = {"mailto", "tel", "data"}


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    external: list[tuple[str, str]] = field(default_factory=list)  # (page, url)
    checked: int = 0


def _link_errors(site: Site, source: Path, kind: str, url: str, report: Report) -> None:
    page_name = site.name(source)
    scheme = urlsplit(url).scheme
    if scheme in SKIP_SCHEMES:
        return
    if scheme == "javascript":
        report.errors.append(f"{page_name}: {kind} {url!r} is a javascript: URL")
        return
    report.checked += 1
    target, fragment, problem = site.resolve(source, url)
    if problem:
        report.errors.append(f"{page_name}: {kind} {url!r} {problem}")
        return
    if target is None:
        report.external.append((page_name, url))
        why = external_problem(url if urlsplit(url).scheme else "https:" + url)
        if why:
            report.errors.append(f"{page_name}: external {kind} {url!r} {why}")
        return
    if fragment and target.suffix == ".html" and fragment not in site.page(target).ids:
        where = "this page" if target == source else site.name(target)
        report.errors.append(
            f"{page_name}: {kind} {url!r}: no id {fragment!r} in {where}"
        )


def check_site(site_dir: Path, site_url: str | None = None) -> Report:
    """Check every link of every HTML page and CSS file in `site_dir`. A build links to
    the PDF and the offline zip only when it ships them (downloads.py), so a
    link to either must find the file too."""
    site = Site(site_dir, site_url or facts.site_url())
    report = Report()
    for path in site.html_files():
        for kind, url in site.page(path).links:
            _link_errors(site, path, kind, url, report)
    for css in sorted(site.dir.rglob("*.css")):
        for url in css_links(css):
            if url.startswith("#") or urlsplit(url).scheme in SKIP_SCHEMES:
                continue
            target = (css.parent / urlsplit(url).path).resolve()
            if urlsplit(url).scheme or url.startswith("//"):
                report.external.append((site.name(css), url))
                why = external_problem(url)
                if why:
                    report.errors.append(f"{site.name(css)}: external url({url}) {why}")
            elif not target.is_file() or not target.is_relative_to(site.dir):
                report.errors.append(
                    f"{site.name(css)}: url({url}) names a file that does not exist"
                )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", help="default: $SITE_URL, else mkdocs.yml's")
    parser.add_argument(
        "--external", action="store_true", help="list external links and their pages"
    )
    options = parser.parse_args(argv)
    if not (options.site_dir / "index.html").is_file():
        parser.error(f"{options.site_dir} holds no built site (no index.html)")
    report = check_site(options.site_dir, options.site_url)
    if options.external:
        print(format_external(report.external))
    for error in report.errors:
        print(error, file=sys.stderr)
    print(
        f"{report.checked} links checked, {len(report.errors)} broken,"
        f" {len({url for _, url in report.external})} external",
        file=sys.stderr,
    )
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
