"""Claims of docs/questions/django-web-security.md."""

from __future__ import annotations

from snippets.django_web_security import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("django_web_security/predict.py:first") == "6\n"
    assert predict("django_web_security/predict.py:second") == "5\n"
    assert predict("django_web_security/predict.py:third") == "DRAFT\n"
