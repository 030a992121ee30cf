"""Claims of docs/questions/generators.md."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import inspect
import itertools
import sys
import tracemalloc
from collections.abc import Generator, Iterator

import pytest

from snippets.generators import basics, memory, pipelines, protocol


def test_calling_a_generator_function_runs_none_of_its_body() -> None:
    basics.log.clear()
    gen = basics.countdown(2)
    assert basics.log == []
    assert inspect.getgeneratorstate(gen) == inspect.GEN_CREATED
    assert next(gen) == 2
    assert basics.log == ["started with 2"]
    assert inspect.getgeneratorstate(gen) == inspect.GEN_SUSPENDED
    assert list(gen) == [1]
    assert basics.log == ["started with 2", "finished"]
    assert inspect.getgeneratorstate(gen) == inspect.GEN_CLOSED


def test_one_unreachable_yield_makes_a_generator_function() -> None:
    assert inspect.isgeneratorfunction(basics.looks_like_a_function)
    result = basics.looks_like_a_function()
    assert isinstance(result, Generator)
    with pytest.raises(StopIteration) as stop:
        next(result)
    assert stop.value.value == "done"


def test_return_value_travels_in_stop_iteration() -> None:
    batch = basics.read_batch(["x", "y", "z"])
    assert list(itertools.islice(batch, 3)) == ["X", "Y", "Z"]
    with pytest.raises(StopIteration) as stop:
        next(batch)
    assert stop.value.value == 3


def test_for_loops_and_list_discard_the_return_value() -> None:
    assert list(basics.read_batch(["a"])) == ["A"]


def test_yield_from_passes_values_through_and_returns_the_result() -> None:
    importer = basics.import_all([["a", "b"], ["c"], []])
    assert [next(importer) for _ in range(3)] == ["A", "B", "C"]
    with pytest.raises(StopIteration) as stop:
        next(importer)
    assert stop.value.value == 3
    assert basics.collected == ["A", "B", "C"]


def test_a_generator_is_single_pass() -> None:
    squares = (n * n for n in range(4))
    assert iter(squares) is squares
    assert list(squares) == [0, 1, 4, 9]
    assert list(squares) == []
    values = [0, 1, 4, 9]
    assert list(values) == list(values) == [0, 1, 4, 9]


def test_stop_iteration_inside_a_generator_becomes_runtime_error() -> None:
    assert list(basics.first_item([7, 8])) == [7]
    with pytest.raises(RuntimeError, match="generator raised StopIteration") as info:
        list(basics.first_item([]))
    assert isinstance(info.value.__cause__, StopIteration)


def test_send_delivers_a_value_to_the_paused_yield() -> None:
    averager = protocol.running_average()
    assert next(averager) is None
    assert averager.send(10) == 10.0
    assert averager.send(20) == 15.0


def test_send_to_a_fresh_generator_needs_none() -> None:
    with pytest.raises(TypeError, match="just-started generator"):
        protocol.running_average().send(1)


def test_throw_raises_inside_and_returns_the_next_yield() -> None:
    reader = protocol.resilient_reader(["one", "two"])
    assert next(reader) == "one"
    assert reader.throw(ValueError("boom")) == "skipped after boom"
    assert next(reader) == "two"


def test_an_unhandled_thrown_exception_comes_back_out() -> None:
    reader = protocol.resilient_reader(["one"])
    next(reader)
    with pytest.raises(KeyError):
        reader.throw(KeyError("not handled"))
    assert inspect.getgeneratorstate(reader) == inspect.GEN_CLOSED


def test_close_runs_finally_and_exhausts_the_generator() -> None:
    protocol.cleanup.clear()
    stream = protocol.open_stream()
    assert next(stream) == "chunk 1"
    stream.close()
    assert protocol.cleanup == ["released"]
    assert inspect.getgeneratorstate(stream) == inspect.GEN_CLOSED
    with pytest.raises(StopIteration):
        next(stream)
    stream.close()  # closing again is harmless
    assert protocol.cleanup == ["released"]


@pytest.mark.skipif(
    sys.version_info < (3, 13), reason="close() returns a value from 3.13"
)
def test_close_returns_the_generators_return_value() -> None:
    adder = protocol.summing()
    next(adder)
    for amount in (5, 10, 20):
        adder.send(amount)
    assert adder.close() == 35


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="3.13 made close() return it")
def test_before_3_13_close_returns_none() -> None:
    adder = protocol.summing()
    next(adder)
    adder.send(5)
    assert adder.close() is None


def test_yielding_after_generator_exit_is_a_runtime_error() -> None:
    obstinate = protocol.stubborn()
    assert next(obstinate) == "working"
    with pytest.raises(RuntimeError, match="ignored GeneratorExit"):
        obstinate.close()
    obstinate.close()  # now paused outside the try: closes cleanly
    assert inspect.getgeneratorstate(obstinate) == inspect.GEN_CLOSED


def test_generator_object_is_small_and_fixed_while_the_list_grows() -> None:
    small = (n for n in range(10))
    large = (n for n in range(10_000_000))
    assert sys.getsizeof(small) == sys.getsizeof(large)
    assert sys.getsizeof([n for n in range(100_000)]) > 100 * sys.getsizeof(large)


def test_generator_expression_peak_memory_is_far_below_the_lists() -> None:
    list_peak = memory.peak_bytes(memory.sum_of_list)
    generator_peak = memory.peak_bytes(memory.sum_of_generator)
    assert list_peak > memory.N * 8  # at least the list's pointer array
    assert list_peak > 100 * generator_peak
    assert not tracemalloc.is_tracing()


def test_pipeline_pulls_one_item_at_a_time() -> None:
    pipelines.trace.clear()
    pipeline = pipelines.slow_requests(
        pipelines.parse(pipelines.read_lines(pipelines.ACCESS_LOG)), threshold_ms=30
    )
    assert pipelines.trace == []
    assert next(pipeline)["path"] == "/orders"
    assert pipelines.trace == ["read", "parse", "read", "parse"]
    rest = list(pipeline)
    assert [r["ms"] for r in rest] == [120, 41]
    assert pipelines.trace.count("read") == len(pipelines.ACCESS_LOG)


def test_itertools_examples() -> None:
    assert list(itertools.islice(itertools.count(1000), 3)) == [1000, 1001, 1002]
    evens = (n for n in itertools.count() if n % 2 == 0)
    assert list(itertools.takewhile(lambda n: n < 10, evens)) == [0, 2, 4, 6, 8]
    assert [b - a for a, b in itertools.pairwise([10, 12, 17])] == [2, 5]
    left, right = itertools.tee(iter("abc"))
    assert list(left) == list(right) == ["a", "b", "c"]
    grouped = itertools.groupby(sorted([200, 404, 200, 500, 200]))
    assert {k: len(list(g)) for k, g in grouped} == {200: 3, 404: 1, 500: 1}


def test_groupby_needs_sorted_input() -> None:
    unsorted = itertools.groupby([200, 404, 200])
    assert [key for key, _ in unsorted] == [200, 404, 200]


def test_a_generator_is_an_iterator_but_a_list_is_not() -> None:
    assert isinstance((n for n in []), Iterator)
    assert not isinstance([], Iterator)


def test_a_suspended_generator_is_closed_when_it_is_freed() -> None:
    protocol.cleanup.clear()
    stream = protocol.open_stream()
    next(stream)
    del stream  # reference counting frees it: close() runs its finally
    gc.collect()
    assert protocol.cleanup == ["released"]


def test_contextlib_closing_closes_the_generator() -> None:
    protocol.cleanup.clear()
    with contextlib.closing(protocol.open_stream()) as stream:
        assert next(stream) == "chunk 1"
    assert protocol.cleanup == ["released"]


def test_a_plain_loop_drops_the_return_value_and_send_but_yield_from_forwards() -> None:
    def by_loop(sub):
        result = None
        for item in sub:
            result = yield item
        return result

    def by_delegation(sub):
        return (yield from sub)

    def echo():
        received = yield "ready"
        return f"got {received}"

    delegated = by_delegation(echo())
    assert next(delegated) == "ready"
    with pytest.raises(StopIteration) as stop:
        delegated.send("ping")
    assert stop.value.value == "got ping"  # send() reached echo()

    looped = by_loop(echo())
    assert next(looped) == "ready"
    with pytest.raises(StopIteration) as stop:
        looped.send("ping")
    assert stop.value.value == "ping"  # echo() got None, its return is lost


def test_arguments_are_checked_only_on_the_first_next() -> None:
    def positive_numbers(limit: int):
        if limit < 0:
            raise ValueError("limit must not be negative")
        yield from range(limit)

    gen = positive_numbers(-1)  # no error yet
    with pytest.raises(ValueError, match="negative"):
        next(gen)


def test_generator_exit_is_not_an_exception_subclass() -> None:
    assert issubclass(GeneratorExit, BaseException)
    assert not issubclass(GeneratorExit, Exception)


def test_contextmanager_runs_the_code_after_yield_as_cleanup() -> None:
    events: list[str] = []

    @contextlib.contextmanager
    def resource():
        events.append("enter")
        try:
            yield "handle"
        finally:
            events.append("exit")

    def use_and_fail() -> None:
        with resource() as handle:
            assert handle == "handle"
            raise KeyError("inside the block")

    with pytest.raises(KeyError):
        use_and_fail()
    assert events == ["enter", "exit"]


def test_asyncio_coroutine_decorator_is_gone() -> None:
    assert not hasattr(asyncio, "coroutine")


@pytest.mark.skipif(
    sys.version_info < (3, 12), reason="itertools.batched is new in 3.12"
)
def test_batched_groups_an_iterator_into_tuples() -> None:
    assert list(itertools.batched("abcde", 2)) == [("a", "b"), ("c", "d"), ("e",)]


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="itertools.batched exists from 3.12"
)
def test_before_3_12_there_is_no_batched() -> None:
    assert not hasattr(itertools, "batched")


def test_a_reader_without_errors_yields_every_line_then_stops() -> None:
    assert list(protocol.resilient_reader(["one", "two"])) == ["one", "two"]


def test_a_stream_read_to_the_end_releases_its_resource_too() -> None:
    protocol.cleanup.clear()
    assert list(protocol.open_stream()) == ["chunk 1", "chunk 2"]
    assert protocol.cleanup == ["released"]


def test_predict_body_runs_late(predict) -> None:
    out = predict("generators/predict.py:body_runs_late")
    assert out.splitlines() == ["created", "start", "1", "end", "[]"]


def test_predict_single_pass(predict) -> None:
    out = predict("generators/predict.py:single_pass")
    assert out.splitlines() == ["30", "0", "True", "[6, 7, 8, 9]"]


def test_predict_late_binding(predict) -> None:
    out = predict("generators/predict.py:late_binding")
    assert out.splitlines() == ["[2]"]
    # the first iterable is evaluated at creation: rebinding it changes nothing
    data = [1, 2]
    gen = (n for n in data)
    data = [10]
    assert list(gen) == [1, 2]


def test_predict_return_value(predict) -> None:
    out = predict("generators/predict.py:return_value")
    assert out.splitlines() == ["['working']", "['working', 'result']"]
