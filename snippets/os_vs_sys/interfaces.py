"""`os` talks to the operating system, `sys` to the interpreter running you."""

# --8<-- [start:two_modules]
import os
import sys

print(
    "sys is compiled into the interpreter:", "sys" in sys.builtin_module_names
)
print("os is a module written in Python:", os.__file__.endswith("os.py"))
print("os.name:", os.name, "| sys.platform:", sys.platform)
print("os.path is", os.path.__name__, "| os.sep is", repr(os.sep))
print("interpreter is 3.11 or newer:", sys.version_info >= (3, 11))
# --8<-- [end:two_modules]


# --8<-- [start:environment]
os.environ["HANDBOOK_GREETING"] = "hello"  # also exported to child processes
print(os.environ["HANDBOOK_GREETING"], os.getenv("HANDBOOK_GREETING"))
print(os.getenv("HANDBOOK_MISSING"), os.getenv("HANDBOOK_MISSING", "fallback"))
try:
    os.environ["HANDBOOK_MISSING"]
except KeyError:
    print("os.environ[...] raises KeyError for a missing variable")

try:
    os.environ["HANDBOOK_PORT"] = 8000
except TypeError as error:
    print(f"TypeError: {error}")  # values are strings, always
port = int(os.getenv("HANDBOOK_PORT", "8000"))  # so convert on the way in
print("port:", port)

os.putenv("HANDBOOK_HIDDEN", "1")  # bypasses the mapping...
print("putenv visible in os.environ:", "HANDBOOK_HIDDEN" in os.environ)
os.unsetenv("HANDBOOK_HIDDEN")
del os.environ["HANDBOOK_GREETING"]  # ...deleting from the mapping unsets it
# --8<-- [end:environment]


# --8<-- [start:directories]
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as root:
    month = os.path.join(root, "reports", "2026", "11")
    try:
        os.mkdir(month)
    except FileNotFoundError:
        print("os.mkdir: FileNotFoundError, the parents do not exist")
    os.makedirs(month)  # creates reports/, 2026/ and 11/
    try:
        os.mkdir(month)
    except FileExistsError:
        print("os.mkdir again: FileExistsError")
    try:
        os.makedirs(month)
    except FileExistsError:
        print("os.makedirs again: FileExistsError")
    os.makedirs(month, exist_ok=True)  # idempotent: no error
    print("os.makedirs(exist_ok=True) again: fine")

    year = os.path.dirname(month)
    Path(year, "summary.csv").write_text("total\n42\n")
    with os.scandir(year) as entries:  # one system call, types included
        print(sorted((entry.name, entry.is_dir()) for entry in entries))

    Path(root, "exports", "daily").mkdir(parents=True, exist_ok=True)
    print(sorted(path.name for path in Path(root).iterdir()))
# --8<-- [end:directories]


# --8<-- [start:system_exit]
def exit_code(*args):
    """Call sys.exit(*args), catch the exception, return its code."""
    try:
        sys.exit(*args)
    except SystemExit as request:
        return request.code


print(exit_code(), exit_code(0), exit_code(3), exit_code("config missing"))
print("SystemExit is an Exception:", issubclass(SystemExit, Exception))


def shut_down(catch):
    steps = []
    try:
        try:
            steps.append("work")
            sys.exit(2)
        except catch:
            steps.append(f"caught by except {catch.__name__}")
        finally:
            steps.append("finally ran")
    except SystemExit as request:
        steps.append(f"SystemExit({request.code}) reached the caller")
    return steps


print(shut_down(Exception))  # does not catch SystemExit
print(shut_down(BaseException))  # does, and the exit is cancelled
# --8<-- [end:system_exit]


# --8<-- [start:interpreter]
import json

print("sys.modules caches imports:", sys.modules["json"] is json)
print("sys.argv and sys.path are lists:", type(sys.argv), type(sys.path))
print("sys.version_info.major:", sys.version_info.major)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


limit = sys.getrecursionlimit()
print("recursion well under the limit:", depth(limit // 2) == limit // 2)
try:
    depth(limit + 100)
except RecursionError:
    print("past sys.getrecursionlimit(): RecursionError")
# --8<-- [end:interpreter]


# --8<-- [start:exception]
try:
    int("eighty")
except ValueError:
    handled = sys.exception()  # Python 3.11+: the exception being handled
    print(type(handled).__name__, handled)
    print("same object as exc_info()[1]:", handled is sys.exc_info()[1])
print("outside an except block:", sys.exception())
# --8<-- [end:exception]


# --8<-- [start:newer]
# Present from Python 3.13; look them up so this runs on 3.11 and 3.12 too.
process_cpu_count = getattr(os, "process_cpu_count", None)
is_gil_enabled = getattr(sys, "_is_gil_enabled", None)

print("os.cpu_count() is an int:", isinstance(os.cpu_count(), int))
print("os.process_cpu_count exists:", process_cpu_count is not None)
print(
    "usable CPUs <= CPUs in the machine:",
    process_cpu_count() <= os.cpu_count() if process_cpu_count else "3.13+",
)
print("sys._is_gil_enabled exists:", is_gil_enabled is not None)
print(
    "GIL enabled:",
    is_gil_enabled() if is_gil_enabled else "always, before 3.13",
)
# --8<-- [end:newer]
