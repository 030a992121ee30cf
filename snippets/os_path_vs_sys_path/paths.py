"""`os.path` is a module of path-string functions; `sys.path` is a list."""

# --8<-- [start:os_path_module]
import ntpath
import os
import posixpath
import sys

print(type(os.path).__name__, os.path.__name__)
print("os.path is posixpath:", os.path is posixpath)
print("import os.path finds the same:", sys.modules["os.path"] is os.path)
# Both flavours are importable everywhere, to handle the other OS's paths:
print(posixpath.join("srv", "app", "settings.py"))
print(ntpath.join("C:\\", "srv", "settings.py"))
# --8<-- [end:os_path_module]


# --8<-- [start:string_functions]
config = "/srv/app/releases/2026-11/config.prod.toml"
print(os.path.dirname(config))
print(os.path.basename(config), os.path.splitext(config)[1])
print(os.path.normpath("/srv/app/../app/./static//css"))
print(os.path.relpath("/srv/app/static", start="/srv/app/releases"))
print(repr(os.path.basename("/srv/app/")))  # trailing slash: empty name
print(os.path.isabs("srv/app"), os.path.isabs("/srv/app"))
# Pure string work: none of the paths above has to exist. A few do look:
print(
    os.path.exists("/srv/no/such/dir"),
    os.path.isdir(os.path.dirname(os.__file__)),
)
# --8<-- [end:string_functions]


# --8<-- [start:join_pitfall]
from pathlib import PurePosixPath

print(os.path.join("/a", "/b"))  # an absolute part discards what came before
uploads = "/srv/uploads"
for name in ["avatar.png", "/etc/passwd", "../settings.py"]:
    print(f"{name!r:17} -> {os.path.join(uploads, name)}")
print(PurePosixPath(uploads) / "/etc/passwd")  # pathlib follows the same rule
# --8<-- [end:join_pitfall]


# --8<-- [start:safe_join]
import tempfile
from pathlib import Path


def upload_path(base, name):
    """`base / name`, refused if it resolves outside `base`."""
    base = Path(base).resolve()
    candidate = (base / name).resolve()
    if not candidate.is_relative_to(base):  # Python 3.9+
        raise ValueError(f"{name!r} escapes the upload folder")
    return candidate


with tempfile.TemporaryDirectory() as folder:
    for name in ["avatar.png", "2026/11/report.pdf", "/etc/passwd", "../x.py"]:
        try:
            print(
                "ok:",
                upload_path(folder, name).relative_to(Path(folder).resolve()),
            )
        except ValueError as error:
            print("refused:", error)
# --8<-- [end:safe_join]


# --8<-- [start:pathlib]
release = PurePosixPath("/srv/app") / "releases" / "config.prod.toml"
print(release.name, release.stem, release.suffix, release.suffixes)
print(release.parent, release.with_suffix(".json").name)
print(release.parts)
print(os.fspath(release), isinstance(release, os.PathLike))

with tempfile.TemporaryDirectory() as folder:
    notes = Path(folder) / "notes.txt"
    notes.write_text("deploy at noon\n")
    print(
        notes.read_text().strip(), [p.name for p in Path(folder).glob("*.txt")]
    )
    print(os.path.getsize(notes))  # os and os.path accept Path objects
# --8<-- [end:pathlib]


# --8<-- [start:sys_path_list]
import json

print(
    type(sys.path).__name__, all(isinstance(entry, str) for entry in sys.path)
)
stdlib = os.path.dirname(os.__file__)
print("the standard library directory is on sys.path:", stdlib in sys.path)
json_home = os.path.dirname(
    os.path.dirname(json.__file__)
)  # .../json/__init__.py
print("json was found through a sys.path entry:", json_home in sys.path)
print(
    "a site-packages directory is on sys.path:",
    any(entry.endswith("site-packages") for entry in sys.path),
)
# --8<-- [end:sys_path_list]


# --8<-- [start:importable]
import importlib


def import_from(folder, name):
    """Import module `name` from `folder`, then take `folder` off sys.path."""
    sys.path.insert(0, folder)
    importlib.invalidate_caches()  # the file was created after startup
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(folder)


with tempfile.TemporaryDirectory() as plugins:
    Path(plugins, "handbook_plugin.py").write_text('GREETING = "hello"\n')
    try:
        importlib.import_module("handbook_plugin")
    except ModuleNotFoundError as error:
        print(f"before: ModuleNotFoundError: {error}")
    plugin = import_from(plugins, "handbook_plugin")
    print("after:", plugin.GREETING)
    print("cached in sys.modules:", sys.modules["handbook_plugin"] is plugin)
    del sys.modules["handbook_plugin"]  # leave the interpreter as it was
    print("sys.path restored:", plugins not in sys.path)
# --8<-- [end:importable]


# --8<-- [start:pth_files]
import site

PTH = """\
# a .pth file: one directory per line; comments and blank lines are skipped

vendor
not-there
import sys; sys.handbook_pth_ran = True
"""

with tempfile.TemporaryDirectory() as site_dir:
    Path(site_dir, "vendor").mkdir()
    Path(site_dir, "handbook.pth").write_text(PTH)
    before = list(sys.path)
    site.addsitedir(site_dir)  # what site does for site-packages at startup
    added = [
        os.path.relpath(entry, site_dir) for entry in sys.path[len(before) :]
    ]
    print("appended to sys.path:", added)
    print("the import line ran:", getattr(sys, "handbook_pth_ran", False))
    sys.path[:] = before  # undo, for the rest of this process
    del sys.handbook_pth_ran
# --8<-- [end:pth_files]
