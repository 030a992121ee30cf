"""snippets/loopback.py: the servers the examples start are reachable, fail loudly when
they cannot start, and are gone when their block ends, even one that ignores SIGTERM."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from snippets import loopback
from tests.conftest import require

LISTEN = (
    "import socket, time{extra}\n"
    "s = socket.socket(); s.bind(('127.0.0.1', {port})); s.listen()\n"
    "time.sleep(60)\n"
)


def refuses(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((loopback.HOST, port)) != 0


@pytest.mark.server
def test_serve_yields_a_listening_server_and_stops_it() -> None:
    port = loopback.free_port()
    code = LISTEN.format(extra="", port=port)
    with loopback.serve([sys.executable, "-c", code], port) as process:
        assert not refuses(port)
        assert process.poll() is None
    assert process.returncode is not None
    assert refuses(port)


@pytest.mark.server
def test_a_server_that_ignores_sigterm_is_killed() -> None:
    port = loopback.free_port()
    extra = "\nimport signal; signal.signal(signal.SIGTERM, signal.SIG_IGN)"
    code = LISTEN.format(extra=extra, port=port)
    with loopback.serve([sys.executable, "-c", code], port) as process:
        pass
    loopback.stop(process)  # already stopped: nothing to do
    assert process.returncode == -9


@pytest.mark.server
def test_a_server_that_exits_is_reported_with_its_log() -> None:
    code = "print('cannot start: no config'); raise SystemExit(3)"
    with (
        pytest.raises(loopback.ServerError, match=r"exited with 3:\ncannot start"),
        loopback.serve([sys.executable, "-c", code], loopback.free_port()),
    ):
        pass  # pragma: no cover - never reached


@pytest.mark.server
def test_a_server_that_never_listens_is_reported_and_stopped() -> None:
    port = loopback.free_port()
    command = [sys.executable, "-c", "import time; print('busy'); time.sleep(60)"]
    with (
        pytest.raises(loopback.ServerError, match=rf"did not listen on {port}"),
        loopback.serve(command, port, timeout=1),
    ):
        pass  # pragma: no cover - never reached


def test_redis_server_names_the_missing_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loopback.shutil, "which", lambda name: None)
    assert loopback.redis_server_binary() is None
    with (
        pytest.raises(loopback.ServerError, match="redis-server not found"),
        loopback.redis_server(),
    ):
        pass  # pragma: no cover - never reached


@pytest.mark.server
def test_postgres_server_answers_queries_on_loopback_and_is_gone_after() -> None:
    require(loopback.postgres_binaries() is not None, "PostgreSQL")
    import psycopg

    with loopback.postgres_server() as url, psycopg.connect(url) as connection:
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        address = connection.execute("SELECT inet_server_addr()").fetchone()[0]
        assert str(address) == loopback.HOST
        listen = connection.execute("SHOW listen_addresses").fetchone()[0]
        assert listen == loopback.HOST
    assert refuses(port)


def test_postgres_server_names_the_missing_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loopback, "postgres_binaries", lambda: None)
    with (
        pytest.raises(loopback.ServerError, match="PostgreSQL not found"),
        loopback.postgres_server(),
    ):
        pass  # pragma: no cover - never reached


def test_a_postgres_that_never_gets_ready_is_reported() -> None:
    binaries = loopback.postgres_binaries()
    require(binaries is not None, "PostgreSQL")
    exited = subprocess.Popen([sys.executable, "-c", "pass"])
    exited.wait()
    with pytest.raises(loopback.ServerError, match="never became ready"):
        loopback._wait_until_ready(binaries, loopback.free_port(), exited)
    # A live process that never answers: asked again and again, until the deadline.
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with pytest.raises(loopback.ServerError, match="never became ready"):
            loopback._wait_until_ready(
                binaries, loopback.free_port(), alive, timeout=0.3
            )
    finally:
        alive.kill()
        alive.wait()
