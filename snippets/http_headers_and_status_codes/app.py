"""A small HTTP/1.1 application that answers with every status code the page
covers, and a client that prints what came back. Importing it runs nothing.

The server listens on 127.0.0.1 on a port the kernel picks, in a thread that is
always shut down when its `with` block ends.
"""

# --8<-- [start:app]
import base64
import contextlib
import gzip
import hashlib
import hmac
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = ("<p>HTTP status codes, explained.</p>\n" * 20).encode()
PACKED = gzip.compress(ARTICLE, mtime=0)  # mtime=0: the same bytes every run


def etag(data):  # a strong validator: changes whenever the bytes change
    return '"' + hashlib.sha256(data).hexdigest()[:16] + '"'


def none_match(header, tag):
    """If-None-Match compares weakly: a W/ prefix on either side is ignored,
    and * matches any current representation."""
    sent = re.findall(r'\*|(?:W/)?"[^"]*"', header)
    return "*" in sent or tag.removeprefix("W/") in [
        t.removeprefix("W/") for t in sent
    ]


USERS = {"alice": ("wonderland", "admin"), "bob": ("builder", "reader")}
SESSION_COOKIE = "session=abc123; Path=/; Max-Age=3600; HttpOnly; Secure"
SESSION_COOKIE += "; SameSite=Lax"
MAX_UPLOAD = 1024
ITEMS = {"42": {"name": "teapot"}}  # shared by every request: the "database"
# http.server takes reason phrases from HTTPStatus, which has RFC 9110's
# wording for these two only from Python 3.13: say them ourselves.
PHRASES = {413: "Content Too Large", 422: "Unprocessable Content"}


def quality(header, *names):
    """The q-value an Accept-style header gives the first of `names` it
    lists (q defaults to 1); 0.0 when it lists none of them."""
    offers = {}
    for part in header.split(","):
        name, *params = [piece.strip() for piece in part.split(";")]
        q = [float(p[2:]) for p in params if p.startswith("q=")]
        offers[name.lower()] = q[0] if q else 1.0
    return next((offers[n] for n in names if n in offers), 0.0)


class App(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.dispatch(
            {
                "/article": self.article,
                "/greeting": self.greeting,
                "/account": self.account,
                "/admin": self.admin,
                "/items/42": self.show_item,
                "/old-article": self.redirect(301, "/article"),
                "/latest": self.redirect(302, "/article"),
                "/moved-api": self.redirect(308, "/items/42"),
                "/busy": self.too_many,
                "/crash": self.crash,
                "/maintenance": self.maintenance,
            }
        )

    def do_POST(self):
        self.dispatch(
            {
                "/items": self.create_item,
                "/upload": self.upload,
                "/search": self.redirect(303, "/article"),
                "/v1/items": self.redirect(307, "/items"),
            }
        )

    def do_DELETE(self):
        self.dispatch({"/items/42": self.delete_item})

    def do_PUT(self):  # known paths, a method none of them supports
        self.dispatch({})

    def dispatch(self, routes):
        allowed = {"/items": "GET, POST", "/items/42": "GET, DELETE"}
        handler = routes.get(self.path)
        if handler is None and self.path in allowed:
            return self.send(405, headers={"Allow": allowed[self.path]})
        if handler is None:
            return self.send(404, b"no such page\n")
        try:
            handler()
        except Exception:  # never leak a traceback to the client
            self.send(500, b"something went wrong on our side\n")

    def send(self, status, body=b"", headers=(), kind="text/plain"):
        self.send_response(status, PHRASES.get(status))
        headers = dict(headers)
        if status not in (204, 304):  # these two never carry content
            headers.setdefault("Content-Type", f"{kind}; charset=utf-8")
            headers["Content-Length"] = str(len(body))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def version_string(self):
        return "demo/1.0"

    def log_message(self, format, *args):
        pass

    # -- content negotiation, validation, cookies ---------------------------
    def article(self):
        gzipped = quality(self.headers.get("Accept-Encoding", ""), "gzip") > 0
        body = PACKED if gzipped else ARTICLE
        headers = {
            "ETag": etag(body),  # each encoding is its own representation
            "Cache-Control": "no-cache",  # may be stored; revalidate each use
            "Vary": "Accept-Encoding",  # caches: the body depends on it
        }
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        if none_match(self.headers.get("If-None-Match", ""), headers["ETag"]):
            return self.send(304, headers=headers)
        self.send(200, body, headers, kind="text/html")

    def greeting(self):
        wanted = self.headers.get("Accept-Language", "")
        words = {"en": b"hello\n", "fr": b"bonjour\n"}
        language = max(words, key=lambda tag: quality(wanted, tag))
        headers = {"Content-Language": language, "Vary": "Accept-Language"}
        self.send(200, words[language], headers)

    def account(self):
        headers = {"Cache-Control": "no-store", "Set-Cookie": SESSION_COOKIE}
        self.send(200, b"your account\n", headers)

    def show_item(self):
        accept = self.headers.get("Accept", "*/*")
        if quality(accept, "application/json", "application/*", "*/*") == 0:
            return self.send(406, b"this resource is JSON only\n")
        body = json.dumps(ITEMS["42"]).encode()
        self.send(200, body, kind="application/json")

    # -- 2xx and 3xx for writes ---------------------------------------------
    def redirect(self, status, target):
        return lambda: self.send(status, headers={"Location": target})

    def create_item(self):
        length = int(self.headers.get("Content-Length", 0))
        try:
            item = json.loads(self.rfile.read(length))
        except ValueError:
            return self.send(400, b"the body is not JSON\n")
        if not isinstance(item, dict) or not item.get("name"):
            return self.send(422, b'"name" is required\n')
        if item["name"] in {known["name"] for known in ITEMS.values()}:
            return self.send(409, b"an item with that name exists\n")
        body = json.dumps(item).encode()
        self.send(201, body, {"Location": "/items/43"}, "application/json")

    def delete_item(self):
        self.send(204)

    # -- 4xx and 5xx ----------------------------------------------------------
    def user(self):
        """The user whose Basic credentials are right, else None."""
        scheme, _, token = self.headers.get("Authorization", "").partition(" ")
        try:
            pair = base64.b64decode(token, validate=True).decode()
        except ValueError:  # not base64, or not UTF-8
            return None
        name, _, password = pair.partition(":")
        stored = USERS.get(name, ("",))[0]
        ok = scheme == "Basic" and name in USERS
        return name if hmac.compare_digest(stored, password) and ok else None

    def admin(self):
        user = self.user()
        if user is None:  # not authenticated: 401 and how to authenticate
            challenge = {"WWW-Authenticate": 'Basic realm="admin"'}
            return self.send(401, b"who are you?\n", challenge)
        if USERS[user][1] != "admin":  # authenticated, not allowed: 403
            return self.send(403, b"you may not see this\n")
        self.send(200, b"admin area\n")

    def upload(self):
        length = int(self.headers.get("Content-Length", 0))
        if length > MAX_UPLOAD:
            self.close_connection = True  # the unread body ends the connection
            return self.send(413, b"too large\n", {"Connection": "close"})
        self.rfile.read(length)
        self.send(200, b"stored\n")

    def too_many(self):
        self.send(429, b"slow down\n", {"Retry-After": "30"})

    def crash(self):
        raise RuntimeError("a bug in the handler")

    def maintenance(self):
        self.send(503, b"back soon\n", {"Retry-After": "120"})


@contextlib.contextmanager
def running():
    """Serve App on 127.0.0.1 in a thread; yield the port; always shut down."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), App)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --8<-- [end:app]


# --8<-- [start:client]
import http.client

SHOWN = {
    "Allow", "Cache-Control", "Connection", "Content-Encoding",
    "Content-Language", "Content-Type", "ETag", "Location", "Retry-After",
    "Set-Cookie", "Vary", "WWW-Authenticate",
}  # fmt: skip


def fetch(port, method, path, body=None, headers=None):
    """One request on a fresh connection: (status, reason, headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        shown = [(k, v) for k, v in response.getheaders() if k in SHOWN]
        return response.status, response.reason, shown, data
    finally:
        conn.close()


def show(port, method, path, body=None, headers=None):
    status, reason, shown, _ = fetch(port, method, path, body, headers)
    print(f"{method} {path} -> {status} {reason}")
    for name, value in shown:
        print(f"    {name}: {value}")


# --8<-- [end:client]
