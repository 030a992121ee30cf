"""Real servers on 127.0.0.1: started, awaited, stopped.

Several pages' examples, their transcripts and their tests share these
helpers, so they live with the examples. Everything listens on the loopback
address only, on a port the kernel picked as free, and every process started
is stopped (then killed, if it lingers) when its `with` block ends, also when
the block raises.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

HOST = "127.0.0.1"


class ServerError(RuntimeError):
    """A server did not start, with the log it wrote."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_for_port(
    port: int, process: subprocess.Popen, log: Path, timeout: float = 15
):
    """Return once `port` accepts connections; fail with the log if the
    process died first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            code, output = process.returncode, log.read_text()
            raise ServerError(f"{process.args!r} exited with {code}:\n{output}")
        with (
            contextlib.suppress(OSError),
            socket.create_connection((HOST, port), 0.2),
        ):
            return
        time.sleep(0.02)
    raise ServerError(
        f"{process.args!r} did not listen on {port}:\n{log.read_text()}"
    )


def stop(process: subprocess.Popen, grace: float = 5) -> None:
    """Stop a process group politely, then by force."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(grace)


@contextlib.contextmanager
def serve(
    command: Sequence[str],
    port: int,
    *,
    cwd: str | Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 15,
) -> Iterator[subprocess.Popen]:
    """Run `command` (which must listen on `port`) for the length of the block.

    Its output goes to a log file, never to an unread pipe; the log is shown
    if the server fails to start.
    """
    with tempfile.TemporaryDirectory(prefix="handbook-server-") as scratch:
        log = Path(scratch) / "server.log"
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                list(command),
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                # Its own process group, so stop() also reaches its children.
                start_new_session=True,
            )
            try:
                wait_for_port(port, process, log, timeout)
                yield process
            finally:
                stop(process)


def redis_server_binary() -> str | None:
    """Debian's redis-server (scripts/setup.sh installs it), else None."""
    return shutil.which("redis-server")


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway redis-server with no persistence; yields its redis:// URL."""
    binary = redis_server_binary()
    if binary is None:
        raise ServerError(
            "redis-server not found: install Debian's redis-server"
            " (scripts/setup.sh does)"
        )
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="handbook-redis-") as data_dir:
        command = [
            binary,
            "--port", str(port),
            "--bind", HOST,
            "--save", "",
            "--appendonly", "no",
            "--dir", data_dir,
            "--daemonize", "no",
        ]  # fmt: skip
        with serve(command, port):
            yield f"redis://{HOST}:{port}/0"
