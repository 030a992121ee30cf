"""Claims of docs/questions/os-vs-sys.md."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from snippets.os_vs_sys import interfaces as it
from snippets.os_vs_sys import transcribe as tr

ON_LINUX = pytest.mark.skipif(sys.platform != "linux", reason="Linux values")
NEEDS_313 = pytest.mark.skipif(sys.version_info < (3, 13), reason="added in 3.13")


def child(
    code: str, *args: str, env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**tr.child_environment(), **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# Two modules, two subjects -----------------------------------------------------


def test_sys_is_built_in_and_os_is_python_code() -> None:
    assert "sys" in sys.builtin_module_names
    assert "os" not in sys.builtin_module_names
    assert os.__file__.endswith("os.py")


def test_os_is_frozen_into_the_interpreter_for_startup() -> None:
    # 3.11+ freezes the modules needed at startup; os.py is still its source.
    assert os.__spec__.origin == "frozen"


@ON_LINUX
def test_platform_names_on_linux() -> None:
    assert os.name == "posix"
    assert sys.platform == "linux"
    assert os.path.__name__ == "posixpath"
    assert os.sep == "/"


# Environment -------------------------------------------------------------------


def test_environment_values_are_strings() -> None:
    with pytest.raises(TypeError, match="str expected"):
        os.environ["HANDBOOK_TEST_PORT"] = 8000  # type: ignore[assignment]
    assert it.port == 8000


def test_getenv_has_a_default_and_subscription_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HANDBOOK_TEST_MISSING", raising=False)
    assert os.getenv("HANDBOOK_TEST_MISSING") is None
    assert os.getenv("HANDBOOK_TEST_MISSING", "fallback") == "fallback"
    with pytest.raises(KeyError):
        os.environ["HANDBOOK_TEST_MISSING"]


def test_putenv_is_not_reflected_in_environ_or_getenv() -> None:
    try:
        os.putenv("HANDBOOK_TEST_HIDDEN", "1")
        assert "HANDBOOK_TEST_HIDDEN" not in os.environ
        assert os.getenv("HANDBOOK_TEST_HIDDEN") is None  # getenv reads os.environ
    finally:
        os.unsetenv("HANDBOOK_TEST_HIDDEN")


def test_the_snippet_leaves_the_environment_clean() -> None:
    assert "HANDBOOK_GREETING" not in os.environ
    assert "HANDBOOK_HIDDEN" not in os.environ


def test_os_environ_changes_reach_child_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HANDBOOK_TEST_MODE", "demo")
    result = subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ['HANDBOOK_TEST_MODE'])"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "demo"


# Files and directories ---------------------------------------------------------


def test_mkdir_needs_parents_and_refuses_an_existing_directory(tmp_path: Path) -> None:
    leaf = tmp_path / "a" / "b"
    with pytest.raises(FileNotFoundError):
        os.mkdir(leaf)
    os.makedirs(leaf)
    assert leaf.is_dir()
    with pytest.raises(FileExistsError):
        os.mkdir(leaf)
    with pytest.raises(FileExistsError):
        os.makedirs(leaf)
    os.makedirs(leaf, exist_ok=True)  # no error


def test_exist_ok_does_not_accept_a_file_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("not a directory")
    with pytest.raises(FileExistsError):
        os.makedirs(blocker, exist_ok=True)


def test_scandir_gives_names_and_types(tmp_path: Path) -> None:
    (tmp_path / "11").mkdir()
    (tmp_path / "summary.csv").write_text("total\n")
    with os.scandir(tmp_path) as entries:
        found = sorted((entry.name, entry.is_dir()) for entry in entries)
    assert found == [("11", True), ("summary.csv", False)]


def test_pathlib_mkdir_has_the_same_switches(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "daily"
    target.mkdir(parents=True, exist_ok=True)
    target.mkdir(parents=True, exist_ok=True)
    with pytest.raises(FileExistsError):
        target.mkdir()


# sys.exit ------------------------------------------------------------------------


def test_system_exit_code() -> None:
    assert it.exit_code() is None
    assert it.exit_code(0) == 0
    assert it.exit_code(3) == 3
    assert it.exit_code("config missing") == "config missing"
    with pytest.raises(SystemExit) as caught:
        sys.exit(5)
    assert caught.value.code == 5


def test_system_exit_is_not_an_exception() -> None:
    assert not issubclass(SystemExit, Exception)
    assert issubclass(SystemExit, BaseException)


def test_finally_runs_and_except_exception_does_not_catch() -> None:
    assert it.shut_down(Exception) == [
        "work",
        "finally ran",
        "SystemExit(2) reached the caller",
    ]
    assert it.shut_down(BaseException) == [
        "work",
        "caught by except BaseException",
        "finally ran",
    ]


def test_sys_exit_in_a_thread_ends_only_the_thread() -> None:
    code = (
        "import sys, threading\n"
        "thread = threading.Thread(target=sys.exit, args=(1,))\n"
        "thread.start(); thread.join()\n"
        "print('main thread still running')\n"
    )
    result = child(code)
    assert result.stdout == "main thread still running\n"
    assert result.stderr == ""  # the thread's SystemExit is silently ignored
    assert result.returncode == 0


# Process exit, in a child ------------------------------------------------------


def test_sys_exit_runs_finally_atexit_and_flushes() -> None:
    text = tr.exits().split("\n\n")[0]
    assert "stdout | finally ran" in text
    assert "stdout | atexit handler ran" in text
    assert "stdout | still in the stdout buffer" in text
    assert text.endswith("exit status 3")


def test_os_exit_skips_finally_atexit_and_buffers() -> None:
    text = tr.exits().split("\n\n")[1]
    assert "stdout | flushed before exiting" in text
    assert "finally ran" not in text
    assert "atexit" not in text
    assert "still in the stdout buffer" not in text
    assert text.endswith("exit status 3")


def test_a_string_goes_to_stderr_with_status_one() -> None:
    text = tr.exit_message()
    assert "stderr | config.toml not found" in text
    assert "stdout | config.toml" not in text
    assert text.endswith("exit status 1")


def test_exit_none_and_falling_off_the_end_are_status_zero() -> None:
    assert child("import sys; sys.exit(None)").returncode == 0
    assert child("pass").returncode == 0
    assert child("raise SystemExit(4)").returncode == 4


def test_argv_drops_interpreter_options_orig_argv_keeps_them() -> None:
    plain, with_option = tr.arguments().split("\n\n")
    assert "sys.argv       ['tool.py', '--verbose', 'report.csv']" in plain
    assert "sys.argv       ['tool.py', '--verbose']" in with_option
    assert "['python', '-X', 'utf8', 'tool.py', '--verbose']" in with_option


def test_argv_zero_for_c_is_the_string_dash_c() -> None:
    result = child("import sys; print(sys.argv)", "x")
    assert result.stdout.strip() == "['-c', 'x']"


# Interpreter state ---------------------------------------------------------------


def test_sys_modules_caches_imported_modules() -> None:
    import json

    assert sys.modules["json"] is json
    assert isinstance(sys.argv, list)
    assert isinstance(sys.path, list)


def test_recursion_limit_raises_recursion_error() -> None:
    with pytest.raises(RecursionError):
        it.depth(sys.getrecursionlimit() + 100)
    assert issubclass(RecursionError, RuntimeError)


def test_sys_exception_returns_the_handled_exception() -> None:
    assert sys.exception() is None
    try:
        int("eighty")
    except ValueError as error:
        caught, via_sys, via_exc_info = error, sys.exception(), sys.exc_info()[1]
    assert via_sys is caught
    assert via_exc_info is caught
    assert sys.exception() is None
    assert type(it.handled) is ValueError


# Newer additions ---------------------------------------------------------------


@NEEDS_313
def test_process_cpu_count_is_at_most_cpu_count() -> None:
    count = os.process_cpu_count()
    assert isinstance(count, int)
    assert 1 <= count <= os.cpu_count()


@NEEDS_313
@ON_LINUX
def test_process_cpu_count_follows_the_affinity_mask_alone() -> None:
    """It counts the CPUs the process may run on, so a CPU quota (cgroup `cpu.max`,
    which sets no affinity) is not part of it; narrowing the affinity is."""
    assert os.process_cpu_count() == len(os.sched_getaffinity(0))
    result = child(
        "import os\n"
        "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n"
        "print(os.cpu_count(), os.process_cpu_count())"
    )
    machine, process = result.stdout.split()
    assert (int(machine), int(process)) == (os.cpu_count(), 1)


@NEEDS_313
def test_python_cpu_count_overrides_both_counts() -> None:
    result = child(
        "import os; print(os.cpu_count(), os.process_cpu_count())",
        env={"PYTHON_CPU_COUNT": "3"},
    )
    assert result.stdout.split() == ["3", "3"]


@NEEDS_313
def test_is_gil_enabled_matches_the_build() -> None:
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        pytest.skip("a free-threaded build may run with or without the GIL")
    assert sys._is_gil_enabled() is True


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="absent only before 3.13")
def test_the_313_additions_are_absent_before_313() -> None:
    assert not hasattr(os, "process_cpu_count")
    assert not hasattr(sys, "_is_gil_enabled")
    assert it.process_cpu_count is None


# The shell ---------------------------------------------------------------------


@ON_LINUX
def test_shell_true_runs_injected_commands_an_argument_list_does_not() -> None:
    text = tr.shell()
    assert "shell=True splits the input:  ['report.txt', 'INJECTED']" in text
    assert "an argument list does not:    ['report.txt; echo INJECTED']" in text


@ON_LINUX
def test_os_system_returns_a_wait_status() -> None:
    status = os.system("exit 3")
    assert status == 3 << 8
    assert os.waitstatus_to_exitcode(status) == 3
    assert subprocess.run(["sh", "-c", "exit 3"], check=False).returncode == 3


# Explanation, pitfalls and follow-ups ------------------------------------------


@ON_LINUX
def test_os_wraps_the_platform_c_module() -> None:
    import posix
    import types

    assert os.name in sys.builtin_module_names
    assert os.getpid is posix.getpid  # the C function, re-exported
    assert type(os.getpid) is types.BuiltinFunctionType
    assert type(os.makedirs) is types.FunctionType  # a helper written in Python


def test_with_blocks_exit_on_sys_exit_too() -> None:
    import contextlib

    closed = []

    @contextlib.contextmanager
    def resource():
        try:
            yield
        finally:
            closed.append(True)

    with pytest.raises(SystemExit), resource():
        sys.exit(0)
    assert closed == [True]


def test_other_control_flow_exceptions_skip_exception_too() -> None:
    assert not issubclass(KeyboardInterrupt, Exception)
    assert not issubclass(GeneratorExit, Exception)


def test_environment_strings_are_truthy_whatever_they_say() -> None:
    assert bool("False") is True
    assert bool("0") is True


def test_exit_and_quit_come_from_site() -> None:
    probe = (
        "import builtins; print(hasattr(builtins, 'exit'), hasattr(builtins, 'quit'))"
    )
    assert child(probe).stdout.split() == ["True", "True"]
    no_site = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        env=tr.child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert no_site.stdout.split() == ["False", "False"]


def test_argv_zero_for_dash_m_is_the_module_path(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text("import sys; print(sys.argv[0])\n")
    result = subprocess.run(
        [sys.executable, "-m", "tool"],
        cwd=tmp_path,
        env=tr.child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert Path(result.stdout.strip()) == (tmp_path / "tool.py").resolve()


def test_check_true_turns_a_failure_into_an_exception() -> None:
    with pytest.raises(subprocess.CalledProcessError) as caught:
        subprocess.run([sys.executable, "-c", "raise SystemExit(3)"], check=True)
    assert caught.value.returncode == 3


@NEEDS_313
def test_process_pools_default_to_process_cpu_count() -> None:
    code = (
        "import concurrent.futures as cf\n"
        "print(cf.ProcessPoolExecutor()._max_workers)\n"  # private, read only here
    )
    result = child(code, env={"PYTHON_CPU_COUNT": "3"})
    assert result.stdout.strip() == "3"


# Predict the output ------------------------------------------------------------


def test_predict_except_exception(predict) -> None:
    out = predict("os_vs_sys/predict.py:except_exception")
    # except Exception lets SystemExit pass (finally still runs on the way out);
    # except BaseException catches it, and the program goes on: exit cancelled.
    assert out.splitlines() == [
        "finally ran",
        "SystemExit(2) got past except Exception",
        "caught by except BaseException",
        "finally ran",
        "still running",
    ]


def test_predict_exit_status(predict) -> None:
    out = predict("os_vs_sys/predict.py:exit_status")
    # None is status 0; a str goes to stderr with status 1; True is the int 1.
    assert out.splitlines() == [
        "0 ''",
        "1 'config missing\\n'",
        "1 ''",
        "3 ''",
    ]
    assert isinstance(True, int)
    assert int(True) == 1


def test_predict_environ_strings(predict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDBOOK_WORKERS", raising=False)
    out = predict("os_vs_sys/predict.py:environ_strings")
    # Any non-empty string is true; getenv returns its default as given (an int
    # here), and os.environ refuses a non-str value without storing it.
    assert out.splitlines() == ["True", "5", "TypeError", "None"]
    assert "HANDBOOK_DEBUG" not in os.environ
    monkeypatch.setenv("HANDBOOK_WORKERS", "4")
    with pytest.raises(TypeError):
        os.getenv("HANDBOOK_WORKERS", 4) + 1  # once set, the value is a str


def test_predict_makedirs_twice(predict) -> None:
    out = predict("os_vs_sys/predict.py:makedirs_twice")
    # makedirs creates the missing parents; a second call fails unless exist_ok,
    # and exist_ok does not excuse a file standing where the directory should be.
    assert out.splitlines() == [
        "makedirs(daily, exist_ok=False): ok",
        "makedirs(daily, exist_ok=False): FileExistsError",
        "makedirs(daily, exist_ok=True): ok",
        "makedirs(notes, exist_ok=True): FileExistsError",
    ]


def test_sys_exit_in_a_thread_runs_the_threads_finally(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    # The default hook, as in a program (pytest installs its own to report).
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    steps = []

    def worker() -> None:
        try:
            sys.exit(1)
        finally:
            steps.append("finally ran")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert steps == ["finally ran"]
