"""A Tornado application driven in process: no socket, no tornado.testing.

`fetch(app, path)` does what Tornado's HTTP server does with a parsed
request. It calls the application's public HTTPServerConnectionDelegate
interface (`start_request`, then `headers_received` and `finish` on the
message delegate) with a connection object that records the response
instead of writing it to a socket.
"""

import asyncio
import contextvars
import dataclasses
import logging

from tornado import httputil


@dataclasses.dataclass
class Response:
    status: int = 0
    headers: dict = dataclasses.field(default_factory=dict)
    body: bytes = b""
    logged: list = dataclasses.field(
        default_factory=list
    )  # exceptions Tornado logged


class RecordingConnection(httputil.HTTPConnection):
    """Stands in for the socket: keeps what the handler sends."""

    def __init__(self, response, finished):
        self.response = response
        self.finished = finished

    def set_close_callback(self, callback):
        pass

    def write_headers(self, start_line, headers, chunk=None):
        self.response.status = start_line.code
        self.response.headers = dict(headers.get_all())
        return self.write(chunk or b"")

    def write(self, chunk):
        self.response.body += chunk
        done = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done

    def finish(self):
        self.finished.set_result(None)


# The Response being fetched; the handler's task sees it (tasks copy context).
_fetching = contextvars.ContextVar("fetching", default=None)


def _keep_records(record):
    """A logger filter: inside fetch(), keep the logged exception on the
    Response and drop the record; elsewhere, let it through unchanged."""
    response = _fetching.get()
    if response is None:
        return True
    if record.exc_info:
        response.logged.append(record.exc_info[1])
    return False


for _name in ("tornado.application", "tornado.access"):
    logging.getLogger(_name).addFilter(_keep_records)


async def fetch(app, path, method="GET"):
    """Send one request to `app` in process; return its Response."""
    response = Response()
    finished = asyncio.get_running_loop().create_future()
    connection = RecordingConnection(response, finished)
    token = _fetching.set(response)
    try:
        message = app.start_request(None, connection)
        start_line = httputil.RequestStartLine(method, path, "HTTP/1.1")
        headers = httputil.HTTPHeaders({"Host": "127.0.0.1"})
        message.headers_received(start_line, headers)
        message.finish()
    finally:
        _fetching.reset(token)
    await finished
    # The handler may still log after finish() (an error raised after it):
    # one more turn of the loop lets its task end first.
    await asyncio.sleep(0)
    return response
