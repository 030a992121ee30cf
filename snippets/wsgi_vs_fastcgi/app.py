"""One WSGI application, a broken one, and an ASGI one for contrast."""


# --8<-- [start:app]
def application(environ, start_response):
    """A complete WSGI application: a callable, two arguments, bytes out."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    received = environ["wsgi.input"].read(length) if length else b""
    query = environ.get("QUERY_STRING", "")
    lines = [
        f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '/')}"
        + (f"?{query}" if query else ""),
        f"request body: {received.decode('utf-8')!r}",
        f"wsgi.multithread={environ['wsgi.multithread']}"
        f" wsgi.multiprocess={environ['wsgi.multiprocess']}",
    ]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    start_response(
        "200 OK",
        [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
        ],
    )
    return [body]


app = application  # the name Gunicorn looks for when given only a module
# --8<-- [end:app]


# --8<-- [start:by_hand]
import io


def call_by_hand(app, method="GET", path="/", query="", body=b""):
    """Be the server: build the environ, collect what start_response gets."""
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(body)),
        "SERVER_NAME": "example.test",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": True,
    }
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, headers
        return lambda data: None  # the legacy write() callable

    chunks = app(environ, start_response)
    try:
        payload = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()  # PEP 3333: the server must call close()
    return captured["status"], captured["headers"], payload


status, headers, payload = call_by_hand(
    application, "POST", "/greet", "lang=en", b"name=Ada"
)
print(status)
for name, value in headers:
    print(f"{name}: {value}")
print(payload.decode("utf-8"), end="")
# --8<-- [end:by_hand]


# --8<-- [start:validate]
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator


def validator_environ(path="/"):
    environ = {"PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": ""}
    setup_testing_defaults(environ)  # fills in the other required keys
    environ["wsgi.input"] = io.BytesIO()
    return environ


def run_validated(app):
    """Run `app` under wsgiref's validator: "accepted ..." or the error."""
    checked = validator(app)
    result = checked(validator_environ(), lambda status, headers: None)
    try:
        first_line = b"".join(result).splitlines()[0]
        return f"accepted, first line {first_line!r}"
    except AssertionError as error:
        return f"rejected, AssertionError: {error}"
    finally:
        result.close()  # the validator also checks that the server closes


def text_body_app(environ, start_response):
    """Wrong: a str body. WSGI bodies are bytes."""
    start_response("200 OK", [("Content-Type", "text/plain")])
    return ["hello"]


print(run_validated(application))
print(run_validated(text_body_app))
# --8<-- [end:validate]


# --8<-- [start:hop_by_hop]
from wsgiref.handlers import SimpleHandler


def hop_by_hop_app(environ, start_response):
    """Wrong: Connection is hop-by-hop; only the server may set it."""
    headers = [("Content-Type", "text/plain"), ("Connection", "close")]
    start_response("200 OK", headers)
    return [b"hello"]


print(run_validated(hop_by_hop_app))  # the validator does not check this
output, errors = io.BytesIO(), io.StringIO()
SimpleHandler(io.BytesIO(), output, errors, validator_environ()).run(
    hop_by_hop_app
)
print(output.getvalue().split(b"\r\n")[0].decode())  # what the client got
print(errors.getvalue().strip().splitlines()[-1])  # what the log got
# --8<-- [end:hop_by_hop]


# --8<-- [start:asgi]
import asyncio


async def asgi_application(scope, receive, send):
    """The ASGI shape: one coroutine, events in and out, no return value."""
    assert scope["type"] == "http"
    event = await receive()
    body = b"ASGI saw " + event.get("body", b"")
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain")],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def call_asgi(app, body):
    """Be an ASGI server for one request: queue one event, record sends."""
    sent = []
    inbox = asyncio.Queue()
    await inbox.put({"type": "http.request", "body": body, "more_body": False})

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": []}
    await app(scope, inbox.get, send)
    return sent


for message in asyncio.run(call_asgi(asgi_application, b"name=Ada")):
    print(message)
# --8<-- [end:asgi]
