"""Claims of docs/questions/http-headers-and-status-codes.md, against a local server."""

from __future__ import annotations

import base64
import contextlib
import gzip
import io
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from http import HTTPStatus
from http.cookies import SimpleCookie

import pytest

from snippets.http_headers_and_status_codes import app, proxies

with contextlib.redirect_stdout(io.StringIO()):  # these modules print their demos
    from snippets.http_headers_and_status_codes import status_enum


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with app.running() as port:
        yield port


def get(port: int, method: str, path: str, body: bytes | None = None, **headers: str):
    status, reason, shown, data = app.fetch(
        port, method, path, body, {k.replace("_", "-"): v for k, v in headers.items()}
    )
    return status, reason, dict(shown), data


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_2xx(port: int) -> None:
    status, _, headers, body = get(port, "GET", "/items/42")
    assert (status, headers["Content-Type"]) == (200, "application/json; charset=utf-8")
    assert body == b'{"name": "teapot"}'
    status, _, headers, body = get(port, "POST", "/items", b'{"name": "kettle"}')
    assert (status, headers["Location"], body) == (
        201,
        "/items/43",
        b'{"name": "kettle"}',
    )
    status, _, headers, body = get(port, "DELETE", "/items/42")
    assert (status, body) == (204, b"")
    assert "Content-Type" not in headers


@pytest.mark.parametrize(
    ("method", "path", "code", "target"),
    [
        ("GET", "/old-article", 301, "/article"),
        ("GET", "/latest", 302, "/article"),
        ("POST", "/search", 303, "/article"),
        ("POST", "/v1/items", 307, "/items"),
        ("GET", "/moved-api", 308, "/items/42"),
    ],
)
def test_3xx_redirects_carry_location(port, method, path, code, target) -> None:
    status, reason, headers, _ = get(
        port, method, path, b"" if method == "POST" else None
    )
    assert (status, headers["Location"]) == (code, target)
    assert reason == HTTPStatus(code).phrase


def test_400_bad_syntax_422_bad_content_409_conflict(port: int) -> None:
    assert get(port, "POST", "/items", b"{not json")[0] == 400
    assert (
        get(port, "POST", "/items", b'{"colour": "red"}')[1] == "Unprocessable Content"
    )
    assert get(port, "POST", "/items", b'{"colour": "red"}')[0] == 422
    assert get(port, "POST", "/items", b'["a", "list"]')[0] == 422
    assert get(port, "POST", "/items", b'{"name": "teapot"}')[0] == 409


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer abc", "Basic ***", basic("bob", "wrong"), basic("eve", "x")],
)
def test_401_challenges_unauthenticated_requests(port: int, authorization) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    status, _, shown, _ = get(port, "GET", "/admin", **headers)
    assert status == 401
    assert shown["WWW-Authenticate"] == 'Basic realm="admin"'


def test_403_refuses_a_known_user_and_200_admits_an_allowed_one(port: int) -> None:
    status, _, shown, _ = get(
        port, "GET", "/admin", Authorization=basic("bob", "builder")
    )
    assert status == 403
    assert "WWW-Authenticate" not in shown  # credentials would not help
    assert (
        get(port, "GET", "/admin", Authorization=basic("alice", "wonderland"))[0] == 200
    )


def test_404_405_406(port: int) -> None:
    assert get(port, "GET", "/nowhere")[0] == 404
    status, _, headers, _ = get(port, "PUT", "/items/42", b"{}")
    assert (status, headers["Allow"]) == (405, "GET, DELETE")
    status, _, headers, _ = get(port, "PUT", "/items", b"{}")
    assert (status, headers["Allow"]) == (405, "GET, POST")
    assert get(port, "GET", "/items/42", Accept="text/html")[0] == 406
    assert get(port, "GET", "/items/42", Accept="application/*")[0] == 200
    assert get(port, "GET", "/items/42", Accept="text/html, */*;q=0.1")[0] == 200


def test_413_closes_the_connection(port: int) -> None:
    status, reason, headers, _ = get(port, "POST", "/upload", b"x" * 2048)
    assert (status, headers["Connection"]) == (413, "close")
    assert reason == "Content Too Large"  # the app names RFC 9110's phrase itself
    # Without it, http.server would use HTTPStatus's phrase, which depends on Python.
    assert app.BaseHTTPRequestHandler.responses[413][0] == HTTPStatus(413).phrase
    assert get(port, "POST", "/upload", b"x" * 10)[0] == 200


def test_429_and_503_say_when_to_retry(port: int) -> None:
    status, _, headers, _ = get(port, "GET", "/busy")
    assert (status, headers["Retry-After"]) == (429, "30")
    status, _, headers, _ = get(port, "GET", "/maintenance")
    assert (status, headers["Retry-After"]) == (503, "120")


def test_500_hides_the_traceback(port: int) -> None:
    status, _, _, body = get(port, "GET", "/crash")
    assert status == 500
    assert b"RuntimeError" not in body
    assert b"Traceback" not in body


def test_gzip_negotiation_with_vary(port: int) -> None:
    _, _, plain_headers, plain = get(port, "GET", "/article")
    _, _, packed_headers, packed = get(port, "GET", "/article", Accept_Encoding="gzip")
    assert "Content-Encoding" not in plain_headers
    assert packed_headers["Content-Encoding"] == "gzip"
    assert plain_headers["Vary"] == packed_headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(packed) == plain
    assert len(packed) < len(plain) / 5
    assert plain_headers["ETag"] != packed_headers["ETag"]  # different representations
    _, _, refused, _ = get(port, "GET", "/article", Accept_Encoding="gzip;q=0")
    assert "Content-Encoding" not in refused  # q=0 means "not acceptable"


def test_language_negotiation(port: int) -> None:
    status, _, headers, body = get(
        port, "GET", "/greeting", Accept_Language="fr;q=0.9, en;q=0.5"
    )
    assert (status, headers["Content-Language"], body) == (200, "fr", b"bonjour\n")
    assert headers["Vary"] == "Accept-Language"
    assert get(port, "GET", "/greeting")[3] == b"hello\n"


def test_conditional_get_returns_304_without_a_body(port: int) -> None:
    _, _, headers, _ = get(port, "GET", "/article")
    status, reason, again, body = get(
        port, "GET", "/article", If_None_Match=headers["ETag"]
    )
    assert (status, reason, body) == (304, "Not Modified", b"")
    assert again["ETag"] == headers["ETag"]
    assert again["Cache-Control"] == "no-cache"
    assert get(port, "GET", "/article", If_None_Match='"stale"')[0] == 200
    _, _, zipped, _ = get(port, "GET", "/article", Accept_Encoding="gzip")
    assert (
        get(
            port,
            "GET",
            "/article",
            Accept_Encoding="gzip",
            If_None_Match=zipped["ETag"],
        )[0]
        == 304
    )


def test_cookie_attributes_and_no_store(port: int) -> None:
    _, _, headers, _ = get(port, "GET", "/account")
    assert headers["Cache-Control"] == "no-store"
    jar = SimpleCookie(headers["Set-Cookie"])
    morsel = jar["session"]
    assert morsel.value == "abc123"
    assert morsel["httponly"] is True
    assert morsel["secure"] is True
    assert morsel["samesite"] == "Lax"
    assert morsel["max-age"] == "3600"
    assert jar.output(attrs=[], header="Cookie:") == "Cookie: session=abc123"


def test_expect_100_continue(port: int) -> None:
    body = b'{"name": "cup"}'
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(
            b"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\nExpect: 100-continue\r\n\r\n"
        )
        with sock.makefile("rb") as stream:
            assert stream.readline() == b"HTTP/1.1 100 Continue\r\n"
            assert stream.readline() == b"\r\n"
            sock.sendall(body)
            assert stream.readline() == b"HTTP/1.1 201 Created\r\n"


def test_quality_values() -> None:
    assert app.quality("gzip, deflate", "gzip") == 1.0
    assert app.quality("gzip;q=0.4", "gzip") == 0.4
    assert app.quality("gzip;q=0", "gzip") == 0.0
    assert app.quality("br", "gzip") == 0.0
    assert app.quality("text/html, */*;q=0.1", "application/json", "*/*") == 0.1


def test_status_classes_follow_the_first_digit() -> None:
    assert status_enum.status_class(103) == "informational"
    assert status_enum.status_class(204) == "success"
    assert status_enum.status_class(304) == "redirection"
    assert status_enum.status_class(429) == "client error"
    assert status_enum.status_class(503) == "server error"


@pytest.mark.skipif(sys.version_info < (3, 12), reason="HTTPStatus.is_* came in 3.12")
def test_http_status_properties_match_the_classes() -> None:
    for status in HTTPStatus:
        kind = status_enum.status_class(status.value)
        assert status.is_informational == (kind == "informational")
        assert status.is_success == (kind == "success")
        assert status.is_redirection == (kind == "redirection")
        assert status.is_client_error == (kind == "client error")
        assert status.is_server_error == (kind == "server error")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12 added HTTPStatus.is_*")
def test_http_status_has_no_class_properties_before_312() -> None:
    assert not hasattr(HTTPStatus.OK, "is_success")


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="3.13 took RFC 9110's names")
def test_old_phrases_before_313() -> None:
    assert HTTPStatus(413).phrase == "Request Entity Too Large"
    assert HTTPStatus(422).phrase == "Unprocessable Entity"
    assert "CONTENT_TOO_LARGE" not in HTTPStatus.__members__


@pytest.mark.skipif(sys.version_info < (3, 13), reason="RFC 9110 names arrived in 3.13")
def test_rfc9110_phrases_from_313() -> None:
    assert HTTPStatus(413).phrase == "Content Too Large"
    assert HTTPStatus(422).phrase == "Unprocessable Content"
    assert HTTPStatus.CONTENT_TOO_LARGE is HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert HTTPStatus.UNPROCESSABLE_CONTENT is HTTPStatus.UNPROCESSABLE_ENTITY


def test_old_names_keep_working() -> None:
    assert HTTPStatus.REQUEST_ENTITY_TOO_LARGE == 413
    assert HTTPStatus.UNPROCESSABLE_ENTITY == 422


def test_status_table_is_the_same_on_every_python() -> None:
    renamed_in_313 = {413, 414, 416, 422}
    assert not renamed_in_313 & set(status_enum.COVERED)
    assert HTTPStatus(413) is HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def test_if_none_match_compares_weakly() -> None:
    assert app.none_match('W/"a"', '"a"')
    assert app.none_match('"a"', 'W/"a"')
    assert app.none_match('"x", "a"', '"a"')
    assert app.none_match("*", '"a"')
    assert not app.none_match('"b"', '"a"')
    assert not app.none_match("", '"a"')


# -- the client address behind a proxy ---------------------------------------------


def test_remote_addr_is_the_socket_peer_and_headers_are_only_headers() -> None:
    with proxies.serving() as port:
        plain = proxies.who(port)
        claims = proxies.who(
            port, {"X-Forwarded-For": "203.0.113.7", "Forwarded": "for=203.0.113.7"}
        )
    assert plain == {"REMOTE_ADDR": "127.0.0.1"}
    assert claims == {
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_X_FORWARDED_FOR": "203.0.113.7",
        "HTTP_FORWARDED": "for=203.0.113.7",
    }


def test_client_ip_trusts_forwarded_for_only_from_our_proxy() -> None:
    via = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.6.6.6, 192.0.2.44"}
    assert proxies.client_ip(via) == "192.0.2.44"  # rightmost, not the forged first
    direct = {"REMOTE_ADDR": "192.0.2.44", "HTTP_X_FORWARDED_FOR": "10.6.6.6"}
    assert proxies.client_ip(direct) == "192.0.2.44"  # not our proxy: header ignored
    assert proxies.client_ip({"REMOTE_ADDR": "127.0.0.1"}) == "127.0.0.1"
    chain = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "192.0.2.9, 127.0.0.1"}
    assert proxies.client_ip(chain) == "192.0.2.9"  # skips our own proxies


def test_django_request_meta_is_the_wsgi_environ() -> None:
    """Django's request.META["REMOTE_ADDR"] is the server's value, headers or not
    (in a subprocess: settings are configured once per process)."""
    code = (
        "from django.conf import settings; settings.configure();"
        "from django.test import RequestFactory;"
        "r = RequestFactory().get('/', REMOTE_ADDR='10.0.0.5',"
        " HTTP_X_FORWARDED_FOR='203.0.113.7');"
        "print(r.META['REMOTE_ADDR'], r.META['HTTP_X_FORWARDED_FOR'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert result.stdout.split() == ["10.0.0.5", "203.0.113.7"]


# -- Predict the output ---------------------------------------------------------------


def test_predict_weak_etag(predict) -> None:
    out = predict("http_headers_and_status_codes/predict.py:weak_etag")
    assert out.splitlines() == ["304 Not Modified 0 bytes"] * 4 + ["200 OK 740 bytes"]


def test_predict_post_redirect(predict) -> None:
    out = predict("http_headers_and_status_codes/predict.py:post_redirect")
    assert out.splitlines() == [
        "301 -> GET None",
        "302 -> GET None",
        "303 -> GET None",
        "307 -> HTTPError 307",
        "308 -> HTTPError 308",
    ]


def test_urllib_keeps_get_on_every_redirect() -> None:
    from email.message import Message
    from urllib.request import HTTPRedirectHandler, Request

    for code in (301, 302, 303, 307, 308):
        new = HTTPRedirectHandler().redirect_request(
            Request("http://127.0.0.1/a"), None, code, "m", Message(), "http://x/b"
        )
        assert new.get_method() == "GET"


def test_predict_cache_control(predict) -> None:
    out = predict("http_headers_and_status_codes/predict.py:cache_control")
    assert out.splitlines() == [
        "4 pieces with split(',')",
        "max-age: 60",
        'no-cache: "Set-Cookie, Authorization"',
        "public: -",
    ]


def test_predict_forged_address(predict) -> None:
    out = predict("http_headers_and_status_codes/predict.py:forged_address")
    assert out.splitlines() == [
        "127.0.0.1",
        "203.0.113.7",
        "['HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR']",
    ]
