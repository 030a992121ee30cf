"""Predict the output: `os` and `sys` traps, each section run on its own."""

# --8<-- [start:except_exception]
import sys

for handler in (Exception, BaseException):
    try:
        try:
            sys.exit(2)
        except handler:
            print(f"caught by except {handler.__name__}")
        finally:
            print("finally ran")
    except SystemExit as error:
        print(f"SystemExit({error.code}) got past except {handler.__name__}")
print("still running")
# --8<-- [end:except_exception]


# --8<-- [start:exit_status]
import subprocess
import sys

for code in [
    "import sys; sys.exit()",
    "import sys; sys.exit('config missing')",
    "import sys; sys.exit(True)",
    "raise SystemExit(3)",
]:
    child = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True
    )
    print(child.returncode, repr(child.stderr))
# --8<-- [end:exit_status]


# --8<-- [start:environ_strings]
import os

os.environ["HANDBOOK_DEBUG"] = "False"
print(bool(os.environ["HANDBOOK_DEBUG"]))
print(os.getenv("HANDBOOK_WORKERS", 4) + 1)  # HANDBOOK_WORKERS is not set
try:
    os.environ["HANDBOOK_WORKERS"] = 8
except TypeError as error:
    print(type(error).__name__)
print(os.getenv("HANDBOOK_WORKERS"))
del os.environ["HANDBOOK_DEBUG"]
# --8<-- [end:environ_strings]


# --8<-- [start:makedirs_twice]
import os
import tempfile

with tempfile.TemporaryDirectory() as root:
    daily = os.path.join(root, "exports", "daily")
    notes = os.path.join(root, "notes")
    open(notes, "w").close()  # a file, not a directory
    attempts = [(daily, False), (daily, False), (daily, True), (notes, True)]
    for path, exist_ok in attempts:
        name = os.path.basename(path)
        try:
            os.makedirs(path, exist_ok=exist_ok)
            print(f"makedirs({name}, exist_ok={exist_ok}): ok")
        except FileExistsError:
            print(f"makedirs({name}, exist_ok={exist_ok}): FileExistsError")
# --8<-- [end:makedirs_twice]
