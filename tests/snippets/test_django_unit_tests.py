"""Claims of docs/questions/django-unit-tests.md, proven by running manage.py test.

Every run of the example project is a subprocess (it must not configure Django
inside pytest); `transcribe.manage` strips DJANGO_* from its environment. The
predictions, at the end, run in this process against the minimal in-memory
Django of snippets/django_unit_tests/inprocess.py, as the build runs them.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys

import pytest

from snippets.django_unit_tests import transcribe as t
from snippets.zoo_project import run as zoo
from snippets.zoo_project.run import Run

pytestmark = pytest.mark.server  # real processes, like the transcripts

ALL = 15  # tests under animals/ whose file names match test*.py
RESULT = re.compile(r"^(\w+) \(([\w.]+)\) \.\.\. (ok|FAIL|ERROR|skipped)", re.M)


@functools.cache
def cached_test(*args: str) -> Run:
    """`python manage.py test args...`, run once per session for each args."""
    return t.run_tests(*args)


def verbose(*args: str) -> Run:
    return cached_test("-v", "2", *args)


def ids_of(run: Run) -> list[str]:
    """Dotted ids of the tests a -v 2 run reports, in the order they ran."""
    return [match.group(2) for match in RESULT.finditer(run.output)]


@pytest.mark.parametrize(
    ("labels", "count"),
    [
        ((), ALL),
        (("animals",), ALL),
        (("animals/tests",), ALL),  # a directory path works as a label
        (("animals.tests.test_models",), 6),
        (("animals.tests.test_models.AnimalQueryTests",), 3),
        (("animals.tests.test_models.AnimalQueryTests.test_two_legged",), 1),
    ],
    ids=["project", "app", "directory", "module", "class", "method"],
)
def test_each_label_form_runs_its_tests(labels, count) -> None:
    run = cached_test(*labels)
    assert run.returncode == 0, run.output
    assert run.ran() == count
    assert f"Found {count} test(s)." in run.output


def test_default_pattern_is_test_star_py_and_includes_tests_underscore() -> None:
    modules = {test.rsplit(".", 2)[0] for test in ids_of(verbose())}
    assert modules == {
        "animals.tests.test_models",
        "animals.tests.test_views",
        "animals.tests.test_transactions",
        "animals.tests.test_environment",
        "animals.tests.tests_slow",  # tests_slow.py matches test*.py too
    }


def test_testcase_classes_run_first() -> None:
    classes = [test.rsplit(".", 1)[0].rsplit(".", 1)[1] for test in ids_of(verbose())]
    django_testcases = {"AnimalQueryTests", "AnimalListViewTests", "OnCommitInTestCase"}
    last_testcase = max(i for i, name in enumerate(classes) if name in django_testcases)
    first_other = min(
        i for i, name in enumerate(classes) if name not in django_testcases
    )
    assert last_testcase < first_other
    assert "OnCommitInTransactionTestCase" in classes[first_other:]


def test_pattern_option_narrows_discovery() -> None:
    run = verbose("--pattern=tests_*.py")
    assert run.returncode == 0
    assert ids_of(run) == [
        "animals.tests.tests_slow.LiveAnimalListTests.test_page_over_http"
    ]


def test_a_module_named_explicitly_runs_whatever_its_file_name() -> None:
    assert not any("failing_examples" in test for test in ids_of(verbose()))
    run = cached_test("animals.failing_examples")
    assert run.ran() == 3
    assert "FAILED (failures=2)" in run.output


def test_a_failing_test_fails_the_command() -> None:
    assert cached_test("animals.failing_examples").returncode == 1
    assert cached_test("animals.failing_examples.PassingTests").returncode == 0


def test_wall_shows_deprecation_warnings_the_runner_hides() -> None:
    plain = cached_test("animals.tests.test_models")
    loud = zoo.manage("test", "animals.tests.test_models", python=("-Wall",))
    assert plain.returncode == loud.returncode == 0
    assert "DeprecationWarning" not in plain.output
    assert loud.output.count("DeprecationWarning: Animal.noise() is deprecated") == 2


def test_test_case_classes_behave_as_the_page_says() -> None:
    """SimpleTestCase refuses queries, TestCase rolls back and holds on_commit
    callbacks, TransactionTestCase commits, LiveServerTestCase serves HTTP:
    each claim is an assertion inside the project's suite, which must pass."""
    run = verbose()
    assert run.returncode == 0, run.output
    results = {m.group(1): m.group(3) for m in RESULT.finditer(run.output)}
    for name in (
        "test_queries_are_refused",
        "test_changes_are_rolled_back",
        "test_rows_are_back",
        "test_on_commit_waits_for_the_outer_transaction",
        "test_capture_runs_the_callbacks",
        "test_on_commit_runs",
        "test_page_over_http",
        "test_debug_is_off",
        "test_the_test_client_host_is_allowed",
        "test_mail_goes_to_an_outbox",
    ):
        assert results[name] == "ok"


def test_sqlite_test_database_is_in_memory_and_separate() -> None:
    run = cached_test("-v", "2", "animals.tests.test_views")
    assert run.returncode == 0
    assert (
        "Creating test database for alias 'default' "
        "('file:memorydb_default?mode=memory&cache=shared')..."
    ) in run.output
    assert not (zoo.PROJECT / "zoo.sqlite3").exists()  # the real one: untouched


def test_k_selects_by_name_and_skips_the_database_when_unneeded() -> None:
    run = verbose("-k", "speak")
    assert ids_of(run) == ["animals.tests.test_models.SpeakTests.test_speak"]
    assert "Creating test database" not in run.output  # SimpleTestCase only
    assert len(ids_of(verbose("-k", "*_on_commit_*"))) == 2  # fnmatch form


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (("--tag", "slow"), 1),
        (("--exclude-tag", "slow"), ALL - 1),
        (("--tag", "views"), 2),
    ],
)
def test_tags_select_and_exclude(args, count) -> None:
    run = cached_test(*args)
    assert run.returncode == 0
    assert run.ran() == count


def test_shuffle_with_a_seed_is_repeatable() -> None:
    label = "animals.tests.test_models"
    first = verbose("--shuffle", "2024", label)
    again = verbose("--shuffle", "2024", label)
    in_order = verbose(label)
    assert "Using shuffle seed: 2024 (given)" in first.output
    assert ids_of(first) == ids_of(again)
    assert ids_of(first) != ids_of(in_order)
    assert sorted(ids_of(first)) == sorted(ids_of(in_order))


def test_shuffle_without_a_seed_prints_the_one_it_generated() -> None:
    run = cached_test("animals.tests.test_models", "--shuffle")
    assert re.search(r"Using shuffle seed: \d+ \(generated\)", run.output)


def test_shuffle_takes_the_next_word_as_its_seed() -> None:
    run = cached_test("--shuffle", "animals.tests.test_models")
    assert run.returncode == 2
    assert "argument --shuffle: invalid int value: 'animals.tests.test_models'" in (
        run.output
    )


def test_parallel_clones_one_database_per_process() -> None:
    run = cached_test("--parallel", "2")
    assert run.returncode == 0
    assert run.ran() == ALL
    assert run.output.count("Cloning test database for alias 'default'...") == 2


def test_parallel_never_splits_a_class() -> None:
    run = cached_test("--parallel", "2", "animals.tests.test_models.AnimalQueryTests")
    assert run.returncode == 0
    assert "Cloning test database" not in run.output


def test_parallel_auto_needs_fork_or_spawn() -> None:
    """Django 5.2 falls back to one process under Python 3.14's Linux default."""
    code = (
        "import multiprocessing as mp;"
        "from django.test.runner import get_max_test_processes as processes;"
        "mp.set_start_method('forkserver', force=True); print(processes())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=zoo.child_env({"DJANGO_TEST_PROCESSES": "2"}),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "1"


def test_parallel_failure_shows_a_traceback_with_tblib() -> None:
    pytest.importorskip("tblib")
    run = cached_test("--parallel", "2", "animals.failing_examples")
    assert run.returncode == 1
    assert 'failing_examples.py", line 13, in test_a_wrong_count' in run.output
    assert "FAILED (failures=2)" in run.output


def test_parallel_failure_without_tblib_asks_for_it(tmp_path) -> None:
    hidden = tmp_path / "tblib"
    hidden.mkdir()
    (hidden / "__init__.py").write_text("raise ImportError('hidden by the test')\n")
    env = {**zoo.TEST_ENV, "PYTHONPATH": str(tmp_path)}
    run = zoo.manage("test", "--parallel", "2", "animals.failing_examples", env=env)
    assert run.returncode != 0
    assert "In order to see the traceback, you should install tblib" in run.output
    assert run.ran() == -1  # the run crashed: no summary, no report


def test_keepdb_reuses_and_preserves_the_test_database() -> None:
    kept = cached_test("--keepdb", "animals.tests.test_views")
    fresh = cached_test("animals.tests.test_views")
    assert "Using existing test database for alias 'default'..." in kept.output
    assert "Preserving test database for alias 'default'..." in kept.output
    assert "Creating test database for alias 'default'..." in fresh.output
    assert "Destroying test database for alias 'default'..." in fresh.output


def test_failfast_stops_at_the_first_failure() -> None:
    run = cached_test("--failfast", "animals.failing_examples")
    assert run.returncode == 1
    assert run.ran() == 1
    assert "FAILED (failures=1)" in run.output


def test_buffer_hides_output_of_passing_tests_only() -> None:
    noisy = "this line is only seen without --buffer"
    plain = cached_test("animals.failing_examples")
    buffered = cached_test("--buffer", "animals.failing_examples")
    assert noisy in plain.output
    assert noisy not in buffered.output
    assert "Stdout:\ncreating a pig" in buffered.output


def test_debug_sql_prints_the_failing_tests_queries() -> None:
    label = "animals.failing_examples.FailingTests.test_a_wrong_count"
    assert 'INSERT INTO "animals_animal"' in cached_test("--debug-sql", label).output
    assert "INSERT INTO" not in cached_test(label).output


@pytest.mark.skipif(sys.version_info < (3, 12), reason="--durations needs 3.12+")
def test_durations_lists_the_slowest_test() -> None:
    run = cached_test("--durations", "1")
    assert run.returncode == 0
    slowest = run.output.split("Slowest test durations", 1)[1]
    assert "test_page_over_http" in slowest
    assert "test_empty_list" not in slowest
    assert "durations" in t.TRANSCRIPTS


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12+ has --durations")
def test_durations_is_refused_before_python_3_12() -> None:
    run = cached_test("--durations", "1")
    assert run.returncode == 2
    assert "unrecognized arguments: --durations" in run.output
    assert "durations_refused" in t.TRANSCRIPTS


def test_an_init_py_above_the_apps_changes_every_test_id(tmp_path) -> None:
    outer = tmp_path / "outer"
    shutil.copytree(
        zoo.PROJECT,
        outer / "zoo_project",
        ignore=shutil.ignore_patterns("transcripts", "__pycache__"),
    )
    (outer / "__init__.py").write_text("")
    (outer / "zoo_project" / "__init__.py").write_text("")
    copy = subprocess.run(
        [sys.executable, "manage.py", "test", "-v", "2", "-k", "speak"],
        cwd=outer / "zoo_project",
        env=zoo.child_env(zoo.TEST_ENV),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "(outer.zoo_project.animals.tests.test_models.SpeakTests.test_speak)" in (
        copy.stderr
    )
    assert ids_of(verbose("-k", "speak")) == [
        "animals.tests.test_models.SpeakTests.test_speak"
    ]


def test_manage_py_does_nothing_when_imported() -> None:
    code = "import runpy; runpy.run_path('manage.py'); print('imported')"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=zoo.PROJECT,
        env=zoo.child_env(zoo.TEST_ENV),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout == "imported\n"


def test_normalise_removes_what_varies() -> None:
    text = (
        f'  File "{zoo.PROJECT}/animals/x.py", line 1\n    ^^^^\n'
        "Ran 3 tests in 0.123s\n(0.004)\n0.333s     test_x\n"
    )
    assert zoo.normalise(text) == (
        '  File "animals/x.py", line 1\n'
        "Ran 3 tests in N.NNNs\n(N.NNN)\nN.NNNs     test_x"
    )
    assert Run("cmd", -1, "no summary").ran() == -1


def test_the_static_model_of_discovery_matches_the_runner() -> None:
    """discovery.py (shown on the page) predicts what the real runner selects."""
    from snippets.django_unit_tests import discovery

    assert discovery.discovered_ids() == sorted(ids_of(verbose()))
    assert discovery.matches("tests_*.py") == ["animals/tests/tests_slow.py"]
    assert "animals/failing_examples.py" not in discovery.matches("test*.py")
    for keyword in ("speak", "*_on_commit_*", "Speak"):
        assert discovery.selected(keyword) == sorted(ids_of(verbose("-k", keyword)))
    assert len(discovery.selected("Speak")) == 3  # matches the class name too


# Predictions: each runs its section alone, as the page does. ----------------
def test_predict_debug_under_the_runner(predict) -> None:
    """DiscoverRunner sets DEBUG from --debug-mode, whatever the settings say,
    and puts the configured value back afterwards."""
    out = predict("django_unit_tests/predict.py:debug_under_the_runner")
    assert out.splitlines() == [
        "debug_mode=False: settings.DEBUG is False",
        "debug_mode=True: settings.DEBUG is True",
        "after the run: True",
    ]


def test_setup_test_environment_alone_keeps_debug() -> None:
    """It is the runner's debug_mode (False unless --debug-mode) that turns
    DEBUG off: setup_test_environment() without an argument keeps it."""
    from django.conf import settings
    from django.test.utils import (
        override_settings,
        setup_test_environment,
        teardown_test_environment,
    )

    from snippets.django_unit_tests.inprocess import django_ready

    django_ready()
    with override_settings(DEBUG=True):
        setup_test_environment()
        try:
            assert settings.DEBUG is True
        finally:
            teardown_test_environment()


def test_predict_flush_after_transaction_test_case(predict) -> None:
    """TestCase rolls back to what was there; TransactionTestCase truncates
    every table, rows it did not create included."""
    out = predict("django_unit_tests/predict.py:flush_after_transaction_test_case")
    assert out.splitlines() == [
        "test_add: ok -> ['made by a data migration']",
        "test_add: ok -> []",
    ]


def test_predict_set_up_test_data_copies(predict) -> None:
    """setUpTestData's objects are deep-copied per test, and the rename in the
    database is rolled back: the next test sees the original in both."""
    out = predict("django_unit_tests/predict.py:set_up_test_data_copies")
    assert out.splitlines() == [
        "attribute: keepers | row: keepers",
        "test_1_rename: ok",
        "test_2_read: ok",
    ]


def test_predict_lazy_queryset_query_count(predict) -> None:
    """Building a queryset runs no query; evaluating it runs one."""
    out = predict("django_unit_tests/predict.py:lazy_queryset_query_count")
    assert out.splitlines() == [
        "test_building: FAIL: 0 != 1 : 0 queries executed, 1 expected",
        "test_evaluating: ok",
    ]


def test_the_query_counted_inside_the_block_passes() -> None:
    """The fix the page gives: evaluate the queryset inside the block."""
    from django.contrib.auth.models import Group
    from django.test import TestCase

    from snippets.django_unit_tests.inprocess import django_ready, run

    django_ready()

    class Queries(TestCase):
        def test_count(self):
            with self.assertNumQueries(1):
                assert len(Group.objects.filter(name="k")) == 0

    assert run(Queries) == "test_count: ok"
