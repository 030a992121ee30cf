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
from tests.conftest import require

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


def runnable_example_importing_django(copy: Path) -> None:
    # Django is installed where the site is built, so the example itself runs; only
    # the browser's Python lacks it.
    edit(
        copy / "docs" / PAGE,
        "## Pitfalls",
        '## Pitfalls\n\n```python exec="on" source="block" result="text"\n'
        "import django\n\nprint(django.VERSION >= (5,))\n```",
    )


def runnable_prediction_under_other_code(copy: Path) -> None:
    # Outside "Predict the output", which the anatomy check reads: only the Run
    # button's own check sees the code above the reveal differ from the revealed.
    edit(
        copy / "docs" / PAGE,
        "## Pitfalls",
        "## Pitfalls\n\n"
        '```python\n--8<-- "pass_statement/predict.py:pass_is_not_return"\n```\n\n'
        '??? reveal "Output"\n'
        '    ```python exec="on" result="text"\n'
        '    --8<-- "pass_statement/predict.py:pass_is_not_continue"\n'
        "    ```\n",
    )


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
    "a runnable example importing a third-party module": (
        runnable_example_importing_django,
        "an example imports django, which the browser's Python does not have",
    ),
    "a runnable prediction under other code": (
        runnable_prediction_under_other_code,
        "the block above its reveal is not its code",
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


def test_a_build_without_pyodide_says_to_run_npm_ci(tmp_path: Path) -> None:
    """The Run buttons load Pyodide from the site's own files: with node_modules
    installed but Pyodide missing from it, the build fails and says how to fix it."""
    installed = ROOT / "node_modules"
    require(installed.is_dir(), "node_modules (npm ci)")
    copy = copy_sources(tmp_path / "src")
    modules = copy / "node_modules"
    if modules.is_symlink():
        modules.unlink()  # the copy's link only: the real folder stays as it is
    assert not modules.exists(), "copy_sources copied node_modules: adapt this test"
    # Every other package, linked from the real node_modules.
    modules.mkdir()
    for package in installed.iterdir():
        if package.name != "pyodide":
            (modules / package.name).symlink_to(package.resolve())
    result = build(tmp_path / "site", copy / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "node_modules/pyodide/pyodide.mjs is missing: run `npm ci`" in output
    assert (installed / "pyodide" / "pyodide.mjs").is_file()
