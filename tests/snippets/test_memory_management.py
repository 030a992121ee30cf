"""Claims of docs/questions/memory-management.md.

Only relations are asserted (bigger than, freed, reclaimed): exact reference counts,
sizes and thresholds differ between Python versions and builds.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import sysconfig
import weakref

import pytest

from snippets.memory_management import lifetime, measure, transcribe

CPYTHON = sys.implementation.name == "cpython"
FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
WITH_MIMALLOC = bool(sysconfig.get_config_var("WITH_MIMALLOC"))
needs_pymalloc = pytest.mark.skipif(
    not CPYTHON or FREE_THREADED or os.environ.get("PYTHONMALLOC"),
    reason="pymalloc statistics exist only on a default CPython build",
)


class Thing:
    pass


def test_an_object_is_freed_the_moment_its_last_reference_goes() -> None:
    events: list[str] = []
    thing = Thing()
    alias = thing
    weakref.finalize(thing, events.append, "freed")
    del thing
    assert events == []  # `alias` still holds it
    del alias
    assert events == ["freed"]  # no gc.collect() needed


def test_the_snippet_saw_the_finalizer_fire_on_the_last_del() -> None:
    assert lifetime.events == ["freed"]


def test_a_new_reference_raises_the_count() -> None:
    payload = object()
    before = sys.getrefcount(payload)
    holders = [payload, payload]
    assert sys.getrefcount(payload) > before
    holders.clear()
    assert sys.getrefcount(payload) == before


@pytest.mark.skipif(
    sys.version_info < (3, 12), reason="PEP 683 immortal objects: 3.12+"
)
def test_immortal_none_keeps_its_count() -> None:
    before = sys.getrefcount(None)
    many = [None] * 1000
    assert sys.getrefcount(None) == before
    del many


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from 3.12")
def test_before_3_12_none_is_counted_like_any_object() -> None:
    before = sys.getrefcount(None)
    many = [None] * 1000
    assert sys.getrefcount(None) >= before + 1000
    del many


def test_a_cycle_survives_until_the_collector_runs() -> None:
    gc.disable()
    try:
        probe = lifetime.make_cycle()
        assert probe() is not None  # refcounts never reach zero
        assert gc.collect() > 0
        assert probe() is None
    finally:
        gc.enable()


def test_the_snippet_left_the_collector_enabled() -> None:
    assert gc.isenabled()


def test_del_in_a_cycle_runs_and_the_cycle_is_freed_pep_442() -> None:
    lifetime.closed.clear()
    gc.disable()
    try:
        first, second = lifetime.Session("x"), lifetime.Session("y")
        first.peer, second.peer = second, first
        probe = weakref.ref(first)
        del first, second
        assert lifetime.closed == []
        gc.collect()
        assert sorted(lifetime.closed) == ["x", "y"]
        assert probe() is None
        assert gc.garbage == []
    finally:
        gc.enable()


def test_containers_are_tracked_and_atomic_objects_are_not() -> None:
    assert gc.is_tracked([])
    assert gc.is_tracked(lifetime.Node("n"))
    assert not gc.is_tracked(42)
    assert not gc.is_tracked("text")


def test_gc_has_thresholds_that_can_be_read_and_restored() -> None:
    thresholds = gc.get_threshold()
    assert len(thresholds) == 3
    assert thresholds[0] > 0


def test_getsizeof_does_not_count_referenced_objects() -> None:
    words = ["x" * 10_000]
    assert sys.getsizeof(words) < sys.getsizeof(words[0])
    assert sys.getsizeof(words) < 1_000
    assert measure.with_items > 10 * measure.shallow


def test_tracemalloc_sees_the_allocation_and_its_release() -> None:
    """The figures the page prints, as the snippet measured them."""
    baseline, holding = measure.baseline, measure.holding
    assert holding - baseline > 100_000 * sys.getsizeof(1.0)
    assert measure.released - baseline < (holding - baseline) / 100
    assert measure.peak >= holding


@pytest.mark.skipif(not CPYTHON, reason="PYTHONMALLOC is a CPython variable")
@pytest.mark.parametrize(
    ("allocator", "known"),
    [
        ("malloc", True),
        pytest.param(
            "pymalloc",
            True,
            marks=pytest.mark.skipif(FREE_THREADED, reason="default build only"),
        ),
        # mimalloc is an allocator choice from 3.13, in builds compiled with it.
        ("mimalloc", sys.version_info >= (3, 13) and WITH_MIMALLOC),
    ],
)
def test_pythonmalloc_selects_the_allocator(allocator: str, known: bool) -> None:
    env = {**os.environ, "PYTHONMALLOC": allocator}
    child = subprocess.run(
        [sys.executable, "-c", "pass"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (child.returncode == 0) is known, child.stderr


@needs_pymalloc
def test_with_pythonmalloc_malloc_there_are_no_pymalloc_arenas() -> None:
    reports = {}
    for allocator in ("pymalloc", "malloc"):
        child = subprocess.run(
            [sys.executable, "-c", "import sys; sys._debugmallocstats()"],
            env={**os.environ, "PYTHONMALLOC": allocator},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        reports[allocator] = child.stderr
    assert "bytes/arena" in reports["pymalloc"]
    assert "bytes/arena" not in reports["malloc"]


@pytest.mark.skipif(
    sys.version_info < (3, 12), reason="PEP 683 immortal objects: 3.12+"
)
def test_true_false_and_small_ints_are_immortal_too() -> None:
    before = [sys.getrefcount(value) for value in (True, False, 100)]
    many = [True, False, 100] * 1000
    assert [sys.getrefcount(value) for value in (True, False, 100)] == before
    del many


def test_a_weak_back_reference_avoids_the_cycle() -> None:
    class Child:
        def __init__(self, parent: object) -> None:
            self.parent = weakref.ref(parent)

    class Parent:
        def __init__(self) -> None:
            self.children = [Child(self)]

    gc.disable()
    try:
        parent = Parent()
        probe = weakref.ref(parent)
        del parent
        assert probe() is None  # freed by reference counting alone
    finally:
        gc.enable()


def test_except_as_deletes_the_name_at_the_end_of_the_block() -> None:
    namespace: dict[str, object] = {}
    exec("try:\n    1 / 0\nexcept ZeroDivisionError as error:\n    pass\n", namespace)
    assert "error" not in namespace


def test_del_runs_once_even_after_resurrection_pep_442() -> None:
    calls: list[str] = []
    saved: list[object] = []

    class Phoenix:
        def __del__(self) -> None:
            calls.append("del")
            saved.append(self)  # resurrects the object

    Phoenix()
    assert calls == ["del"]
    saved.clear()  # dies for good: __del__ is not called a second time
    assert calls == ["del"]


def test_gc_freeze_moves_objects_out_of_the_collectors_reach() -> None:
    gc.freeze()
    try:
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_getsizeof_adds_the_collector_header_for_tracked_objects() -> None:
    assert sys.getsizeof([]) > [].__sizeof__()
    assert sys.getsizeof(1.0) == (1.0).__sizeof__()


@pytest.fixture(scope="module")
def arenas_run() -> dict[str, int]:
    """Constants and arena changes arenas.py measures in a fresh interpreter."""
    code = (
        "import json, runpy, sys\n"
        "found = runpy.run_path(sys.argv[1])\n"
        "print(json.dumps({**found['changes'], 'threshold':"
        " found['stat'](r'threshold = (\\d+)', found['text']),"
        " 'classes': found['stat'](r'in (\\d+) size classes', found['text']),"
        " 'arena': found['stat'](r'(\\d+) bytes/arena', found['text'])}))\n"
    )
    child = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code, str(transcribe.ARENAS)],
        env={},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(child.stdout.splitlines()[-1])


@needs_pymalloc
def test_pymalloc_serves_requests_up_to_512_bytes_in_16_byte_classes(
    arenas_run: dict[str, int],
) -> None:
    assert arenas_run["threshold"] == 512
    assert arenas_run["classes"] * 16 == 512


@needs_pymalloc
@pytest.mark.skipif(sys.maxsize <= 2**32, reason="1 MiB arenas on 64-bit builds")
def test_arenas_are_one_mib_on_64_bit(arenas_run: dict[str, int]) -> None:
    assert arenas_run["arena"] == 1024 * 1024


@needs_pymalloc
def test_a_million_floats_take_32_byte_blocks(arenas_run: dict[str, int]) -> None:
    # 24 MB of 24-byte floats would fit in 23 arenas; 32-byte blocks need about 31
    assert arenas_run["holding a million floats"] >= 28


@needs_pymalloc
def test_wholly_free_arenas_are_given_back(arenas_run: dict[str, int]) -> None:
    assert arenas_run["after deleting them"] <= 3
    assert arenas_run["after deleting the survivors too"] <= 3


@needs_pymalloc
def test_one_survivor_per_pool_pins_every_arena(arenas_run: dict[str, int]) -> None:
    held = arenas_run["holding a million floats"]
    assert arenas_run["keeping 2,000 of them"] >= held - 2


@needs_pymalloc
def test_the_arena_transcript_comes_from_a_fresh_interpreter() -> None:
    text = transcribe.arenas()
    assert text.startswith("$ python arenas.py\n")
    assert "holding a million floats: about 30 arenas more" in text
    assert "keeping 2,000 of them: about 30 arenas more" in text


def test_predict_del_removes_a_name(predict) -> None:
    out = predict("memory_management/predict.py:del_removes_a_name")
    # freed exactly when the list drops the last reference, before the next line
    assert out.splitlines() == ["after del report", "freed", "after latest.clear()"]


def test_predict_cycle_outlives_del(predict) -> None:
    out = predict("memory_management/predict.py:cycle_outlives_del")
    assert out.splitlines() == [
        "alive after del: True",
        "alive after gc.collect(): False",
    ]
    assert gc.isenabled()


def test_predict_getsizeof_shallow(predict) -> None:
    out = predict("memory_management/predict.py:getsizeof_shallow")
    assert out.splitlines() == ["True", "True"]


def test_predict_except_as_is_deleted(predict) -> None:
    out = predict("memory_management/predict.py:except_as_is_deleted")
    assert out.splitlines() == ["NameError", "division by zero"]
