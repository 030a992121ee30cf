"""Fixtures shared by every test: the built site and real servers on loopback."""

from __future__ import annotations

import ast
import contextlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scripts.handbook_tools.anatomy import section_code
from scripts.handbook_tools.build import build
from snippets import loopback

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"


def require(available: bool, what: str) -> None:
    """Skip when a real component is missing here; fail under CI, which has it all."""
    if available:
        return
    message = f"{what} is not installed: run scripts/setup.sh"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test run with --strict into a temporary directory."""
    site = tmp_path_factory.mktemp("site")
    result = build(site)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A real redis-server on a free 127.0.0.1 port, no persistence, for the session."""
    require(loopback.redis_server_binary() is not None, "redis-server")
    with loopback.redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A real PostgreSQL cluster on a free 127.0.0.1 port, for the session."""
    require(loopback.postgres_binaries() is not None, "PostgreSQL")
    with loopback.postgres_server() as url:
        yield url


@contextlib.contextmanager
def empty_redis_db(redis_url: str, number: int) -> Iterator[str]:
    """Database `number` of a redis-server, empty before and after the block."""
    import redis

    url = redis_url.rsplit("/", 1)[0] + f"/{number}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()


def assigned_dict_keys(module: Path, name: str) -> list:
    """The keys of the dict literal `module` assigns to `name`, read without importing
    it (a demo module sets up Django when imported)."""
    (value,) = [
        node.value
        for node in ast.parse(module.read_text()).body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == name
    ]
    return [key.value for key in value.keys]


def run_section(include: str) -> str:
    """What a prediction shows: its section run alone, as markdown-exec runs a fence
    with no session (fresh globals, `print` into a buffer), and the text it printed."""
    buffer = io.StringIO()

    def buffered_print(*texts: object, end: str = "\n", **_: object) -> None:
        # markdown-exec's own print: `sep` and `file` are ignored.
        buffer.write(" ".join(str(text) for text in texts) + end)

    namespace = {"__name__": "prediction", "print": buffered_print}
    code = section_code(include)
    assert code is not None, f"snippets/{include}: no such file or section"
    exec(compile(code, f"<{include}>", "exec"), namespace)
    return buffer.getvalue()


@pytest.fixture
def predict() -> Callable[[str], str]:
    """`predict("package/predict.py:name")` is the output the page reveals for it."""
    return run_section
