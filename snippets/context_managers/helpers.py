"""The ready-made context managers of contextlib."""

# --8<-- [start:suppress]
from contextlib import suppress

cache = {"user:1": "Ada"}
with suppress(KeyError):
    del cache["user:2"]  # already gone: fine
print("after suppress:", cache)

try:
    with suppress(KeyError):
        cache["user:1"] + 1
except TypeError:
    print("suppress(KeyError) lets a TypeError through")
# --8<-- [end:suppress]


# --8<-- [start:closing]
from contextlib import closing


class LegacyCursor:  # has close() but no __enter__/__exit__
    def fetch(self):
        return [("Ada",), ("Grace",)]

    def close(self):
        print("cursor closed")


with closing(LegacyCursor()) as cursor:
    print(cursor.fetch())
# --8<-- [end:closing]


# --8<-- [start:nullcontext]
import threading
from contextlib import nullcontext


def save(rows, lock=None):
    with lock if lock is not None else nullcontext():
        print("saving", rows)


save([1, 2])  # single-threaded caller: no lock needed
save([3], lock=threading.Lock())
with nullcontext("default") as value:
    print("nullcontext gives back", repr(value))
# --8<-- [end:nullcontext]


# --8<-- [start:redirect_stdout]
import io
import sys
from contextlib import redirect_stdout


def legacy_report():  # writes to stdout and returns nothing
    sys.stdout.write("42 rows exported\n")


buffer = io.StringIO()
with redirect_stdout(buffer):
    legacy_report()
print("captured:", repr(buffer.getvalue()))
print("restored:", sys.stdout is not buffer)
# --8<-- [end:redirect_stdout]


# --8<-- [start:chdir]
import os
import tempfile
from contextlib import chdir  # Python 3.11+

before = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    with chdir(tmp):
        print("inside tmp:", os.path.samefile(os.getcwd(), tmp))
        with open("report.csv", "w") as report:
            report.write("id,total\n")
        print("file closed:", report.closed, os.listdir("."))
    print("cwd restored:", os.getcwd() == before)
print("tmp removed:", not os.path.exists(tmp))
# --8<-- [end:chdir]
