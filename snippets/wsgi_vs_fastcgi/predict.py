"""Predictions for the WSGI page: a WSGI app called directly, no socket.

Each section is a whole program: a tiny app, and the few lines of server
work (an environ, a start_response, iterating, close()) that exercise it.
"""


# --8<-- [start:generator_app]
def app(environ, start_response):
    print("app body starts")
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"hello\n"


def start_response(status, headers):
    print("start_response:", status)


result = app({}, start_response)
print("app returned a", type(result).__name__)
for chunk in result:
    print("chunk:", chunk)
# --8<-- [end:generator_app]


# --8<-- [start:close_on_disconnect]
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    try:
        yield from [b"row 1\n", b"row 2\n", b"row 3\n"]
    finally:
        print("finally: cursor released")


body = app({}, lambda status, headers: None)
print(next(body))
body.close()  # what a server does when the client goes away
print("closed; left:", list(body))
# --8<-- [end:close_on_disconnect]

# --8<-- [start:str_body]
import io
from wsgiref.handlers import BaseCGIHandler
from wsgiref.util import setup_testing_defaults


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return ["hello"]


environ = {}
setup_testing_defaults(environ)
stdout, stderr = io.BytesIO(), io.StringIO()
BaseCGIHandler(io.BytesIO(), stdout, stderr, environ).run(app)
print(stdout.getvalue().decode().splitlines()[0])
print(stderr.getvalue().splitlines()[-1])
# --8<-- [end:str_body]

# --8<-- [start:script_name]
from wsgiref import util

environ = {
    "SCRIPT_NAME": "/shop",
    "PATH_INFO": "/cart/42",
    "QUERY_STRING": "x=1",
}
util.setup_testing_defaults(environ)
print(util.application_uri(environ))
print(util.request_uri(environ))
print(util.shift_path_info(environ))
print(environ["SCRIPT_NAME"], environ["PATH_INFO"])
# --8<-- [end:script_name]
