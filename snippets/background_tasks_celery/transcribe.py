"""Run demo.py against a real redis-server and record what it prints.

demo.py starts and stops the Celery worker processes itself.
"""

import functools

from snippets import loopback

# demo.py's topics (importing it would import tasks.py under another name).
TOPICS = [
    "enqueue",
    "options",
    "retries",
    "idempotency",
    "crash",
    "worker_lost",
    "solo_ack",
]


# --8<-- [start:run_demo]
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository


def run_demo(topic, redis_url, timeout=120):
    """Run one topic of demo.py in a child process; return what it printed."""
    result = subprocess.run(
        [sys.executable, "-m", "snippets.background_tasks_celery.demo", topic],
        cwd=ROOT,
        env={**os.environ, "REDIS_URL": redis_url},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return result.stdout


# --8<-- [end:run_demo]


def transcribe(topic):
    """A fresh redis-server for each topic: an empty queue, no old results."""
    with loopback.redis_server() as url:
        return run_demo(topic, url)


TRANSCRIPTS = {topic: functools.partial(transcribe, topic) for topic in TOPICS}
