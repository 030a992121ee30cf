"""Predictions of docs/questions/background-tasks-celery.md.

None needs a broker: a result backend in memory, or eager mode, which runs
the task in the calling process (the page says why that is for tests only).
"""

# --8<-- [start:pending_means_unknown]
from celery import Celery

app = Celery("shop", backend="cache+memory://")

result = app.AsyncResult("no-such-task-was-ever-sent")
print(result.state, result.ready())
# --8<-- [end:pending_means_unknown]

# --8<-- [start:eager_retries]
import time

from celery import Celery

app = Celery("shop")
app.conf.task_always_eager = True
attempts = []
policy = dict(autoretry_for=(ConnectionError,), retry_backoff=True)


@app.task(bind=True, max_retries=2, **policy)
def fetch(self):
    attempts.append(self.request.retries)
    raise ConnectionError("rate API down")


started = time.monotonic()
result = fetch.delay()
print(result.state, attempts, time.monotonic() - started < 1)
# --8<-- [end:eager_retries]

# --8<-- [start:eager_round_trip]
from celery import Celery

app = Celery("shop")
app.conf.task_always_eager = True


@app.task
def kind(point):
    return type(point).__name__


print(kind((1, 2)))
print(kind.delay((1, 2)).get())
# --8<-- [end:eager_round_trip]
