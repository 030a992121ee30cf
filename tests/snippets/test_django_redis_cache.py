"""Claims of docs/questions/django-redis-cache.md, proven against a real redis-server.

Django is never configured in this process: every Django run is a child process
(snippets/django_redis_cache/demo.py or manage.py) and this file looks at what it
printed and at what it left in Redis, read with redis-py.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import runpy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from django.core.cache.backends.redis import RedisCache

from snippets import loopback
from snippets.django_redis_cache import transcribe
from tests.conftest import assigned_dict_keys, empty_redis_db

with contextlib.redirect_stdout(io.StringIO()):  # it prints its demo
    from snippets.django_redis_cache import offline

PROJECT = Path(transcribe.__file__).resolve().parent
pytestmark = pytest.mark.server


@pytest.fixture
def db_url(redis_url: str) -> Iterator[str]:
    """Database 7 of the session's redis-server, empty before and after the test."""
    with empty_redis_db(redis_url, 7) as url:
        yield url


@pytest.fixture
def raw(db_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(db_url)
    yield client
    client.close()


def lines(topic: str, url: str, replica: str | None = None) -> list[str]:
    return transcribe.run_demo(topic, url, replica).splitlines()


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    child_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    child_env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**child_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_key_and_timeout_rules_without_a_server() -> None:
    """The build-time block: no settings, no connection, real Django code."""
    assert offline.default_key_func("greeting", "shop", 1) == "shop:1:greeting"
    assert offline.cache.make_key("greeting", version=2) == "shop:2:greeting"
    assert offline.cache.get_backend_timeout() == 300  # Django's default TIMEOUT
    assert offline.cache.get_backend_timeout(None) is None  # persistent key
    assert offline.cache.get_backend_timeout(0) == 0  # the client deletes the key
    assert offline.cache.get_backend_timeout(-5) == 0
    assert offline.cache.get_backend_timeout(2.9) == 2  # whole seconds, truncated
    serializer = offline.RedisSerializer()
    assert serializer.dumps(41) == 41  # stored as a Redis integer
    assert pickle.loads(serializer.dumps(True)) is True
    assert serializer.loads(b"42") == 42
    # Building the backend opened nothing: the client is created lazily.
    assert "_cache" not in vars(offline.cache)


def test_transcribe_lists_every_demo_topic() -> None:
    assert assigned_dict_keys(PROJECT / "demo.py", "TOPICS") == transcribe.TOPICS


def test_settings_pass_system_checks(db_url: str) -> None:
    result = manage("check", env={"REDIS_URL": db_url, "DJANGO_SECRET_KEY": "k"})
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_key() -> None:
    result = manage("check", env={})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def django_shell(code: str, db_url: str):
    """Run `code` in the example project's `manage.py shell`, against `db_url`."""
    env = {"REDIS_URL": db_url, "DJANGO_SECRET_KEY": "k"}
    return manage("shell", "-v", "0", "-c", code, env=env)


def test_settings_are_safe_by_default(db_url: str) -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.CACHES['default']['BACKEND'],"
        " s.CACHES['default']['LOCATION'] == s.REDIS_URL)"
    )
    result = django_shell(code, db_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['localhost']",
        "django.core.cache.backends.redis.RedisCache",
        "True",
    ]


def test_builtin_backend_set_get_and_raw_keys(db_url: str, raw: redis.Redis) -> None:
    out = lines("basics", db_url)
    assert "get: {'text': 'hello'}" in out
    assert "miss: fallback" in out
    assert "incr: 42" in out
    assert "Redis KEYS: ['shop:1:greeting', 'shop:1:visits']" in out
    assert "make_key: shop:1:greeting" in out
    assert "version 2 key: shop:2:greeting" in out
    assert "v1 still: {'text': 'hello'}" in out
    assert "v2: new wording" in out
    (ttl,) = [line for line in out if line.startswith("TTL shop:1:greeting:")]
    assert 290 < int(ttl.split()[-1]) <= 300  # TIMEOUT 300
    assert "raw int: b'42'" in out  # ints are stored as plain numbers
    assert "raw dict starts: b'\\x80\\x05' (pickle)" in out  # pickle protocol 5
    # clear() is FLUSHDB: it also removed the key another app had stored.
    assert "other app's key after clear(): None" in out
    assert raw.dbsize() == 0


def test_values_are_pickled_except_plain_ints(db_url: str, raw: redis.Redis) -> None:
    """What the child's cache.set() leaves in Redis, read without Django."""
    code = (
        "from django.core.cache import cache;"
        "cache.set('greeting', {'text': 'hello'}); cache.set('visits', 41);"
        "cache.set('flag', True)"
    )
    result = django_shell(code, db_url)
    assert result.returncode == 0, result.stderr
    keys = sorted(key.decode() for key in raw.keys("*"))
    assert keys == ["shop:1:flag", "shop:1:greeting", "shop:1:visits"]
    assert 290 < raw.ttl("shop:1:greeting") <= 300
    assert raw.get("shop:1:visits") == b"41"
    assert raw.incr("shop:1:visits") == 42  # so Redis INCR works on them
    assert pickle.loads(raw.get("shop:1:greeting")) == {"text": "hello"}
    assert pickle.loads(raw.get("shop:1:flag")) is True  # bool is pickled


def test_timeouts_none_zero_and_expiry(db_url: str, raw: redis.Redis) -> None:
    out = lines("timeouts", db_url)
    assert "TTL None: -1" in out
    assert "TTL 0: -2 get: None" in out  # timeout=0: the key is deleted
    assert "brief before: x TTL: 1" in out
    assert "brief after 1.5 s: None TTL: -2" in out
    assert "TTL after touch: 10" in out
    assert 290 < raw.ttl("shop:1:default") <= 300
    assert raw.exists("shop:1:at-once", "shop:1:brief") == 0
    assert 0 < raw.ttl("shop:1:forever") <= 10


def test_first_location_takes_writes_others_take_reads(db_url: str) -> None:
    primary = redis.Redis.from_url(db_url)
    with loopback.redis_server() as replica_url:
        replica = redis.Redis.from_url(replica_url)
        out = lines("replicas", db_url, replica_url)
        assert out == [
            "written to primary: True",
            "written to replica: False",
            "read via cache: None",  # the read went to the empty second server
            "read via cache after copying: blue",
        ]
        assert replica.exists("replicated:1:color") == 1
        # This alias sets no TIMEOUT: Django's default of 300 seconds applies.
        assert 290 < primary.ttl("replicated:1:color") <= 300
        replica.close()
    assert primary.exists("replicated:1:color") == 1
    primary.close()


def test_django_redis_extras(db_url: str, raw: redis.Redis) -> None:
    out = lines("extras", db_url)
    assert "ttl page: 120 ttl config: None" in out
    (stored,) = [line for line in out if line.startswith("bytes in Redis:")]
    compressed, original = int(stored.split()[3]), int(stored.split()[5])
    assert compressed < original / 10  # zlib compression on
    assert "round trip: True" in out
    assert "keys('p*'): ['page']" in out
    assert "delete_pattern('p*'): 1" in out
    assert "second acquire: False" in out  # the lock excludes a rival
    assert "free again: True" in out
    assert "built-in has ttl(): False" in out
    assert "django-redis has ttl(): True" in out
    assert raw.exists("extras:1:page") == 0
    assert raw.ttl("extras:1:config") == -1
    assert raw.exists("extras:1:rebuild-report") == 0  # lock released


def test_cache_page_serves_the_cached_body(db_url: str, raw: redis.Redis) -> None:
    out = lines("per_view", db_url)
    assert out[:4] == [
        "GET /report/: 'report built 1 time(s)' max-age=60",
        "GET /report/: 'report built 1 time(s)' max-age=60",  # from Redis
        "GET /report/?page=2: 'report built 2 time(s)' max-age=60",
        "view ran: 2 times for 3 requests",
    ]
    assert "Expires header set: True" in out
    # The key holds an MD5 of the absolute URL, query string included.
    for url in ("http://testserver/report/", "http://testserver/report/?page=2"):
        digest = hashlib.md5(url.encode()).hexdigest()
        keys = [key.decode() for key in raw.keys(f"*{digest}*")]
        assert len(keys) == 2, keys
        assert any(".cache_page..GET." in key for key in keys)
        assert any(".cache_header.." in key for key in keys)
        assert all(key.startswith("shop:1:views.decorators.cache.") for key in keys)
        assert all(0 < raw.ttl(key) <= 60 for key in keys)
        # The second hash covers the headers named in Vary: none, so MD5 of b"".
        empty = hashlib.md5(b"").hexdigest()
        assert any(key.endswith(f"{digest}.{empty}.en-us.UTC") for key in keys)


def test_per_site_cache_middleware_order(db_url: str) -> None:
    out = lines("per_site", db_url)
    assert out == [
        "right: alice sees 'hello alice' (Vary: Cookie)",
        "right: bob sees 'hello bob' (Vary: Cookie)",
        "right: view ran 2 time(s)",
        "wrong: alice sees 'hello alice' (Vary: Cookie)",
        "wrong: bob sees 'hello alice' (Vary: None)",  # another user's page
        "wrong: view ran 1 time(s)",
        "Cache-Control: private -> 'private page, built 2 time(s)'",
    ]


def test_async_methods_share_the_cache(db_url: str, raw: redis.Redis) -> None:
    out = lines("async_api", db_url)
    assert out == [
        "aget: set from a coroutine",
        "aget_or_set: 7",
        "aincr: 8",
        "sync get sees it: set from a coroutine",
        "aget is BaseCache's: True",  # sync_to_async around get(), in a thread
        "aincr is BaseCache's: True",  # get, add, set: not Redis INCRBY
        "10 concurrent aincr, updates lost: True",
        "10 concurrent incr (INCRBY): 10",
        "TTL after incr: 30",
        "TTL after aincr: 300",  # the set() inside aincr reset the expiry
    ]
    assert raw.exists("shop:1:async-key") == 1
    assert raw.get("shop:1:n") == b"8"
    assert raw.get("shop:1:hits") == b"10"
    assert 290 < raw.ttl("shop:1:ttl") <= 300


def test_a_redis_outage_raises_unless_django_redis_ignores_it() -> None:
    dead = f"redis://{loopback.HOST}:{loopback.free_port()}/0"
    assert lines("outage", dead) == [
        "built-in backend raises: ConnectionError",
        "django-redis with IGNORE_EXCEPTIONS returns: fallback",
    ]


# Predict the output: the API's rules on LocMemCache at build time, and the same rules
# on the Redis backend, so the page's claim "Redis answers the same" is proven too.

PREDICT = PROJECT / "predict.py"


def test_predict_file_runs_as_a_script() -> None:
    """predict.py is in the example project: the run-every-snippet test skips it."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        runpy.run_path(str(PREDICT), run_name="__main__")
    assert output.getvalue().count("\n") == 11


def test_predict_none_is_a_value(predict) -> None:
    out = predict("django_redis_cache/predict.py:none_is_a_value")
    # A stored None is a hit: not replaced by the default, listed by get_many,
    # and get_or_set does not compute a new value.
    assert out.splitlines() == ["None", "fallback", "{'user:7': None}", "None"]


def test_predict_timeout_zero(predict) -> None:
    out = predict("django_redis_cache/predict.py:timeout_zero")
    # TIMEOUT 0 as the alias default: a plain set() expires at once; an explicit
    # timeout (None = forever, or seconds) overrides it.
    assert out.splitlines() == ["None x x"]


def test_predict_add_keeps_the_first(predict) -> None:
    out = predict("django_redis_cache/predict.py:add_keeps_the_first")
    assert out.splitlines() == ["True", "False", "worker-1", "worker-3"]


def test_predict_incr_missing_key(predict) -> None:
    out = predict("django_redis_cache/predict.py:incr_missing_key")
    # incr() never creates a key; the message names the stored key (prefix:version:key).
    assert out.splitlines() == ["ValueError Key 'shop:1:hits' not found", "1 11"]


def test_redis_backend_answers_the_predictions_the_same(db_url: str) -> None:
    """The same calls on the built-in RedisCache, against a real redis-server."""
    cache = RedisCache(db_url, {"KEY_PREFIX": "shop"})
    zero = RedisCache(db_url, {"TIMEOUT": 0})
    try:
        cache.set("user:7", None)
        assert cache.get("user:7", "fallback") is None
        assert cache.get("user:8", "fallback") == "fallback"
        assert cache.get_many(["user:7", "user:8"]) == {"user:7": None}
        assert cache.get_or_set("user:7", "computed") is None

        zero.set("a", "x")
        zero.set("b", "x", timeout=None)
        zero.set("c", "x", timeout=30)
        assert [zero.get("a"), zero.get("b"), zero.get("c")] == [None, "x", "x"]

        assert cache.add("job:42", "worker-1", timeout=30) is True
        assert cache.add("job:42", "worker-2", timeout=30) is False
        assert cache.get("job:42") == "worker-1"

        with pytest.raises(ValueError, match=r"^Key 'shop:1:hits' not found\.$"):
            cache.incr("hits")
        cache.add("hits", 0)
        assert (cache.incr("hits"), cache.incr("hits", 10)) == (1, 11)
    finally:
        cache.close()
        zero.close()
