"""HTTP/1.1 on the wire: a local http.server, a raw socket and http.client.

Every server here listens on 127.0.0.1, on a port the kernel picks, in a thread
that is shut down when its `with` block ends. Ports and dates are masked in the
output so that it is the same on every run.
"""

# --8<-- [start:server]
import contextlib
import itertools
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder:
    """Wraps the server's input stream and keeps every byte it reads."""

    def __init__(self, stream):
        self.stream, self.seen = stream, bytearray()

    def readline(self, limit=-1):
        line = self.stream.readline(limit)
        self.seen += line
        return line

    def close(self):
        self.stream.close()


class EchoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # the default, "HTTP/1.0", closes each time

    def version_string(self):  # the Server header, without Python's version
        return "demo/1.0"

    def setup(self):  # one handler object per TCP connection
        super().setup()
        self.rfile = Recorder(self.rfile)
        self.connection_number = next(self.server.connections)
        self.requests_seen = 0

    def do_GET(self):
        self.requests_seen += 1
        if self.path == "/visit":
            return self.visit()
        received = bytes(self.rfile.seen)  # this request, exactly as sent
        self.rfile.seen.clear()
        self.reply(received)

    def visit(self):
        """State lives in a cookie the client sends back, not in the server."""
        self.rfile.seen.clear()
        match = re.search(r"visits=(\d+)", self.headers.get("Cookie", ""))
        visits = int(match[1]) + 1 if match else 1
        self.reply(f"visit number {visits}\n".encode(), visits)

    def reply(self, body, visits=None):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Connection", str(self.connection_number))
        self.send_header("X-Request-On-Connection", str(self.requests_seen))
        if visits is not None:
            self.send_header("Set-Cookie", f"visits={visits}; Path=/")
        if self.close_connection:  # the client asked to close: say we will
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # keep the output quiet
        pass


@contextlib.contextmanager
def running(handler=EchoHandler):
    """Serve on 127.0.0.1 in a thread; yield the port; always shut down."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.connections = itertools.count(1)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def masked(data, port):
    """Text with the port and the Date header replaced: same on every run."""
    text = data.decode("latin-1").replace(str(port), "<port>")
    return re.sub(r"Date: [^\r\n]+", "Date: <date>", text)


# --8<-- [end:server]


# --8<-- [start:raw_socket]
import socket


def read_response(stream):
    """One response off a socket file: status line, headers, then exactly
    Content-Length bytes of body. That length is what lets the next response
    follow on the same connection."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = stream.readline()
        if not line:  # the server closed the connection
            return head
        head += line
    length = re.search(rb"Content-Length: (\d+)", head)
    return head + stream.read(int(length[1]) if length else 0)


def show(raw, port, title):
    print(f"--- {title}")
    print(masked(raw, port).replace("\r\n", "\\r\\n\n"), end="")
    print()


with running() as port, socket.create_connection(("127.0.0.1", port)) as sock:
    request = (
        b"GET /hello?lang=en HTTP/1.1\r\n"
        b"Host: 127.0.0.1:" + str(port).encode() + b"\r\n"
        b"User-Agent: raw-socket\r\n"
        b"\r\n"
    )
    sock.sendall(request)
    with sock.makefile("rb") as stream:
        response = read_response(stream)
    show(request, port, "request bytes sent")
    show(response, port, "response bytes received")
# --8<-- [end:raw_socket]


# --8<-- [start:keep_alive]
def exchange(sock, stream, port, path, extra=b""):
    sock.sendall(
        b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1:"
        + str(port).encode() + b"\r\n" + extra + b"\r\n"
    )  # fmt: skip
    response = read_response(stream)
    status = response.split(b"\r\n", 1)[0].decode()
    numbers = re.findall(rb"X-[\w-]+: (\d+)", response)
    return status, [int(number) for number in numbers]


with (
    running() as port,
    socket.create_connection(("127.0.0.1", port)) as sock,
    sock.makefile("rb") as stream,
):
    for path in (b"/one", b"/two"):
        status, (connection, request) = exchange(sock, stream, port, path)
        print(f"{path.decode()}: {status}, connection {connection},"
              f" request {request} on it")  # fmt: skip
    status, (connection, request) = exchange(
        sock, stream, port, b"/last", b"Connection: close\r\n"
    )
    print(f"/last: {status}, connection {connection}, request {request}")
    print("server closed the connection:", stream.read() == b"")
# --8<-- [end:keep_alive]


# --8<-- [start:http_client]
import http.client

with running() as port:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", "/first")
    first = conn.getresponse()
    print(masked(first.read(), port).replace("\r\n", "\\r\\n\n"), end="")
    sock = conn.sock
    conn.request("GET", "/second", headers={"Accept": "text/plain"})
    second = conn.getresponse()
    second.read()
    print("same socket for both:", conn.sock is sock)
    print("connections:", first.getheader("X-Connection"),
          second.getheader("X-Connection"))  # fmt: skip
    conn.request("GET", "/third", headers={"Connection": "close"})
    third = conn.getresponse()
    third.read()
    print(
        "will_close:", third.will_close, "| socket dropped:", conn.sock is None
    )
    conn.request("GET", "/fourth")  # http.client reconnects by itself
    fourth = conn.getresponse()
    fourth.read()
    print("fourth request on connection:", fourth.getheader("X-Connection"))
    conn.close()
# --8<-- [end:http_client]


# --8<-- [start:http10]
def one_shot(port, request):
    """Send raw bytes; return the response and whether the server then
    closed the connection."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(request)
        with sock.makefile("rb") as stream:
            response = read_response(stream)
            closed = stream.read() == b""
    return response, closed


with running() as port:
    response, closed = one_shot(port, b"GET / HTTP/1.0\r\n\r\n")
    print("HTTP/1.0 request:", response.split(b"\r\n")[0], "closed:", closed)
    preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"  # how HTTP/2 opens
    response, closed = one_shot(port, preface)
    print("HTTP/2 preface:", b"Error code: 505" in response, "closed:", closed)
# --8<-- [end:http10]


# --8<-- [start:stateless]
def visit(conn, cookie=None):
    conn.request("GET", "/visit", headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    body = response.read().decode().strip()
    return body, response.getheader("Set-Cookie")


with running() as port:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    print("first:", visit(conn))
    print("same connection, no cookie:", visit(conn))
    conn.close()
    other = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    print("new connection, cookie sent:", visit(other, "visits=1"))
    other.close()
# --8<-- [end:stateless]


# --8<-- [start:methods]
from http import HTTPMethod

print([method.value for method in HTTPMethod])
print(HTTPMethod.GET == "GET", isinstance(HTTPMethod.GET, str))
print(HTTPMethod.PATCH.description)
# --8<-- [end:methods]
