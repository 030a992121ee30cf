"""Every snippet file runs as a script without error: nothing on a page is dead code."""

from __future__ import annotations

import contextlib
import io
import runpy
from pathlib import Path

import pytest

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"
# Not scripts: transcribe.py is run by scripts/handbook_tools/transcripts.py and its own
# test.
NOT_SCRIPTS = {"__init__.py", "transcribe.py"}


def in_django_project(path: Path) -> bool:
    """Files of an example Django project run through its manage.py, in its tests."""
    return any(
        (SNIPPETS / folder / "manage.py").exists()
        for folder in path.relative_to(SNIPPETS).parents
    )


def scripts() -> list[Path]:
    return sorted(
        path
        for path in SNIPPETS.rglob("*.py")
        if path.name not in NOT_SCRIPTS
        and "__pycache__" not in path.parts
        and not in_django_project(path)
    )


@pytest.mark.parametrize("path", scripts(), ids=lambda p: str(p.relative_to(SNIPPETS)))
def test_snippet_runs(path: Path) -> None:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        runpy.run_path(str(path), run_name="__main__")
    assert "Traceback" not in output.getvalue()
