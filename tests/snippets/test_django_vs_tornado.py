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
import logging
import os
import subprocess
import sys
from collections.abc import Iterator

import asgiref.sync
import pytest
import tornado.web
import tornado.wsgi

from snippets.django_vs_tornado import inprocess, load, transcribe
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


# --- Predictions -------------------------------------------------------------------


def test_predict_sleep_in_coroutine(predict) -> None:
    out = predict("django_vs_tornado/predict.py:sleep_in_coroutine")
    # time.sleep inside async def runs each coroutine to the end before the next starts;
    # await asyncio.sleep interleaves them.
    assert out.splitlines() == [
        "A starts",
        "A ends",
        "B starts",
        "B ends",
        "C starts",
        "D starts",
        "C ends",
        "D ends",
    ]


def test_predict_ping_behind_blocking_handler(predict) -> None:
    out = predict("django_vs_tornado/predict.py:ping_behind_blocking_handler")
    assert out.splitlines() == ["report answered", "ping answered"]


def test_an_awaiting_handler_lets_ping_through_first() -> None:
    # The why's claim: `await asyncio.sleep()` in place of time.sleep flips it.
    order = []

    class Report(tornado.web.RequestHandler):
        async def get(self) -> None:
            await asyncio.sleep(0.05)
            order.append("report")

    class Ping(tornado.web.RequestHandler):
        def get(self) -> None:
            order.append("ping")

    app = tornado.web.Application([("/report", Report), ("/ping", Ping)])

    async def main() -> None:
        await asyncio.gather(
            inprocess.fetch(app, "/report"), inprocess.fetch(app, "/ping")
        )

    asyncio.run(main())
    assert order == ["ping", "report"]


def test_predict_write_after_finish(predict) -> None:
    out = predict("django_vs_tornado/predict.py:write_after_finish")
    assert out.splitlines() == [
        "200 b'done'",
        "logged: [\"RuntimeError('Cannot write() after finish()')\"]",
    ]


def test_in_process_fetch_reports_errors_as_a_server_would() -> None:
    class Listy(tornado.web.RequestHandler):
        def get(self) -> None:
            self.write(["a", "list"])

    app = tornado.web.Application([("/list", Listy)])
    response = asyncio.run(inprocess.fetch(app, "/list"))
    assert response.status == 500
    assert [type(error) for error in response.logged] == [TypeError]
    assert asyncio.run(inprocess.fetch(app, "/missing")).status == 404
    # Outside fetch() the filter changes nothing: records reach the handlers as usual.
    assert inprocess._keep_records(logging.makeLogRecord({})) is True


def test_predict_sync_view_thread(predict) -> None:
    out = predict("django_vs_tornado/predict.py:sync_view_thread")
    assert out == "sync view ran on the event loop's thread: False\n"


def test_django_runs_sync_views_under_asgi_with_sync_to_async() -> None:
    # The prediction's comment: this is what Django's async request path does.
    from django.core.handlers.base import BaseHandler

    source = inspect.getsource(BaseHandler._get_response_async)
    assert "if not iscoroutinefunction(wrapped_callback):" in source
    assert (
        "sync_to_async(\n                    wrapped_callback, thread_sensitive=True"
        in source
    )


def test_predict_decorated_async_view(predict) -> None:
    out = predict("django_vs_tornado/predict.py:decorated_async_view")
    assert out.splitlines() == ["True False", "coroutine"]


def test_django_tests_views_with_asgiref_iscoroutinefunction() -> None:
    import django.core.handlers.base as base

    assert base.iscoroutinefunction is asgiref.sync.iscoroutinefunction
    source = inspect.getsource(base.BaseHandler.check_response)
    assert "unawaited coroutine" in source


def test_thread_sensitive_sync_functions_share_one_thread() -> None:
    # The why of sync_view_thread: thread_sensitive=True means one shared thread.
    import threading

    async def main() -> tuple[int, int, int]:
        run = asgiref.sync.sync_to_async(threading.get_ident, thread_sensitive=True)
        return threading.get_ident(), await run(), await run()

    loop_thread, first, second = asyncio.run(main())
    assert first == second != loop_thread


def test_an_unawaited_coroutine_from_a_view_is_refused() -> None:
    from django.core.handlers.base import BaseHandler

    async def orders(request: object) -> None:
        """An async view."""

    coroutine = orders(None)
    with pytest.raises(ValueError, match="unawaited coroutine"):
        BaseHandler().check_response(coroutine, orders)
    coroutine.close()


def test_markcoroutinefunction_makes_a_sync_wrapper_count_as_async() -> None:
    def wrapper(request: object) -> None:
        """A plain function."""

    assert not asgiref.sync.iscoroutinefunction(wrapper)
    assert asgiref.sync.iscoroutinefunction(asgiref.sync.markcoroutinefunction(wrapper))


def test_sync_middleware_is_adapted_with_sync_to_async() -> None:
    from django.core.handlers.base import BaseHandler

    source = inspect.getsource(BaseHandler.adapt_method_mode)
    assert "sync_to_async(method, thread_sensitive=True)" in source


def test_fetch_uses_the_interface_tornados_http_server_calls() -> None:
    import tornado.httpserver
    import tornado.httputil

    source = inspect.getsource(tornado.httpserver.HTTPServer.start_request)
    assert "self.request_callback.start_request(" in source
    assert isinstance(ta.make_app(), tornado.httputil.HTTPServerConnectionDelegate)


def test_django_asgi_gives_each_request_its_own_sync_thread() -> None:
    import threading

    import django.core.handlers.asgi as asgi

    assert "async with ThreadSensitiveContext():" in inspect.getsource(
        asgi.ASGIHandler.__call__
    )
    run = asgiref.sync.sync_to_async(threading.get_ident, thread_sensitive=True)

    async def one_request() -> tuple[int, int]:
        async with asgiref.sync.ThreadSensitiveContext():
            return await run(), await run()

    async def main() -> list[tuple[int, int]]:
        return await asyncio.gather(one_request(), one_request())

    (a1, a2), (b1, b2) = asyncio.run(main())
    assert a1 == a2  # one request's sync code shares a thread
    assert b1 == b2
    assert a1 != b1  # another request gets another thread
