"""Predict the output: each section runs alone, with fresh globals."""

# --8<-- [start:weak_etag]
from snippets.http_headers_and_status_codes.app import fetch, running

with running() as port:
    _, _, headers, _ = fetch(port, "GET", "/article")
    tag = dict(headers)["ETag"]
    for sent in (tag, "W/" + tag, '"stale", ' + tag, "*", '"stale"'):
        status, reason, _, body = fetch(
            port, "GET", "/article", headers={"If-None-Match": sent}
        )
        print(status, reason, len(body), "bytes")
# --8<-- [end:weak_etag]


# --8<-- [start:post_redirect]
from email.message import Message
from urllib.error import HTTPError
from urllib.request import HTTPRedirectHandler, Request

handler = HTTPRedirectHandler()  # what urlopen uses to follow redirects
for code in (301, 302, 303, 307, 308):
    form = Request("http://127.0.0.1/form", data=b"name=kettle", method="POST")
    try:
        new = handler.redirect_request(
            form, None, code, "moved", Message(), "http://127.0.0.1/next"
        )
        print(code, "->", new.get_method(), new.data)
    except HTTPError as error:
        print(code, "->", type(error).__name__, error.code)
# --8<-- [end:post_redirect]


# --8<-- [start:cache_control]
from urllib.request import parse_http_list

value = 'max-age=60, no-cache="Set-Cookie, Authorization", public'
print(len(value.split(",")), "pieces with split(',')")
for directive in parse_http_list(value):
    name, _, argument = directive.partition("=")
    print(f"{name}: {argument or '-'}")
# --8<-- [end:cache_control]


# --8<-- [start:forged_address]
from snippets.http_headers_and_status_codes.proxies import serving, who

with serving() as port:
    seen = who(port, {"X-Forwarded-For": "203.0.113.7"})
print(seen["REMOTE_ADDR"])
print(seen["HTTP_X_FORWARDED_FOR"])
print(sorted(seen))
# --8<-- [end:forged_address]
