"""Claims of docs/questions/context-managers.md."""

from __future__ import annotations

from snippets.context_managers import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("context_managers/predict.py:first") == "6\n"
    assert predict("context_managers/predict.py:second") == "5\n"
    assert predict("context_managers/predict.py:third") == "DRAFT\n"
