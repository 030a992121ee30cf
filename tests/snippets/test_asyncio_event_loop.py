"""Claims of docs/questions/asyncio-event-loop.md."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import logging
import sys
import threading
import time
import warnings

import pytest

from snippets.asyncio_event_loop import basics, blocking, eager, errors, work

BLOCKED = ["tick", "request starts", "request ends"]
NOT_BLOCKED = ["tick", "request starts", "tick", "request ends"]


# Coroutines, asyncio.run and tasks


def test_calling_a_coroutine_function_runs_nothing_and_warns_if_dropped() -> None:
    basics.log.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pending = basics.save("X")
        assert asyncio.iscoroutine(pending)
        assert basics.log == []
        del pending
        gc.collect()
    assert [w.category for w in caught] == [RuntimeWarning]
    assert str(caught[0].message) == "coroutine 'save' was never awaited"
    assert asyncio.run(basics.save("Y")) == "Y"
    assert basics.log == ["saved Y"]


def test_awaiting_runs_in_turn_and_tasks_interleave() -> None:
    assert asyncio.run(basics.awaited_in_turn()) == ["a0", "a1", "b0", "b1"]
    assert asyncio.run(basics.as_tasks()) == ["tasks created", "a0", "b0", "a1", "b1"]


def test_asyncio_run_closes_its_loop_and_refuses_a_running_one() -> None:
    loops = []

    async def grab() -> None:
        loops.append(asyncio.get_running_loop())

    asyncio.run(grab())
    assert loops[0].is_closed()

    async def nested() -> None:
        coroutine = grab()
        with pytest.raises(RuntimeError, match="cannot be called from a running"):
            asyncio.run(coroutine)
        coroutine.close()

    asyncio.run(nested())


def test_a_task_nobody_references_is_collected_while_pending() -> None:
    basics.destroyed.clear()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler := basics.Collect())
    try:
        assert asyncio.run(basics.main(keep=False)) == 0
        assert basics.destroyed == ["Task was destroyed but it is pending!"]
        basics.destroyed.clear()
        assert asyncio.run(basics.main(keep=True)) == 1
        assert basics.destroyed == []
    finally:
        logger.removeHandler(handler)


# What blocks the loop


@pytest.mark.parametrize("wait", [blocking.time_sleep, blocking.cpu_work])
def test_blocking_calls_starve_every_other_task(wait) -> None:
    assert asyncio.run(blocking.request(wait)) == BLOCKED


@pytest.mark.parametrize(
    "wait",
    [
        blocking.asyncio_sleep,
        blocking.in_thread,
        blocking.in_executor,
        blocking.in_process,
    ],
)
def test_awaiting_or_offloading_lets_other_tasks_run(wait) -> None:
    if wait is blocking.in_process:
        blocking.pool = blocking.ProcessPoolExecutor(max_workers=1)
    try:
        assert asyncio.run(blocking.request(wait)) == NOT_BLOCKED
    finally:
        if wait is blocking.in_process:
            blocking.pool.shutdown()


def test_merged_collapses_runs_of_ticks_only() -> None:
    log = ["tick", "tick", "a", "tick", "tick", "tick", "b"]
    assert blocking.merged(log) == ["tick", "a", "tick", "b"]


def test_to_thread_and_the_default_executor_use_a_worker_thread() -> None:
    async def where() -> tuple[str, str]:
        loop = asyncio.get_running_loop()
        first = await asyncio.to_thread(lambda: threading.current_thread().name)
        second = await loop.run_in_executor(
            None, lambda: threading.current_thread().name
        )
        return first, second

    first, second = asyncio.run(where())
    assert threading.current_thread().name not in (first, second)
    assert first.startswith("asyncio")
    assert second.startswith("asyncio")


def test_crunch_is_pure_cpu_work_for_the_time_asked() -> None:
    started = time.monotonic()
    assert work.crunch(0.05) == "crunched"
    assert time.monotonic() - started >= 0.05


def test_debug_mode_logs_callbacks_slower_than_the_threshold() -> None:
    logger = logging.getLogger("asyncio")
    logger.addHandler(collect := blocking.Collect())
    output = io.StringIO()
    try:
        blocking.warned.clear()
        with contextlib.redirect_stdout(output):
            asyncio.run(blocking.handler(), debug=False)
        assert blocking.warned == []
        with contextlib.redirect_stdout(output):
            asyncio.run(blocking.handler(), debug=True)
    finally:
        logger.removeHandler(collect)
    assert blocking.warned == [
        "Executing <Task finished coro=<handler() done> took over 0.1 s"
    ]
    assert output.getvalue().splitlines() == ["debug: False 0.1 s", "debug: True 0.1 s"]


# Errors, timeouts and cancellation


def test_gather_raises_the_first_error_and_leaves_the_others_running() -> None:
    log: list[str] = []
    asyncio.run(errors.with_gather(log))
    assert log == ["gather raised ValueError('card declined')", "wallet charged"]


def test_taskgroup_cancels_the_others_and_raises_an_exception_group() -> None:
    log: list[str] = []
    asyncio.run(errors.with_taskgroup(log))
    assert log[0] == "wallet cancelled"
    assert log[1].startswith("TaskGroup raised ExceptionGroup(")
    assert "[ValueError('card declined')]" in log[1]

    async def unhandled() -> None:
        async with asyncio.TaskGroup() as group:
            group.create_task(errors.charge([], "card", 0, fails=True))

    with pytest.raises(ExceptionGroup) as info:
        asyncio.run(unhandled())
    assert [type(e) for e in info.value.exceptions] == [ValueError]


def test_timeout_cancels_inside_and_raises_timeout_error_outside(capsys) -> None:
    asyncio.run(errors.lookup())
    assert capsys.readouterr().out.splitlines() == [
        "query saw CancelledError",
        "caller saw TimeoutError",
        "caused by CancelledError",
        "CancelledError is an Exception: False",
    ]
    assert issubclass(asyncio.CancelledError, BaseException)
    assert asyncio.TimeoutError is TimeoutError  # one class since 3.11


def test_a_swallowed_cancellation_is_not_a_cancelled_task(capsys) -> None:
    asyncio.run(errors.cancel(errors.stubborn()))
    asyncio.run(errors.cancel(errors.polite()))
    assert capsys.readouterr().out.splitlines() == [
        "stubborn: finished anyway; cancelled() = False",
        "polite: cleaned up",
        "polite: CancelledError; cancelled() = True",
    ]


def test_a_swallowed_cancellation_still_counts_without_uncancel() -> None:
    counts: list[int] = []

    async def swallow() -> None:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(10)
        counts.append(asyncio.current_task().cancelling())

    async def main() -> None:
        task = asyncio.create_task(swallow())
        await asyncio.sleep(0)
        task.cancel()
        await task
        counts.append(int(task.cancelled()))

    asyncio.run(main())
    assert counts == [1, 0]


def test_uncancel_undoes_the_request_and_timeouts_work_again(capsys) -> None:
    log: list[str] = []

    async def main() -> None:
        task = asyncio.create_task(errors.retry_once(log))
        await asyncio.sleep(0)
        task.cancel()
        await task

    asyncio.run(main())
    assert log == [
        "cancelling() = 1",
        "after uncancel() = 0",
        "the timeout fired as TimeoutError",
    ]


def test_shield_keeps_the_inner_task_running_when_the_outer_is_cancelled(
    capsys,
) -> None:
    log: list[str] = []

    async def main() -> None:
        inner = asyncio.create_task(errors.commit(log))
        outer = asyncio.create_task(errors.handler(log, inner))
        await asyncio.sleep(0.01)
        outer.cancel()
        await asyncio.gather(outer, return_exceptions=True)
        assert outer.cancelled()
        assert not inner.done()
        await inner

    asyncio.run(main())
    assert log == ["handler stopped; commit done: False", "commit finished"]


def test_tasks_start_on_the_next_loop_turn_by_default() -> None:
    assert asyncio.run(eager.main(None)) == [
        "create_task returned, done() = False",
        "x looked up",
    ]


@pytest.mark.skipif(sys.version_info < (3, 12), reason="eager tasks arrived in 3.12")
def test_eager_tasks_run_until_their_first_suspension_inside_create_task() -> None:
    assert asyncio.run(eager.main(asyncio.eager_task_factory)) == [
        "x looked up",
        "create_task returned, done() = True",
    ]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12 has eager tasks")
def test_before_3_12_there_is_no_eager_task_factory() -> None:
    assert eager.eager is None
    assert not hasattr(asyncio, "eager_task_factory")


@pytest.mark.skipif(sys.version_info < (3, 14), reason="new in 3.14")
def test_3_14_adds_introspection_tools_and_eager_start() -> None:
    import asyncio.tools  # python -m asyncio ps / pstree

    assert callable(asyncio.capture_call_graph)
    order: list[str] = []

    async def child() -> None:
        order.append("child")

    async def main() -> None:
        task = asyncio.create_task(child(), eager_start=True)
        order.append("parent")
        await task

    asyncio.run(main())
    assert order == ["child", "parent"]
    assert asyncio.tools is not None


# Predictions


def test_prediction_task_order(predict) -> None:
    assert predict("asyncio_event_loop/predict.py:task_order") == (
        "created\nstart b\nstart a\nend b\nend a\n"
    )


def test_prediction_swallowed_cancel(predict) -> None:
    assert predict("asyncio_event_loop/predict.py:swallowed_cancel") == (
        "cleaning up\ndone False\n"
    )


def test_prediction_gather_error(predict) -> None:
    assert predict("asyncio_event_loop/predict.py:gather_error") == (
        "caught boom []\n['slow finished']\n"
    )


def test_prediction_except_exception(predict) -> None:
    assert predict("asyncio_event_loop/predict.py:except_exception") == (
        "handled TimeoutError\nmain timed out\n"
    )


# Claims of the explanation and the pitfalls


@pytest.fixture
def asyncio_log() -> list[str]:
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage().split("\n")[0])

    logger = logging.getLogger("asyncio")
    logger.addHandler(handler := Collect())
    yield messages
    logger.removeHandler(handler)


async def boom() -> None:
    raise ValueError("boom")


def test_an_unawaited_failed_task_is_reported_only_when_collected(
    asyncio_log,
) -> None:
    async def main() -> None:
        task = asyncio.create_task(boom())  # nothing awaits it
        await asyncio.sleep(0.01)
        assert task.done()
        assert asyncio_log == []  # silent while the task is referenced
        del task
        gc.collect()

    asyncio.run(main())
    assert asyncio_log == ["Task exception was never retrieved"]


def test_cancelling_gather_after_its_error_does_not_stop_the_others() -> None:
    log: list[str] = []

    async def slow() -> None:
        await asyncio.sleep(0.05)
        log.append("slow finished")

    async def main() -> bool:
        gathering = asyncio.gather(boom(), slow())
        with pytest.raises(ValueError, match="boom"):
            await gathering
        cancelled = gathering.cancel()
        await asyncio.sleep(0.2)
        return cancelled

    assert asyncio.run(main()) is False
    assert log == ["slow finished"]


def test_taskgroup_cancels_its_own_body_when_a_child_fails() -> None:
    log: list[str] = []

    async def main() -> None:
        async with asyncio.TaskGroup() as group:
            group.create_task(boom())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log.append("body cancelled")
                raise

    with pytest.raises(ExceptionGroup):
        asyncio.run(main())
    assert log == ["body cancelled"]


def test_to_thread_copies_the_context() -> None:
    import contextvars

    request_id = contextvars.ContextVar("request_id")

    async def main() -> str:
        request_id.set("req-1")
        return await asyncio.to_thread(request_id.get)

    assert asyncio.run(main()) == "req-1"


def test_an_event_that_waited_on_one_loop_fails_on_another() -> None:
    event = asyncio.Event()

    async def wait() -> None:
        asyncio.get_running_loop().call_soon(event.set)
        await event.wait()

    asyncio.run(wait())
    event.clear()
    with pytest.raises(RuntimeError, match="bound to a different event loop"):
        asyncio.run(wait())


def test_debug_mode_says_where_a_forgotten_coroutine_was_created() -> None:
    async def forgotten() -> None:
        pass

    async def main() -> str:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            coroutine = forgotten()
            del coroutine
            gc.collect()
        return str(caught[0].message)

    assert "Coroutine created at" not in asyncio.run(main())
    assert "Coroutine created at" in asyncio.run(main(), debug=True)


def test_debug_mode_refuses_loop_calls_from_another_thread() -> None:
    async def main(debug: bool) -> list[str]:
        loop = asyncio.get_running_loop()
        errors: list[str] = []

        def other_thread() -> None:
            try:
                loop.call_soon(print)
            except RuntimeError as error:
                errors.append(str(error))

        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        return errors

    assert asyncio.run(main(False)) == []
    assert asyncio.run(main(True), debug=True) == [
        "Non-thread-safe operation invoked on an event loop other than the current one"
    ]
