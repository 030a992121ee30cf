"""Requests against the application of app.py, one topic per section; the
page runs these in one session after app.py's sections."""

import base64
import gzip

from snippets.http_headers_and_status_codes.app import fetch, running, show
from snippets.http_headers_and_status_codes.proxies import (
    client_ip,
    serving,
    who,
)

# --8<-- [start:success_and_redirects]
with running() as port:
    show(port, "GET", "/items/42")
    show(port, "POST", "/items", b'{"name": "kettle"}')
    show(port, "DELETE", "/items/42")
    show(port, "GET", "/old-article")
    show(port, "GET", "/latest")
    show(port, "POST", "/search", b"q=status")
    show(port, "POST", "/v1/items", b"{}")
    show(port, "GET", "/moved-api")
# --8<-- [end:success_and_redirects]


# --8<-- [start:client_errors]
def basic(user, password):
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


with running() as port:
    show(port, "POST", "/items", b"{not json")
    show(port, "GET", "/admin")
    show(port, "GET", "/admin", headers=basic("bob", "builder"))
    show(port, "GET", "/admin", headers=basic("alice", "wonderland"))
    show(port, "GET", "/nowhere")
    show(port, "PUT", "/items/42", b"{}")
    show(port, "POST", "/items", b'{"name": "teapot"}')
    show(port, "POST", "/upload", b"x" * 2048)
    show(port, "POST", "/items", b'{"colour": "red"}')
    show(port, "GET", "/busy")
# --8<-- [end:client_errors]


# --8<-- [start:server_errors]
with running() as port:
    show(port, "GET", "/crash")
    show(port, "GET", "/maintenance")
# --8<-- [end:server_errors]


# --8<-- [start:negotiation]
with running() as port:
    status, _, headers, plain = fetch(port, "GET", "/article")
    print("identity:", status, len(plain), "bytes", headers)
    status, _, headers, packed = fetch(
        port, "GET", "/article", headers={"Accept-Encoding": "gzip"}
    )
    print("gzip:", status, len(packed), "bytes", headers)
    print("same content once decoded:", gzip.decompress(packed) == plain)
    show(
        port,
        "GET",
        "/greeting",
        headers={"Accept-Language": "fr;q=0.9, en;q=0.5"},
    )
    show(port, "GET", "/items/42", headers={"Accept": "text/html"})
# --8<-- [end:negotiation]


# --8<-- [start:conditional]
with running() as port:
    status, _, headers, body = fetch(port, "GET", "/article")
    validator = dict(headers)["ETag"]
    print("first:", status, len(body), "bytes, ETag", validator)
    status, reason, headers, body = fetch(
        port, "GET", "/article", headers={"If-None-Match": validator}
    )
    print("revalidated:", status, reason, len(body), "bytes", headers)
# --8<-- [end:conditional]


# --8<-- [start:cookies]
from http.cookies import SimpleCookie

with running() as port:
    _, _, headers, _ = fetch(port, "GET", "/account")
    jar = SimpleCookie(dict(headers)["Set-Cookie"])
    morsel = jar["session"]
    print("value:", morsel.value)
    attributes = ["path", "max-age", "httponly", "secure", "samesite"]
    print({name: morsel[name] for name in attributes})
    print("sent back as:", jar.output(attrs=[], header="Cookie:"))
    print("cache rule:", dict(headers)["Cache-Control"])
# --8<-- [end:cookies]


# --8<-- [start:expect_continue]
import socket

with running() as port, socket.create_connection(("127.0.0.1", port)) as sock:
    body = b'{"name": "mug"}'
    sock.sendall(
        b"POST /items HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        b"Expect: 100-continue\r\n\r\n"
    )  # headers only, then wait for the go-ahead
    with sock.makefile("rb") as stream:
        print("interim:", stream.readline().decode().strip())
        stream.readline()  # the blank line that ends the interim response
        sock.sendall(body)
        print("final:", stream.readline().decode().strip())
        while stream.readline() not in (b"\r\n", b""):
            pass
        sock.shutdown(socket.SHUT_WR)
        print("body:", stream.read(1024).decode())
# --8<-- [end:expect_continue]


# --8<-- [start:client_address]
with serving() as port:
    print("direct:", who(port))
    claims = {"X-Forwarded-For": "203.0.113.7", "Forwarded": "for=203.0.113.7"}
    print("claims:", who(port, claims))

# Behind a proxy that appends the address it saw to X-Forwarded-For:
via_proxy = {
    "REMOTE_ADDR": "127.0.0.1",
    "HTTP_X_FORWARDED_FOR": "10.6.6.6, 192.0.2.44",
}
print("behind our proxy:", client_ip(via_proxy))
direct = {"REMOTE_ADDR": "192.0.2.44", "HTTP_X_FORWARDED_FOR": "10.6.6.6"}
print("straight to us:", client_ip(direct))
# --8<-- [end:client_address]
