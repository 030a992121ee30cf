"""Run demo.py and manage.py test against real PostgreSQL servers and record
what they print. Django is configured only in the child processes.
"""

import functools
import re

from snippets import loopback

# demo.py's topics (it cannot be imported here: importing it sets up Django).
TOPICS = [
    "lazy",
    "n_plus_one",
    "select_related",
    "prefetch_related",
    "prefetch_objects",
    "only_defer",
    "annotate",
    "values",
    "iterator",
    "exists_count",
]


# --8<-- [start:run_demo]
import os
import secrets
import subprocess
import sys
from pathlib import Path

import psycopg

PROJECT = Path(__file__).resolve().parent


def fresh_database(server_url, name):
    """Drop and create database `name` on the server; return its URL."""
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def run_project(args, server_url, database="library", extra_env=None):
    """Run a command of the example project against a fresh database."""
    env = {
        **os.environ,
        **(extra_env or {}),
        "DJANGO_SETTINGS_MODULE": "settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(32),  # throwaway
        "DATABASE_URL": fresh_database(server_url, database),
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_demo(topic, server_url):
    """One topic of demo.py in a child process: what it printed."""
    result = run_project(["demo.py", topic], server_url)
    result.check_returncode()
    return result.stdout


# --8<-- [end:run_demo]


def run_tests(server_url):
    """`manage.py test library`: the runner reports on stderr."""
    result = run_project(["manage.py", "test", "library"], server_url)
    text = result.stderr.replace(str(PROJECT), ".")
    return re.sub(r"in \d+\.\d+s", "in 0.0XXs", text)


def transcribe(topic):
    with loopback.postgres_server() as url:
        return run_demo(topic, url)


def transcribe_tests():
    with loopback.postgres_server() as url:
        return run_tests(url)


TRANSCRIPTS = {topic: functools.partial(transcribe, topic) for topic in TOPICS}
TRANSCRIPTS["assert_num_queries"] = transcribe_tests
