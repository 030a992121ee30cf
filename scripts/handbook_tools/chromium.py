"""The system Chromium, driven by Playwright: for the PDF and the browser tests.

`playwright install` downloads a browser, which cannot work everywhere (and is not
needed): Playwright drives the distribution's Chromium instead. CHROMIUM overrides the
path for a browser that lives elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def executable() -> Path:
    return Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def available() -> bool:
    path = executable()
    return path.is_file() and os.access(path, os.X_OK)


def launch(playwright):
    """A headless Chromium browser (Playwright `Browser`)."""
    return playwright.chromium.launch(
        executable_path=str(executable()), headless=True, args=FLAGS
    )
