"""Runs that need a child process: how it exits, what it was given, the shell.

`scripts/transcripts.sh os_vs_sys` writes each function's text to
`transcripts/<name>.txt`; the page shows those files.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

# --8<-- [start:exit_child]
EXIT_CHILD = """\
import atexit
import os
import sys

atexit.register(print, "atexit handler ran")
print("flushed before exiting", flush=True)
print("still in the stdout buffer")
try:
    if sys.argv[1] == "sys.exit":
        sys.exit(3)
    os._exit(3)
finally:
    print("finally ran")
"""
# --8<-- [end:exit_child]

# --8<-- [start:message_child]
MESSAGE_CHILD = """\
import sys

print("checking configuration")
sys.exit("config.toml not found")  # a str: printed to stderr, status 1
"""
# --8<-- [end:message_child]

# --8<-- [start:argv_child]
ARGV_CHILD = """\
import sys

print("sys.argv      ", sys.argv)
print("sys.orig_argv ", ["python", *sys.orig_argv[1:]])
"""
# --8<-- [end:argv_child]


def child_environment() -> dict[str, str]:
    """This environment without PYTHON* and COVERAGE* variables.

    PYTHONUNBUFFERED, for one, would flush the buffer os._exit is shown to lose.
    """
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE"))
    }


def run_python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def session(*args: str, cwd: Path) -> str:
    """`$ python ...` followed by what the child wrote, stream by stream."""
    result = run_python(*args, cwd=cwd)
    lines = ["$ python " + " ".join(args)]
    lines += [f"stdout | {line}" for line in result.stdout.splitlines()]
    lines += [f"stderr | {line}" for line in result.stderr.splitlines()]
    lines.append(f"exit status {result.returncode}")
    return "\n".join(lines)


def in_folder(name: str, source: str, *runs: tuple[str, ...]) -> str:
    """Write `source` to `name` in a fresh folder, run each argument tuple."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, name).write_text(source)
        return "\n\n".join(session(*args, cwd=Path(folder)) for args in runs)


def exits() -> str:
    return in_folder(
        "exit_child.py",
        EXIT_CHILD,
        ("exit_child.py", "sys.exit"),
        ("exit_child.py", "os._exit"),
    )


def exit_message() -> str:
    return in_folder("check_config.py", MESSAGE_CHILD, ("check_config.py",))


def arguments() -> str:
    return in_folder(
        "tool.py",
        ARGV_CHILD,
        ("tool.py", "--verbose", "report.csv"),
        ("-X", "utf8", "tool.py", "--verbose"),
    )


def shell() -> str:
    # --8<-- [start:shell]
    user_input = "report.txt; echo INJECTED"  # what a user typed
    through_shell = subprocess.run(
        f"echo {user_input}", shell=True, capture_output=True, text=True
    )
    as_arguments = subprocess.run(
        ["echo", user_input], capture_output=True, text=True
    )
    status = os.system("exit 3")  # runs /bin/sh -c "exit 3"
    lines = [
        f"shell=True splits the input:  {through_shell.stdout.splitlines()}",
        f"an argument list does not:    {as_arguments.stdout.splitlines()}",
        f"os.system returned {status}, a wait status, not an exit code",
        f"os.waitstatus_to_exitcode -> {os.waitstatus_to_exitcode(status)}",
        "subprocess.run(...).returncode -> "
        f"{subprocess.run(['sh', '-c', 'exit 3']).returncode}",
    ]
    # --8<-- [end:shell]
    return "\n".join(lines)


TRANSCRIPTS = {
    "exits": exits,
    "exit_message": exit_message,
    "arguments": arguments,
    "shell": shell,
}
