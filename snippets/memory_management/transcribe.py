"""Transcripts of docs/questions/memory-management.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ARENAS = Path(__file__).with_name("arenas.py")


# --8<-- [start:fresh_interpreter]
def fresh_interpreter_run(script: Path) -> str:
    """Run `script` in a new, isolated interpreter and return what it printed.

    -I ignores PYTHON* variables and the user's site-packages, -S skips `site`,
    and the environment is emptied: start-up allocates the same objects every
    time, so only the mapping addresses the OS picks make the counts vary.
    """
    command = [sys.executable, "-I", "-S", str(script)]
    done = subprocess.run(
        command, env={}, capture_output=True, text=True, timeout=120, check=True
    )
    return f"$ python {script.name}\n{done.stdout}"


# --8<-- [end:fresh_interpreter]


def arenas() -> str:
    return fresh_interpreter_run(ARENAS)


TRANSCRIPTS = {"arenas": arenas}
