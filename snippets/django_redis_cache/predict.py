"""Predictions for the cache page: the cache API's rules on LocMemCache.

LocMemCache needs no settings and no server, so these run while the site
is built; the page's tests check that the Redis backend answers the same.
Instances sharing a name share storage, so each section clears it first.
"""

# --8<-- [start:none_is_a_value]
from django.core.cache.backends.locmem import LocMemCache

cache = LocMemCache("none-is-a-value", {})
cache.clear()

cache.set("user:7", None)
print(cache.get("user:7", "fallback"))
print(cache.get("user:8", "fallback"))
print(cache.get_many(["user:7", "user:8"]))
print(cache.get_or_set("user:7", "computed"))
# --8<-- [end:none_is_a_value]

# --8<-- [start:timeout_zero]
from django.core.cache.backends.locmem import LocMemCache

# As if settings.CACHES said "TIMEOUT": 0 for this alias.
cache = LocMemCache("timeout-zero", {"TIMEOUT": 0})
cache.clear()

cache.set("a", "x")
cache.set("b", "x", timeout=None)
cache.set("c", "x", timeout=30)
print(cache.get("a"), cache.get("b"), cache.get("c"))
# --8<-- [end:timeout_zero]

# --8<-- [start:add_keeps_the_first]
from django.core.cache.backends.locmem import LocMemCache

cache = LocMemCache("add-keeps-the-first", {})
cache.clear()

print(cache.add("job:42", "worker-1", timeout=30))
print(cache.add("job:42", "worker-2", timeout=30))
print(cache.get("job:42"))
cache.set("job:42", "worker-3")
print(cache.get("job:42"))
# --8<-- [end:add_keeps_the_first]

# --8<-- [start:incr_missing_key]
from django.core.cache.backends.locmem import LocMemCache

cache = LocMemCache("incr-missing-key", {"KEY_PREFIX": "shop"})
cache.clear()

try:
    cache.incr("hits")
except ValueError as error:
    print(type(error).__name__, error)
cache.add("hits", 0)
print(cache.incr("hits"), cache.incr("hits", 10))
# --8<-- [end:incr_missing_key]
