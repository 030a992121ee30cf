"""Claims of docs/questions/django-transactions-and-races.md."""

from __future__ import annotations

from snippets.django_transactions_and_races import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("django_transactions_and_races/predict.py:first") == "6\n"
    assert predict("django_transactions_and_races/predict.py:second") == "5\n"
    assert predict("django_transactions_and_races/predict.py:third") == "DRAFT\n"
