"""Run demo.py against real redis-servers and record what it prints.

Django is configured only in the child process, never in the caller.
"""

import functools

from snippets import loopback

# demo.py's topics (it cannot be imported here: importing it sets up Django).
TOPICS = [
    "basics",
    "timeouts",
    "replicas",
    "extras",
    "per_view",
    "per_site",
    "async_api",
    "outage",
]


# --8<-- [start:run_demo]
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent


def run_demo(topic, redis_url, replica_url=None, timeout=60):
    """Run one topic of demo.py in a child process; return what it printed."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(32),  # throwaway
        "REDIS_URL": redis_url,
        "REDIS_REPLICA_URL": replica_url or redis_url,
    }
    result = subprocess.run(
        [sys.executable, str(PROJECT / "demo.py"), topic],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return result.stdout


# --8<-- [end:run_demo]


def transcribe(topic):
    """A fresh primary and a fresh "replica" for each topic: clean keyspaces."""
    with loopback.redis_server() as url, loopback.redis_server() as replica:
        return run_demo(topic, url, replica)


def transcribe_outage():
    """The URL of a port where nothing listens: Redis is down."""
    return run_demo(
        "outage", f"redis://{loopback.HOST}:{loopback.free_port()}/0"
    )


TRANSCRIPTS = {topic: functools.partial(transcribe, topic) for topic in TOPICS}
TRANSCRIPTS["outage"] = transcribe_outage
