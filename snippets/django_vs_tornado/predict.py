"""Predict the output: event-loop, Tornado and Django-async traps.

Each section runs on its own on the page, so each imports what it uses; the
`del` lines between sections only keep this file, run whole, free of clashes.
"""

# --8<-- [start:sleep_in_coroutine]
import asyncio
import time


async def blocks(name):
    print(name, "starts")
    time.sleep(0.01)  # async def does not make this call yield
    print(name, "ends")


async def awaits(name):
    print(name, "starts")
    await asyncio.sleep(0.01)  # hands the loop back while it waits
    print(name, "ends")


async def main():
    await asyncio.gather(blocks("A"), blocks("B"))
    await asyncio.gather(awaits("C"), awaits("D"))


asyncio.run(main())
# --8<-- [end:sleep_in_coroutine]
del time


# --8<-- [start:ping_behind_blocking_handler]
import asyncio
import time

import tornado.web

from snippets.django_vs_tornado.inprocess import fetch  # in process, no socket


class Report(tornado.web.RequestHandler):
    def get(self):
        time.sleep(0.05)  # a synchronous database driver, say
        print("report answered")


class Ping(tornado.web.RequestHandler):
    def get(self):
        print("ping answered")


app = tornado.web.Application([("/report", Report), ("/ping", Ping)])


async def main():
    await asyncio.gather(fetch(app, "/report"), fetch(app, "/ping"))


asyncio.run(main())
# --8<-- [end:ping_behind_blocking_handler]
del fetch


# --8<-- [start:write_after_finish]
import asyncio

import tornado.web

from snippets.django_vs_tornado.inprocess import fetch


class Done(tornado.web.RequestHandler):
    def get(self):
        self.finish("done")
        self.write(" and more")


app = tornado.web.Application([("/done", Done)])
response = asyncio.run(fetch(app, "/done"))
print(response.status, response.body)
print("logged:", [repr(error) for error in response.logged])
# --8<-- [end:write_after_finish]


# --8<-- [start:sync_view_thread]
import asyncio
import threading

from asgiref.sync import sync_to_async


def sync_view(request):
    return threading.get_ident()


async def asgi_server():
    loop_thread = threading.get_ident()
    # What Django's ASGI handler does with a view that is not async:
    view_thread = await sync_to_async(sync_view, thread_sensitive=True)(None)
    print(
        "sync view ran on the event loop's thread:", view_thread == loop_thread
    )


asyncio.run(asgi_server())
# --8<-- [end:sync_view_thread]


# --8<-- [start:decorated_async_view]
import functools

from asgiref.sync import iscoroutinefunction  # the test Django's handler uses


async def orders(request):
    """An async view: awaits the database, returns a response."""


def logged(view):
    @functools.wraps(view)
    def wrapper(request):
        return view(request)

    return wrapper


print(iscoroutinefunction(orders), iscoroutinefunction(logged(orders)))
result = logged(orders)(None)
print(type(result).__name__)
result.close()  # never awaited: Django would refuse it
# --8<-- [end:decorated_async_view]
