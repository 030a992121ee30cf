"""Which external links the site may hold: well-formed `https://` URLs to the hosts in
ALLOWED or to the project's own repository. Nothing is fetched (no network here)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from scripts.handbook_tools import facts

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
    # Part II: PostgreSQL and its driver, Celery, django-cors-headers, the cookie draft.
    "www.postgresql.org/docs",
    "www.psycopg.org/psycopg3/docs",
    "docs.celeryq.dev",
    "github.com/adamchainz/django-cors-headers",
    "httpwg.org/http-extensions",
)  # ...and the repository itself: repo_url (facts.repo_url()).


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
        return f"host {host} is not in the allowlist (external_links.py ALLOWED)"
    return None


def format_external(external: Iterable[tuple[str, str]]) -> str:
    by_url: dict[str, set[str]] = {}
    for page, url in external:
        by_url.setdefault(url, set()).add(page)
    return "\n".join(
        f"{url}  ({', '.join(sorted(pages))})" for url, pages in sorted(by_url.items())
    )
