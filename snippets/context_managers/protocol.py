"""The with statement: what it calls, in which order, and with what."""


# --8<-- [start:expansion]
class Tracer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"enter {self.name}")
        return f"resource of {self.name}"  # what `as` binds

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"exit {self.name}: {kind}")
        return False  # do not suppress


with Tracer("ok") as value:
    print("body got", repr(value))

try:
    with Tracer("failing"):
        raise ValueError("bad row")
except ValueError as error:
    print("propagated:", error)
# --8<-- [end:expansion]


# --8<-- [start:by_hand]
import sys


def run_with(manager, body):
    enter = type(manager).__enter__  # looked up on the type,
    exit_ = type(manager).__exit__  # both before __enter__ runs
    value = enter(manager)
    try:
        body(value)
    except BaseException:
        if not exit_(manager, *sys.exc_info()):
            raise
    else:
        exit_(manager, None, None, None)


run_with(Tracer("by hand"), lambda value: print("body got", repr(value)))
# --8<-- [end:by_hand]


# --8<-- [start:suppress_by_return]
class IgnoreMissing:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        # A true value swallows the exception; None or False lets it go.
        return exc_type is not None and issubclass(exc_type, KeyError)


settings = {}
with IgnoreMissing():
    print("timeout:", settings["timeout"])  # raises: nothing printed
print("after the block")

try:
    with IgnoreMissing():
        int("ten")
except ValueError as error:
    print("not a KeyError, so it propagates:", error)
# --8<-- [end:suppress_by_return]


# --8<-- [start:type_lookup]
class Plain:
    pass


def use(manager):
    with manager as got:
        return got


thing = Plain()
thing.__enter__ = lambda: "set on the instance"
thing.__exit__ = lambda *exc: None
try:
    use(thing)
except TypeError as error:
    print("TypeError:", "context manager protocol" in str(error))

Plain.__enter__ = lambda self: "set on the class"
Plain.__exit__ = lambda self, *exc: None
print(use(thing))
# --8<-- [end:type_lookup]


# --8<-- [start:exit_raises]
class FlakyClose:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise ConnectionError("close failed")


try:
    with FlakyClose():
        raise ValueError("the real bug")
except Exception as error:
    print("caught:", repr(error))
    print("its __context__:", repr(error.__context__))
# --8<-- [end:exit_raises]


# --8<-- [start:multiple]
with (
    Tracer("db") as db,
    Tracer("cache") as cache,
):
    print("body uses", db, "and", cache)


class Database:
    def __init__(self, up):
        self.up = up

    def __enter__(self):
        if not self.up:
            raise OSError("no connection")
        return self

    def __exit__(self, *exc):
        print("exit Database")  # not called when __enter__ raised


def query(up):
    with Tracer("pool"), Database(up):
        return "rows"


try:
    query(up=False)
except OSError as error:
    print("raised:", error)
# --8<-- [end:multiple]
