"""A Tornado application: one event loop, and what blocks it."""

# --8<-- [start:handlers]
import asyncio
import concurrent.futures
import time

import tornado.web
from tornado.ioloop import IOLoop

# The loop's default executor has min(32, CPUs + 4) threads: 6 on 2 cores.
pool = concurrent.futures.ThreadPoolExecutor(max_workers=32)


class NonBlocking(tornado.web.RequestHandler):
    async def get(self):
        await asyncio.sleep(0.5)  # yields to the loop: others run meanwhile
        self.write({"handler": "non-blocking", "slept": 0.5})


class Blocking(tornado.web.RequestHandler):
    def get(self):
        time.sleep(0.2)  # holds the only thread: every connection waits
        self.write({"handler": "blocking", "slept": 0.2})


class Offloaded(tornado.web.RequestHandler):
    async def get(self):
        # The escape hatch: run blocking code on a thread pool and await it.
        await IOLoop.current().run_in_executor(pool, time.sleep, 0.2)
        self.write({"handler": "executor", "slept": 0.2})


class Ping(tornado.web.RequestHandler):
    def get(self):
        self.write({"pong": True})  # instant, unless the loop is busy


class ListBody(tornado.web.RequestHandler):
    def get(self):
        self.write(["a", "list"])  # TypeError: only dicts become JSON


# --8<-- [end:handlers]


# --8<-- [start:wsgi_container]
from tornado.wsgi import WSGIContainer


def slow_wsgi_app(environ, start_response):
    """A plain WSGI app (what Django or Flask would be) that blocks."""
    time.sleep(0.2)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from WSGI\n"]


serial_wsgi = WSGIContainer(slow_wsgi_app)  # runs on the loop's thread
pooled_wsgi = WSGIContainer(slow_wsgi_app, executor=pool)  # Tornado >= 6.3
# --8<-- [end:wsgi_container]


# --8<-- [start:application]
from tornado.web import FallbackHandler


def make_app():
    return tornado.web.Application(
        [
            (r"/non-blocking", NonBlocking),
            (r"/blocking", Blocking),
            (r"/executor", Offloaded),
            (r"/ping", Ping),
            (r"/list", ListBody),
            (r"/wsgi/serial", FallbackHandler, {"fallback": serial_wsgi}),
            (r"/wsgi/pooled", FallbackHandler, {"fallback": pooled_wsgi}),
        ]
    )


async def serve(port):
    """Listen on 127.0.0.1 until SIGTERM or SIGINT, then stop cleanly."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    # backlog: 200 connections may arrive at once (the default is 128).
    server = make_app().listen(port, address="127.0.0.1", backlog=1024)
    await stop.wait()
    server.stop()
    pool.shutdown(wait=False)


def main(port):
    asyncio.run(serve(port))


# --8<-- [end:application]
