"""Broken input fails the strict build, and the error names the page at fault.

Each test copies the site's sources to a temporary directory, breaks one thing on one
page, builds, and checks the build failed with a message that names that page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.handbook_tools import check_snippets
from scripts.handbook_tools.build import build, copy_sources

ROOT = Path(__file__).resolve().parents[2]
PAGE = "questions/pass-statement.md"
SECTION = "pass_statement/null_statement.py:returns_none"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fault injection found no {old!r} in {path}"
    path.write_text(text.replace(old, new, 1))


def missing_snippet_file(copy: Path) -> None:
    (copy / "snippets/pass_statement/null_statement.py").unlink()


def missing_section(copy: Path) -> None:
    edit(copy / "docs" / PAGE, SECTION, SECTION + "_gone")


def raising_example(copy: Path) -> None:
    edit(
        copy / "snippets/pass_statement/null_statement.py",
        "print(do_nothing())",
        'raise RuntimeError("injected failure")',
    )


def broken_link(copy: Path) -> None:
    edit(copy / "docs" / PAGE, "## Pitfalls", "## Pitfalls\n\n[gone](no-such-page.md)")


def broken_anchor(copy: Path) -> None:
    edit(
        copy / "docs" / PAGE,
        "## Pitfalls",
        "## Pitfalls\n\n[gone](dict-items-vs-iteritems.md#no-such-heading)",
    )


def number_in_front_matter(copy: Path) -> None:
    edit(
        copy / "docs" / PAGE,
        "difficulty: beginner",
        "question: 1\ndifficulty: beginner",
    )


def long_ten_second_answer(copy: Path) -> None:
    edit(
        copy / "docs" / PAGE,
        "it exists because an indented",
        "it exists because, as every reader of the grammar of the language knows well "
        "after years of writing code in it every single day, an indented",
    )


def prediction_revealing_other_code(copy: Path) -> None:
    page = copy / "docs" / PAGE
    text = page.read_text()
    shown = '--8<-- "pass_statement/predict.py:pass_is_not_return"'
    first, second = text.index(shown), text.index(shown, text.index(shown) + 1)
    other = '--8<-- "pass_statement/predict.py:pass_is_not_continue"'
    page.write_text(text[:second] + other + text[second + len(shown) :])
    assert first < second


FAULTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing snippet file": (missing_snippet_file, "null_statement.py"),
    "missing section": (missing_section, "returns_none_gone"),
    "example that raises": (raising_example, "injected failure"),
    "broken link": (broken_link, "no-such-page.md"),
    "broken anchor": (broken_anchor, "no-such-heading"),
    "a number written by the page": (number_in_front_matter, "remove `question:`"),
    "a ten-second answer too long": (long_ten_second_answer, "ten-second answer:"),
    "a prediction revealing other code": (
        prediction_revealing_other_code,
        "the reveal runs pass_statement/predict.py:pass_is_not_continue, not the code",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_fault_fails_the_build_naming_the_page(tmp_path: Path, fault: str) -> None:
    inject, evidence = FAULTS[fault]
    copy = copy_sources(tmp_path / "src")
    inject(copy)
    result = build(tmp_path / "site", copy / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert PAGE in output, f"the error does not name {PAGE}:\n{output}"
    assert evidence in output


def test_snippet_check_reports_orphans_and_unknown_sections(tmp_path: Path) -> None:
    copy = copy_sources(tmp_path / "src")
    (copy / "snippets/pass_statement/forgotten.py").write_text("print('orphan')\n")
    missing_section(copy)
    messages = check_snippets.problems(copy)
    assert "snippets/pass_statement/forgotten.py: not included by any page" in messages
    assert any(
        message.startswith(f"docs/{PAGE}:")
        and "no section 'returns_none_gone'" in message
        for message in messages
    ), messages
