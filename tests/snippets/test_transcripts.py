"""Transcripts on the pages match what a real run prints now: a stale one fails."""

from __future__ import annotations

import pytest

from scripts.handbook_tools import transcripts

CASES = [
    (path, produce)
    for package in transcripts.transcript_modules()
    for path, produce in transcripts.transcripts(package)
]


@pytest.mark.server
@pytest.mark.parametrize(
    ("path", "produce"),
    CASES,
    ids=[f"{p.parent.parent.name}/{p.stem}" for p, _ in CASES],
)
def test_transcript_is_current(path, produce) -> None:
    assert path.exists(), f"{path} missing: run scripts/transcripts.sh"
    assert path.read_text() == transcripts.normalise(produce()), (
        f"{path} is stale: run scripts/transcripts.sh"
    )
