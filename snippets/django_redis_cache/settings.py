"""Settings of the example project: every secret and address comes from the
environment, so nothing sensitive is written in code."""

import os

# --8<-- [start:basics]
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # no default: fail loudly
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"  # off unless asked for
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")
ROOT_URLCONF = "urls"
INSTALLED_APPS = []
DATABASES = {}
USE_TZ = True
TIME_ZONE = "UTC"
# --8<-- [end:basics]

# --8<-- [start:caches]
# redis://[[user]:password@]host:port/db, or rediss:// for TLS.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# A read replica of REDIS_URL; the same server when there is none.
REDIS_REPLICA_URL = os.environ.get("REDIS_REPLICA_URL", REDIS_URL)

CACHES = {
    # Django's own backend (4.0+): needs only the redis-py client.
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "shop",  # keys become shop:<version>:<key>
        "TIMEOUT": 300,  # the default: five minutes
    },
    # Writes go to the first server, reads to the others.
    "replicated": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": [REDIS_URL, REDIS_REPLICA_URL],
        "KEY_PREFIX": "replicated",
    },
    # The third-party django-redis backend, with compression turned on.
    "extras": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "extras",
        "OPTIONS": {
            "COMPRESSOR": "django_redis.compressors.zlib.ZlibCompressor",
        },
    },
    # django-redis again: a Redis outage reads as a miss instead of an error.
    "tolerant": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True},
    },
}
# --8<-- [end:caches]

# --8<-- [start:middleware]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
# Read by the per-site cache middleware (demo.py turns it on).
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_SECONDS = 30
CACHE_MIDDLEWARE_KEY_PREFIX = "site"
# Sessions in a signed cookie: no database needed for this example.
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
# --8<-- [end:middleware]
