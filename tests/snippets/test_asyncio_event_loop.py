"""Claims of docs/questions/asyncio-event-loop.md."""

from __future__ import annotations

from snippets.asyncio_event_loop import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("asyncio_event_loop/predict.py:first") == "6\n"
    assert predict("asyncio_event_loop/predict.py:second") == "5\n"
    assert predict("asyncio_event_loop/predict.py:third") == "DRAFT\n"
