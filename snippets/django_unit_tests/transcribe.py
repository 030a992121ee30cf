"""Run the zoo project's tests for real and return what each command printed.

`scripts/transcripts.sh django_unit_tests` writes these to
`transcripts/*.txt`; the page includes them. The runs themselves are
`manage()` of snippets/zoo_project/run.py.
"""

from __future__ import annotations

import re
import sys

from snippets.zoo_project.run import Run, manage


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
