"""The web side and a real worker, against a real redis-server.

Run by transcribe.py in a child process, one topic per process, from the
repository's root:
    REDIS_URL=redis://127.0.0.1:6379/0 \
        python -m snippets.background_tasks_celery.demo enqueue
"""

import re
import sys

from snippets.background_tasks_celery import tasks

UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def show(*values):
    """print(), with every task id replaced: ids are random."""
    print(UUID.sub("<task-id>", " ".join(str(value) for value in values)))


# --8<-- [start:worker]
import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


@contextlib.contextmanager
def worker(pool="solo", **env):
    """A real Celery worker process for the length of the block."""
    command = [
        sys.executable, "-m", "celery", "-A", "tasks", "worker",
        f"--pool={pool}", "--concurrency=1", "-l", "CRITICAL",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=HERE,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group
    )
    try:
        yield process
    finally:
        stop(process)


def stop(process, sig=signal.SIGTERM):
    """SIGTERM: a warm shutdown; SIGKILL: the machine died."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
        process.wait(30)


def wait_for(key, client, timeout=30):
    """Wait until the task has written `key` (it is running)."""
    deadline = time.monotonic() + timeout
    while client.get(key) is None:
        if time.monotonic() > deadline:  # pragma: no cover
            raise TimeoutError(key)
        time.sleep(0.05)


def settle(client, seconds=3):
    """Give an early ack time to reach Redis: wait until no message is
    unacknowledged, or `seconds` have passed (a late ack never comes)."""
    deadline = time.monotonic() + seconds
    while client.hlen("unacked") and time.monotonic() < deadline:
        time.sleep(0.05)


# --8<-- [end:worker]


# --8<-- [start:enqueue]
def place_order(order_id):
    """The view: save the order, enqueue the slow part, answer at once."""
    from http import HTTPStatus

    result = tasks.send_receipt.delay(order_id)  # a message, not a call
    headers = {"Location": f"/tasks/{result.id}"}
    return HTTPStatus.ACCEPTED, headers, {"task_id": result.id}


def enqueue():
    import base64
    import json

    client = tasks.redis_client()
    status, headers, body = place_order(42)
    show("response:", int(status), status.phrase, headers, body)
    show("receipts sent when it answered:", client.llen("sent"))

    show("queue 'celery' length, no worker yet:", client.llen("celery"))
    message = json.loads(client.lindex("celery", 0))
    show("content-type:", message["content-type"])
    show("task:", message["headers"]["task"])
    args, kwargs, _ = json.loads(base64.b64decode(message["body"]))
    show("body: args", args, "kwargs", kwargs, "(JSON, base64-encoded)")
    result = tasks.app.AsyncResult(body["task_id"])
    show("state before a worker runs:", result.state)

    with worker():
        show("get():", result.get(timeout=30))
        show("state:", result.state)
    show("queue length after:", client.llen("celery"))
    show("receipts sent:", client.lrange("sent", 0, -1))
    show("result stored under:", client.keys("celery-task-meta-*"))


# --8<-- [end:enqueue]


# --8<-- [start:options]
def options():
    import json
    from datetime import UTC, datetime, timedelta

    client = tasks.redis_client()
    now = datetime.now(UTC)
    soon = tasks.send_receipt.apply_async((1,), countdown=0.5)
    at = tasks.send_receipt.apply_async((2,), eta=now + timedelta(seconds=1))
    late = tasks.send_receipt.apply_async((3,), expires=now)  # past already
    for raw in reversed(client.lrange("celery", 0, -1)):  # oldest first
        headers = json.loads(raw)["headers"]
        show(
            headers["argsrepr"],
            "eta set:", headers["eta"] is not None,
            "expires set:", headers["expires"] is not None,
        )  # fmt: skip
    try:
        tasks.send_receipt.delay(object())  # not JSON
    except Exception as error:
        show("an object as argument:", type(error).__name__)
    show("queued:", client.llen("celery"))

    with worker():
        show("countdown:", soon.get(timeout=30))
        show("eta:", at.get(timeout=30))
        try:
            late.get(timeout=30)
        except Exception as error:
            show("expired:", late.state, type(error).__name__, error)
    show("receipts sent:", client.lrange("sent", 0, -1))


# --8<-- [end:options]


# --8<-- [start:retries]
def retries():
    client = tasks.redis_client()
    flaky = tasks.fetch_rate.delay("EUR", failures=2)
    down = tasks.fetch_rate.delay("GBP", failures=99)
    push = tasks.notify.delay(7)
    with worker():
        show("flaky:", flaky.get(timeout=60))
        show("  attempts:", client.lrange("attempts:EUR", 0, -1))
        try:
            down.get(timeout=60)
        except ConnectionError as error:
            show("down:", down.state, error)
        show("  attempts:", client.lrange("attempts:GBP", 0, -1))
        try:
            push.get(timeout=60)
        except TimeoutError as error:
            show("notify:", push.state, error)
        show(
            "  request.retries seen:", client.lrange("attempts:notify:7", 0, -1)
        )


# --8<-- [end:retries]


# --8<-- [start:idempotency]
def idempotency():
    client = tasks.redis_client()
    for task in (tasks.charge_naive, tasks.charge):
        client.delete("ledger", "log")
        # The same message delivered twice, as at-least-once allows:
        # same task id, same arguments.
        for _ in range(2):
            task.apply_async(("pay-1", 500), task_id="pay-1-charge")
        with worker():
            wait_for_length("log", 2, client)
        show(task.name, client.lrange("log", 0, -1))
        show("  ledger (cents):", client.get("ledger"))


def wait_for_length(key, length, client, timeout=30):
    deadline = time.monotonic() + timeout
    while client.llen(key) < length:
        if time.monotonic() > deadline:  # pragma: no cover
            raise TimeoutError(key)
        time.sleep(0.05)


# --8<-- [end:idempotency]


# --8<-- [start:crash]
def crash():
    client = tasks.redis_client()
    for task in (tasks.build_report_early_ack, tasks.build_report):
        result = task.delay(task.name)
        with worker("prefork", VISIBILITY="4") as process:
            wait_for(f"running:{task.name}", client)  # it is running now
            if not task.acks_late:
                settle(client)  # let the early ack reach Redis
            stop(process, signal.SIGKILL)  # the machine dies mid-task
        show(task.name, "acks_late =", task.acks_late)
        show(
            "  queue:",
            client.llen("celery"),
            "unacked:",
            client.hlen("unacked"),
        )
        with worker("prefork", VISIBILITY="4"):  # a new worker, a restart
            wait = 30 if task.acks_late else 6
            try:
                show("  result:", result.get(timeout=wait))
            except Exception as error:
                show(f"  no result after {wait} s:", type(error).__name__)
            show("  state:", result.state)


# --8<-- [end:crash]


# --8<-- [start:worker_lost]
def worker_lost():
    for task in (tasks.resize_no_requeue, tasks.resize):
        result = task.delay(task.name)
        show(task.name, "acks_late =", task.acks_late,
             "reject_on_worker_lost =", task.reject_on_worker_lost)  # fmt: skip
        with worker("prefork"):  # the child process dies on delivery 1
            try:
                show("  result:", result.get(timeout=30))
            except Exception as error:
                show(
                    "  error:",
                    type(error).__name__,
                    str(error).split(" Job")[0],
                )
        show("  state:", result.state)


# --8<-- [end:worker_lost]


# --8<-- [start:solo_ack]
def solo_ack():
    client = tasks.redis_client()
    task = tasks.build_report_early_ack
    for pool in ("prefork", "solo"):
        key = f"{pool}-report"
        task.delay(key)
        with worker(pool) as process:
            wait_for(f"running:{key}", client)
            settle(client)
            show(pool, "pool, early ack, while running: unacked =",
                 client.hlen("unacked"))  # fmt: skip
            stop(process, signal.SIGKILL)
        client.delete("unacked", "unacked_index")


# --8<-- [end:solo_ack]

TOPICS = {
    "enqueue": enqueue,
    "options": options,
    "retries": retries,
    "idempotency": idempotency,
    "crash": crash,
    "worker_lost": worker_lost,
    "solo_ack": solo_ack,
}

if __name__ == "__main__" and sys.argv[1:2] and sys.argv[1] in TOPICS:
    TOPICS[sys.argv[1]]()
