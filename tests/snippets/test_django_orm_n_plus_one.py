"""Claims of docs/questions/django-orm-n-plus-one.md."""

from __future__ import annotations

from snippets.django_orm_n_plus_one import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("django_orm_n_plus_one/predict.py:first") == "6\n"
    assert predict("django_orm_n_plus_one/predict.py:second") == "5\n"
    assert predict("django_orm_n_plus_one/predict.py:third") == "DRAFT\n"
