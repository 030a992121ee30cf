"""The built site served over HTTP on 127.0.0.1, as GitHub Pages serves it: under the
project's URL prefix, gzipped when asked, the site's 404 page for anything missing.
Used by the PDF, the benchmark and the tests that read the site in a browser."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

HOST = "127.0.0.1"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site under a URL prefix, as GitHub Pages serves a project site:
    gzip when the client accepts it, the site's 404.html for anything missing."""

    prefix = "/"
    compress = False

    def log_message(self, format: str, *args: object) -> None:
        pass  # tests read responses, not logs

    def send_head(self):  # type: ignore[override]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + path[len(self.prefix) :]
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            local = local / "index.html"
        if not local.is_file():
            return self._not_found()
        body = local.read_bytes()
        encoding = None
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = gzip.compress(body, mtime=0), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(
    site_dir: Path, prefix: str = "/", *, compress: bool = False
) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:PORT{prefix} in a thread; yield that URL."""
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError(f"prefix must start and end with '/': {prefix!r}")
    handler = type(
        "SiteHandler",
        (_SiteHandler,),
        {"prefix": prefix, "compress": compress},
    )
    server = http.server.ThreadingHTTPServer(
        (HOST, 0), functools.partial(handler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
