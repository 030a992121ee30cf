"""Claims of docs/questions/decorators-and-closures.md."""

from __future__ import annotations

import contextlib
import functools
import inspect
import io
import os
import subprocess
import sys
import types
from collections.abc import Callable

import pytest

with contextlib.redirect_stdout(io.StringIO()) as IMPORT_OUTPUT:
    from snippets.decorators_and_closures import (
        basics,
        methods,
        stdlib,
        wrapping,
    )
    from snippets.decorators_and_closures import (
        predict as predictions,
    )

PRINTED = IMPORT_OUTPUT.getvalue()


def output_of(func: Callable[[], object]) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        func()
    return buffer.getvalue()


# `@` is an assignment at definition time --------------------------------------


def test_the_decorator_runs_when_the_def_runs_not_when_called() -> None:
    lines = PRINTED.splitlines()
    assert lines.index("before the def") < lines.index("register(health) runs")
    assert lines.index("register(health) runs") < lines.index(
        "after the def, before any call: ['health']"
    )


def test_at_is_the_same_as_calling_and_rebinding() -> None:
    assert basics.health() == "ok"
    assert basics.registry == {"health": basics.health, "ready": basics.ready}
    assert basics.ready() == "ready"


def test_the_name_is_bound_to_whatever_the_decorator_returns() -> None:
    def returns_none(func):
        return None

    @returns_none
    def gone():
        return 1

    assert gone is None

    def returns_object(func):
        return 42

    @returns_object
    def answer():
        return 1

    assert answer == 42


def test_the_undecorated_function_is_never_bound_to_the_name() -> None:
    seen = {}
    namespace: dict = {}

    def peek(func):
        seen["name"] = namespace.get("never_bound", "unbound")
        return func

    namespace["peek"] = peek
    exec("@peek\ndef never_bound():\n    pass\n", namespace)
    assert seen["name"] == "unbound"
    assert callable(namespace["never_bound"])


def test_any_expression_is_a_decorator_since_3_9() -> None:
    handlers = {"get": basics.register}
    namespace = {"handlers": handlers}
    with contextlib.redirect_stdout(io.StringIO()):
        exec('@handlers["get"]\ndef item():\n    return 1\n', namespace)
    assert basics.registry.pop("item") is namespace["item"]


def test_stacked_decorators_apply_bottom_up_and_run_top_down() -> None:
    lines = PRINTED.splitlines()
    start = lines.index("italic receives title")
    assert lines[start : start + 7] == [
        "italic receives title",
        "bold receives italic.<locals>.wrapper",
        "bold: before",
        "italic: before",
        "italic: after",
        "bold: after",
        "<b><i>Orders</i></b>",
    ]


def test_stacking_is_nesting() -> None:
    def plain():
        return "x"

    with contextlib.redirect_stdout(io.StringIO()):
        nested = basics.bold(basics.italic(plain))
        assert nested() == "<b><i>x</i></b>"


# Closures and cells -------------------------------------------------------------


def test_cells_free_variables_and_cell_contents() -> None:
    assert basics.make_counter.__code__.co_cellvars == ("count",)
    counter = basics.make_counter()
    assert counter.__code__.co_freevars == ("count",)
    assert isinstance(counter.__closure__[0], types.CellType)
    counter()
    counter()
    assert counter.__closure__[0].cell_contents == 2


def test_each_call_of_the_outer_function_makes_new_cells() -> None:
    first, second = basics.make_counter(), basics.make_counter()
    assert first.__closure__[0] is not second.__closure__[0]
    assert (first(), first(), second()) == (1, 2, 1)
    assert "other: 1 counter: 3" in PRINTED


def test_closures_made_by_one_call_share_the_cell() -> None:
    deposit, read = basics.make_account()
    assert deposit.__closure__[0] is read.__closure__[0]
    deposit(5)
    assert read() == 5
    assert "read() sees 42\none cell: True" in PRINTED


def test_without_nonlocal_the_assignment_makes_a_local(predict) -> None:
    out = predict("decorators_and_closures/predict.py:missing_nonlocal")
    assert out.splitlines() == ["UnboundLocalError", "() None"]
    assert issubclass(UnboundLocalError, NameError)


def test_mutating_a_cell_object_needs_no_nonlocal() -> None:
    def make():
        items = []

        def add(x):
            items.append(x)
            return items

        return add

    add = make()
    add(1)
    assert add(2) == [1, 2]


def test_global_rebinds_a_module_variable() -> None:
    namespace: dict = {}
    exec("n = 0\ndef bump():\n    global n\n    n += 1\nbump()\n", namespace)
    assert namespace["n"] == 1


# Late binding -------------------------------------------------------------------


def test_functions_made_in_a_loop_share_one_cell() -> None:
    handlers = basics.late_handlers()
    assert [h() for h in handlers] == [500, 500, 500]
    assert len({id(h.__closure__[0]) for h in handlers}) == 1
    assert "cells shared by the three handlers: 1" in PRINTED


def test_a_default_argument_or_a_factory_binds_early() -> None:
    assert [h() for h in basics.default_handlers()] == [200, 404, 500]
    handlers = [basics.make_handler(c) for c in (200, 404, 500)]
    assert [h() for h in handlers] == [200, 404, 500]
    assert len({id(h.__closure__[0]) for h in handlers}) == 3
    assert basics.default_handlers()[0](999) == 999


def test_partial_is_a_ready_made_factory() -> None:
    handlers = [functools.partial(lambda code: code, c) for c in (200, 404)]
    assert [h() for h in handlers] == [200, 404]


# functools.wraps ----------------------------------------------------------------


def test_a_bare_wrapper_loses_the_metadata() -> None:
    bare = wrapping.logged_bare(wrapping.charge)
    assert bare.__name__ == "wrapper"
    assert bare.__qualname__ == "logged_bare.<locals>.wrapper"
    assert bare.__doc__ is None
    assert str(inspect.signature(bare)) == "(*args, **kwargs)"
    assert not hasattr(bare, "audited")
    assert not hasattr(bare, "__wrapped__")
    assert bare(5) == wrapping.charge(5) == "charged 5 EUR"  # still works


def test_wraps_copies_the_metadata_and_sets_wrapped() -> None:
    wrapped = wrapping.logged(wrapping.charge)
    assert wrapped.__name__ == "charge"
    assert wrapped.__qualname__ == "charge"
    assert wrapped.__doc__ == "Charge the customer's card."
    assert wrapped.__module__ == wrapping.charge.__module__
    assert wrapped.audited is True  # __dict__ updated
    assert wrapped.__wrapped__ is wrapping.charge
    assert wrapped is not wrapping.charge


def test_signature_follows_wrapped_and_unwrap_walks_the_chain() -> None:
    wrapped = wrapping.logged(wrapping.logged(wrapping.charge))
    assert str(inspect.signature(wrapped)) == "(amount, currency='EUR')"
    assert str(inspect.signature(wrapped, follow_wrapped=False)) == (
        "(*args, **kwargs)"
    )
    assert inspect.unwrap(wrapped) is wrapping.charge


def test_wraps_copies_the_annotations() -> None:
    def typed(amount: int) -> str:
        return str(amount)

    wrapped = wrapping.logged(typed)
    assert wrapped.__annotations__ == typed.__annotations__
    # Not following __wrapped__: the wrapper's own parameters, with the
    # return annotation wraps copied onto it.
    own = inspect.signature(wrapped, follow_wrapped=False)
    assert list(own.parameters) == ["args", "kwargs"]
    assert own.return_annotation == typed.__annotations__["return"]


def test_wraps_changes_metadata_not_what_the_wrapper_accepts() -> None:
    wrapped = wrapping.logged(wrapping.charge)
    with pytest.raises(TypeError):
        wrapped(1, 2, 3)  # accepted by the wrapper, refused by charge
    with pytest.raises(TypeError):
        inspect.signature(wrapped).bind(1, 2, 3)


@pytest.mark.skipif(sys.version_info < (3, 12), reason="__type_params__ from 3.12")
def test_wraps_copies_type_params_from_3_12() -> None:
    assert "__type_params__" in functools.WRAPPER_ASSIGNMENTS
    namespace: dict = {"functools": functools}
    exec("def f[T](x: T) -> T:\n    return x\n", namespace)
    assert functools.wraps(namespace["f"])(lambda: None).__type_params__ == (
        namespace["f"].__type_params__
    )


def test_wraps_assignments_on_this_version() -> None:
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        assert name in functools.WRAPPER_ASSIGNMENTS
    assert functools.WRAPPER_UPDATES == ("__dict__",)


# Decorators with arguments --------------------------------------------------------


def test_retry_is_three_levels_and_retries() -> None:
    decorator = wrapping.retry(times=3)
    assert decorator.__name__ == "decorator"
    assert "attempt 1 failed: reset\n  attempt 2 failed: timeout\nfetch: 200 OK" in (
        PRINTED
    )
    assert "always_down: gave up after 2 attempts" in PRINTED
    assert wrapping.fetch.__name__ == "fetch"
    with (
        contextlib.redirect_stdout(io.StringIO()) as out,
        pytest.raises(ConnectionError, match="gave up after 2 attempts"),
    ):
        wrapping.always_down()
    assert out.getvalue().count("failed: refused") == 2


def test_a_decorator_usable_with_and_without_parentheses() -> None:
    assert output_of(wrapping.list_orders) == "[list_orders] called\n"
    assert output_of(lambda: wrapping.refund("B-2")) == "[billing] called\n"
    assert wrapping.refund.__name__ == "refund"
    assert isinstance(wrapping.traced(label="x"), functools.partial)


def test_forgetting_the_parentheses(predict) -> None:
    out = predict("decorators_and_closures/predict.py:forgot_parentheses")
    assert out.splitlines() == [
        "decorator",
        "TypeError: repeat.<locals>.decorator() missing 1 required positional "
        "argument: 'func'",
    ]
    # The decorated function became `times`, held in the decorator's cell.
    times = predictions.ping.__closure__[0].cell_contents
    assert times() == "pong"
    # With the parentheses, it works.
    assert predictions.repeat(2)(lambda: "pong")() == ["pong", "pong"]


# Methods and descriptors ----------------------------------------------------------


def test_class_based_decorator_on_a_function() -> None:
    assert "pong calls: 2 name: ping" in PRINTED
    assert isinstance(methods.ping, methods.CountCalls)
    assert methods.ping.__wrapped__() == "pong"


def test_class_based_decorator_breaks_a_method() -> None:
    assert not hasattr(methods.CountCalls, "__get__")
    assert methods.Client.__dict__["get"] is methods.Client().get  # no binding
    with pytest.raises(TypeError, match="missing 1 required positional argument"):
        methods.Client().get("/health")
    assert (
        "TypeError: Client.get() missing 1 required positional argument: 'path'"
        in PRINTED
    )


def test_passing_the_instance_by_hand_shows_what_was_missing() -> None:
    client = methods.Client()
    assert methods.Client.get(client, "/health") == "GET /health"


def test_get_makes_it_bind_and_state_is_shared() -> None:
    before = methods.FixedClient.get.calls
    assert methods.FixedClient().get("/x") == "GET /x"
    assert methods.FixedClient().get("/y") == "GET /y"
    assert methods.FixedClient.get.calls == before + 2
    assert isinstance(methods.FixedClient().get, types.MethodType)
    assert methods.FixedClient.get is methods.FixedClient.__dict__["get"]


def test_function_decorators_work_on_methods_unchanged() -> None:
    class Service:
        @wrapping.logged
        def name(self):
            return type(self).__name__

    assert Service().name() == "Service"
    assert hasattr(types.FunctionType, "__get__")


def test_property_classmethod_staticmethod_leave_descriptors() -> None:
    assert isinstance(methods.Price.__dict__["gross"], property)
    assert isinstance(methods.Price.__dict__["parse"], classmethod)
    assert isinstance(methods.Price.__dict__["is_valid"], staticmethod)
    price = methods.Price.parse("250")
    assert price.gross == 300
    assert methods.Price.is_valid("25")
    assert not methods.Price.is_valid("25O")
    with pytest.raises(AttributeError):
        price.gross = 1
    assert "no setter: gross is read-only" in PRINTED


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="removed in 3.13")
def test_classmethod_over_property_before_3_13() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)

        class Config:
            @classmethod
            @property
            def name(cls):
                return cls.__name__

    assert Config.name == "Config"


@pytest.mark.skipif(sys.version_info < (3, 13), reason="chaining works before 3.13")
def test_classmethod_over_property_from_3_13() -> None:
    class Config:
        @classmethod
        @property
        def name(cls):
            return cls.__name__

    assert not isinstance(Config.name, str)


# Caching decorators -----------------------------------------------------------------


def test_cache_is_unbounded_lru_cache() -> None:
    assert stdlib.fib(30) == 832040
    info = stdlib.fib.cache_info()
    assert info.maxsize is None
    assert "832040 CacheInfo(hits=28, misses=31, maxsize=None, currsize=31)" in PRINTED


def test_lru_cache_evicts_the_least_recently_used() -> None:
    assert "computing a\n  computing b\n  computing c\n  computing b\n" in PRINTED
    assert "CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)" in PRINTED
    with pytest.raises(TypeError, match="unhashable"):
        stdlib.lookup(["a"])
    stdlib.lookup.cache_clear()
    assert stdlib.lookup.cache_info().currsize == 0


def test_lru_cache_on_a_method_keeps_self_alive() -> None:
    import gc
    import weakref

    class Repo:
        @functools.lru_cache(maxsize=8)  # noqa: B019 (the point)
        def get(self, key):
            return key

    repo = Repo()
    repo.get(1)
    ref = weakref.ref(repo)
    del repo
    gc.collect()
    assert ref() is not None  # the cache holds it
    Repo.get.cache_clear()
    gc.collect()
    assert ref() is None


def test_cached_property_stores_in_the_instance_dict() -> None:
    report = stdlib.Report([1, 2])
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert report.total == 3
        assert report.total == 3
    assert out.getvalue() == "  summing\n"
    assert vars(report)["total"] == 3
    report.rows.append(10)
    assert report.total == 3  # stale
    del report.total
    with contextlib.redirect_stdout(io.StringIO()):
        assert report.total == 13
    assert "stale: 35" in PRINTED
    assert "fresh: 135" in PRINTED


def test_cached_property_needs_an_instance_dict() -> None:
    class Slotted:
        __slots__ = ("rows",)

        @functools.cached_property
        def total(self):
            return 0

    with pytest.raises(TypeError):
        _ = Slotted().total


def test_cached_property_lock_depends_on_the_version() -> None:
    has_lock = hasattr(stdlib.Report.__dict__["total"], "lock")
    assert has_lock is (sys.version_info < (3, 12))


# Decorating classes, typing ----------------------------------------------------------


def test_class_decorators_register_and_generate() -> None:
    assert dict(stdlib.VIEWS) == {"/orders": stdlib.OrderView}
    assert stdlib.OrderView.path == "/orders"
    assert "__init__" in vars(stdlib.OrderView)
    assert stdlib.OrderView(page=2) == stdlib.OrderView(page=2)
    assert "{'/orders': 'OrderView'}" in PRINTED


def test_paramspec_keeps_the_signature() -> None:
    assert output_of(lambda: stdlib.scale(3)) == "calling scale\n"
    with contextlib.redirect_stdout(io.StringIO()):
        assert stdlib.scale(3, factor=1.5) == 4.5
    assert (
        str(inspect.signature(stdlib.scale))
        == "(value: int, factor: float = 2.0) -> float"
    )
    assert "6.0 ['value', 'factor']" in PRINTED
    hints = stdlib.logged.__annotations__
    assert hints["func"] == hints["return"] == Callable[stdlib.P, stdlib.R]
    assert stdlib.scale.__wrapped__.__name__ == "scale"


# Linters ---------------------------------------------------------------------------


def test_ruff_reports_late_binding_as_b023() -> None:
    source = (
        "fs = []\nfor i in range(3):\n"
        "    def f():\n        return i\n    fs.append(f)\n"
    )
    result = subprocess.run(
        [
            *(sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated"),
            *("--select", "B023", "--output-format", "concise"),
            *("--stdin-filename", "example.py", "-"),
        ],
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "B023" in result.stdout


# Predict the output ----------------------------------------------------------------


def test_predict_stacking_order(predict) -> None:
    out = predict("decorators_and_closures/predict.py:stacking_order")
    assert out.splitlines() == ["twice applied", "shout applied", "HI HI!"]


def test_predict_wrapped_chain(predict) -> None:
    out = predict("decorators_and_closures/predict.py:wrapped_chain")
    assert out.splitlines() == ["100 one Return one.", "10 1"]


# Registries and other claims of the explanation ------------------------------------


def test_registering_decorators_act_when_the_def_runs() -> None:
    import atexit

    def cleanup() -> None:
        pass

    assert atexit.register(cleanup) is cleanup  # usable as a decorator
    atexit.unregister(cleanup)


CELERY_REGISTRATION = """
from celery import Celery

app = Celery("handbook", set_as_current=False)

@app.task(name="handbook.add")
def add(x, y):
    return x + y

print("handbook.add" in app.tasks, app.tasks["handbook.add"].run(2, 3))
"""


def test_a_celery_task_is_registered_by_the_decorator() -> None:
    # In a fresh interpreter: Celery keeps process-wide state (the current app,
    # shared tasks, Django fixups) that the whole suite's earlier tests change.
    result = subprocess.run(
        [sys.executable, "-c", CELERY_REGISTRATION],
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "True 5\n"


def test_a_django_receiver_is_connected_by_the_decorator() -> None:
    from django.dispatch import Signal, receiver

    order_paid = Signal()
    assert not order_paid.has_listeners()

    @receiver(order_paid)
    def notify(sender, **kwargs):
        return "notified"

    assert order_paid.has_listeners()
    assert order_paid.send(sender=None) == [(notify, "notified")]


def test_total_ordering_is_a_class_decorator_that_adds_methods() -> None:
    @functools.total_ordering
    class Version:
        def __init__(self, n):
            self.n = n

        def __eq__(self, other):
            return self.n == other.n

        def __lt__(self, other):
            return self.n < other.n

    assert "__ge__" in vars(Version)
    assert Version(2) >= Version(1)


def test_lru_cache_defaults_to_128_entries() -> None:
    assert functools.lru_cache(lambda: 0).cache_info().maxsize == 128


def test_each_level_of_a_decorator_factory_closes_over_the_one_above() -> None:
    decorator = wrapping.retry(times=3)
    assert decorator.__code__.co_freevars == ("times",)
    assert set(wrapping.fetch.__code__.co_freevars) == {"func", "times"}
