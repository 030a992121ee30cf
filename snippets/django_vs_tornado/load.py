"""Many requests at once against the Tornado server, timed."""

# --8<-- [start:burst]
import asyncio
import time

from tornado.httpclient import AsyncHTTPClient


async def fetch_all(url, count):
    """`count` GETs started together; (seconds until the last, statuses)."""
    # max_clients defaults to 10: the client would queue the rest itself.
    client = AsyncHTTPClient(force_instance=True, max_clients=count)
    started = time.perf_counter()
    try:
        responses = await asyncio.gather(
            *(client.fetch(url, request_timeout=60) for _ in range(count))
        )
    finally:
        client.close()
    return time.perf_counter() - started, [r.code for r in responses]


def burst(url, count):
    return asyncio.run(fetch_all(url, count))


async def ping_while(busy_url, count, ping_url):
    """Send /ping while `count` requests to `busy_url` are in flight.

    Returns how many of those had already finished when /ping was answered.
    """
    client = AsyncHTTPClient(force_instance=True, max_clients=count + 1)
    finished = []

    async def fetch(url, label):
        await client.fetch(url, request_timeout=60)
        finished.append(label)

    try:
        busy = [
            asyncio.ensure_future(fetch(busy_url, "busy")) for _ in range(count)
        ]
        await asyncio.sleep(0.2)  # let the busy requests reach the server
        await fetch(ping_url, "ping")
        await asyncio.gather(*busy)
    finally:
        client.close()
    return finished.index("ping")


# --8<-- [end:burst]


# --8<-- [start:verdict]
def verdict(total, count, sleep):
    """A run-to-run stable description of a timing, with wide margins.

    One after another, `count` requests that each wait `sleep` seconds
    take at least count * sleep. Queued: at least 0.8x that sum.
    Overlapped: under a quarter of it.
    """
    serial = count * sleep
    if total >= 0.8 * serial:
        return "queued: at least 0.8x the sum of their waits (one by one)"
    if total < serial / 4:
        return "overlapped: under 1/4 of the sum of their waits"
    return "neither clearly overlapped nor queued (a loaded machine?)"


# --8<-- [end:verdict]
