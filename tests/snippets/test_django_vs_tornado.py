"""Claims of docs/questions/django-vs-tornado.md.

Timed claims use wide margins (the machine may have 2 CPUs and be busy):
overlapped means under a quarter of the sum of the waits (and for the
non-blocking handler, a small multiple of one request), queued means at
least 0.8x the sum.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
import tornado.web
import tornado.wsgi

from snippets.django_vs_tornado import load, transcribe
from snippets.django_vs_tornado import tornado_app as ta


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with transcribe.tornado_server() as url:
        yield url


# --- Timings against a real server ---------------------------------------------


@pytest.mark.server
def test_concurrent_non_blocking_requests_overlap(base: str) -> None:
    one, _ = load.burst(base + "/non-blocking", 1)
    total, statuses = load.burst(base + "/non-blocking", 200)
    assert statuses == [200] * 200
    assert one >= 0.5  # each request really awaited half a second
    assert total < 200 * 0.5 / 4  # far from one after another (100 s)
    assert total < 10 * one  # a small multiple of a single request


@pytest.mark.server
def test_concurrent_blocking_requests_queue(base: str) -> None:
    total, statuses = load.burst(base + "/blocking", 10)
    assert statuses == [200] * 10
    assert total >= 0.8 * 10 * 0.2  # about the sum: one after another


@pytest.mark.server
def test_run_in_executor_restores_concurrency(base: str) -> None:
    total, statuses = load.burst(base + "/executor", 20)
    assert statuses == [200] * 20
    assert total < 20 * 0.2 / 4


@pytest.mark.server
def test_wsgi_container_is_serial_without_an_executor(base: str) -> None:
    total, _ = load.burst(base + "/wsgi/serial", 10)
    assert total >= 0.8 * 10 * 0.2


@pytest.mark.server
def test_wsgi_container_with_an_executor_overlaps(base: str) -> None:
    total, statuses = load.burst(base + "/wsgi/pooled", 20)
    assert statuses == [200] * 20
    assert total < 20 * 0.2 / 4


@pytest.mark.server
def test_a_blocking_handler_stalls_other_connections(base: str) -> None:
    stalled = asyncio.run(load.ping_while(base + "/blocking", 5, base + "/ping"))
    assert stalled >= 1  # /ping waited for at least one blocking request
    free = asyncio.run(load.ping_while(base + "/non-blocking", 5, base + "/ping"))
    assert free == 0
    offloaded = asyncio.run(load.ping_while(base + "/executor", 5, base + "/ping"))
    assert offloaded == 0


@pytest.mark.server
def test_writing_a_dict_sends_json(base: str) -> None:
    lines = transcribe.get(base, "/ping")
    assert "Content-Type: application/json; charset=UTF-8" in lines
    assert json.loads(lines[-1]) == {"pong": True}
    assert "Server: TornadoServer" in lines


@pytest.mark.server
def test_writing_a_list_is_refused(base: str) -> None:
    assert transcribe.get(base, "/list")[1] == "HTTP/1.1 500 Internal Server Error"


# --- Verdicts and helpers --------------------------------------------------------


def test_verdicts() -> None:
    assert load.verdict(0.8, 200, 0.5).startswith("overlapped")
    assert load.verdict(2.0, 10, 0.2).startswith("queued")
    assert load.verdict(1.0, 10, 0.2).startswith("neither")


def test_stable_headers() -> None:
    assert transcribe.stable("Date", "x") == "<date>"
    assert transcribe.stable("Server", "TornadoServer/6.6.1") == "TornadoServer"
    assert transcribe.stable("Etag", '"1"') == '"1"'


# --- Tornado is not WSGI ---------------------------------------------------------


def test_a_tornado_application_is_not_a_wsgi_callable() -> None:
    app = ta.make_app()
    assert list(inspect.signature(app).parameters) == ["request"]
    with pytest.raises(TypeError):
        app({"REQUEST_METHOD": "GET"}, lambda *args: None)
    assert not hasattr(tornado.wsgi, "WSGIAdapter")  # removed in Tornado 6.0


def test_wsgi_container_takes_an_executor() -> None:
    parameters = inspect.signature(tornado.wsgi.WSGIContainer).parameters
    assert "executor" in parameters
    assert parameters["executor"].default is None
    assert ta.pooled_wsgi.executor is ta.pool
    assert ta.serial_wsgi.executor is not ta.pool
    doc = " ".join((inspect.getdoc(tornado.wsgi.WSGIContainer) or "").split())
    assert "change to use an internal thread pool by default in Tornado 7.0" in doc


def test_write_accepts_dict_but_not_list() -> None:
    source = inspect.getsource(tornado.web.RequestHandler.write)
    assert "application/json; charset=UTF-8" in source
    assert "Lists not accepted" in source


def test_default_thread_pool_size() -> None:
    cpus = os.process_cpu_count() if sys.version_info >= (3, 13) else os.cpu_count()
    with concurrent.futures.ThreadPoolExecutor() as executor:
        assert executor._max_workers == min(32, cpus + 4)


def test_the_demo_server_handlers_are_what_the_page_says() -> None:
    assert inspect.iscoroutinefunction(ta.NonBlocking.get)
    assert not inspect.iscoroutinefunction(ta.Blocking.get)
    assert "run_in_executor" in inspect.getsource(ta.Offloaded.get)


# --- Django's async side, in a subprocess -----------------------------------------


@pytest.mark.server
def test_django_async_orm_runs_queries_on_another_thread() -> None:
    output = transcribe.django_async().splitlines()
    assert "acount() -> 1" in output
    assert "on the event loop's thread: False" in output
    refused = "count() -> SynchronousOnlyOperation"
    assert any(line.startswith(refused) for line in output)
    assert "10 concurrent requests to an async view: {200}" in output
    assert "  under 1/4 of one-by-one (10 x 0.2 s): True" in output
    assert 'GET /users/ -> {"users": 1}' in output


def test_django_project_passes_its_checks() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=transcribe.DEMO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_django_async_orm_methods_wrap_sync_to_async() -> None:
    # Read the installed source without configuring Django in this process.
    import django.db.models.query as query

    assert "sync_to_async(self.count)" in inspect.getsource(query.QuerySet.acount)
    assert "sync_to_async(self.get)" in inspect.getsource(query.QuerySet.aget)


def test_tornado_runs_on_the_asyncio_loop() -> None:
    from snippets.django_vs_tornado import not_wsgi

    assert asyncio.run(not_wsgi.loops_match()) is True


def test_add_callback_is_the_thread_safe_ioloop_method() -> None:
    from tornado.ioloop import IOLoop

    doc = inspect.getdoc(IOLoop.add_callback) or ""
    assert "thread-safety guarantee" in " ".join(doc.split())


def test_client_and_listen_defaults_that_hide_concurrency() -> None:
    import tornado.netutil
    from tornado.simple_httpclient import SimpleAsyncHTTPClient

    max_clients = inspect.signature(SimpleAsyncHTTPClient.initialize).parameters[
        "max_clients"
    ]
    assert max_clients.default == 10
    assert tornado.netutil._DEFAULT_BACKLOG == 128
    listen = inspect.signature(tornado.web.Application.listen).parameters
    assert "backlog" in listen


def test_django_has_a_prefixed_async_auth_api() -> None:
    import django.contrib.auth as auth

    assert inspect.iscoroutinefunction(auth.aauthenticate)


def test_django_under_wsgi_runs_async_views_with_async_to_sync() -> None:
    from django.core.handlers.base import BaseHandler

    assert "async_to_sync(" in inspect.getsource(BaseHandler._get_response)
