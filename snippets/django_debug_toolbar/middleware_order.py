"""A model of Django's middleware chain (plain functions, not Django): why the
toolbar must sit after GZipMiddleware in MIDDLEWARE."""

# --8<-- [start:onion]
import gzip

PAGE = b"<html><body><h1>Animals</h1></body></html>"


def view(request):
    return PAGE


def gzip_middleware(get_response):
    def middleware(request):
        return gzip.compress(get_response(request), mtime=0)

    return middleware


def toolbar_middleware(get_response):
    def middleware(request):
        body = get_response(request)
        toolbar = b'<div id="djDebug"></div>'
        return body.replace(b"</body>", toolbar + b"</body>")  # no-op if absent

    return middleware


def build(middleware_list, handler=view):
    """Wrap like Django: the first entry in the list is the outermost layer."""
    for factory in reversed(middleware_list):
        handler = factory(handler)
    return handler


def has_toolbar(response):
    return b'id="djDebug"' in gzip.decompress(response)


right = build([gzip_middleware, toolbar_middleware])
wrong = build([toolbar_middleware, gzip_middleware])
print("GZip first, then toolbar:", has_toolbar(right("GET /animals/")))
print("toolbar first, then GZip:", has_toolbar(wrong("GET /animals/")))
# --8<-- [end:onion]
