"""Claims of docs/questions/decorators-and-closures.md."""

from __future__ import annotations

from snippets.decorators_and_closures import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("decorators_and_closures/predict.py:first") == "6\n"
    assert predict("decorators_and_closures/predict.py:second") == "5\n"
    assert predict("decorators_and_closures/predict.py:third") == "DRAFT\n"
