"""Predictions of docs/questions/context-managers.md."""


# --8<-- [start:return_inside]
class Announce:
    def __enter__(self):
        print("enter")

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type)


def handler():
    with Announce() as value:
        print("value is", value)
        return "response"


print(handler())
# --8<-- [end:return_inside]


# --8<-- [start:no_finally]
from contextlib import contextmanager

log = []


@contextmanager
def held(name):
    log.append(f"acquire {name}")
    yield
    log.append(f"release {name}")


try:
    with held("row 7"):
        raise TimeoutError("query too slow")
except TimeoutError:
    print(log)
# --8<-- [end:no_finally]


# --8<-- [start:truthy_exit]
class Audit:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.outcome = "failed" if exc_type else "ok"
        return self.outcome  # meant as a log line


def charge(amount):
    with Audit() as audit:
        if amount < 0:
            raise ValueError("negative amount")
    return audit.outcome


print(charge(10))
print(charge(-5))
# --8<-- [end:truthy_exit]


# --8<-- [start:unwind_order]
from contextlib import ExitStack

with ExitStack() as stack:
    for name in ("db", "cache", "queue"):
        stack.callback(print, "release", name)
    print("work")
print("done")
# --8<-- [end:unwind_order]
