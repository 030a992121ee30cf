"""Claims of docs/questions/background-tasks-celery.md."""

from __future__ import annotations

from snippets.background_tasks_celery import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("background_tasks_celery/predict.py:first") == "6\n"
    assert predict("background_tasks_celery/predict.py:second") == "5\n"
    assert predict("background_tasks_celery/predict.py:third") == "DRAFT\n"
