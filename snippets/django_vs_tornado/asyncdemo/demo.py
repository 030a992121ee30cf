"""Django's async side, run as its own process: `python demo.py`."""

import os
import sys
import tempfile

# --8<-- [start:setup]
import django

with tempfile.TemporaryDirectory() as scratch:
    os.environ["DEMO_DATABASE"] = os.path.join(scratch, "demo.db")
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    # --8<-- [end:setup]

    # --8<-- [start:orm_threads]
    import asyncio
    import threading

    from django.contrib.auth.models import User
    from django.core.exceptions import SynchronousOnlyOperation
    from django.db.backends.signals import connection_created

    connection_threads = []

    def note_thread(sender, connection, **kwargs):
        # Django keeps one connection per thread: note where each opens.
        connection_threads.append(threading.get_ident())

    connection_created.connect(note_thread)

    async def orm_from_async():
        loop_thread = threading.get_ident()
        await User.objects.acreate(username="ada")
        count = await User.objects.acount()
        print("acount() ->", count)
        print("connections opened since:", len(connection_threads))
        print("on the event loop's thread:", loop_thread in connection_threads)
        try:
            User.objects.count()  # the blocking API, called from async code
        except SynchronousOnlyOperation as error:
            print("count() ->", type(error).__name__ + ":", error)

    asyncio.run(orm_from_async())
    # --8<-- [end:orm_threads]

    # --8<-- [start:async_views]
    import time

    from django.test import AsyncClient

    async def concurrent_requests(path, count):
        client = AsyncClient()
        started = time.perf_counter()
        responses = await asyncio.gather(
            *(client.get(path) for _ in range(count))
        )
        total = time.perf_counter() - started
        return total, {r.status_code for r in responses}, responses[0]

    total, statuses, first = asyncio.run(concurrent_requests("/async/", 10))
    print("10 concurrent requests to an async view:", statuses)
    print("  under 1/4 of one-by-one (10 x 0.2 s):", total < 10 * 0.2 / 4)
    print("  body:", first.content.decode())
    _, _, users = asyncio.run(concurrent_requests("/users/", 1))
    print("GET /users/ ->", users.content.decode())
    # --8<-- [end:async_views]
    django.db.connections.close_all()
