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
    user: str | None = None,
) -> Iterator[subprocess.Popen]:
    """Run `command` (which must listen on `port`) for the length of the block.

    Its output goes to a log file, never to an unread pipe; the log is shown
    if the server fails to start. `user` runs it as another user (root only).
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
                user=user,
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


def postgres_binaries() -> Path | None:
    """The directory of Debian's PostgreSQL server programs (initdb,
    postgres), newest version first; None when `postgresql` is not
    installed."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name),
        reverse=True,
    )
    return found[0].parent if found else None


# PostgreSQL refuses to run as root; as root, run it as Debian's `postgres`.
POSTGRES_USER = "postgres" if os.geteuid() == 0 else None


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free 127.0.0.1 port, fsync off,
    trusting local connections; yields its postgresql:// URL (user
    `handbook`, database `postgres`).

    The cluster lives in a temporary directory, its Unix socket too, so it
    touches nothing of an installed PostgreSQL and is gone when the block
    ends."""
    binaries = postgres_binaries()
    if binaries is None:
        raise ServerError(
            "PostgreSQL not found: install Debian's postgresql"
            " (scripts/setup.sh does)"
        )
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="handbook-postgres-") as scratch:
        data = Path(scratch) / "data"
        shutil.chown(scratch, POSTGRES_USER or os.geteuid())
        subprocess.run(
            [
                binaries / "initdb",
                "--pgdata", data,
                "--username", "handbook",
                "--auth", "trust",
                "--encoding", "UTF8",
                "--locale", "C",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            user=POSTGRES_USER,
        )  # fmt: skip
        command = [
            binaries / "postgres",
            "-D", data,
            "-h", HOST,
            "-p", str(port),
            "-k", scratch,
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
        ]  # fmt: skip
        with serve(command, port, user=POSTGRES_USER) as process:
            _wait_until_ready(binaries, port, process)
            yield f"postgresql://handbook@{HOST}:{port}/postgres"


def _wait_until_ready(binaries: Path, port: int, process, timeout: float = 15):
    """PostgreSQL listens before it accepts queries; pg_isready says when
    it does."""
    deadline = time.monotonic() + timeout
    check = [binaries / "pg_isready", "-h", HOST, "-p", str(port), "-q"]
    while subprocess.run(check, check=False).returncode != 0:
        if process.poll() is not None or time.monotonic() > deadline:
            raise ServerError(f"PostgreSQL on port {port} never became ready")
        time.sleep(0.05)
