"""Under `scripts/serve.sh`, saving a snippet re-renders the pages that use it and no
other, and what is made from every page stays whole (scripts/handbook_tools/
live_rebuild.py); saving a page rebuilds everything.

`mkdocs serve --strict --dirty` runs as scripts/serve.sh runs it, on a copy of the
sources, on a free loopback port. A code block added to two pages of the copy writes a
line to a log each time it runs, so the test sees which pages' code ran again.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.handbook_tools import facts
from scripts.handbook_tools.benchmark import rebuild
from scripts.handbook_tools.build import copy_sources

ROOT = Path(__file__).resolve().parents[2]
EDITED = "pass-statement"  # its snippet is saved again
OTHER = "dict-items-vs-iteritems"  # uses none of that snippet
SNIPPET = "snippets/pass_statement/null_statement.py"
OLD_LINE = "print(do_nothing())"
NEW_LINE = 'print("saved again:", do_nothing())'
# The live-reload script MkDocs injects into every served page differs per request.
_LIVERELOAD = re.compile(r"<script>\s*var livereload.*?</script>", re.S)

pytestmark = pytest.mark.server


def _counting_block(log: Path, slug: str) -> str:
    return (
        f'\n```python exec="on"\nwith open({str(log)!r}, "a") as log:\n'
        f"    log.write({slug!r} + '\\n')\n```\n"
    )


def runs(log: Path, slug: str) -> int:
    return log.read_text().splitlines().count(slug) if log.exists() else 0


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    copy = copy_sources(tmp_path_factory.mktemp("live") / "project")
    log = copy / "code-runs.log"
    for slug in (EDITED, OTHER):
        page = copy / "docs" / "questions" / f"{slug}.md"
        page.write_text(page.read_text() + _counting_block(log, slug))
    with rebuild.serving(copy / "mkdocs.yml", dirty=True) as port:
        yield copy, port


def fetch(port: int, path: str) -> str:
    base = f"http://127.0.0.1:{port}{urlsplit(facts.site_url()).path}"
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return _LIVERELOAD.sub("", response.read().decode("utf-8"))


def site(port: int) -> dict[str, str]:
    paths = ["", "print_page/", "search/search_index.full.json"]
    paths += [question.url for question in facts.questions()]
    return {path: fetch(port, path) for path in paths}


def save(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path} holds no {old!r}"
    path.write_text(text.replace(old, new, 1))


def test_serve_sh_serves_with_fast_rebuilds() -> None:
    command = (ROOT / "scripts" / "serve.sh").read_text()
    assert re.search(r"mkdocs serve --strict --dirty\b", command)


def test_a_saved_snippet_re_renders_only_its_page(served) -> None:
    copy, port = served
    log = copy / "code-runs.log"
    before = site(port)
    assert (runs(log, EDITED), runs(log, OTHER)) == (1, 1)
    assert "saved again:" not in before[f"questions/{EDITED}/"]

    rebuild.shown_again(port, lambda: save(copy / SNIPPET, OLD_LINE, NEW_LINE))
    after = site(port)

    # Only the page that includes the snippet ran its code again...
    assert runs(log, EDITED) > 1
    assert runs(log, OTHER) == 1
    # ...and shows the new output, as do the print page and the search index.
    for path in (
        f"questions/{EDITED}/",
        "print_page/",
        "search/search_index.full.json",
    ):
        assert "saved again:" in after[path], path
    # Every other page is served exactly as before: navigation titles, tags, links.
    unchanged = {p for p in before if "questions/" in p and EDITED not in p}
    assert {p for p in unchanged if after[p] != before[p]} == set()

    # The search index holds every page once: none lost, none twice.
    def locations(index: str) -> list[str]:
        return sorted(doc["location"] for doc in json.loads(index)["docs"])

    assert locations(after["search/search_index.full.json"]) == locations(
        before["search/search_index.full.json"]
    )


def test_a_saved_page_rebuilds_the_whole_site(served) -> None:
    copy, port = served
    log = copy / "code-runs.log"
    other_runs = runs(log, OTHER)
    page = copy / "docs" / "questions" / f"{EDITED}.md"
    sentence = "## Pitfalls\n\nA sentence saved while serving."
    rebuild.shown_again(port, lambda: save(page, "## Pitfalls", sentence))
    assert runs(log, OTHER) > other_runs
    assert "A sentence saved while serving." in fetch(port, f"questions/{EDITED}/")
