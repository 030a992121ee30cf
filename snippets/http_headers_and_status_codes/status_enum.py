"""http.HTTPStatus: names, reason phrases and classes of status codes.

Only what is the same on Python 3.11 to 3.14 is printed: 3.13 renamed 413,
414, 416 and 422 to RFC 9110's names (the page says so, and the tests check
each version)."""

# --8<-- [start:phrases]
from http import HTTPStatus

COVERED = [100, 200, 201, 204, 301, 302, 303, 304, 307, 308, 400, 401, 403,
           404, 405, 406, 409, 429, 500, 503]  # fmt: skip
for code in COVERED:
    status = HTTPStatus(code)
    print(f"{status.value} {status.name:<25} {status.phrase}")
# --8<-- [end:phrases]


# --8<-- [start:renamed]
# The pre-3.13 names work on every version; the RFC 9110 ones from 3.13.
print(HTTPStatus.REQUEST_ENTITY_TOO_LARGE == 413)
print(HTTPStatus.UNPROCESSABLE_ENTITY == 422)
print(HTTPStatus(413) is HTTPStatus.REQUEST_ENTITY_TOO_LARGE)  # one member
# --8<-- [end:renamed]


# --8<-- [start:classes]
CLASSES = {
    1: "informational",
    2: "success",
    3: "redirection",
    4: "client error",
    5: "server error",
}


def status_class(code):
    """The class a status code belongs to: its first digit decides."""
    return CLASSES[code // 100]


print([status_class(code) for code in (103, 204, 304, 429, 503)])
# --8<-- [end:classes]
