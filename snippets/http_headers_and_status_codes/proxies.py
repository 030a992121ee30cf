"""The client's address behind a reverse proxy: what a WSGI application can
trust. The server listens on 127.0.0.1 on a port the kernel picks, in a thread
that is always shut down."""

# --8<-- [start:who]
import contextlib
import http.client
import json
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

SEEN = ("REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED")


def echo_address(environ, start_response):
    """A WSGI application that answers with the address fields it was given."""
    seen = {name: environ.get(name) for name in SEEN if name in environ}
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps(seen).encode()]


class Quiet(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serving(app=echo_address):
    """Serve a WSGI app on 127.0.0.1 in a thread; yield the port."""
    with make_server("127.0.0.1", 0, app, handler_class=Quiet) as server:
        thread = threading.Thread(target=server.serve_forever, args=(0.05,))
        thread.start()
        try:
            yield server.server_port
        finally:
            server.shutdown()
            thread.join()


def who(port, headers=None):
    """What the application saw for one request with these headers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/", headers=headers or {})
        return json.loads(conn.getresponse().read())
    finally:
        conn.close()


# --8<-- [end:who]


# --8<-- [start:client_ip]
import ipaddress

TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1/32")]  # our own proxy


def trusted(address):
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in TRUSTED_PROXIES)


def client_ip(environ):
    """The client's address: REMOTE_ADDR unless it is a proxy we trust; then
    walk X-Forwarded-For from the right (the entry our proxy appended) and
    stop at the first address that is not one of our proxies. Entries to its
    left were written by the client and prove nothing."""
    address = environ["REMOTE_ADDR"]
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    while trusted(address) and hops:
        address = hops.pop()
    return address


# --8<-- [end:client_ip]
