"""The built site as its links see it: where a URL written on one of its pages leads (a
file of the site and a fragment, somewhere outside the site's prefix, or another host),
and the parsed pages, each read once."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from scripts.handbook_tools.html_links import Page, parse_html


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
