"""Run the zoo example project's manage.py for real, and what it printed.

The zoo project (this folder: `manage.py`, `zoo/`, `animals/`) is shared by two
pages, "How do you run Django's unit tests?" and "What is the Django Debug
Toolbar?"; their transcripts come from these runs. Each command runs in its own
process with a clean environment, so no Django setup leaks into the caller.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent
# A key for test runs only: the settings refuse to start without one unless
# DJANGO_DEBUG=1 (see zoo/settings.py).
TEST_ENV = {"DJANGO_SECRET_KEY": "test-runs-only-not-a-real-secret"}
# Variables that would change what the child does or prints: Django's own,
# pytest's (django-debug-toolbar reads PYTEST_VERSION), Python's warning flags.
DROPPED = ("DJANGO_", "PYTEST_", "PYTHONWARNINGS")


@dataclass(frozen=True)
class Run:
    command: str  # as a reader would type it
    returncode: int
    output: str  # stdout and stderr, in the order they were written

    def ran(self) -> int:
        """How many tests the runner reports it ran (-1 if none reported)."""
        found = re.search(r"^Ran (\d+) tests? in", self.output, re.MULTILINE)
        return int(found.group(1)) if found else -1

    def transcript(self) -> str:
        status = f"\n[exit status {self.returncode}]" if self.returncode else ""
        return f"$ {self.command}\n{normalise(self.output)}{status}"


def child_env(extra: dict[str, str]) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(DROPPED)
    }
    # Unbuffered, so stdout and stderr interleave in the order written.
    env.update(PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def manage(
    *args: str,
    env: dict[str, str] | None = None,
    python: tuple[str, ...] = (),
    shown: str | None = None,
) -> Run:
    """Run `python [python...] manage.py args...` in the project directory.

    `env` replaces TEST_ENV (pass {} for none); `shown` is how the page
    spells the command when it differs from the arguments (shell quoting).
    """
    extra = TEST_ENV if env is None else env
    process = subprocess.run(
        [sys.executable, *python, "manage.py", *args],
        cwd=PROJECT,
        env=child_env(extra),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
        check=False,
    )
    prefix = "".join(
        f"{name}={value} "
        for name, value in extra.items()
        if name != "DJANGO_SECRET_KEY"
    )
    typed = shown or " ".join(["python", *python, "manage.py", *args])
    return Run(prefix + typed, process.returncode, process.stdout)


def normalise(text: str) -> str:
    """Remove what changes from run to run: timings, paths, caret lines."""
    text = text.replace(f"{PROJECT}{os.sep}", "")
    text = re.sub(r"(Ran \d+ tests? in )\d+\.\d+s", r"\1N.NNNs", text)
    text = re.sub(r"\(\d+\.\d+\)", "(N.NNN)", text)  # --debug-sql timings
    text = re.sub(r"^\d+\.\d+s", "N.NNNs", text, flags=re.MULTILINE)
    # Python 3.11+ underlines the failing expression; 3.13 changed where.
    text = re.sub(r"^\s*[\^~]+\s*$\n?", "", text, flags=re.MULTILINE)
    return text.rstrip("\n")
