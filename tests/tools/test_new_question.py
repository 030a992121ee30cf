"""scripts/handbook_tools/new_question.py (`scripts/new-question.sh`): adding a question
is a page, a snippet package, a test module and one line of the nav. Run in a temporary
copy of the repository: the scaffold's page builds strictly as made, as a draft the
release refuses; its test passes; filled in, the site counts one question more
everywhere it counts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.handbook_tools import check_snippets, facts, release
from scripts.handbook_tools.build import build, copy_sources

SLUG = "python-gil"
ASKED = "What is the GIL, and does Python 3.14 still have one?"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    copy = copy_sources(tmp_path / "repository", "tests", "pyproject.toml")
    return copy


def scaffold(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scripts.handbook_tools.new_question", *args]
    return subprocess.run(
        command, cwd=copy, capture_output=True, text=True, check=False, timeout=60
    )


def built(copy: Path, site: Path) -> Path:
    result = build(site, copy / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def counts(site: Path, total: int) -> None:
    """Every count the site shows says `total`."""
    home = (site / "index.html").read_text()
    assert f'content="The {total} questions of a Python backend' in home
    assert re.search(rf"<td[^>]*>{total}</td>", home), "the home map's last row"
    page = (site / "questions" / SLUG / "index.html").read_text()
    assert f"Question {total} of {total}<" in page
    first = (site / "questions" / "pass-statement" / "index.html").read_text()
    assert f"Question 1 of {total}<" in first
    cover = (site / "print_page" / "index.html").read_text()
    assert f"{total} questions, answered for today" in cover


def test_a_new_question_is_one_command_and_counts_everywhere(
    repository: Path, tmp_path: Path
) -> None:
    before = len(facts.questions(repository / "mkdocs.yml"))
    result = scaffold(repository, SLUG, ASKED)
    assert result.returncode == 0, result.stderr
    made = set(result.stdout.split())
    assert made == {
        f"docs/questions/{SLUG}.md",
        "snippets/python_gil/example.py",
        "snippets/python_gil/predict.py",
        "tests/snippets/test_python_gil.py",
        "mkdocs.yml",
    }
    questions = facts.questions(repository / "mkdocs.yml")
    assert len(questions) == before + 1
    assert questions[-1].slug == SLUG
    assert questions[-1].section == questions[-2].section
    assert check_snippets.problems(repository) == []

    # As made: a strict build passes, the page says it is a draft, the release refuses.
    site = built(repository, tmp_path / "draft-site")
    page = (site / "questions" / SLUG / "index.html").read_text()
    assert "Draft:" in page
    assert release.drafts(repository / "mkdocs.yml") == [
        f"docs/questions/{SLUG}.md is a draft: finish the answer and remove "
        "`draft: true`"
    ]
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--no-cov", "-p", "no:cacheprovider",
         "tests/snippets/test_python_gil.py"],
        cwd=repository, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "2 passed" in tests.stdout

    # Filled in: no longer a draft, and every count on the site says one more.
    page_source = repository / "docs" / "questions" / f"{SLUG}.md"
    page_source.write_text(page_source.read_text().replace("draft: true\n", ""))
    assert release.drafts(repository / "mkdocs.yml") == []
    counts(built(repository, tmp_path / "site"), before + 1)


def test_the_scaffold_refuses_a_bad_slug_a_taken_one_and_an_unknown_section(
    repository: Path,
) -> None:
    bad = scaffold(repository, "Python_GIL", ASKED)
    assert bad.returncode == 1
    assert "lowercase words joined by hyphens" in bad.stderr
    taken = scaffold(repository, "pass-statement", ASKED)
    assert taken.returncode == 1
    assert "docs/questions/pass-statement.md already exists" in taken.stderr
    unknown = scaffold(repository, SLUG, ASKED, "--section", "Nowhere")
    assert unknown.returncode == 1
    assert "no nav section 'Nowhere'" in unknown.stderr
    assert not (repository / "docs" / "questions" / f"{SLUG}.md").exists()
