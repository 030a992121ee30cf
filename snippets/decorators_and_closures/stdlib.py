"""Caching decorators, decorating classes, and typing a decorator."""

# --8<-- [start:cache]
import functools


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())


@functools.lru_cache(maxsize=2)
def lookup(key):
    print("  computing", key)
    return key.upper()


for key in ["a", "b", "a", "c", "b"]:  # c evicts b, the least recent
    lookup(key)
print(lookup.cache_info())
try:
    lookup(["a"])
except TypeError:
    print("arguments are dict keys: a list is refused")
# --8<-- [end:cache]


# --8<-- [start:cached_property]
class Report:
    def __init__(self, rows):
        self.rows = rows

    @functools.cached_property
    def total(self):
        print("  summing")
        return sum(self.rows)


report = Report([5, 10, 20])
print(report.total, report.total, "in the instance dict:", vars(report))
report.rows.append(100)
print("stale:", report.total)
del report.total  # drop the cached value; the next read recomputes
print("fresh:", report.total)
# --8<-- [end:cached_property]


# --8<-- [start:class_decorator]
import dataclasses

VIEWS = {}


def route(path):
    def decorator(cls):
        VIEWS[path] = cls  # register the class itself
        cls.path = path
        return cls  # return it, or the name is bound to None

    return decorator


@route("/orders")
@dataclasses.dataclass(frozen=True)
class OrderView:
    page: int = 1


print({path: view.__name__ for path, view in VIEWS.items()})
print(OrderView(page=2), OrderView.path)
print("generated:", [n for n in ("__init__", "__eq__") if n in vars(OrderView)])
# --8<-- [end:class_decorator]


# --8<-- [start:paramspec]
import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def logged(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        print(f"calling {func.__name__}")
        return func(*args, **kwargs)

    return wrapper


@logged
def scale(value: int, factor: float = 2.0) -> float:
    return value * factor


print(scale(3), list(inspect.signature(scale).parameters))
# --8<-- [end:paramspec]
