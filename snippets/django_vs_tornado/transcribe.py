"""Transcripts: a real Tornado server under load, and Django's async side.

Run by `scripts/transcripts.sh django_vs_tornado`. Timings vary from
run to run, so the text holds only verdicts with wide margins, never seconds.
"""

# --8<-- [start:server]
import asyncio
import contextlib
import http.client
import os
import re
import subprocess
import sys
from pathlib import Path

from snippets.django_vs_tornado.load import burst, ping_while, verdict
from snippets.loopback import HOST, free_port, serve

ROOT = Path(__file__).resolve().parents[2]
DEMO = Path(__file__).resolve().parent / "asyncdemo"


@contextlib.contextmanager
def tornado_server():
    """tornado_app.main(port) in its own process; yields the base URL."""
    port = free_port()
    code = f"from {__package__}.tornado_app import main; main({port})"
    with serve([sys.executable, "-c", code], port, cwd=ROOT):
        yield f"http://{HOST}:{port}"


# --8<-- [end:server]


# (path, concurrent requests, seconds each handler sleeps or awaits)
CASES = [
    ("/non-blocking", 200, 0.5),
    ("/blocking", 10, 0.2),
    ("/executor", 20, 0.2),
    ("/wsgi/serial", 10, 0.2),
    ("/wsgi/pooled", 20, 0.2),
]


def measure(base):
    """{path: (seconds for all at once, statuses)} for every case."""
    return {path: burst(base + path, count) for path, count, _ in CASES}


def concurrency():
    with tornado_server() as base:
        results = measure(base)
    lines = []
    for path, count, sleep in CASES:
        total, statuses = results[path]
        codes = ",".join(str(code) for code in sorted(set(statuses)))
        lines.append(f"GET {path:<14} x{count:<3} status {codes}")
        lines.append(f"    {verdict(total, count, sleep)}")
    return "\n".join(lines)


def ping():
    lines = []
    with tornado_server() as base:
        for path in ("/blocking", "/non-blocking", "/executor"):
            before = asyncio.run(ping_while(base + path, 5, base + "/ping"))
            when = (
                "after at least one of them had finished"
                if before
                else "before any of them finished"
            )
            lines.append(f"/ping sent while 5 x {path} run: answered {when}")
    return "\n".join(lines)


def stable(name, value):
    if name == "Date":
        return "<date>"
    if name == "Server":
        return re.sub(r"/[\w.]+", "", value)
    return value


def get(base, path):
    connection = http.client.HTTPConnection(base.split("//")[1], timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        lines = [f"GET {path}", f"HTTP/1.1 {response.status} {response.reason}"]
        lines += [f"{n}: {stable(n, v)}" for n, v in response.getheaders()]
        return [*lines, "", response.read().decode("utf-8")]
    finally:
        connection.close()


def json_response():
    with tornado_server() as base:
        lines = [*get(base, "/ping"), "", *get(base, "/list")[:2]]
    return "\n".join(lines)


def django_async():
    """demo.py in its own process: Django is configured only there."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "demo.py"],
        cwd=DEMO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


TRANSCRIPTS = {
    "concurrency": concurrency,
    "ping": ping,
    "json_response": json_response,
    "django_async": django_async,
}
