"""A Tornado application is not a WSGI application."""

# --8<-- [start:not_wsgi]
import inspect

import tornado.web
import tornado.wsgi

tornado_app = tornado.web.Application([])  # routes do not change the answer
print(
    "Application.__call__ takes:",
    list(inspect.signature(tornado_app).parameters),
)
try:
    tornado_app({"REQUEST_METHOD": "GET", "PATH_INFO": "/"}, lambda *args: None)
except TypeError as error:
    print("called like WSGI -> TypeError:", error)
print("tornado.wsgi has WSGIAdapter:", hasattr(tornado.wsgi, "WSGIAdapter"))
print(
    "WSGIContainer takes:",
    list(inspect.signature(tornado.wsgi.WSGIContainer).parameters),
)
# --8<-- [end:not_wsgi]


# --8<-- [start:same_loop]
import asyncio

from tornado.ioloop import IOLoop


async def loops_match():
    return IOLoop.current().asyncio_loop is asyncio.get_running_loop()


print(
    "IOLoop.current() wraps the running asyncio loop:",
    asyncio.run(loops_match()),
)
# --8<-- [end:same_loop]
