"""The backend's key and timeout rules, without a server and without settings.

Nothing here configures Django or opens a connection, so it runs at build time.
"""

# --8<-- [start:rules]
from django.core.cache.backends.base import default_key_func
from django.core.cache.backends.redis import RedisCache, RedisSerializer

print(default_key_func("greeting", "shop", 1))

# Built from a LOCATION and the rest of a CACHES entry; no connection yet.
cache = RedisCache("redis://127.0.0.1:6379/0", {"KEY_PREFIX": "shop"})
print(cache.make_key("greeting"), cache.make_key("greeting", version=2))

# What each timeout becomes before it reaches Redis (0 means: delete).
for timeout in ("omitted", None, 0, -5, 2.9):
    args = () if timeout == "omitted" else (timeout,)
    print(f"timeout={timeout!r} -> {cache.get_backend_timeout(*args)!r}")

serializer = RedisSerializer()
print(serializer.dumps(41), serializer.dumps(True)[:2], serializer.loads(b"42"))
# --8<-- [end:rules]
