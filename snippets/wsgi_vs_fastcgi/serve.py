"""The same WSGI application behind three servers, each on 127.0.0.1."""

# --8<-- [start:wsgiref]
import contextlib
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

from snippets.wsgi_vs_fastcgi.app import application

HOST = "127.0.0.1"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        """No access log on stderr."""


@contextlib.contextmanager
def wsgiref_server(app=application):
    """The standard library's reference server, in a thread of this process."""
    # Port 0: the kernel picks a free one.
    server = make_server(HOST, 0, app, handler_class=QuietHandler)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --8<-- [end:wsgiref]


# --8<-- [start:gunicorn]
import sys
from pathlib import Path

from snippets.loopback import free_port, serve

ROOT = Path(__file__).resolve().parents[2]  # so "snippets..." imports
APP = "snippets.wsgi_vs_fastcgi.app:application"


@contextlib.contextmanager
def gunicorn_server(workers=2):
    """Gunicorn speaks HTTP itself: a pre-fork server of sync workers."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn",
        "--bind", f"{HOST}:{port}",
        "--workers", str(workers),
        APP,
    ]  # fmt: skip
    with serve(command, port, cwd=ROOT):
        yield port


# --8<-- [end:gunicorn]


# --8<-- [start:flup]
def run_flup(port, multiplexed=False):
    """flup's WSGIServer speaks FastCGI, not HTTP: a web server goes first."""
    from flup.server.fcgi import WSGIServer

    server = WSGIServer(
        application, bindAddress=(HOST, port), multiplexed=multiplexed
    )
    server.run()  # until SIGTERM/SIGINT/SIGHUP, which it handles itself


@contextlib.contextmanager
def flup_server(multiplexed=False):
    """A subprocess: flup installs signal handlers (main thread only)."""
    port = free_port()
    code = (
        "from snippets.wsgi_vs_fastcgi.serve import run_flup; "
        f"run_flup({port}, multiplexed={multiplexed})"
    )
    with serve([sys.executable, "-c", code], port, cwd=ROOT):
        yield port


# --8<-- [end:flup]
