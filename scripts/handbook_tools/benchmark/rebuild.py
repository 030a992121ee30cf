"""How long `mkdocs serve` takes to show a page again after one of its snippets is
saved: from the write to the moment the live-reload poll of an open page answers (what
makes the browser reload), with MkDocs' file watcher and build delay included.

Used by the benchmark (__main__.py) on a copy of the project, for our serve
(`--dirty`, as scripts/serve.sh runs it: scripts/handbook_tools/live_rebuild.py) and for
the stock Material build.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts.handbook_tools.build import mkdocs_environment
from snippets import loopback

STARTUP_TIMEOUT = 300  # the first build executes every page's code
EDIT_MARK = "\n# saved again by scripts/benchmark.sh\n"


def _epoch(port: int, after: int, timeout: float) -> int:
    """The served site's build number once it is above `after` (MkDocs' live-reload
    poll: it answers at once if already above, else when a build finishes)."""
    url = f"http://127.0.0.1:{port}/livereload/{after}/1"
    deadline = time.monotonic() + timeout
    while True:  # a poll with nothing new answers the same number after a while
        with urllib.request.urlopen(url, timeout=timeout) as response:
            epoch = int(response.read())
        if epoch > after:
            return epoch
        if time.monotonic() > deadline:
            message = (
                f"no new build within {timeout} s: is the file watched, does it build?"
            )
            raise TimeoutError(message)


@contextmanager
def serving(config_file: Path, dirty: bool) -> Iterator[int]:
    """`mkdocs serve --strict` of `config_file` on a free loopback port; yields the port
    once the first build is served, and stops the server."""
    port = loopback.free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict"]
    command += ["--config-file", str(config_file)]
    command += ["--dev-addr", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    # The log goes to a file: MkDocs writes a line per page and per rebuild, more than a
    # pipe nobody reads holds.
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(
            command,
            cwd=config_file.parent,
            env=mkdocs_environment(),
            stdout=log,
            stderr=log,
        )
        try:
            _wait_until_served(server, port, log)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_served(server: subprocess.Popen, port: int, log) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        try:
            _epoch(port, 0, timeout=5)
            return
        except OSError as error:
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                output = log.read()[-4000:]
                raise SystemExit(f"mkdocs serve: {error}\n{output}") from None
            time.sleep(0.5)


def page_snippet(page: Path, snippets: Path) -> Path:
    """The first snippet file `page` includes from its own package."""
    for line in page.read_text(encoding="utf-8").splitlines():
        name = line.partition('--8<-- "')[2].partition('"')[0].partition(":")[0]
        if "/" in name and (snippets / name).is_file():
            return snippets / name
    raise ValueError(f"{page}: includes no snippet from a package")


def shown_again(port: int, save: Callable[[], object], timeout: float = 120) -> float:
    """Seconds from calling `save` to the site being served from a build that started
    after it. MkDocs numbers its builds by the system's monotonic clock in milliseconds
    (livereload's `_timestamp`), the clock read here."""
    started = time.perf_counter()
    saved_at = round(time.monotonic() * 1000)
    save()
    _epoch(port, saved_at, timeout=timeout)
    return time.perf_counter() - started


def seconds_to_show_again(port: int, snippet: Path, timeout: float = 120) -> float:
    """Save `snippet` with a comment added and time until the rebuilt site is served;
    the file is put back (and that rebuild awaited) before returning."""
    original = snippet.read_text(encoding="utf-8")
    try:
        return shown_again(
            port, lambda: snippet.write_text(original + EDIT_MARK), timeout
        )
    finally:
        shown_again(port, lambda: snippet.write_text(original), timeout)
