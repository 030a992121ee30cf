"""Claims of docs/questions/background-tasks-celery.md, proven against a real
redis-server and real Celery worker processes.

Every demo topic runs in a child process (as its transcript does), which
starts and stops its own workers; this file checks what it printed and what
it left in Redis. The task functions are also called in this process, so
that every line of them is proven even where a worker's child is killed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator

import pytest
import redis
from celery import Celery
from celery.contrib.django.task import DjangoTask
from celery.utils.time import get_exponential_backoff_interval
from kombu.exceptions import EncodeError
from kombu.transport.redis import Channel

from snippets.background_tasks_celery import demo, tasks, transcribe
from tests.conftest import empty_redis_db

pytestmark = pytest.mark.server


@pytest.fixture
def db_url(redis_url: str) -> Iterator[str]:
    """Database 5 of the session's redis-server, empty before and after the test."""
    with empty_redis_db(redis_url, 5) as url:
        yield url


@pytest.fixture
def raw(db_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(db_url, decode_responses=True)
    yield client
    client.close()


@pytest.fixture
def in_process(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The task functions, called here, write to the test's database."""
    monkeypatch.setattr(tasks, "REDIS_URL", db_url)
    return db_url


def lines(topic: str, url: str) -> list[str]:
    return transcribe.run_demo(topic, url).splitlines()


def test_transcribe_lists_every_demo_topic() -> None:
    assert list(demo.TOPICS) == transcribe.TOPICS


def test_the_apps_settings_and_celerys_defaults() -> None:
    fresh = Celery("fresh")
    assert fresh.conf.task_serializer == "json"  # the default, since 4.0
    assert fresh.conf.task_acks_late is False  # early ack by default
    assert fresh.conf.task_reject_on_worker_lost is None
    assert fresh.conf.task_always_eager is False
    assert Channel.visibility_timeout == 3600  # one hour, Redis transport
    conf = tasks.app.conf
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.broker_transport_options["visibility_timeout"] == 3600
    assert conf.broker_url == conf.result_backend == tasks.REDIS_URL


def test_request_answers_202_and_the_message_waits_in_redis(
    db_url: str, raw: redis.Redis
) -> None:
    assert lines("enqueue", db_url) == [
        "response: 202 Accepted {'Location': '/tasks/<task-id>'}"
        " {'task_id': '<task-id>'}",
        "receipts sent when it answered: 0",  # the work comes later
        "queue 'celery' length, no worker yet: 1",
        "content-type: application/json",
        "task: shop.send_receipt",
        "body: args [42] kwargs {} (JSON, base64-encoded)",
        "state before a worker runs: PENDING",
        "get(): receipt for order 42 sent",
        "state: SUCCESS",
        "queue length after: 0",
        "receipts sent: ['42']",
        "result stored under: ['celery-task-meta-<task-id>']",
    ]
    assert raw.llen("celery") == 0
    assert raw.lrange("sent", 0, -1) == ["42"]


def test_countdown_eta_expires_and_json_only(db_url: str, raw: redis.Redis) -> None:
    assert lines("options", db_url) == [
        "(1,) eta set: True expires set: False",  # countdown becomes an eta
        "(2,) eta set: True expires set: False",
        "(3,) eta set: False expires set: True",
        "an object as argument: EncodeError",  # refused when sent
        "queued: 3",
        "countdown: receipt for order 1 sent",
        "eta: receipt for order 2 sent",
        "expired: REVOKED TaskRevokedError expired",
        "receipts sent: ['1', '2']",  # the expired one never ran
    ]


def test_autoretry_backoff_and_explicit_retry(db_url: str) -> None:
    started = time.monotonic()
    assert lines("retries", db_url) == [
        "flaky: EUR rate fetched on attempt 3",
        "  attempts: ['1', '2', '3']",
        "down: FAILURE rate API down (attempt 4)",  # 1 + max_retries=3
        "  attempts: ['1', '2', '3', '4']",
        "notify: FAILURE push service timed out",  # 1 + max_retries=2
        "  request.retries seen: ['0', '1', '2']",
    ]
    # The GBP task waited 1 + 2 + 4 s between its four attempts.
    assert time.monotonic() - started > 7


def test_backoff_doubles_from_one_second() -> None:
    waits = [get_exponential_backoff_interval(1, n, 600) for n in range(4)]
    assert waits == [1, 2, 4, 8]
    assert get_exponential_backoff_interval(1, 20, 600) == 600  # the cap
    assert tasks.fetch_rate.retry_backoff is True
    assert tasks.fetch_rate.retry_jitter is False


def test_same_message_twice_charges_once(db_url: str, raw: redis.Redis) -> None:
    assert lines("idempotency", db_url) == [
        "shop.charge_naive ['charged', 'charged']",
        "  ledger (cents): 1000",  # charged twice
        "shop.charge ['charged', 'already charged, skipped']",
        "  ledger (cents): 500",
    ]
    assert raw.exists("charged:pay-1") == 1
    assert 0 < raw.ttl("charged:pay-1") <= 86400


def test_a_killed_worker_loses_early_acks_and_redelivers_late_ones(
    db_url: str,
) -> None:
    assert lines("crash", db_url) == [
        "shop.build_report_early_ack acks_late = False",
        "  queue: 0 unacked: 0",  # acked before it ran: gone
        "  no result after 6 s: TimeoutError",
        "  state: PENDING",
        "shop.build_report acks_late = True",
        "  queue: 0 unacked: 1",  # still owed an ack
        "  result: shop.build_report done on delivery 2",
        "  state: SUCCESS",
    ]


def test_reject_on_worker_lost_requeues_a_killed_child(db_url: str) -> None:
    assert lines("worker_lost", db_url) == [
        "shop.resize_no_requeue acks_late = True reject_on_worker_lost = False",
        "  error: WorkerLostError Worker exited prematurely: signal 9 (SIGKILL)",
        "  state: FAILURE",
        "shop.resize acks_late = True reject_on_worker_lost = True",
        "  result: shop.resize done on delivery 2",
        "  state: SUCCESS",
    ]


def test_solo_pool_acks_only_after_the_task(db_url: str) -> None:
    assert lines("solo_ack", db_url) == [
        "prefork pool, early ack, while running: unacked = 0",
        "solo pool, early ack, while running: unacked = 1",
    ]


# The task bodies, in this process.


def test_task_bodies(
    in_process: str, raw: redis.Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept, killed = [], []
    monkeypatch.setattr(time, "sleep", slept.append)
    monkeypatch.setattr(tasks.os, "kill", lambda pid, sig: killed.append(sig))
    assert tasks.send_receipt(5) == "receipt for order 5 sent"
    assert tasks.charge("p", 100) == "charged"
    assert tasks.charge("p", 100) == "already charged, skipped"
    assert tasks.charge_naive("p", 100) == "charged"
    assert raw.get("ledger") == "200"
    assert tasks.build_report("r") == "r done on delivery 1"
    assert tasks.build_report_early_ack("r") == "r done on delivery 2"
    assert tasks.resize("i") == "i done on delivery 1"
    assert tasks.resize_no_requeue("i") == "i done on delivery 2"
    assert slept == [1, 60, 0]  # only a first delivery lingers
    assert len(killed) == 1  # only a first delivery dies


# Predictions and eager mode.


def test_predict_pending_means_unknown(predict) -> None:
    out = predict("background_tasks_celery/predict.py:pending_means_unknown")
    assert out == "PENDING False\n"


def test_predict_eager_retries(predict) -> None:
    out = predict("background_tasks_celery/predict.py:eager_retries")
    # Three attempts, no waiting (countdowns ignored), and no exception.
    assert out == "FAILURE [0, 1, 2] True\n"


def test_predict_eager_round_trip(predict) -> None:
    out = predict("background_tasks_celery/predict.py:eager_round_trip")
    assert out == "tuple\nlist\n"


def test_eager_mode_still_refuses_what_json_cannot_carry() -> None:
    app = Celery("eager", set_as_current=False)
    app.conf.task_always_eager = True

    @app.task
    def pay(order):  # pragma: no cover (never runs: the call is refused)
        return order

    with pytest.raises(EncodeError, match="not JSON serializable"):
        pay.delay(object())


def test_eager_mode_runs_in_the_callers_process() -> None:
    app = Celery("eager", set_as_current=False)
    app.conf.task_always_eager = True

    @app.task
    def where():
        return os.getpid()

    assert where.delay().get() == os.getpid()


def test_delay_on_commit_waits_for_the_commit() -> None:
    """Django in a child process: SQLite in memory, a DjangoTask."""
    code = textwrap.dedent(
        """
        import django
        from django.conf import settings
        settings.configure(DATABASES={"default": {
            "ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})
        django.setup()
        from celery import Celery
        from django.db import transaction
        app = Celery("shop", task_cls="celery.contrib.django.task:DjangoTask")
        sent = []
        @app.task
        def send(order_id):
            pass
        send.delay = lambda *args: sent.append(args)
        with transaction.atomic():
            send.delay_on_commit(42)
            print("inside:", sent)
        print("after commit:", sent)
        try:
            with transaction.atomic():
                send.delay_on_commit(43)
                raise RuntimeError
        except RuntimeError:
            pass
        print("after rollback:", sent)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines() == [
        "inside: []",
        "after commit: [(42,)]",
        "after rollback: [(42,)]",  # never sent: the order does not exist
    ]
    assert "on_commit" in DjangoTask.delay_on_commit.__doc__


def test_a_transcript_from_its_own_fresh_redis_server() -> None:
    """transcribe() starts its own redis-server: the page's file is current."""
    text = transcribe.TRANSCRIPTS["idempotency"]()
    page = transcribe.ROOT / "snippets/background_tasks_celery/transcripts"
    assert text == (page / "idempotency.txt").read_text()
