"""How sys.path starts, seen from child interpreters started in different ways.

`scripts/transcripts.sh os_path_vs_sys_path` writes each function's text
to `transcripts/<name>.txt`; the page shows those files. Temporary folders are
shown as <tmp>, installation folders by what they hold.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

# --8<-- [start:probe]
WHERE = """\
import json  # a json.py found first on sys.path would win over the stdlib
import sys

print("sys.path[0]:", repr(sys.path[0]))
print("sys.path[1]:", repr(sys.path[1]))
print("imported the local json.py:", hasattr(json, "SHADOW"))
"""
# --8<-- [end:probe]

INLINE = (
    'import json, sys; print("sys.path[0]:", repr(sys.path[0])); '
    'print("imported the local json.py:", hasattr(json, "SHADOW"))'
)


def child_environment(**extra: str) -> dict[str, str]:
    """This environment minus PYTHON* and COVERAGE* variables, plus `extra`."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE"))
    }
    return {**inherited, **extra}


def describe(text: str, tmp: str) -> str:
    """Show temporary paths as <tmp> and installation paths by their role."""
    shown = []
    for line in text.splitlines():
        label, sep, value = line.rpartition(": ")
        path = value.strip("'")
        if sep and value.startswith("'/") and not path.startswith(tmp):
            kind = (
                "site-packages"
                if "site-packages" in path
                else "standard library"
            )
            line = f"{label}: <{kind} of the installation>"
        shown.append(line.replace(tmp, "<tmp>"))
    return "\n".join(shown)


def project() -> tuple[tempfile.TemporaryDirectory, Path]:
    """<tmp>/project/where.py next to a json.py, and an empty <tmp>/extra."""
    holder = tempfile.TemporaryDirectory()
    root = Path(os.path.realpath(holder.name))  # script dirs are resolved
    (root / "project").mkdir()
    (root / "extra").mkdir()
    (root / "project" / "where.py").write_text(WHERE)
    (root / "project" / "json.py").write_text("SHADOW = True\n")
    return holder, root


def run(root: Path, cwd: str, args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=root / cwd,
        env=child_environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    settings = "".join(f"{name}={value} " for name, value in env.items())
    command = " ".join(f"'{arg}'" if " " in arg else arg for arg in args)
    prompt = f"[{Path('<tmp>', cwd).as_posix()}]$ {settings}python"
    return describe(f"{prompt} {command}\n{result.stdout}", str(root))


def first_entry() -> str:
    holder, root = project()
    with holder:
        runs = [
            run(root, ".", ["project/where.py"], {}),
            run(root, "project", ["-m", "where"], {}),
            run(root, "project", ["-c", INLINE], {}),
            run(root, ".", ["-P", "project/where.py"], {}),
            run(root, ".", ["project/where.py"], {"PYTHONSAFEPATH": "1"}),
            run(
                root, ".", ["project/where.py"], {"PYTHONPATH": f"{root}/extra"}
            ),
        ]
        return "\n\n".join(runs)


TRANSCRIPTS = {"first_entry": first_entry}
