"""contextlib.contextmanager: a context manager written as a generator."""

# --8<-- [start:contextmanager]
from contextlib import contextmanager


@contextmanager
def transaction(name):
    print(f"BEGIN {name}")
    try:
        yield f"<tx {name}>"  # the block runs here
    except Exception as error:  # the block's exception arrives here
        print(f"ROLLBACK {name}: {error!r}")
        raise  # let the caller see it
    else:
        print(f"COMMIT {name}")
    finally:
        print(f"release {name}")


with transaction("t1") as tx:
    print("using", tx)

try:
    with transaction("t2"):
        raise LookupError("no such row")
except LookupError:
    print("the caller still sees LookupError")
# --8<-- [end:contextmanager]


# --8<-- [start:swallow]
@contextmanager
def logged(name):
    try:
        yield
    except Exception as error:
        print(f"{name} logged {error!r}")  # and did not re-raise


with logged("report"):
    ratio = 1 / 0
print("execution goes on after the with")
# --8<-- [end:swallow]


# --8<-- [start:yield_once]
@contextmanager
def yields_twice():
    yield 1
    yield 2


@contextmanager
def never_yields():
    yield from ()  # a generator that yields nothing


for factory in (yields_twice, never_yields):
    try:
        with factory():
            pass
    except RuntimeError as error:
        print(f"{factory.__name__}: RuntimeError: {error}")
# --8<-- [end:yield_once]
