"""Run the zoo project's tests for real and return what each command printed.

`python -m scripts.transcripts django_unit_tests` writes these to
`transcripts/*.txt`; the pages include them. Each command runs in its own
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


def run_tests(*args: str, shown: str | None = None) -> Run:
    return manage("test", *args, shown=shown)


# The list's commands ---------------------------------------------------------
def everything():
    return run_tests().transcript()


def app_label():
    return run_tests("animals").transcript()


def module():
    return run_tests("animals.tests.test_models").transcript()


def test_class():
    return run_tests("animals.tests.test_models.AnimalQueryTests").transcript()


def one_method():
    label = "animals.tests.test_models.AnimalQueryTests.test_two_legged"
    return run_tests(label).transcript()


def pattern():
    shown = 'python manage.py test --pattern="tests_*.py"'
    return run_tests("--pattern=tests_*.py", shown=shown).transcript()


def all_warnings():
    return manage(
        "test", "animals.tests.test_models", python=("-Wall",)
    ).transcript()


# What the list leaves out ----------------------------------------------------
def directory():
    return run_tests("animals/tests").transcript()


def keyword():
    return run_tests("-k", "speak").transcript()


def tags():
    return "\n\n".join(
        run_tests(*args).transcript()
        for args in (("--tag", "slow"), ("--exclude-tag", "slow"))
    )


def shuffle():
    return run_tests(
        "--shuffle", "2024", "-v", "2", "animals.tests.test_models"
    ).transcript()


def parallel():
    return run_tests("--parallel", "2").transcript()


def keepdb():
    return run_tests("--keepdb", "animals.tests.test_views").transcript()


def failures():
    return run_tests("animals.failing_examples").transcript()


def failfast():
    return run_tests("--failfast", "animals.failing_examples").transcript()


def buffer():
    return run_tests("--buffer", "animals.failing_examples").transcript()


def debug_sql():
    label = "animals.failing_examples.FailingTests.test_a_wrong_count"
    return run_tests("--debug-sql", label).transcript()


def durations():
    """The slowest test on Python 3.12+; argparse's refusal on 3.11."""
    run = run_tests("--durations", "1")
    usage = re.compile(r"^usage: .*?(?=^\S)", re.MULTILINE | re.DOTALL)
    text = usage.sub("[usage text trimmed]\n", run.output)  # 3.11 only
    return Run(run.command, run.returncode, text).transcript()


TRANSCRIPTS = {
    "everything": everything,
    "app_label": app_label,
    "module": module,
    "test_class": test_class,
    "one_method": one_method,
    "pattern": pattern,
    "all_warnings": all_warnings,
    "directory": directory,
    "keyword": keyword,
    "tags": tags,
    "shuffle": shuffle,
    "parallel": parallel,
    "keepdb": keepdb,
    "failures": failures,
    "failfast": failfast,
    "buffer": buffer,
    "debug_sql": debug_sql,
}
# --durations exists only where unittest has it (Python 3.12+), so its
# transcript differs: each interpreter checks the file that describes it.
PY312 = sys.version_info >= (3, 12)
TRANSCRIPTS["durations" if PY312 else "durations_refused"] = durations
