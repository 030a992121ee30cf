"""Transcripts: the same application through three servers, and FastCGI bytes.

Run by `scripts/transcripts.sh wsgi_vs_fastcgi`; each function starts
real servers on 127.0.0.1 and returns text with ports and dates removed.
"""

# --8<-- [start:http_call]
import http.client
import re
import shutil
import subprocess

from snippets.wsgi_vs_fastcgi import fastcgi_client as fcgi
from snippets.wsgi_vs_fastcgi.serve import (
    HOST,
    flup_server,
    gunicorn_server,
    wsgiref_server,
)

# What nginx's fastcgi_params (or Apache's mod_proxy_fcgi) would send.
CGI_PARAMS = {
    "REQUEST_METHOD": "POST",
    "SCRIPT_NAME": "",
    "PATH_INFO": "/greet",
    "QUERY_STRING": "lang=en",
    "CONTENT_TYPE": "application/x-www-form-urlencoded",
    "SERVER_NAME": "example.test",
    "SERVER_PORT": "80",
    "SERVER_PROTOCOL": "HTTP/1.1",
}
BODY = b"name=Ada"


def stable(name, value):
    """Header values that change from run to run or release to release."""
    if name.lower() == "date":
        return "<date>"
    if name.lower() == "server":
        return re.sub(r"/[\w.]+", "", value)  # names only, no versions
    return value


def over_http(port):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request(
            "POST", "/greet?lang=en", body=BODY,
            headers={"Content-Type": CGI_PARAMS["CONTENT_TYPE"]},
        )  # fmt: skip
        response = connection.getresponse()
        version = "1.1" if response.version == 11 else "1.0"
        lines = [f"HTTP/{version} {response.status} {response.reason}"]
        lines += [f"{n}: {stable(n, v)}" for n, v in response.getheaders()]
        return lines, response.read()
    finally:
        connection.close()


def over_fastcgi(port):
    exchange = fcgi.fastcgi_request((HOST, port), CGI_PARAMS, BODY)
    status, headers, body = fcgi.parse_cgi_response(exchange.stdout())
    lines = [f"Status: {status}   (a CGI response inside STDOUT records)"]
    lines += [f"{name}: {value}" for name, value in headers]
    return lines, body


# --8<-- [end:http_call]


def three_servers():
    blocks = []
    with wsgiref_server() as port:
        blocks.append(("wsgiref.simple_server, over HTTP", over_http(port)))
    with gunicorn_server() as port:
        blocks.append(("gunicorn (2 sync workers), over HTTP", over_http(port)))
    with flup_server() as port:
        blocks.append(("flup WSGIServer, over FastCGI", over_fastcgi(port)))
    text = []
    for title, (head, body) in blocks:
        text += [f"=== {title}", *head, "", body.decode("utf-8")]
    return "\n".join(text)


def describe(direction, record):
    """One record: its 8-byte header in hex, then what its content means."""
    header = fcgi.HEADER.pack(
        fcgi.VERSION, record.type, record.request_id,
        len(record.content), record.padding,
    )  # fmt: skip
    name = fcgi.TYPE_NAMES[record.type]
    title = f"{direction} {name:<13} id={record.request_id} "
    title += f"len={len(record.content):<3} pad={record.padding}"
    lines = [title, f"     header  {fcgi.hex_bytes(header)}"]
    content = record.content
    if not content:
        lines.append("     (empty: end of this stream)")
    elif record.type in (fcgi.BEGIN_REQUEST, fcgi.END_REQUEST):
        lines.append(f"     content {fcgi.hex_bytes(content)}")
    elif record.type == fcgi.PARAMS:
        pairs = fcgi.decode_pairs(content)
        lines += [f"     {name}={value}" for name, value in pairs.items()]
    else:
        lines += [f"     {ln!r}" for ln in content.splitlines(keepends=True)]
    return lines


def fastcgi_wire():
    with flup_server() as port:
        exchange = fcgi.fastcgi_request((HOST, port), CGI_PARAMS, BODY)
    lines = []
    for record in exchange.sent:
        lines += describe("->", record)
    for record in exchange.received:
        lines += describe("<-", record)
    app_status, protocol_status = exchange.end()
    lines.append(f"END_REQUEST: appStatus={app_status}, {protocol_status}")
    return "\n".join(lines)


def multiplexing():
    lines = []
    for multiplexed in (False, True):
        with flup_server(multiplexed=multiplexed) as port:
            exchange = fcgi.interleaved(
                (HOST, port), CGI_PARAMS, [b"name=Ada", b"name=Grace"]
            )
        lines.append(f"flup WSGIServer(multiplexed={multiplexed}):")
        for request_id in (1, 2):
            _, protocol_status = exchange.end(request_id)
            stdout = exchange.stdout(request_id)
            answer = stdout.split(b"\r\n", 1)[0].decode() if stdout else "-"
            lines.append(
                f"  request {request_id}: {protocol_status:<16} {answer}"
            )
    return "\n".join(lines)


# --8<-- [start:cgi_fcgi]
def cgi_fcgi():
    """Debian's cgi-fcgi: a CGI program that forwards to a FastCGI app.

    The CGI request is its environment and stdin (RFC 3875); it replays
    them as FastCGI records and prints the CGI response it gets back.
    """
    binary = shutil.which("cgi-fcgi")
    if binary is None:
        raise FileNotFoundError("cgi-fcgi: install Debian's libfcgi-bin")
    with flup_server() as port:
        result = subprocess.run(
            [binary, "-bind", "-connect", f"{HOST}:{port}"],
            env={**CGI_PARAMS, "CONTENT_LENGTH": str(len(BODY))},
            input=BODY,
            capture_output=True,
            timeout=10,
            check=True,
        )
    return result.stdout.decode("utf-8").replace("\r\n", "\n")


# --8<-- [end:cgi_fcgi]


TRANSCRIPTS = {
    "three_servers": three_servers,
    "fastcgi_wire": fastcgi_wire,
    "multiplexing": multiplexing,
    "cgi_fcgi": cgi_fcgi,
}
