"""Exercise the example project's caches against a real Redis.

Run by transcribe.py in a subprocess, one topic per process:
    REDIS_URL=redis://127.0.0.1:6379/0 DJANGO_SECRET_KEY=... \
        python demo.py basics
"""

import os
import sys

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
django.setup()


# --8<-- [start:basics]
def basics():
    import redis
    from django.conf import settings
    from django.core.cache import cache  # the "default" alias

    raw = redis.Redis.from_url(settings.REDIS_URL)  # redis-py, no Django

    cache.set("greeting", {"text": "hello"})  # default timeout: 300 s
    cache.set("visits", 41)
    print("get:", cache.get("greeting"))
    print("miss:", cache.get("absent", "fallback"))
    print("incr:", cache.incr("visits"))
    print("Redis KEYS:", sorted(key.decode() for key in raw.keys("*")))
    print("make_key:", cache.make_key("greeting"))
    print("TTL shop:1:greeting:", raw.ttl("shop:1:greeting"))
    print("raw int:", raw.get("shop:1:visits"))
    print("raw dict starts:", raw.get("shop:1:greeting")[:2], "(pickle)")

    cache.set("greeting", "new wording", version=2)
    print("version 2 key:", cache.make_key("greeting", version=2))
    print("v1 still:", cache.get("greeting"))
    print("v2:", cache.get("greeting", version=2))

    raw.set("celery-task-meta", "not ours")  # another app's key, same db
    cache.clear()  # FLUSHDB: the whole Redis database, whatever the prefix
    print("other app's key after clear():", raw.get("celery-task-meta"))


# --8<-- [end:basics]


# --8<-- [start:timeouts]
def timeouts():
    import time

    import redis
    from django.conf import settings
    from django.core.cache import cache

    raw = redis.Redis.from_url(settings.REDIS_URL)

    def ttl(name):  # -1: no expiry; -2: no such key
        return raw.ttl(cache.make_key(name))

    cache.set("default", "x")
    cache.set("forever", "x", timeout=None)
    cache.set("at-once", "x", timeout=0)
    cache.set("brief", "x", timeout=1)
    print("TTL default:", ttl("default"))
    print("TTL None:", ttl("forever"))
    print("TTL 0:", ttl("at-once"), "get:", cache.get("at-once"))
    print("brief before:", cache.get("brief"), "TTL:", ttl("brief"))
    time.sleep(1.5)
    print("brief after 1.5 s:", cache.get("brief"), "TTL:", ttl("brief"))
    cache.touch("forever", 10)  # give a persistent key an expiry
    print("TTL after touch:", ttl("forever"))


# --8<-- [end:timeouts]


# --8<-- [start:replicas]
def replicas():
    import redis
    from django.conf import settings
    from django.core.cache import caches

    cache = caches["replicated"]  # LOCATION: [primary, replica]
    primary = redis.Redis.from_url(settings.REDIS_URL)
    replica = redis.Redis.from_url(settings.REDIS_REPLICA_URL)
    key = cache.make_key("color")

    cache.set("color", "blue")
    print("written to primary:", primary.exists(key) == 1)
    print("written to replica:", replica.exists(key) == 1)
    print("read via cache:", cache.get("color"))
    replica.set(key, primary.get(key))  # what replication would do
    print("read via cache after copying:", cache.get("color"))


# --8<-- [end:replicas]


# --8<-- [start:extras]
def extras():
    from django.core.cache import caches
    from django_redis import get_redis_connection

    builtin, extra = caches["default"], caches["extras"]
    raw = get_redis_connection("extras")  # the redis-py client itself

    page = "<p>report</p>" * 200
    extra.set("page", page, timeout=120)
    extra.set("config", {"theme": "dark"}, timeout=None)
    print("ttl page:", extra.ttl("page"), "ttl config:", extra.ttl("config"))
    print("bytes in Redis:", raw.strlen("extras:1:page"), "for", len(page))
    print("round trip:", extra.get("page") == page)
    print("keys('p*'):", extra.keys("p*"))
    print("delete_pattern('p*'):", extra.delete_pattern("p*"))

    lock = extra.lock("rebuild-report", timeout=10)
    with lock:
        rival = extra.lock("rebuild-report", timeout=10)
        print("second acquire:", rival.acquire(blocking=False))
    print("free again:", rival.acquire(blocking=False))
    rival.release()
    print("built-in has ttl():", hasattr(builtin, "ttl"))
    print("django-redis has ttl():", hasattr(extra, "ttl"))


# --8<-- [end:extras]


# --8<-- [start:per_view]
def per_view():
    import redis
    import views
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's host through
    raw = redis.Redis.from_url(settings.REDIS_URL)
    client = Client()

    for url in ("/report/", "/report/", "/report/?page=2"):
        response = client.get(url)
        body = response.content.decode().strip()
        print(f"GET {url}: {body!r}", response["Cache-Control"])
    print("view ran:", views.CALLS["report"], "times for 3 requests")
    print("Expires header set:", response.has_header("Expires"))
    for key in sorted(raw.keys("*")):
        print(key.decode(), "TTL", raw.ttl(key))


# --8<-- [end:per_view]


# --8<-- [start:per_site]
def per_site():
    import views
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    update = "django.middleware.cache.UpdateCacheMiddleware"
    fetch = "django.middleware.cache.FetchFromCacheMiddleware"
    session = "django.contrib.sessions.middleware.SessionMiddleware"
    orders = {
        "right": [update, session, fetch],  # Update first, Fetch last
        "wrong": [session, update, fetch],  # Update before Session's Vary
    }

    def logged_in(user):
        store = SessionStore()
        store["user"] = user
        store.save()  # signed cookie backend: the key is the data
        client = Client()
        client.cookies["sessionid"] = store.session_key
        return client

    for name, middleware in orders.items():
        views.CALLS.clear()
        with override_settings(
            MIDDLEWARE=middleware, CACHE_MIDDLEWARE_KEY_PREFIX=name
        ):
            for user in ("alice", "bob"):
                response = logged_in(user).get("/whoami/")
                body = response.content.decode().strip()
                print(f"{name}: {user} sees {body!r}", end=" ")
                print(f"(Vary: {response.get('Vary')})")
            print(f"{name}: view ran {views.CALLS['whoami']} time(s)")

    with override_settings(MIDDLEWARE=orders["right"]):
        for _ in range(2):
            body = Client().get("/private/").content.decode().strip()
        print(f"Cache-Control: private -> {body!r}")


# --8<-- [end:per_site]


# --8<-- [start:async_api]
def async_api():
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import redis
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.base import BaseCache

    cache = caches["default"]
    raw = redis.Redis.from_url(settings.REDIS_URL)

    async def handler():
        await cache.aset("async-key", "set from a coroutine", timeout=60)
        print("aget:", await cache.aget("async-key"))
        print("aget_or_set:", await cache.aget_or_set("n", 7))
        print("aincr:", await cache.aincr("n"))

    asyncio.run(handler())
    print("sync get sees it:", cache.get("async-key"))
    print("aget is BaseCache's:", type(cache).aget is BaseCache.aget)
    print("aincr is BaseCache's:", type(cache).aincr is BaseCache.aincr)

    async def race():  # ten coroutines increment one counter
        await cache.aset("hits", 0)
        await asyncio.gather(*(cache.aincr("hits") for _ in range(10)))
        return await cache.aget("hits")

    print("10 concurrent aincr, updates lost:", asyncio.run(race()) < 10)
    cache.set("hits", 0)
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda _: cache.incr("hits"), range(10)))
    print("10 concurrent incr (INCRBY):", cache.get("hits"))

    cache.set("ttl", 0, timeout=30)
    cache.incr("ttl")  # INCRBY keeps the key's expiry
    print("TTL after incr:", raw.ttl(cache.make_key("ttl")))
    asyncio.run(cache.aincr("ttl"))  # get + set: the default timeout again
    print("TTL after aincr:", raw.ttl(cache.make_key("ttl")))


# --8<-- [end:async_api]


# --8<-- [start:outage]
def outage():  # run with REDIS_URL pointing where nothing listens
    import redis
    from django.core.cache import caches

    try:
        caches["default"].get("greeting")
    except redis.ConnectionError as error:
        print("built-in backend raises:", type(error).__name__)
    tolerant = caches["tolerant"].get("greeting", "fallback")
    print("django-redis with IGNORE_EXCEPTIONS returns:", tolerant)


# --8<-- [end:outage]

TOPICS = {
    "basics": basics,
    "timeouts": timeouts,
    "replicas": replicas,
    "extras": extras,
    "per_view": per_view,
    "per_site": per_site,
    "async_api": async_api,
    "outage": outage,
}

TOPICS[sys.argv[1]]()  # this file is only ever run as a script
