"""Claims of docs/questions/wsgi-vs-fastcgi.md."""

from __future__ import annotations

import asyncio
import inspect
import shutil
import struct

import pytest

from snippets.wsgi_vs_fastcgi import app as wsgi
from snippets.wsgi_vs_fastcgi import fastcgi_client as fcgi
from snippets.wsgi_vs_fastcgi import transcribe
from snippets.wsgi_vs_fastcgi.serve import (
    HOST,
    flup_server,
    gunicorn_server,
    wsgiref_server,
)
from tests.conftest import require

EXPECTED_BODY_START = b"POST /greet?lang=en\nrequest body: 'name=Ada'\n"


# --- WSGI is a calling convention ------------------------------------------


def test_a_wsgi_app_is_a_plain_callable_of_two_arguments() -> None:
    assert list(inspect.signature(wsgi.application).parameters) == [
        "environ",
        "start_response",
    ]
    assert wsgi.app is wsgi.application


def test_calling_the_app_by_hand_needs_no_server() -> None:
    status, headers, payload = wsgi.call_by_hand(
        wsgi.application, "POST", "/greet", "lang=en", b"name=Ada"
    )
    assert status == "200 OK"
    assert dict(headers)["Content-Length"] == str(len(payload))
    assert payload.startswith(EXPECTED_BODY_START)
    assert isinstance(payload, bytes)


def test_the_server_calls_close_on_the_result() -> None:
    closed = []

    class Result(list):
        def close(self) -> None:
            closed.append(True)

    def app(environ, start_response):
        start_response("200 OK", [])
        return Result([b"x"])

    assert wsgi.call_by_hand(app)[2] == b"x"
    assert closed == [True]


def test_validator_accepts_the_correct_app() -> None:
    assert wsgi.run_validated(wsgi.application) == "accepted, first line b'GET /'"


def test_validator_rejects_a_str_body() -> None:
    verdict = wsgi.run_validated(wsgi.text_body_app)
    assert verdict.startswith("rejected, AssertionError: ")
    assert "non-bytestring" in verdict


def test_validator_needs_query_string_in_the_environ() -> None:
    from wsgiref.validate import WSGIWarning, validator

    environ = wsgi.validator_environ()
    del environ["QUERY_STRING"]
    with pytest.warns(WSGIWarning, match="QUERY_STRING"):
        validator(wsgi.application)(environ, lambda s, h: None).close()


def test_validator_needs_script_name_in_the_environ() -> None:
    from wsgiref.validate import validator

    environ = wsgi.validator_environ()
    del environ["SCRIPT_NAME"]
    with pytest.raises(KeyError, match="SCRIPT_NAME"):
        validator(wsgi.application)(environ, lambda s, h: None)


def test_asgi_is_a_coroutine_that_sends_events() -> None:
    assert inspect.iscoroutinefunction(wsgi.asgi_application)
    assert list(inspect.signature(wsgi.asgi_application).parameters) == [
        "scope",
        "receive",
        "send",
    ]
    sent = asyncio.run(wsgi.call_asgi(wsgi.asgi_application, b"x"))
    assert [m["type"] for m in sent] == [
        "http.response.start",
        "http.response.body",
    ]
    assert sent[1]["body"] == b"ASGI saw x"


# --- FastCGI records --------------------------------------------------------


def test_record_header_is_eight_bytes_and_padded_to_eight() -> None:
    assert fcgi.HEADER.size == 8
    raw = fcgi.record(fcgi.STDIN, 1, b"abc")
    assert raw[:8] == bytes([1, 5, 0, 1, 0, 3, 5, 0])
    assert len(raw) % 8 == 0
    assert fcgi.split_records(raw) == [fcgi.Record(fcgi.STDIN, 1, b"abc", 5)]


def test_begin_request_carries_role_and_flags() -> None:
    raw = fcgi.begin_request(7, keep_conn=True)
    assert fcgi.split_records(raw)[0].content == struct.pack(">HB5x", fcgi.RESPONDER, 1)
    assert raw[2:4] == b"\x00\x07"


def test_streams_end_with_an_empty_record_and_split_at_65535() -> None:
    records = fcgi.split_records(b"".join(fcgi.stream(fcgi.STDIN, 1, b"x" * 70000)))
    assert [len(r.content) for r in records] == [65535, 70000 - 65535, 0]
    assert fcgi.stream(fcgi.PARAMS, 1, b"") == [fcgi.record(fcgi.PARAMS, 1)]


def test_name_value_lengths_use_one_or_four_bytes() -> None:
    assert fcgi.encode_length(127) == b"\x7f"
    assert fcgi.encode_length(128) == b"\x80\x00\x00\x80"
    pairs = {"REQUEST_METHOD": "GET", "X": "a" * 200, "E": ""}
    assert fcgi.decode_pairs(fcgi.encode_pairs(pairs)) == pairs
    assert fcgi.decode_pairs(b"\x80\x00\x00\x01\x01" + b"N" + b"v") == {"N": "v"}


def test_cgi_response_parsing() -> None:
    status, headers, body = fcgi.parse_cgi_response(
        b"Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\nnope"
    )
    assert (status, headers, body) == (
        "404 Not Found",
        [("Content-Type", "text/plain")],
        b"nope",
    )
    assert fcgi.parse_cgi_response(b"X-A: 1\r\n\r\n")[0] == "200 OK"


def test_end_is_missing_until_end_request_arrives() -> None:
    exchange = fcgi.Exchange(sent=[], received=[])
    with pytest.raises(LookupError):
        exchange.end()


# --- The same app behind real servers ----------------------------------------


@pytest.mark.server
def test_same_app_through_wsgiref() -> None:
    with wsgiref_server() as port:
        head, body = transcribe.over_http(port)
    assert head[0] == "HTTP/1.0 200 OK"
    assert body.startswith(EXPECTED_BODY_START)


@pytest.mark.server
def test_same_app_through_gunicorn() -> None:
    with gunicorn_server() as port:
        head, body = transcribe.over_http(port)
    assert head[0] == "HTTP/1.1 200 OK"
    assert "Server: gunicorn" in head
    assert "Connection: close" in head  # sync workers: one response each
    assert body.startswith(EXPECTED_BODY_START)
    assert body.endswith(b"wsgi.multiprocess=True\n")  # pre-fork workers


@pytest.mark.server
def test_same_app_through_flup_fastcgi() -> None:
    with flup_server() as port:
        exchange = fcgi.fastcgi_request(
            (HOST, port), transcribe.CGI_PARAMS, b"name=Ada"
        )
    status, headers, body = fcgi.parse_cgi_response(exchange.stdout())
    assert status == "200 OK"
    assert ("Content-Type", "text/plain; charset=utf-8") in headers
    assert body.startswith(EXPECTED_BODY_START)
    assert exchange.end() == (0, "REQUEST_COMPLETE")
    assert body.endswith(b"wsgi.multithread=True wsgi.multiprocess=False\n")
    sent_types = [r.type for r in exchange.sent]
    assert sent_types == [
        fcgi.BEGIN_REQUEST, fcgi.PARAMS, fcgi.PARAMS, fcgi.STDIN, fcgi.STDIN,
    ]  # fmt: skip
    received_types = [r.type for r in exchange.received]
    assert received_types[-1] == fcgi.END_REQUEST
    assert set(received_types[:-1]) == {fcgi.STDOUT}
    assert exchange.received[-2].content == b""  # STDOUT ended by an empty one
    assert all((8 + len(r.content) + r.padding) % 8 == 0 for r in exchange.received)


@pytest.mark.server
def test_flup_does_not_multiplex_unless_asked() -> None:
    bodies = [b"name=Ada", b"name=Grace"]
    with flup_server() as port:
        plain = fcgi.interleaved((HOST, port), transcribe.CGI_PARAMS, bodies)
    assert plain.end(1) == (0, "REQUEST_COMPLETE")
    assert plain.end(2) == (0, "CANT_MPX_CONN")
    assert plain.stdout(2) == b""
    with flup_server(multiplexed=True) as port:
        mux = fcgi.interleaved((HOST, port), transcribe.CGI_PARAMS, bodies)
    assert mux.end(1) == mux.end(2) == (0, "REQUEST_COMPLETE")
    assert b"'name=Grace'" in mux.stdout(2)


@pytest.mark.server
def test_without_keep_conn_the_application_closes_after_the_request() -> None:
    request = b"".join(
        [
            fcgi.begin_request(1),  # keep_conn=False
            *fcgi.stream(fcgi.PARAMS, 1, fcgi.encode_pairs(transcribe.CGI_PARAMS)),
            *fcgi.stream(fcgi.STDIN, 1, b""),
        ]
    )
    with flup_server() as port, pytest.raises(ConnectionError):
        # Request 1 completes, then the socket closes: request 5 never ends.
        fcgi.converse((HOST, port), request, {1, 5})


@pytest.mark.server
def test_cgi_fcgi_talks_to_the_same_server() -> None:
    require(shutil.which("cgi-fcgi") is not None, "cgi-fcgi (libfcgi-bin)")
    output = transcribe.cgi_fcgi()
    assert output.startswith("Status: 200 OK\n")
    assert "POST /greet?lang=en\nrequest body: 'name=Ada'\n" in output


def test_cgi_fcgi_missing_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(FileNotFoundError, match="libfcgi-bin"):
        transcribe.cgi_fcgi()


def test_header_values_are_made_stable() -> None:
    assert transcribe.stable("Date", "Tue, 24 Nov 2026") == "<date>"
    assert transcribe.stable("Server", "gunicorn/27.0.1") == "gunicorn"
    assert transcribe.stable("Server", "WSGIServer/0.2 CPython/3.11.7") == (
        "WSGIServer CPython"
    )
    assert transcribe.stable("Content-Length", "9") == "9"


def test_hop_by_hop_header_passes_the_validator_but_not_the_server() -> None:
    import io
    from wsgiref.handlers import SimpleHandler
    from wsgiref.util import is_hop_by_hop

    assert is_hop_by_hop("Connection")
    assert wsgi.run_validated(wsgi.hop_by_hop_app).startswith("accepted")
    output, errors = io.BytesIO(), io.StringIO()
    SimpleHandler(io.BytesIO(), output, errors, wsgi.validator_environ()).run(
        wsgi.hop_by_hop_app
    )
    assert output.getvalue().startswith(b"HTTP/1.0 500 Internal Server Error")
    assert "Hop-by-hop header, 'Connection: close', not allowed" in errors.getvalue()


def test_wsgiref_server_handles_one_request_at_a_time() -> None:
    import socketserver
    from wsgiref.simple_server import WSGIServer

    assert not issubclass(WSGIServer, socketserver.ThreadingMixIn)
    assert not issubclass(WSGIServer, socketserver.ForkingMixIn)


def test_django_runs_sync_views_in_a_thread_under_asgi() -> None:
    # Read the installed source without configuring Django in this process.
    from django.core.handlers.base import BaseHandler

    source = inspect.getsource(BaseHandler._get_response_async)
    assert "sync_to_async(" in source
    assert "thread_sensitive=True" in source


def test_django_ships_wsgi_and_asgi_handlers_but_no_fastcgi() -> None:
    import importlib.util

    assert importlib.util.find_spec("django.core.handlers.wsgi") is not None
    assert importlib.util.find_spec("django.core.handlers.asgi") is not None
    assert importlib.util.find_spec("django.core.servers.fastcgi") is None
    commands = "django.core.management.commands.runfcgi"
    assert importlib.util.find_spec(commands) is None


# --- Predict the output ------------------------------------------------------


def test_predict_generator_app(predict) -> None:
    out = predict("wsgi_vs_fastcgi/predict.py:generator_app")
    # Calling a generator app runs none of its body: start_response is only called
    # once the server starts iterating, before the first chunk.
    assert out.splitlines() == [
        "app returned a generator",
        "app body starts",
        "start_response: 200 OK",
        r"chunk: b'hello\n'",
    ]


def test_predict_close_on_disconnect(predict) -> None:
    out = predict("wsgi_vs_fastcgi/predict.py:close_on_disconnect")
    # close() runs the finally block at once; the rest of the body is never produced.
    assert out.splitlines() == [
        r"b'row 1\n'",
        "finally: cursor released",
        "closed; left: []",
    ]


def test_predict_str_body(predict) -> None:
    out = predict("wsgi_vs_fastcgi/predict.py:str_body")
    # The app said 200, but wsgiref's handler refuses the str chunk before sending
    # anything, logs the error to wsgi.errors and answers 500 (CGI-style, so a
    # Status: line rather than an HTTP status line).
    assert out.splitlines() == [
        "Status: 500 Internal Server Error",
        "AssertionError: write() argument must be a bytes instance",
    ]


def test_predict_script_name(predict) -> None:
    out = predict("wsgi_vs_fastcgi/predict.py:script_name")
    # SCRIPT_NAME + PATH_INFO is the full path; shift_path_info moves one segment
    # from PATH_INFO to SCRIPT_NAME, which is how a mounted sub-application sees it.
    assert out.splitlines() == [
        "http://127.0.0.1/shop",
        "http://127.0.0.1/shop/cart/42?x=1",
        "cart",
        "/shop/cart /42",
    ]
