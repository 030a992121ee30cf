"""Claims of docs/questions/context-managers.md."""

from __future__ import annotations

import asyncio
import contextlib
import decimal
import inspect
import io
import os
import subprocess
import sys
import tempfile
import threading
import unittest.mock
from pathlib import Path

import pytest

from snippets.context_managers import (
    async_managers,
    backend,
    exit_stack,
    generator_based,
    helpers,
    protocol,
    reuse,
)

ROOT = Path(__file__).resolve().parents[2]


def lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


# The protocol


def test_as_binds_what_enter_returns_and_exit_gets_none(capsys) -> None:
    manager = protocol.Tracer("t")
    with manager as value:
        pass
    assert value == "resource of t"
    assert value is not manager
    assert lines(capsys) == ["enter t", "exit t: None"]


def test_exit_gets_the_exception_type_and_a_false_return_lets_it_go(
    capsys,
) -> None:
    with pytest.raises(ValueError, match="bad row"), protocol.Tracer("f"):
        raise ValueError("bad row")
    assert lines(capsys) == ["enter f", "exit f: ValueError"]


def test_exit_receives_type_value_and_traceback() -> None:
    seen = []

    class Recorder:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            seen.append(args)
            return True

    error = KeyError("k")
    with Recorder():
        raise error
    with Recorder():
        pass
    exc_type, value, traceback = seen[0]
    assert exc_type is KeyError
    assert value is error
    assert traceback is error.__traceback__
    assert seen[1] == (None, None, None)


def test_return_break_and_continue_call_exit_with_none(capsys) -> None:
    for number in range(2):
        with protocol.Tracer(f"loop {number}"):
            if number == 0:
                continue
            break
    assert lines(capsys) == [
        "enter loop 0",
        "exit loop 0: None",
        "enter loop 1",
        "exit loop 1: None",
    ]


def test_the_expansion_by_hand_does_what_with_does(capsys) -> None:
    def body(value):
        print("body got", repr(value))

    protocol.run_with(protocol.Tracer("t"), body)
    by_hand = lines(capsys)
    with protocol.Tracer("t") as value:
        body(value)
    assert by_hand == lines(capsys)
    assert by_hand == ["enter t", "body got 'resource of t'", "exit t: None"]

    def failing(value):
        raise KeyError(value)

    with pytest.raises(KeyError):
        protocol.run_with(protocol.Tracer("t"), failing)
    assert lines(capsys) == ["enter t", "exit t: KeyError"]
    protocol.run_with(protocol.IgnoreMissing(), failing)  # suppressed


def test_with_looks_up_exit_before_calling_enter() -> None:
    source = inspect.getsource(protocol.run_with)
    assert source.index("type(manager).__exit__") < source.index("enter(manager)")


def test_a_true_exit_return_suppresses_and_skips_the_rest(capsys) -> None:
    with protocol.IgnoreMissing():
        {}["missing"]
        print("never printed")
    assert lines(capsys) == []
    with pytest.raises(ValueError, match="invalid literal"), protocol.IgnoreMissing():
        int("ten")


def test_methods_are_looked_up_on_the_type() -> None:
    class Plain:
        pass

    thing = Plain()
    thing.__enter__ = lambda: "instance"
    thing.__exit__ = lambda *exc: None
    with pytest.raises(TypeError, match="context manager protocol"):
        protocol.use(thing)
    # The snippet's instance lambdas are there, just never used by with.
    assert protocol.thing.__dict__["__enter__"]() == "set on the instance"
    assert protocol.thing.__dict__["__exit__"]() is None
    assert protocol.use(protocol.thing) == "set on the class"


def test_both_methods_are_looked_up_before_enter_runs() -> None:
    called = []

    class OnlyEnter:
        def __enter__(self):
            called.append("enter")

    with pytest.raises(TypeError, match="context manager protocol"):
        protocol.use(OnlyEnter())
    assert called == []
    OnlyEnter().__enter__()
    assert called == ["enter"]


def test_an_exception_in_exit_replaces_the_body_one(capsys) -> None:
    with pytest.raises(ConnectionError) as info, protocol.FlakyClose():
        raise ValueError("the real bug")
    assert isinstance(info.value.__context__, ValueError)
    assert str(info.value.__context__) == "the real bug"


def test_several_managers_enter_in_order_and_exit_in_reverse(capsys) -> None:
    with protocol.Tracer("a"), protocol.Tracer("b"):
        pass
    assert lines(capsys) == ["enter a", "enter b", "exit b: None", "exit a: None"]


def test_a_failing_enter_is_not_exited_but_earlier_managers_are(capsys) -> None:
    with pytest.raises(OSError, match="no connection"):
        protocol.query(up=False)
    assert lines(capsys) == ["enter pool", "exit pool: OSError"]
    assert protocol.query(up=True) == "rows"
    assert lines(capsys) == ["enter pool", "exit Database", "exit pool: None"]


def test_parenthesised_managers_parse_from_3_10() -> None:
    source = "with (\n    open(p) as a,\n    open(q) as b,\n):\n    pass\n"
    compile(source, "<with>", "exec")
    assert sys.version_info >= (3, 10)


def test_a_file_enter_returns_the_file_and_a_lock_returns_true() -> None:
    with tempfile.TemporaryFile() as handle, handle as again:
        assert again is handle
    with threading.Lock() as got:
        assert got is True


# contextmanager


def test_contextmanager_commits_or_rolls_back_and_always_releases(capsys) -> None:
    with generator_based.transaction("a") as tx:
        assert tx == "<tx a>"
    assert lines(capsys) == ["BEGIN a", "COMMIT a", "release a"]
    with pytest.raises(LookupError), generator_based.transaction("b"):
        raise LookupError("no such row")
    assert lines(capsys) == [
        "BEGIN b",
        "ROLLBACK b: LookupError('no such row')",
        "release b",
    ]


def test_a_generator_that_does_not_reraise_suppresses(capsys) -> None:
    with generator_based.logged("job"):
        raise ZeroDivisionError("x")
    assert lines(capsys) == ["job logged ZeroDivisionError('x')"]


def test_the_generator_must_yield_exactly_once() -> None:
    with pytest.raises(RuntimeError, match="generator didn't stop"):
        protocol.use(generator_based.yields_twice())
    with pytest.raises(RuntimeError, match="generator didn't yield"):
        protocol.use(generator_based.never_yields())


def test_code_after_a_bare_yield_is_skipped_on_error() -> None:
    log = []

    @contextlib.contextmanager
    def held():
        log.append("acquire")
        yield
        log.append("release")

    with held():
        pass
    assert log == ["acquire", "release"]
    with pytest.raises(TimeoutError), held():
        raise TimeoutError
    assert log == ["acquire", "release", "acquire"]


# The contextlib helpers


def test_suppress_skips_the_rest_and_only_listed_types(capsys) -> None:
    with contextlib.suppress(KeyError):
        {}["x"]
        print("not printed")
    assert lines(capsys) == []
    with pytest.raises(TypeError), contextlib.suppress(KeyError):
        int([])
    assert helpers.cache == {"user:1": "Ada"}


def test_closing_calls_close(capsys) -> None:
    with contextlib.closing(helpers.LegacyCursor()) as cursor:
        assert cursor.fetch() == [("Ada",), ("Grace",)]
    assert lines(capsys) == ["cursor closed"]
    assert not hasattr(helpers.LegacyCursor, "__enter__")


def test_nullcontext_gives_back_its_value_and_save_takes_either(capsys) -> None:
    with contextlib.nullcontext("x") as got:
        assert got == "x"
    lock = threading.Lock()
    helpers.save([1], lock=lock)
    helpers.save([2])
    assert lines(capsys) == ["saving [1]", "saving [2]"]
    assert not lock.locked()


def test_redirect_stdout_captures_writes_to_sys_stdout_and_restores() -> None:
    buffer = io.StringIO()
    before = sys.stdout
    with contextlib.redirect_stdout(buffer):
        helpers.legacy_report()
    assert buffer.getvalue() == "42 rows exported\n"
    assert sys.stdout is before


def test_redirect_stdout_is_process_wide() -> None:
    buffer = io.StringIO()
    seen = []
    with contextlib.redirect_stdout(buffer):
        thread = threading.Thread(target=lambda: seen.append(sys.stdout))
        thread.start()
        thread.join()
    assert seen == [buffer]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="contextlib.chdir is 3.11+")
def test_chdir_changes_and_restores_and_tempdir_is_removed() -> None:
    before = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        with contextlib.chdir(tmp):
            assert os.path.samefile(os.getcwd(), tmp)
            with contextlib.chdir(tmp):  # reentrant
                pass
            assert os.path.samefile(os.getcwd(), tmp)
        assert os.getcwd() == before
    assert not os.path.exists(tmp)


# ExitStack


def test_exit_stack_unwinds_in_reverse_with_callbacks(capsys) -> None:
    with contextlib.ExitStack() as stack:
        stack.enter_context(exit_stack.Resource("a"))
        stack.enter_context(exit_stack.Resource("b"))
        stack.callback(print, "callback")
    assert lines(capsys) == ["open a", "open b", "callback", "close b", "close a"]


def test_exit_stack_runs_every_exit_even_when_a_later_one_raises() -> None:
    ran = []

    def fail():
        raise RuntimeError("cleanup failed")

    stack = contextlib.ExitStack()
    stack.callback(ran.append, "first registered")
    stack.callback(fail)
    with pytest.raises(RuntimeError, match="cleanup failed"), stack:
        pass
    assert ran == ["first registered"]


def test_pop_all_hands_over_and_failure_closes_what_was_open(capsys) -> None:
    opened, cleanup = exit_stack.open_all(["x", "y"])
    assert [resource.name for resource in opened] == ["x", "y"]
    assert lines(capsys) == ["open x", "open y"]
    with cleanup:
        pass
    assert lines(capsys) == ["close y", "close x"]
    with pytest.raises(FileNotFoundError):
        exit_stack.open_all(["x", "missing", "z"])
    assert lines(capsys) == ["open x", "close x"]


# Async


def test_async_managers_and_async_exit_stack(capsys) -> None:
    asyncio.run(async_managers.main())
    assert lines(capsys) == [
        "pool connected",
        "BEGIN t1",
        "working in t1",
        "COMMIT t1",
        "pool closed",
        "BEGIN t2",
        "BEGIN t3",
        "plain callbacks work too",
        "COMMIT t3",
        "COMMIT t2",
    ]


def test_a_plain_with_on_an_async_manager_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        protocol.use(async_managers.Pool())


def test_asynccontextmanager_rolls_back_and_reraises(capsys) -> None:
    async def failing():
        async with async_managers.transaction("t"):
            raise KeyError("k")

    with pytest.raises(KeyError):
        asyncio.run(failing())
    assert lines(capsys) == ["BEGIN t", "ROLLBACK t"]


def test_async_with_needs_async_def_and_asyncio_lock_uses_it() -> None:
    with pytest.raises(SyntaxError):
        compile("async with x:\n    pass\n", "<m>", "exec")

    async def use_lock():
        lock = asyncio.Lock()
        async with lock:
            assert lock.locked()
        return lock.locked()

    assert asyncio.run(use_lock()) is False


# ContextDecorator, reuse


def test_context_decorator_wraps_each_call(capsys) -> None:
    reuse.nightly_export()
    assert lines(capsys) == [
        "audit start: nightly export",
        "exporting",
        "audit end: nightly export ok",
    ]
    with pytest.raises(ValueError, match="x"), reuse.audited("x"):
        raise ValueError("x")
    assert lines(capsys)[-1] == "audit end: x failed"


def test_contextmanager_objects_are_context_decorators(capsys) -> None:
    assert isinstance(reuse.step("s"), contextlib.ContextDecorator)
    reuse.run_import()
    reuse.run_import()
    assert lines(capsys) == ["step import", "importing"] * 2


def test_single_use_managers() -> None:
    once = reuse.step("once")
    assert reuse.use(once) == "entered"
    with pytest.raises((RuntimeError, AttributeError)):
        reuse.use(once)
    stream = io.StringIO()
    assert reuse.use(stream) == "entered"
    with pytest.raises(ValueError, match="closed file"):
        reuse.use(stream)


def test_reusable_and_reentrant_managers() -> None:
    lock = threading.Lock()
    with lock:
        assert lock.acquire(blocking=False) is False  # not reentrant
    with lock:  # reusable
        pass
    rlock = threading.RLock()
    with rlock, rlock:
        pass
    buffer = io.StringIO()
    redirect = contextlib.redirect_stdout(buffer)
    with redirect, redirect:  # reentrant
        sys.stdout.write("x")
    assert buffer.getvalue() == "x"
    stack = contextlib.ExitStack()
    ran = []
    with stack:
        stack.callback(ran.append, 1)
    with stack:
        stack.callback(ran.append, 2)
    assert ran == [1, 2]


def test_exit_stack_is_not_reentrant() -> None:
    """Nested, the inner with unwinds everything, the outer's callbacks too."""
    ran = []
    stack = contextlib.ExitStack()
    with stack:
        stack.callback(ran.append, "outer")
        with stack:
            pass
        assert ran == ["outer"]


# Backend


def test_the_lock_is_released_when_the_body_raises() -> None:
    backend.balances["ada"] = 100
    with pytest.raises(ValueError, match="insufficient"):
        backend.withdraw("ada", 500)
    assert not backend.balance_lock.locked()
    backend.withdraw("ada", 30)
    assert backend.balances["ada"] == 70


def test_sqlite_connection_commits_rolls_back_and_stays_open() -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (n INTEGER)")
    with conn:
        conn.execute("INSERT INTO t VALUES (1)")

    def transfer():
        with conn:
            conn.execute("UPDATE t SET n = 2")
            raise RuntimeError("halfway")

    with pytest.raises(RuntimeError, match="halfway"):
        transfer()
    assert conn.execute("SELECT n FROM t").fetchall() == [(1,)]
    assert conn.execute("SELECT 1").fetchone() == (1,)  # still open
    with contextlib.closing(conn):
        pass
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")


def test_everyday_stdlib_objects_are_context_managers() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        assert os.path.isdir(tmp)
    for manager in (
        tempfile.TemporaryDirectory,
        unittest.mock.patch("os.getcwd"),
        pytest.raises(ValueError, match="x"),
        decimal.localcontext(),
    ):
        kind = manager if isinstance(manager, type) else type(manager)
        assert hasattr(kind, "__enter__")
        assert hasattr(kind, "__exit__")


DJANGO_ATOMIC = """
import contextlib
import django
from django.conf import settings

settings.configure(
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                           "NAME": ":memory:"}},
)
django.setup()
from django.db import connection, transaction

assert issubclass(transaction.Atomic, contextlib.ContextDecorator)
sql = []
def record(execute, statement, params, many, context):
    sql.append(statement.split()[0])
    return execute(statement, params, many, context)

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE t (n INTEGER)")

@transaction.atomic
def insert(n):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (%s)", [n])

with connection.execute_wrapper(record):
    insert(1)
    try:
        with transaction.atomic():
            insert(2)  # nested: a savepoint
            raise RuntimeError
    except RuntimeError:
        pass
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM t")
    print(cursor.fetchall(), sorted(set(sql)))
"""


def test_django_atomic_is_a_context_decorator_with_savepoints() -> None:
    result = subprocess.run(
        [sys.executable, "-c", DJANGO_ATOMIC],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # BEGIN for the outermost atomic, SAVEPOINT (and RELEASE) for the nested one;
    # the failed block's rollback removed row 2.
    assert result.stdout.strip() == "[(1,)] ['BEGIN', 'INSERT', 'RELEASE', 'SAVEPOINT']"


# Predictions


def test_the_bare_yield_cleanup_runs_only_without_an_error() -> None:
    from snippets.context_managers import predict as module

    module.log.clear()
    with module.held("x"):
        pass
    assert module.log == ["acquire x", "release x"]


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("context_managers/predict.py:return_inside") == (
        "enter\nvalue is None\nexit None\nresponse\n"
    )
    assert predict("context_managers/predict.py:no_finally") == ("['acquire row 7']\n")
    assert predict("context_managers/predict.py:truthy_exit") == "ok\nfailed\n"
    assert predict("context_managers/predict.py:unwind_order") == (
        "work\nrelease queue\nrelease cache\nrelease db\ndone\n"
    )


def test_the_code_blocks_print_what_the_page_shows(predict) -> None:
    """Each section of the page, run alone as the build runs it."""
    assert predict("context_managers/protocol.py:exit_raises") == (
        "caught: ConnectionError('close failed')\n"
        "its __context__: ValueError('the real bug')\n"
    )
    assert predict("context_managers/exit_stack.py:exit_stack").splitlines()[-4:] == [
        "callback: registered last, runs first",
        "close c.csv",
        "close b.csv",
        "close a.csv",
    ]
    assert predict("context_managers/helpers.py:redirect_stdout") == (
        "captured: '42 rows exported\\n'\nrestored: True\n"
    )
    assert predict("context_managers/backend.py:sqlite") == (
        "[('ada', 100)]\nstill open after with: (1,)\n"
    )
