"""Run demo.py against a real PostgreSQL and record what it prints.

Django is configured only in the child process, never in the caller.
"""

import functools

from snippets import loopback

# demo.py's topics (it cannot be imported here: importing it sets up Django).
TOPICS = [
    "autocommit",
    "savepoints",
    "integrity_error",
    "atomic_requests",
    "on_commit",
    "capture_callbacks",
    "lost_update",
    "f_expression",
    "select_for_update",
    "nowait_skip_locked",
    "optimistic",
    "isolation",
    "serialization_failure",
]


# --8<-- [start:run_demo]
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent


def run_demo(topic, database_url, timeout=60):
    """Run one topic of demo.py in a child process; return what it printed."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(32),  # throwaway
        "DATABASE_URL": database_url,
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
    """A fresh PostgreSQL cluster for each topic."""
    with loopback.postgres_server() as url:
        return run_demo(topic, url)


TRANSCRIPTS = {topic: functools.partial(transcribe, topic) for topic in TOPICS}
