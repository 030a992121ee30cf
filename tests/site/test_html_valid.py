"""The Nu HTML Checker (vnu, the W3C validator's engine) finds no error in any page of
the built site, nor in the handbook's own style sheets.

One vnu run over every built page (the print page included) and docs/assets/*.css. Its
warnings are listed (run pytest with -s to see them when the test passes): they are
advice, not errors, and some come from the theme (for example one h1 per chapter on the
print page).
"""

from __future__ import annotations

import collections
import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT, require

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OWN_CSS = sorted((ROOT / "docs" / "assets").glob("*.css"))
# vnu's CSS grammar predates CSS Transitions Level 2, whose `allow-discrete` keyword
# (in the `transition` shorthand) lets quality.css keep the closing drawer's contents
# drawn while it slides away. Browsers have parsed it since 2024; vnu calls it an error.
NEWER_THAN_VNU = {"CSS: “transition”: “allow-discrete” is not a “transition” value."}


def run_vnu(files: list[Path]) -> list[dict]:
    """vnu's messages (JSON format) for `files`."""
    java = shutil.which("java")
    require(java is not None, "Java (17 or newer)")
    require(VNU.is_file(), f"{VNU.relative_to(ROOT)} (npm ci)")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--format", "json", "--stdout",
         "--exit-zero-always", "--also-check-css", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["messages"]


def where(message: dict, site: Path) -> str:
    url = message.get("url", "")
    path = url.removeprefix("file:")
    for base in (site, ROOT):
        path = path.removeprefix(f"{base}/")
    return f"{path}:{message.get('lastLine', '?')}"


def test_every_page_and_style_sheet_is_valid(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 22  # home, every question, tags, contributing, print page, 404
    messages = run_vnu(pages + OWN_CSS)

    warnings = collections.Counter(
        message["message"]
        for message in messages
        if message["type"] != "error" and message.get("subType") == "warning"
    )
    print(f"vnu: {len(pages)} pages, {len(OWN_CSS)} style sheets checked")
    for text, count in warnings.most_common():
        print(f"vnu warning ({count}x): {text}")

    errors = [
        f"{where(message, built_site)}: {message['message']}\n"
        f"    {' '.join(message.get('extract', '').split())[:200]}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
        and message["message"] not in NEWER_THAN_VNU
    ]
    assert not errors, f"{len(errors)} vnu errors:\n" + "\n".join(errors[:50])
