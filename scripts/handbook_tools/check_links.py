"""Check every link in the built site: pages, assets and anchors, raw HTML included.

MkDocs validates the links written in Markdown; a link written as raw HTML
(`<a href="...">` in a page), a link made by a theme template or a plugin, and an
asset path are not checked by it. This reads the built HTML instead, so it sees them
all:

- an internal link (relative, root-relative or absolute under `site_url`) must name a
  file of the site, and its `#fragment` an `id` (or `<a name>`) in that file;
- nothing may leave the site's URL prefix (a project site lives under `/<repository>/`);
- an external link is listed, must be a well-formed `https://` URL, and its host must be
  one of the documentation hosts in `ALLOWED` (nothing is fetched: no network here).

Usage: python -m scripts.handbook_tools.check_links [SITE_DIR] [--site-url URL]
[--external] Exit status 1 when a link is broken; each error names the page and the
link.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from scripts.handbook_tools import facts

ROOT = Path(__file__).resolve().parents[2]

# External links may point only to these: official documentation, standards bodies,
# and the project's own repository. An entry is a host, or a host with a path prefix.
ALLOWED = (
    "docs.python.org",
    "devguide.python.org",
    "peps.python.org",
    "www.python.org/downloads",
    "apps.ankiweb.net",
    "docs.ankiweb.net",
    "www.python.org/dev/peps",
    "docs.djangoproject.com",
    "www.djangoproject.com/download",
    "www.rfc-editor.org",
    "datatracker.ietf.org/doc",
    "httpwg.org/specs",
    "www.iana.org/assignments",
    "developer.mozilla.org",
    "www.tornadoweb.org",
    "django-debug-toolbar.readthedocs.io",
    "redis.io/docs",
    "redis.io/commands",
    "redis-py.readthedocs.io",
    "redis.readthedocs.io",
    "github.com/jazzband/django-redis",
    "github.com/django/asgiref",
    "gunicorn.org",
    "docs.gunicorn.org",
    "wsgi.readthedocs.io",
    "modwsgi.readthedocs.io",
    "uwsgi-docs.readthedocs.io",
    "asgi.readthedocs.io",
    "code.djangoproject.com/ticket",
    "fastcgi-archives.github.io",
    "docs.pytest.org",
    "coverage.readthedocs.io",
    "squidfunk.github.io/mkdocs-material",
    "www.mkdocs.org",
    "facelessuser.github.io/pymdown-extensions",
    "pawamoy.github.io/markdown-exec",
)  # ...and the repository itself: repo_url (facts.repo_url()).

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
# Not navigable targets: nothing to check.
SKIP_SCHEMES = {"mailto", "tel", "data"}
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


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    external: list[tuple[str, str]] = field(default_factory=list)  # (page, url)
    checked: int = 0


def _allowed(host: str, path: str) -> bool:
    target = host + path
    repo = urlsplit(facts.repo_url())
    for entry in (*ALLOWED, f"{repo.hostname}{repo.path}"):
        if "/" in entry:
            if target == entry or target.startswith(entry.rstrip("/") + "/"):
                return True
        elif host == entry:
            return True
    return False


def external_problem(url: str) -> str | None:
    """Why an external URL is not acceptable, or None when it is."""
    if any(character.isspace() for character in url):
        return "contains white space"
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "is not https"
    if parts.username or parts.password:
        return "carries credentials"
    host = parts.hostname or ""
    if not re.fullmatch(
        r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", host
    ):
        return "has no valid host name"
    if parts.port is not None:
        return "names a port"
    if not _allowed(host, parts.path or "/"):
        return f"host {host} is not in the allowlist (check_links.py ALLOWED)"
    return None


class Site:
    """The built site in `site_dir`, published at `site_url`."""

    def __init__(self, site_dir: Path, site_url: str) -> None:
        self.dir = site_dir.resolve()
        if not site_url.endswith("/"):
            site_url += "/"
        self.url = site_url
        parts = urlsplit(site_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.prefix = parts.path or "/"
        self._pages: dict[Path, Page] = {}

    def html_files(self) -> list[Path]:
        return sorted(self.dir.rglob("*.html"))

    def page(self, path: Path) -> Page:
        if path not in self._pages:
            self._pages[path] = parse_html(path.read_text(encoding="utf-8"))
        return self._pages[path]

    def name(self, path: Path) -> str:
        return path.relative_to(self.dir).as_posix()

    def url_of(self, path: Path) -> str:
        """The URL the site publishes `path` at (directory URLs for index.html)."""
        relative = self.name(path)
        if relative == "index.html":
            relative = ""
        elif relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        return self.url + relative

    def resolve(self, source: Path, url: str) -> tuple[Path | None, str, str | None]:
        """Map `url` found in `source` to (file, fragment, problem).

        `file` is None for an external URL (or a problem); `problem` says what is wrong.
        """
        parts = urlsplit(url)
        fragment = unquote(parts.fragment)
        if parts.scheme or parts.netloc:
            absolute = url if parts.scheme else "https:" + url
            if not absolute.startswith(self.origin + self.prefix):
                if absolute.startswith(self.origin + "/"):
                    return (
                        None,
                        fragment,
                        f"points outside the site's prefix {self.prefix}",
                    )
                return None, fragment, None  # external
            path = urlsplit(absolute).path
        elif url.startswith("/"):
            if not parts.path.startswith(self.prefix):
                return None, fragment, f"points outside the site's prefix {self.prefix}"
            path = parts.path
        else:
            base = urlsplit(self.url_of(source)).path
            path = urljoin(base, parts.path) if parts.path else base
            if not path.startswith(self.prefix):
                return None, fragment, f"points outside the site's prefix {self.prefix}"
        relative = PurePosixPath(unquote(path[len(self.prefix) :]))
        if ".." in relative.parts:
            return None, fragment, "climbs out of the site"
        target = self.dir / relative
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return None, fragment, f"names {self.name_or(target)}, which does not exist"
        if not parts.path and not (parts.scheme or parts.netloc):
            target = source  # a bare `#fragment` or empty href
        return target, fragment, None

    def name_or(self, path: Path) -> str:
        try:
            return self.name(path)
        except ValueError:  # pragma: no cover - resolve() rejects paths outside
            return str(path)


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


def _css_links(css: Path) -> Iterator[str]:
    for match in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
        yield match.group(2).strip()


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
        for url in _css_links(css):
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


def format_external(external: Iterable[tuple[str, str]]) -> str:
    by_url: dict[str, set[str]] = {}
    for page, url in external:
        by_url.setdefault(url, set()).add(page)
    return "\n".join(
        f"{url}  ({', '.join(sorted(pages))})" for url, pages in sorted(by_url.items())
    )


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
