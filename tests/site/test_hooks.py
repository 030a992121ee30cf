"""The build hooks' own rules (scripts/mkdocs_hooks.py): when a page last changed, with
and without git history, and the home page's map of the questions."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts import mkdocs_hooks
from tests.conftest import require


def git(repo: Path, *args: str, date: str = "2024-02-29T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        timeout=30,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    require(shutil.which("git") is not None, "git")
    git(tmp_path, "init", "-q")
    (tmp_path / "page.md").write_text("# A page\n")
    git(tmp_path, "add", "page.md")
    git(tmp_path, "commit", "-q", "-m", "page")
    mkdocs_hooks._git.cache_clear()
    return tmp_path


def test_committed_page_shows_its_commit_date(repo: Path) -> None:
    changed = mkdocs_hooks.last_changed(repo / "page.md")
    assert changed == {"date": "2024-02-29", "label": "Last changed on 2024-02-29"}


def test_edited_page_says_it_changed_since(repo: Path) -> None:
    (repo / "page.md").write_text("# A page, edited\n")
    changed = mkdocs_hooks.last_changed(repo / "page.md")
    assert changed["date"] == "2024-02-29"
    assert changed["label"].endswith("(edited since, not yet committed)")


def test_new_page_is_not_yet_committed(repo: Path) -> None:
    (repo / "new.md").write_text("# New\n")
    assert mkdocs_hooks.last_changed(repo / "new.md") == {
        "date": "",
        "label": "Last change: not yet committed",
    }


def test_without_git_history_the_label_says_so(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("# A page\n")
    mkdocs_hooks._git.cache_clear()
    changed = mkdocs_hooks.last_changed(tmp_path / "page.md")
    assert changed["date"] == ""
    assert "not recorded" in changed["label"]


def test_question_map_follows_front_matter(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "a.md").write_text(
        "---\ntitle: A\nquestion: 1\ndifficulty: beginner\ntags: [http, caching]\n---\n"
        "# The `a` question\n"
    )
    (tmp_path / "questions" / "b.md").write_text(
        "---\ntitle: B\nquestion: 2\ncoming: true\n---\n# B\n"
    )
    config = SimpleNamespace(
        docs_dir=str(tmp_path),
        nav=[{"Home": "index.md"}, {"Web": ["questions/a.md", "questions/b.md"]}],
    )
    table = mkdocs_hooks.question_map(config)
    assert "### Web" in table
    row_a = "| 1 | [The `a` question](questions/a.md) | beginner | http, caching |"
    assert row_a in table
    assert "| 2 | [B](questions/b.md) | *coming* |  |" in table
    assert "- **caching**: [The `a` question](questions/a.md)" in table
    assert "1 of 2 answers are written" in table
    # Once every page is written, the note about coming pages disappears.
    (tmp_path / "questions" / "b.md").write_text(
        "---\ntitle: B\nquestion: 2\ndifficulty: advanced\ntags: [http]\n---\n# B\n"
    )
    table = mkdocs_hooks.question_map(config)
    assert "coming" not in table
    both = "- **http**: [The `a` question](questions/a.md), [B](questions/b.md)"
    assert both in table
