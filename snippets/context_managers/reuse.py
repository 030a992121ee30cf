"""ContextDecorator, and single-use, reusable and reentrant managers."""

# --8<-- [start:context_decorator]
from contextlib import ContextDecorator, contextmanager


class audited(ContextDecorator):
    def __init__(self, action):
        self.action = action

    def __enter__(self):
        print("audit start:", self.action)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("audit end:", self.action, "failed" if exc_type else "ok")
        return False


@audited("nightly export")  # as a decorator: wraps every call
def nightly_export():
    print("exporting")


nightly_export()
with audited("manual fix"):  # the same object type as a with
    print("fixing")


@contextmanager
def step(name):
    print("step", name)
    yield


@step("import")  # @contextmanager objects are ContextDecorators too
def run_import():
    print("importing")


run_import()
run_import()  # a fresh generator for every call
# --8<-- [end:context_decorator]


# --8<-- [start:single_use]
import io


def use(manager):
    with manager:
        return "entered"


once = step("once")
print(use(once))
try:
    use(once)  # its generator has already run
except (RuntimeError, AttributeError):
    print("a @contextmanager object: single use")

stream = io.StringIO("data")
print(use(stream))
try:
    use(stream)  # the first with closed it
except ValueError as error:
    print("a closed stream:", error)
# --8<-- [end:single_use]


# --8<-- [start:reentrant]
import threading
from contextlib import ExitStack, suppress

lock = threading.Lock()
with lock:
    print("Lock held again?", lock.acquire(blocking=False))
with lock:  # reusable: a second, separate with is fine
    print("Lock: reusable, not reentrant")

rlock = threading.RLock()
with rlock, rlock:  # entered twice by the same thread
    print("RLock: reentrant")

ignore = suppress(KeyError)
with ignore, ignore:  # one suppress object, entered twice
    {}["missing"]
print("suppress: reentrant")

stack = ExitStack()
with stack:
    stack.callback(print, "first use unwound")
with stack:  # reusable once the first with has ended
    stack.callback(print, "second use unwound")
# --8<-- [end:reentrant]
