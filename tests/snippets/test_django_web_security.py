"""Claims of docs/questions/django-web-security.md, against the real thing.

Django is never configured in this process: the example project runs under
gunicorn (and manage.py) in child processes, on a real PostgreSQL, both on
127.0.0.1; this file speaks HTTP to it and reads what it answered.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import runpy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import django
import psycopg
import pytest

from snippets import loopback
from snippets.django_web_security import transcribe

with contextlib.redirect_stdout(io.StringIO()) as printed:  # it prints its demo
    from snippets.django_web_security import escaping

PROJECT = Path(transcribe.__file__).resolve().parent
TRANSCRIPTS = PROJECT / "transcripts"
pytestmark = pytest.mark.server

TOKEN = "/token/"


@pytest.fixture(scope="module")
def database(postgres_url: str) -> str:
    return postgres_url


@pytest.fixture(scope="module")
def port(database: str) -> Iterator[int]:
    with transcribe.shop(database) as port:
        yield port


def saved(name: str) -> str:
    return (TRANSCRIPTS / f"{name}.txt").read_text()


def logged_in(port: int) -> tuple[transcribe.Browser, dict[str, str]]:
    """A browser that fetched a token: its cookie and header for POSTs."""
    browser = transcribe.Browser(port)
    response, masked = browser.send("GET", TOKEN)
    cookie = response.getheader("Set-Cookie").split(";")[0]
    return browser, {"Cookie": cookie, "X-CSRFToken": masked}


# CSRF


def test_csrf_transcript_is_current(port: int) -> None:
    assert transcribe.csrf(port) == saved("csrf")


def test_post_without_cookie_or_token_is_refused(port: int) -> None:
    browser, token = logged_in(port)
    form = {"amount": "1"}
    response, body = browser.send("POST", "/transfer/", form=form)
    assert (response.status, body) == (403, "CSRF failed: CSRF cookie not set.\n")
    cookie_only = {"Cookie": token["Cookie"]}
    response, body = browser.send("POST", "/transfer/", cookie_only, form)
    assert (response.status, body) == (403, "CSRF failed: CSRF token missing.\n")
    response, body = browser.send("POST", "/transfer/", token, form)
    assert (response.status, body) == (200, "sent 1 euros\n")


def test_cookie_holds_the_secret_and_the_page_a_masked_token(port: int) -> None:
    browser = transcribe.Browser(port)
    response, masked = browser.send("GET", TOKEN)
    cookie = response.getheader("Set-Cookie")
    secret = cookie.split(";")[0].split("=")[1]
    assert len(secret) == 32  # CSRF_SECRET_LENGTH
    assert len(masked) == 64  # the secret masked with a fresh random mask
    assert masked != browser.send("GET", TOKEN)[1]  # new mask every time
    assert "SameSite=Lax" in cookie
    assert "HttpOnly" not in cookie  # JavaScript may read it
    assert "Secure" not in cookie  # CSRF_COOKIE_SECURE is off on plain HTTP


def test_wrong_token_is_refused(port: int) -> None:
    browser, token = logged_in(port)
    wrong = {**token, "X-CSRFToken": "a" * 64}
    response, body = browser.send("POST", "/transfer/", wrong, {"amount": "1"})
    assert response.status == 403
    assert body == (
        "CSRF failed: CSRF token from the 'X-Csrftoken' HTTP header incorrect.\n"
    )


def test_origin_must_be_the_site_or_trusted(port: int) -> None:
    browser, token = logged_in(port)
    form = {"amount": "1"}
    for origin, status in [
        ("https://evil.example", 403),
        ("https://partner.example", 200),  # CSRF_TRUSTED_ORIGINS
        ("http://partner.example", 403),  # the scheme is part of it
        ("http://shop.example", 200),  # same origin as the Host header
    ]:
        headers = {"Origin": origin, **token}
        response, body = browser.send("POST", "/transfer/", headers, form)
        assert response.status == status, (origin, body)


def test_csrf_exempt_view_accepts_a_forged_post(port: int) -> None:
    browser = transcribe.Browser(port)
    forged = {"Origin": "https://evil.example"}
    response, body = browser.send("POST", "/legacy-transfer/", forged, {"amount": "9"})
    assert (response.status, body) == (200, "sent 9 euros\n")


def test_safe_methods_are_not_checked(port: int) -> None:
    browser = transcribe.Browser(port)
    response, _ = browser.send("GET", "/hello/?name=x", {"Origin": "https://e.x"})
    assert response.status == 200


# XSS


def test_xss_transcript_is_current(port: int) -> None:
    assert transcribe.xss(port) == saved("xss")


def test_autoescape_and_safe(port: int) -> None:
    browser = transcribe.Browser(port)
    attack = quote("<script>x</script>")
    _, escaped = browser.send("GET", f"/hello/?name={attack}")
    _, raw = browser.send("GET", f"/hello-unsafe/?name={attack}")
    assert "<script>" not in escaped
    assert "&lt;script&gt;" in escaped
    assert "<script>x</script>" in raw


def test_json_script_and_format_html(port: int) -> None:
    browser = transcribe.Browser(port)
    _, body = browser.send("GET", f"/profile/?name={quote('</script>')}")
    assert body.count("</script>") == 1  # only json_script's own end tag
    assert "\\u003C/script\\u003E" in body
    assert '<a href="/u/&lt;/script&gt;/">' in body


def test_escaping_block_runs_without_settings() -> None:
    lines = printed.getvalue().splitlines()
    assert lines[0] == "&lt;img src=x onerror=&quot;steal()&quot;&gt;"
    assert lines[1] == escaping.name  # |safe: as typed
    assert lines[2] == "<b>&lt;img src=x onerror=&quot;steal()&quot;&gt;</b>"
    assert lines[3] == f"<b>{escaping.name}</b>"  # mark_safe: not escaped
    assert "</script><script>" not in lines[4]
    assert "\\u003C/script\\u003E\\u003Cscript\\u003E" in lines[4]


def test_headers_transcript_is_current(port: int) -> None:
    assert transcribe.headers(port) == saved("headers")


def test_security_headers(port: int) -> None:
    response, _ = transcribe.Browser(port).send("GET", "/hello/?name=x")
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "same-origin"
    assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin"
    assert response.getheader("Content-Security-Policy") == "script-src 'self'"
    assert response.getheader("Strict-Transport-Security") is None  # HTTP


@pytest.mark.skipif(django.VERSION >= (6,), reason="Django 6.0 adds CSP")
def test_django_5_2_has_no_csp_middleware() -> None:
    assert importlib.util.find_spec("django.middleware.csp") is None


# SQL injection


def test_sql_transcript_is_current(port: int, database: str) -> None:
    transcribe.seed(database)
    assert transcribe.sql(port) == saved("sql")
    transcribe.seed(database)


def test_injection_reads_and_writes_only_through_the_unsafe_view(
    port: int, database: str
) -> None:
    transcribe.seed(database)
    browser = transcribe.Browser(port)

    def search(path: str, name: str) -> str:
        return browser.send("GET", f"{path}?name={quote(name)}")[1]

    everyone = "' OR '1'='1"
    union, update = transcribe.INJECTIONS[2:]
    assert search("/search/", everyone) == "[]\n"
    assert search("/search/", union) == "[]\n"
    assert search("/search/", update) == "[]\n"
    with psycopg.connect(database) as db:
        admins = db.execute("SELECT username FROM account WHERE is_admin")
        assert admins.fetchall() == [("root",)]
    assert search("/search-unsafe/", everyone) == "['alice', 'bob', 'root']\n"
    assert "'root:true'" in search("/search-unsafe/", union)
    search("/search-unsafe/", update)  # a second statement, stacked
    with psycopg.connect(database) as db:
        admins = db.execute("SELECT username FROM account WHERE is_admin")
        assert sorted(admins.fetchall()) == [("alice",), ("root",)]
    transcribe.seed(database)


def test_predict_sqlite_injection(predict) -> None:
    assert predict("django_web_security/predict.py:sqlite_injection") == "2\n0\n"


# CORS


def test_cors_transcript_is_current(port: int) -> None:
    assert transcribe.cors(port) == saved("cors")


def test_preflight_answers_only_allowed_origins(port: int) -> None:
    browser = transcribe.Browser(port)
    for origin, allowed in [
        ("https://app.example", "https://app.example"),
        ("https://evil.example", None),
        ("http://app.example", None),  # another scheme: another origin
    ]:
        preflight = {"Origin": origin, "Access-Control-Request-Method": "PUT"}
        response, body = browser.send("OPTIONS", "/api/balance/", preflight)
        assert response.status == 200
        assert body == ""
        assert response.getheader("Access-Control-Allow-Origin") == allowed
        assert response.getheader("Access-Control-Allow-Credentials") is None


def test_cors_does_not_stop_the_server_answering(port: int) -> None:
    browser = transcribe.Browser(port)
    evil = {"Origin": "https://evil.example"}
    response, body = browser.send("GET", "/api/balance/", evil)
    assert (response.status, body) == (200, '{"balance": 100}')
    assert response.getheader("Access-Control-Allow-Origin") is None


def test_cors_only_on_the_api(port: int) -> None:
    browser = transcribe.Browser(port)
    app = {"Origin": "https://app.example"}
    response, _ = browser.send("GET", "/hello/?name=x", app)
    assert response.getheader("Access-Control-Allow-Origin") is None


def test_all_origins_with_credentials_reflects_the_origin(database: str) -> None:
    with transcribe.shop(database, DJANGO_CORS="reflect-all") as port:
        assert transcribe.cors_reflect_all(port) == saved("cors_reflect_all")
        browser = transcribe.Browser(port)
        any_site = {"Origin": "https://any.example"}
        response, _ = browser.send("GET", "/api/balance/", any_site)
    assert response.getheader("Access-Control-Allow-Origin") != "*"
    assert response.getheader("Access-Control-Allow-Origin") == any_site["Origin"]
    assert response.getheader("Access-Control-Allow-Credentials") == "true"


# Deployment checks


def test_check_deploy_transcript_is_current() -> None:
    assert transcribe.check_deploy() == saved("check_deploy")


def test_check_deploy_warns_until_https_settings_are_on() -> None:
    text = transcribe.check_deploy()
    plain, https = text.split("$ DJANGO_HTTPS=1")
    for code in ("W004", "W008", "W016"):
        assert f"security.{code}" in plain
        assert f"security.{code}" not in https
    assert "security.W018" not in text  # DEBUG is off
    assert "security.W009" not in text  # a long random secret key
    assert "[exit status 0]" in plain  # warnings do not fail the command


def test_fail_level_warning_makes_check_deploy_fail() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=transcribe.environment("postgresql://localhost"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "security.W004" in result.stderr


def test_django_defaults_samesite_lax_for_both_cookies() -> None:
    from django.conf import global_settings  # a module: configures nothing

    assert global_settings.CSRF_COOKIE_SAMESITE == "Lax"
    assert global_settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert global_settings.CSRF_COOKIE_HTTPONLY is False


def test_trusted_origin_without_scheme_is_an_error() -> None:
    code = (
        "from django.conf import settings; "
        "settings.configure(CSRF_TRUSTED_ORIGINS=['partner.example']); "
        "import django; django.setup(); "
        "from django.core import checks; "
        "print([e.id for e in checks.run_checks()])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "4_0.E001" in result.stdout


def test_unknown_host_is_refused(port: int) -> None:
    browser = transcribe.Browser(port)
    response, _ = browser.send("GET", "/hello/?name=x", {"Host": "evil.example"})
    assert response.status == 400


def test_settings_refuse_to_start_without_a_secret_key() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_a_full_transcript_starts_and_stops_its_own_servers() -> None:
    text = transcribe.TRANSCRIPTS["headers"]()
    assert text == saved("headers")
    assert set(transcribe.TRANSCRIPTS) == {p.stem for p in TRANSCRIPTS.glob("*.txt")}


def test_server_is_loopback_only(port: int) -> None:
    assert loopback.HOST == "127.0.0.1"
    response, _ = transcribe.Browser(port).send("GET", "/hello/?name=x")
    assert response.status == 200


# Predictions


def test_predict_file_runs_as_a_script() -> None:
    """predict.py is in the example project: the run-every-snippet test skips it."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        runpy.run_path(str(PROJECT / "predict.py"), run_name="__main__")
    assert output.getvalue().count("\n") == 8


def test_predict_escape_twice(predict) -> None:
    assert predict("django_web_security/predict.py:escape_twice") == (
        "&lt;b&gt;&amp;&lt;/b&gt;\n"
        "&amp;lt;b&amp;gt;&amp;amp;&amp;lt;/b&amp;gt;\n"
        "&lt;b&gt;&amp;&lt;/b&gt;\n"
    )


def test_predict_safe_plus_str(predict) -> None:
    assert predict("django_web_security/predict.py:safe_plus_str") == (
        "str SafeString\n&lt;b&gt;&lt;/b&gt;\n<b></b>\n"
    )
