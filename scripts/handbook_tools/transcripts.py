"""Write (or check) the transcripts that pages show from runs that need a real server.

A page whose output cannot be produced at build time has a module
`snippets/<package>/transcribe.py` that defines

    TRANSCRIPTS = {"name": function_returning_text, ...}

Each function runs the real thing (a server, `manage.py test`) and returns its output,
made deterministic. This script writes each to
`snippets/<package>/transcripts/<name>.txt`, which the page includes.
`tests/snippets/test_transcripts.py` fails when one is stale.

Usage: scripts/transcripts.sh [--check] [package ...]
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from scripts.handbook_tools.facts import ROOT

SNIPPETS = ROOT / "snippets"


def transcript_modules() -> list[str]:
    """Names of the snippet packages that have a transcribe.py, sorted."""
    return sorted(path.parent.name for path in SNIPPETS.glob("*/transcribe.py"))


def transcripts(package: str) -> Iterator[tuple[Path, Callable[[], str]]]:
    """(file, producer) for every transcript a snippet package declares."""
    module = importlib.import_module(f"snippets.{package}.transcribe")
    for name, produce in module.TRANSCRIPTS.items():
        yield SNIPPETS / package / "transcripts" / f"{name}.txt", produce


def normalise(text: str) -> str:
    """One trailing newline, no trailing spaces: what the file holds."""
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("packages", nargs="*", help="default: every package")
    options = parser.parse_args(argv)
    stale = []
    for package in options.packages or transcript_modules():
        for path, produce in transcripts(package):
            text = normalise(produce())
            relative = path.relative_to(ROOT)
            if options.check:
                if not path.exists() or path.read_text() != text:
                    stale.append(relative)
                continue
            path.parent.mkdir(exist_ok=True)
            path.write_text(text)
            print(f"wrote {relative}")
    for relative in stale:
        print(f"{relative}: stale; run scripts/transcripts.sh", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
