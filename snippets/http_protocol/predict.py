"""Predict the output: each section runs alone, with fresh globals."""

# --8<-- [start:head_response]
from http.client import HTTPResponse

from snippets.http_protocol.canned import Wire

raw = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
response = HTTPResponse(Wire(raw), method="HEAD")
response.begin()
print(response.status, response.getheader("Content-Length"))
print(response.read())
# --8<-- [end:head_response]


# --8<-- [start:who_closes]
from http.client import HTTPResponse

from snippets.http_protocol.canned import Wire

for raw in (
    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\n\r\nok",
):
    response = HTTPResponse(Wire(raw))
    response.begin()
    print(raw.split(b"\r\n")[0].decode(), "| will_close:", response.will_close)
# --8<-- [end:who_closes]


# --8<-- [start:chunked_beats_length]
from http.client import HTTPResponse

from snippets.http_protocol.canned import Wire

raw = (
    b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n"
    b"5\r\nhello\r\n0\r\n\r\n"
)
response = HTTPResponse(Wire(raw))
response.begin()
print(response.read())
# --8<-- [end:chunked_beats_length]


# --8<-- [start:iterable_body]
from http.client import HTTPConnection

from snippets.http_protocol.canned import Wire

conn = HTTPConnection("example.com")
conn.sock = Wire()  # already "connected": nothing leaves this process
conn.request("POST", "/upload", body=iter([b"ab", b"c"]))
for line in bytes(conn.sock.sent).split(b"\r\n"):
    print(line)
# --8<-- [end:iterable_body]
