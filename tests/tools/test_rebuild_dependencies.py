"""Which snippet files a page depends on under `scripts/serve.sh` (live_rebuild.py in
scripts/handbook_tools): what it includes, and what those include or import from other
snippet packages. tests/site/test_live_rebuild.py serves the result."""

from __future__ import annotations

from pathlib import Path

from scripts.handbook_tools import live_rebuild

ROOT = Path(__file__).resolve().parents[2]


def depends_on(slug: str) -> set[str]:
    page = ROOT / "docs" / "questions" / f"{slug}.md"
    paths = live_rebuild.dependencies(page.read_text())
    return {path.relative_to(ROOT / "snippets").as_posix() for path in paths}


def test_a_page_depends_on_the_packages_it_includes_and_nothing_else() -> None:
    found = depends_on("pass-statement")
    assert "pass_statement/null_statement.py" in found
    assert "provenance.py" in found  # every page includes it
    assert {path.partition("/")[0] for path in found} == {
        "pass_statement",
        "provenance.py",
    }


def test_a_package_brings_in_the_snippet_packages_it_imports() -> None:
    # Question 15's transcripts come from the shared zoo project.
    found = depends_on("django-unit-tests")
    assert "zoo_project/run.py" in found
    assert "zoo_project/animals/models.py" in found
    assert "zoo_project/animals/__init__.py" in found


def test_caches_and_bytecode_are_not_dependencies() -> None:
    found = depends_on("django-unit-tests")
    assert not [path for path in found if "__pycache__" in path or "/." in path]
