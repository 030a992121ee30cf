"""http.HTTPStatus: names, reason phrases and classes of status codes."""

# --8<-- [start:phrases]
from http import HTTPStatus

COVERED = [100, 200, 201, 204, 301, 302, 303, 304, 307, 308, 400, 401, 403,
           404, 405, 406, 409, 413, 422, 429, 500, 503]  # fmt: skip
for code in COVERED:
    status = HTTPStatus(code)
    print(f"{status.value} {status.name:<31} {status.phrase}")
# --8<-- [end:phrases]


# --8<-- [start:renamed]
print(HTTPStatus.REQUEST_ENTITY_TOO_LARGE == 413)  # the old name still works
print("CONTENT_TOO_LARGE" in HTTPStatus.__members__)  # True from 3.13
print("UNPROCESSABLE_CONTENT" in HTTPStatus.__members__)  # True from 3.13
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
print("is_success exists:", hasattr(HTTPStatus.OK, "is_success"))  # 3.12+
# --8<-- [end:classes]
