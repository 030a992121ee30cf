"""The page anatomy's rules (scripts/handbook_tools/anatomy.py), case by case: a page
that follows docs/contributing.md passes, and each way of breaking a rule is named with
its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.handbook_tools import anatomy

GOOD = Path(__file__).resolve().parents[2] / "docs" / "questions" / "pass-statement.md"


def problems(text: str) -> list[str]:
    return [message for _, message in anatomy.problems(text, "pass_statement")]


def broken(old: str, new: str) -> list[tuple[int, str]]:
    text = GOOD.read_text()
    assert old in text, old
    return anatomy.problems(text.replace(old, new, 1), "pass_statement")


def line_of(needle: str) -> int:
    lines = GOOD.read_text().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_the_reference_page_follows_the_anatomy() -> None:
    assert problems(GOOD.read_text()) == []


def test_front_matter_that_is_not_yaml_is_named_not_dropped() -> None:
    """MkDocs would drop it silently: the page would lose its level and reasons."""
    title = line_of("title:")
    assert broken("title: ", "title: The pass statement: ") == [
        (
            title,
            "the front matter is not valid YAML: mapping values are not allowed here",
        )
    ]
    body = GOOD.read_text().split("---\n", 2)[2]
    assert anatomy.problems(f"---\n- a list\n---\n{body}", "pass_statement") == [
        (1, "the front matter must be a YAML mapping (key: value lines)")
    ]


def test_words_count_what_a_reader_hears() -> None:
    assert anatomy.words("`pass` is a [statement](https://example.org/x y)") == 4
    assert anatomy.words("**Weak:** two") == 2


def test_a_missing_or_misplaced_section_is_named() -> None:
    text = GOOD.read_text()
    (missing,) = problems(text.replace("## Predict the output", "## Predictions"))
    assert "missing: Predict the output" in missing
    swapped = text.replace("## Pitfalls", "## TMP").replace(
        "## Explanation", "## Pitfalls"
    )
    (order,) = problems(swapped.replace("## TMP", "## Explanation"))
    assert "in that order" in order


def test_the_ten_second_answer_is_one_short_sentence() -> None:
    start = line_of("`pass` is Python's null statement")
    long = broken("it does nothing, and", "it does " + "nothing at all, " * 10 + "and")
    assert (start, "ten-second answer: 48 words (max 30)") in long
    two = broken("it does nothing, and it", "it does nothing. And it")
    assert (start, "the ten-second answer is one sentence") in two


def test_the_one_minute_answer_is_short_prose() -> None:
    padded = broken("returning `None`.", "returning `None`." + " again" * 40)
    assert any("one-minute answer: " in m and "(max 120)" in m for _, m in padded)
    listed = broken("    Every `def`", "    - Every `def`")
    assert any("no code blocks, lists or boxes" in m for _, m in listed)
    depth = broken("## What the interviewer", "More depth.\n\n## What the interviewer")
    assert any("holds only its box" in m for _, m in depth)


def test_the_interviewer_section_has_its_four_labels_in_order() -> None:
    (swapped,) = broken("- **Solid:**", "- **Good:**")
    assert swapped[0] == line_of("## What the interviewer listens for")
    assert "found: Weak, Good, Strong, Red flags" in swapped[1]


def test_a_prediction_reveals_the_output_of_the_code_it_shows() -> None:
    text = GOOD.read_text()
    shown = '--8<-- "pass_statement/predict.py:pass_is_not_return"'
    second = text.index(shown, text.index(shown) + 1)
    other = (
        text[:second]
        + shown.replace("return", "continue")
        + text[second + len(shown) :]
    )
    assert any("the reveal runs" in m for m in problems(other))
    session = broken(
        '    ```python exec="on" result="text"',
        '    ```python exec="on" result="text" session="x"',
    )
    assert any("no session" in m for _, m in session)
    foreign = broken(
        "pass_statement/predict.py:pass_is_not_return", "generators/predict.py:x"
    )
    assert any("snippets/pass_statement/" in m for _, m in foreign)
    hidden = broken('??? reveal "Output"', '??? note "Output"')
    assert any('??? reveal "Output"' in m for _, m in hidden)


def test_a_prediction_says_why_briefly_and_there_are_three() -> None:
    why = (
        "`pass` does not leave the function: it does nothing, and the `return` after "
        "it runs."
    )
    assert any("says why" in m for _, m in broken(why, ""))
    assert any("(max 60)" in m for _, m in broken(why, "word " * 61))
    text = GOOD.read_text()
    fewer = text.replace("### Code after `pass`", "Code after `pass`").replace(
        "### `pass` in a loop", "`pass` in a loop"
    )
    assert any("### predictions (min 3)" in m for m in problems(fewer))


def test_a_long_program_and_a_print_markdown_exec_ignores_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "snippets" / "pass_statement"
    package.mkdir(parents=True)
    lines = "\n".join(f"print({n})" for n in range(16))
    (package / "predict.py").write_text(
        "# --8<-- [start:pass_is_not_return]\n"
        + lines
        + "\n# --8<-- [end:pass_is_not_return]\n"
        "# --8<-- [start:pass_is_not_continue]\nprint(1, 2, sep='')\n"
        "# --8<-- [end:pass_is_not_continue]\n"
    )
    monkeypatch.setattr(anatomy, "ROOT", tmp_path)
    found = problems(GOOD.read_text())
    assert "pass_statement/predict.py:pass_is_not_return: 16 lines (max 15)" in found
    assert any("ignores sep= and file=" in m for m in found)


def test_a_follow_up_says_what_it_tests_and_answers_briefly() -> None:
    label = "**What it tests:** your judgement about silencing errors."
    where = line_of('??? question "When is `except ...: pass` acceptable?"')
    assert (where, "a follow-up starts with **What it tests:** and one line") in broken(
        label, "Judgement."
    )
    answer = "    The same as anywhere: `case _: pass` matches anything"
    assert any(
        "(max 100)" in m for _, m in broken(answer, "    " + "word " * 101 + answer)
    )


def test_the_command_line_names_the_file_and_exits_one(tmp_path: Path, capsys) -> None:
    page = tmp_path / "pass-statement.md"
    page.write_text(GOOD.read_text().replace("- **Weak:**", "- **Poor:**"))
    assert anatomy.main([str(page)]) == 1
    assert (
        f"{page}:{line_of('## What the interviewer')}: four items labelled"
        in capsys.readouterr().out
    )
    assert anatomy.main([str(GOOD)]) == 0
