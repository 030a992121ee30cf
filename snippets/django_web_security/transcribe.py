"""The example shop served by gunicorn on 127.0.0.1, attacked over HTTP.

Run by `scripts/transcripts.sh django_web_security`. Django runs only in
the gunicorn and manage.py child processes; this module speaks HTTP with
http.client and seeds PostgreSQL with psycopg. Secrets, tokens and dates
are replaced by names, so the text is the same on every run.
"""

import contextlib
import http.client
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urlencode

import psycopg

from snippets import loopback

PROJECT = Path(__file__).resolve().parent

# --8<-- [start:seed]
SEED = """
DROP TABLE IF EXISTS account;
CREATE TABLE account (username text PRIMARY KEY, is_admin boolean);
INSERT INTO account VALUES ('alice', false), ('bob', false), ('root', true);
"""
# --8<-- [end:seed]


def seed(database_url):
    with psycopg.connect(database_url, autocommit=True) as db:
        db.execute(SEED)


def environment(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # throwaway
        "DATABASE_URL": database_url,
        **extra,
    }


# --8<-- [start:shop]
@contextlib.contextmanager
def shop(database_url, **env):
    """The project under gunicorn on a free port of 127.0.0.1."""
    seed(database_url)
    port = loopback.free_port()
    command = [
        sys.executable, "-m", "gunicorn",
        "--bind", f"{loopback.HOST}:{port}",
        "--workers", "1",
        "wsgi:application",
    ]  # fmt: skip
    environ = environment(database_url, **env)
    with loopback.serve(command, port, cwd=PROJECT, env=environ):
        yield port


# --8<-- [end:shop]


class Browser:
    """Sends requests as a browser would (Host: shop.example) and writes
    them down, each secret value replaced by its name."""

    def __init__(self, port):
        self.port = port
        self.lines = []
        self.names = {}

    def hide(self, value, name):
        self.names[value] = name

    def clean(self, text):
        for value, name in self.names.items():
            text = text.replace(value, name)
        return re.sub(r"expires=[^;]+", "expires=<date>", text)

    def send(self, method, path, headers=(), form=None, show=()):
        headers = {"Host": "shop.example", **dict(headers)}
        body = None if form is None else urlencode(form)
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(loopback.HOST, self.port)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode()
        finally:
            connection.close()
        shown = unquote(path) + (f"  {body}" if body else "")
        self.lines.append(f"{method} {shown}")
        for name, value in headers.items():
            if name not in ("Host", "Content-Type"):
                self.lines.append(f"    {name}: {value}")
        self.lines.append(f"  -> {response.status} {response.reason}")
        for name, value in response.getheaders():
            if name.lower() in show:
                self.lines.append(f"     {name}: {value}")
        self.lines += [f"     {line}" for line in content.splitlines()]
        return response, content

    def text(self):
        return self.clean("\n".join(self.lines)) + "\n"


def csrf(port):
    browser = Browser(port)
    response, masked = browser.send("GET", "/token/", show={"set-cookie"})
    cookie = response.getheader("Set-Cookie").split(";")[0]
    browser.hide(cookie.split("=")[1], "<secret>")
    browser.hide(masked, "<masked token>")
    token = {"Cookie": cookie, "X-CSRFToken": masked}
    form = {"amount": "100"}
    browser.send("POST", "/transfer/", form=form)
    browser.send("POST", "/transfer/", {"Cookie": cookie}, form)
    browser.send("POST", "/transfer/", token, form)
    for origin in ("https://evil.example", "https://partner.example"):
        browser.send("POST", "/transfer/", {"Origin": origin, **token}, form)
    forged = {"Origin": "https://evil.example"}
    browser.send("POST", "/legacy-transfer/", forged, form)
    return browser.text()


def xss(port):
    browser = Browser(port)
    name = "<script>steal()</script>"
    for path in ("/hello/", "/hello-unsafe/", "/profile/"):
        browser.send("GET", f"{path}?name={quote(name)}")
    return browser.text()


HEADERS = {
    "content-security-policy",
    "cross-origin-opener-policy",
    "referrer-policy",
    "x-content-type-options",
    "x-frame-options",
}


def headers(port):
    browser = Browser(port)
    browser.send("GET", "/hello/?name=Ada", show=HEADERS)
    return browser.text()


INJECTIONS = [
    "alice",
    "' OR '1'='1",
    "x' UNION SELECT username || ':' || is_admin FROM account ORDER BY 1 --",
    "x'; UPDATE account SET is_admin = true WHERE username = 'alice'; --",
]


def sql(port):
    browser = Browser(port)
    for path in ("/search/", "/search-unsafe/"):
        for name in INJECTIONS:
            browser.send("GET", f"{path}?name={quote(name)}")
    again = INJECTIONS[2]
    browser.send("GET", f"/search-unsafe/?name={quote(again)}")
    return browser.text()


CORS_HEADERS = {
    "access-control-allow-origin",
    "access-control-allow-credentials",
    "access-control-allow-methods",
    "vary",
}


def cors(port):
    browser = Browser(port)
    for origin in ("https://app.example", "https://evil.example"):
        preflight = {
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
        }
        browser.send("OPTIONS", "/api/balance/", preflight, show=CORS_HEADERS)
    for origin in ("https://app.example", "https://evil.example"):
        request = {"Origin": origin}
        browser.send("GET", "/api/balance/", request, show=CORS_HEADERS)
    return browser.text()


def cors_reflect_all(port):
    browser = Browser(port)
    request = {"Origin": "https://evil.example", "Cookie": "sessionid=..."}
    browser.send("GET", "/api/balance/", request, show=CORS_HEADERS)
    return browser.text()


def check_deploy():
    """`manage.py check --deploy`, as configured for plain HTTP, then
    with DJANGO_HTTPS=1."""
    runs = []
    for https in ("0", "1"):
        env = environment("postgresql://localhost", DJANGO_HTTPS=https)
        result = subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        runs.append(f"$ DJANGO_HTTPS={https} python manage.py check --deploy")
        runs.append((result.stderr + result.stdout).strip())
        runs.append(f"[exit status {result.returncode}]\n")
    return "\n".join(runs)


def with_shop(function, **env):
    """A transcript: a fresh PostgreSQL and gunicorn, then `function`."""

    def transcript():
        with loopback.postgres_server() as url, shop(url, **env) as port:
            return function(port)

    return transcript


TRANSCRIPTS = {
    "csrf": with_shop(csrf),
    "xss": with_shop(xss),
    "headers": with_shop(headers),
    "sql": with_shop(sql),
    "cors": with_shop(cors),
    "cors_reflect_all": with_shop(cors_reflect_all, DJANGO_CORS="reflect-all"),
    "check_deploy": check_deploy,
}
