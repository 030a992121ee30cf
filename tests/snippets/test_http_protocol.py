"""Claims of docs/questions/http-protocol.md, checked against a local http.server."""

from __future__ import annotations

import contextlib
import enum
import http.client
import io
import re
import socket
import threading
from http import HTTPMethod

import pytest

with contextlib.redirect_stdout(io.StringIO()):  # the module prints its demo
    from snippets.http_protocol import canned, wire


def request_bytes(port: int, path: bytes, extra: bytes = b"") -> bytes:
    host = b"Host: 127.0.0.1:" + str(port).encode() + b"\r\n"
    return b"GET " + path + b" HTTP/1.1\r\n" + host + extra + b"\r\n"


def test_server_echoes_the_exact_request_bytes() -> None:
    with wire.running() as port, socket.create_connection(("127.0.0.1", port)) as s:
        sent = request_bytes(port, b"/hello?lang=en", b"User-Agent: raw-socket\r\n")
        s.sendall(sent)
        with s.makefile("rb") as stream:
            response = wire.read_response(stream)
    head, body = response.split(b"\r\n\r\n", 1)
    assert body == sent  # the request line and headers, byte for byte
    lines = head.split(b"\r\n")
    assert lines[0] == b"HTTP/1.1 200 OK"
    assert b"Server: demo/1.0" in lines
    assert any(
        re.fullmatch(rb"Date: \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT", x) for x in lines
    )
    assert f"Content-Length: {len(body)}".encode() in lines
    # Every line of an HTTP/1.1 head ends with CRLF; a blank line ends the head.
    assert b"\n" not in head.replace(b"\r\n", b"")


def test_masked_output_hides_port_and_date() -> None:
    text = wire.masked(
        b"Host: 127.0.0.1:4242\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT", 4242
    )
    assert text == "Host: 127.0.0.1:<port>\r\nDate: <date>"


def test_two_requests_share_one_connection_until_close() -> None:
    with (
        wire.running() as port,
        socket.create_connection(("127.0.0.1", port)) as s,
        s.makefile("rb") as stream,
    ):
        first = wire.exchange(s, stream, port, b"/one")
        second = wire.exchange(s, stream, port, b"/two")
        s.sendall(request_bytes(port, b"/last", b"Connection: close\r\n"))
        last = wire.read_response(stream)
        assert stream.read() == b""  # the server closed its end
    assert first == ("HTTP/1.1 200 OK", [1, 1])
    assert second == ("HTTP/1.1 200 OK", [1, 2])  # same connection, 2nd request
    assert b"\r\nConnection: close\r\n" in last
    assert b"X-Request-On-Connection: 3" in last


def test_http_client_reuses_the_socket_and_reconnects_after_close() -> None:
    with wire.running() as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/first")
        first = conn.getresponse()
        assert first.read() == (
            b"GET /first HTTP/1.1\r\nHost: 127.0.0.1:"
            + str(port).encode()
            + b"\r\nAccept-Encoding: identity\r\n\r\n"
        )
        sock = conn.sock
        conn.request("GET", "/second")
        second = conn.getresponse()
        second.read()
        assert conn.sock is sock
        assert first.getheader("X-Connection") == second.getheader("X-Connection")
        conn.request("GET", "/third", headers={"Connection": "close"})
        third = conn.getresponse()
        third.read()
        assert third.will_close
        assert conn.sock is None
        conn.request("GET", "/fourth")
        fourth = conn.getresponse()
        fourth.read()
        assert fourth.getheader("X-Connection") == "2"
        conn.close()


def test_http10_request_is_closed_after_one_response() -> None:
    with wire.running() as port:
        response, closed = wire.one_shot(port, b"GET / HTTP/1.0\r\n\r\n")
    assert response.startswith(b"HTTP/1.1 200 OK\r\n")
    assert closed


def test_stdlib_handler_defaults_to_http10_and_closes() -> None:
    assert wire.BaseHTTPRequestHandler.protocol_version == "HTTP/1.0"

    class Default(wire.EchoHandler):
        protocol_version = "HTTP/1.0"

    with wire.running(Default) as port:
        response, closed = wire.one_shot(port, request_bytes(port, b"/"))
    assert response.startswith(b"HTTP/1.0 200 OK\r\n")
    assert closed  # even though the client spoke HTTP/1.1


def test_http2_preface_is_refused_by_an_http11_server() -> None:
    with wire.running() as port:
        response, closed = wire.one_shot(port, b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
    assert b"505" in response
    assert closed


def test_state_travels_in_the_cookie_not_the_connection() -> None:
    with wire.running() as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        assert wire.visit(conn) == ("visit number 1", "visits=1; Path=/")
        assert wire.visit(conn) == ("visit number 1", "visits=1; Path=/")
        conn.close()
        other = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        assert wire.visit(other, "visits=1") == ("visit number 2", "visits=2; Path=/")
        other.close()


def test_server_is_gone_after_the_block() -> None:
    before = threading.active_count()
    with wire.running() as port:
        assert threading.active_count() == before + 1
    assert threading.active_count() == before
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_http_method_enum() -> None:
    assert issubclass(HTTPMethod, enum.StrEnum)
    assert [m.value for m in HTTPMethod] == [
        "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE",
    ]  # fmt: skip
    assert HTTPMethod.GET == "GET"
    assert HTTPMethod("PATCH").description == "Apply partial modifications to a target."


def test_closing_without_saying_so_breaks_the_next_client_request() -> None:
    class Silent(wire.EchoHandler):
        def send_header(self, keyword: str, value: str) -> None:
            if keyword != "Connection":  # closes, but does not announce it
                super().send_header(keyword, value)

    with wire.running(Silent) as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/third", headers={"Connection": "close"})
        third = conn.getresponse()
        third.read()
        assert not third.will_close  # the client believes the socket is reusable

        def fourth() -> None:
            conn.request("GET", "/fourth")
            conn.getresponse()

        # Usually RemoteDisconnected; a reset may surface first as another
        # ConnectionError, depending on timing.
        with pytest.raises(ConnectionError):
            fourth()
        conn.close()


# -- Predict the output ---------------------------------------------------------------


def test_predict_head_response(predict) -> None:
    out = predict("http_protocol/predict.py:head_response")
    # Content-Length describes the GET body; a HEAD response has none to read.
    assert out.splitlines() == ["200 5", "b''"]


def test_head_response_from_a_real_server_has_no_body() -> None:
    class WithHead(wire.EchoHandler):
        def do_HEAD(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "5")
            self.end_headers()

    with wire.running(WithHead) as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("HEAD", "/")
        response = conn.getresponse()
        assert response.getheader("Content-Length") == "5"
        assert response.read() == b""
        conn.request("GET", "/after-head")  # the connection is still in step
        assert conn.getresponse().status == 200
        conn.close()


def test_predict_who_closes(predict) -> None:
    out = predict("http_protocol/predict.py:who_closes")
    assert out.splitlines() == [
        "HTTP/1.1 200 OK | will_close: False",  # 1.1 persists by default
        "HTTP/1.0 200 OK | will_close: True",  # 1.0 closes unless keep-alive
        "HTTP/1.1 200 OK | will_close: True",  # no length: body ends at close
    ]
    keep = b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok"
    response = http.client.HTTPResponse(canned.Wire(keep))
    response.begin()
    assert not response.will_close  # HTTP/1.0 persists only when asked to


def test_predict_chunked_beats_length(predict) -> None:
    out = predict("http_protocol/predict.py:chunked_beats_length")
    assert out == "b'hello'\n"  # Transfer-Encoding overrides Content-Length


def test_predict_iterable_body(predict) -> None:
    out = predict("http_protocol/predict.py:iterable_body")
    lines = out.splitlines()
    assert "b'Transfer-Encoding: chunked'" in lines
    assert not any("Content-Length" in line for line in lines)
    assert lines[-7:] == ["b'2'", "b'ab'", "b'1'", "b'c'", "b'0'", "b''", "b''"]
    conn = http.client.HTTPConnection("example.com")
    conn.sock = canned.Wire()
    conn.request("POST", "/upload", body=b"abc")  # a length is known: no chunks
    assert b"Content-Length: 3\r\n" in conn.sock.sent
    assert b"Transfer-Encoding" not in conn.sock.sent


@pytest.mark.parametrize("status", [b"204 No Content", b"304 Not Modified"])
def test_204_and_304_end_at_the_empty_line_whatever_the_length(status: bytes) -> None:
    raw = b"HTTP/1.1 " + status + b"\r\nContent-Length: 740\r\n\r\nnext response"
    response = http.client.HTTPResponse(canned.Wire(raw))
    response.begin()
    assert response.read() == b""
    assert not response.will_close  # the connection stays usable
