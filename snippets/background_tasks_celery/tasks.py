"""The Celery app of docs/questions/background-tasks-celery.md.

The worker runs it as `python -m celery -A tasks worker` from this folder;
demo.py (the web side) imports it to enqueue. Both read the Redis URL from
the environment, so no address is written in the code.
"""

# --8<-- [start:app]
import os

from celery import Celery

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")

app = Celery("shop", broker=REDIS_URL, backend=REDIS_URL)
app.conf.update(
    task_serializer="json",  # the default: arguments must be JSON
    accept_content=["json"],  # the worker refuses anything else
    task_acks_late=True,  # ack after the task ran, not before
    task_reject_on_worker_lost=True,  # a killed child: requeue it
    worker_prefetch_multiplier=1,  # reserve one message at a time
    broker_connection_retry_on_startup=True,
    broker_transport_options={
        # Unacked messages return to the queue after this many seconds.
        "visibility_timeout": int(os.environ.get("VISIBILITY", 3600)),
        "unacked_restore_interval": 1,  # look for them every second
        "unacked_restore_throttle": 1,
    },
)
# --8<-- [end:app]


def redis_client():
    """The task's own connection to Redis, for side effects and counters."""
    import redis

    return redis.Redis.from_url(REDIS_URL, decode_responses=True)


# --8<-- [start:send_receipt]
@app.task(name="shop.send_receipt")
def send_receipt(order_id):
    import time

    time.sleep(1)  # the slow part: an SMTP server, a PDF, an API
    redis_client().rpush("sent", order_id)
    return f"receipt for order {order_id} sent"


# --8<-- [end:send_receipt]


# --8<-- [start:retries]
@app.task(
    name="shop.fetch_rate",
    autoretry_for=(ConnectionError,),  # retry on these, and only these
    max_retries=3,  # 1 attempt + at most 3 retries
    retry_backoff=True,  # wait 1 s, 2 s, 4 s... between attempts
    retry_jitter=False,  # (jitter randomises the wait: keep it in prod)
    bind=True,
)
def fetch_rate(self, currency, failures):
    attempt = self.request.retries + 1
    redis_client().rpush(f"attempts:{currency}", attempt)
    if attempt <= failures:  # the remote API is down for a while
        raise ConnectionError(f"rate API down (attempt {attempt})")
    return f"{currency} rate fetched on attempt {attempt}"


@app.task(name="shop.notify", bind=True, max_retries=2)
def notify(self, user_id):
    redis_client().rpush(f"attempts:notify:{user_id}", self.request.retries)
    try:
        raise TimeoutError("push service timed out")
    except TimeoutError as exc:
        # Explicit retry: schedules a new message, then raises Retry.
        raise self.retry(
            exc=exc, countdown=0.1 * 2**self.request.retries
        ) from exc


# --8<-- [end:retries]


# --8<-- [start:idempotent]
@app.task(name="shop.charge")
def charge(payment_id, cents):
    client = redis_client()
    # Claim the payment: SET ... NX succeeds for the first delivery only.
    if not client.set(f"charged:{payment_id}", 1, nx=True, ex=86400):
        outcome = "already charged, skipped"
    else:
        client.incrby("ledger", cents)  # the side effect, done once
        outcome = "charged"
    client.rpush("log", outcome)
    return outcome


@app.task(name="shop.charge_naive")
def charge_naive(payment_id, cents):
    client = redis_client()
    client.incrby("ledger", cents)  # done again on every delivery
    client.rpush("log", "charged")
    return "charged"


# --8<-- [end:idempotent]


# --8<-- [start:long_job]
@app.task(name="shop.build_report", acks_late=True)
def build_report(report_id):
    return _job(report_id, first_delivery_lasts=60)


@app.task(name="shop.build_report_early_ack", acks_late=False)
def build_report_early_ack(report_id):
    return _job(report_id, first_delivery_lasts=60)


def _job(job_id, first_delivery_lasts=0.0, die=False):
    import signal
    import time

    client = redis_client()
    delivery = client.incr(f"deliveries:{job_id}")
    client.set(f"running:{job_id}", delivery)  # the demo waits for this
    if delivery == 1 and die:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    if delivery == 1:
        time.sleep(first_delivery_lasts)
    return f"{job_id} done on delivery {delivery}"


# --8<-- [end:long_job]


# --8<-- [start:worker_lost]
@app.task(name="shop.resize", acks_late=True, reject_on_worker_lost=True)
def resize(image_id):
    return _job(image_id, die=True)


@app.task(name="shop.resize_no_requeue", reject_on_worker_lost=False)
def resize_no_requeue(image_id):
    return _job(image_id, die=True)


# --8<-- [end:worker_lost]
