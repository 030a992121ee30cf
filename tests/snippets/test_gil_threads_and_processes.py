"""Claims of docs/questions/gil-threads-and-processes.md."""

from __future__ import annotations

from snippets.gil_threads_and_processes import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("gil_threads_and_processes/predict.py:first") == "6\n"
    assert predict("gil_threads_and_processes/predict.py:second") == "5\n"
    assert predict("gil_threads_and_processes/predict.py:third") == "DRAFT\n"
