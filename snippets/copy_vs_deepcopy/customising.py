"""Controlling copies: __copy__, __deepcopy__, replace(), what won't copy."""

# --8<-- [start:dunder_methods]
import copy
import threading


class Cache:
    """A cache whose entries are copied but whose lock never is."""

    def __init__(self):
        self.entries = {}
        self.lock = threading.Lock()

    def __copy__(self):
        clone = Cache()  # a fresh lock for the clone
        clone.entries = self.entries  # shallow: the same dict
        return clone

    def __deepcopy__(self, memo):
        clone = Cache()
        memo[id(self)] = clone  # register first, in case of cycles
        clone.entries = copy.deepcopy(self.entries, memo)
        return clone


cache = Cache()
cache.entries["user:1"] = {"name": "Ada"}
shallow, deep = copy.copy(cache), copy.deepcopy(cache)
print("shallow shares entries:", shallow.entries is cache.entries)
print(
    "deep copies entries:   ",
    deep.entries["user:1"] is not cache.entries["user:1"],
)
print(
    "each has its own lock: ",
    len({id(c.lock) for c in (cache, shallow, deep)}) == 3,
)
# --8<-- [end:dunder_methods]


# --8<-- [start:uncopyable]
import copy
from threading import Lock


def try_deepcopy(value):
    try:
        copy.deepcopy(value)
    except TypeError as error:
        return f"TypeError: {error}"
    return "copied"


print("a lock:  ", try_deepcopy(Lock()))
print("a module:", try_deepcopy(copy))
print("a generator:", try_deepcopy(n for n in range(3)))
print(
    "a function is returned as is:", copy.deepcopy(try_deepcopy) is try_deepcopy
)
# --8<-- [end:uncopyable]


# --8<-- [start:replace]
import copy
import dataclasses
import datetime
from typing import NamedTuple


@dataclasses.dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    tags: list


class Version(NamedTuple):
    major: int
    minor: int


base = Endpoint("127.0.0.1", 8000, ["internal"])
moved = dataclasses.replace(base, port=8001)  # every version
print(moved)
print("replace() is shallow, tags shared:", moved.tags is base.tags)
print(Version(5, 2)._replace(minor=3))
print(datetime.date(2024, 2, 29).replace(year=2028))
print("copy.replace() on this build:", hasattr(copy, "replace"))  # 3.13+
# --8<-- [end:replace]


# --8<-- [start:cost]
import copy
import pickle
import timeit

nested = {"users": [{"id": n, "roles": ["a", "b"]} for n in range(200)]}


def round_trip(value):
    return pickle.loads(pickle.dumps(value))


timings = {
    "copy.copy": timeit.timeit(lambda: copy.copy(nested), number=200),
    "copy.deepcopy": timeit.timeit(lambda: copy.deepcopy(nested), number=200),
    "pickle round trip": timeit.timeit(lambda: round_trip(nested), number=200),
}
print(
    "deepcopy slower than copy by over 100x:",
    timings["copy.deepcopy"] > 100 * timings["copy.copy"],
)
print(
    "deepcopy slower than a pickle round trip:",
    timings["copy.deepcopy"] > timings["pickle round trip"],
)
# --8<-- [end:cost]
