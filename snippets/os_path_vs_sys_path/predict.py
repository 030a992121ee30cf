"""Predict the output: `os.path` and `sys.path` traps, each section run alone.

Paths are handled with `posixpath`, the module `os.path` is on Linux and macOS,
so the output is the same on every machine.
"""

# --8<-- [start:join_absolute]
import posixpath

uploads = "/srv/uploads"
print(posixpath.join(uploads, "avatar.png"))
print(posixpath.join(uploads, "/etc/passwd"))
print(posixpath.join("/a", "/b", "c"))
print(posixpath.join(uploads, "../settings.py"))
# --8<-- [end:join_absolute]


# --8<-- [start:join_empty]
import posixpath

print(repr(posixpath.join("", "app.py")))
print(repr(posixpath.join("srv", "")))
print(repr(posixpath.join("srv", "", "app.py")))
print(repr(posixpath.basename(posixpath.join("srv", ""))))
# --8<-- [end:join_empty]


# --8<-- [start:split_names]
import posixpath

print(repr(posixpath.basename("/srv/app/")))
print(posixpath.dirname("/srv/app/"))
print(posixpath.splitext("backup.tar.gz"))
print(posixpath.splitext(".bashrc"))
print(posixpath.normpath("/srv/app/../../../etc"))
# --8<-- [end:split_names]


# --8<-- [start:first_entry_wins]
import importlib
import sys
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
    Path(a, "handbook_settings.py").write_text("WHERE = 'a'\n")
    Path(b, "handbook_settings.py").write_text("WHERE = 'b'\n")
    sys.path[:0] = [a, b]  # both at the front of the list, a first
    print(importlib.import_module("handbook_settings").WHERE)
    sys.path.remove(a)
    print(importlib.import_module("handbook_settings").WHERE)
    print(importlib.reload(sys.modules["handbook_settings"]).WHERE)
    sys.path.remove(b)
    del sys.modules["handbook_settings"]
# --8<-- [end:first_entry_wins]
