"""The offline copy: the whole site as a zip that works from the file system.

Unzipped, `python-backend-interview-handbook/index.html` opens in a browser from
disk (`file://`) with every page, link, style and script working, search included, and
nothing fetched from the network. It is a second build of the site with Material's
offline plugin on (HANDBOOK_OFFLINE=true, see mkdocs.yml): links point at `.html` files
instead of
directories, the search index is inlined into a script, and the iframe-worker shim that
runs the search worker from `file://` is served from the site's own assets (copied from
node_modules by scripts/mkdocs_hooks.py; `npm ci` installs it, `scripts/setup.sh test`
runs that). Instant navigation needs a server: the offline build turns it off.

Usage: python -m scripts.archive [--site-dir site]
Writes <site-dir>/downloads/python-backend-interview-handbook.zip (linked from the
home page). The PDF already in <site-dir>/downloads (python -m scripts.pdf) goes into
the copy.
The zip is reproducible: sorted entries, fixed timestamps.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from scripts.build import build

ROOT = Path(__file__).resolve().parent.parent
ZIP_FILE = "downloads/python-backend-interview-handbook.zip"
FOLDER = "python-backend-interview-handbook"
# Files an offline reader never uses.
SKIP = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}


def build_offline(site_dir: Path) -> None:
    """Build the file:// variant of the site into `site_dir` (strict)."""
    previous = os.environ.get("HANDBOOK_OFFLINE")
    os.environ["HANDBOOK_OFFLINE"] = "true"
    try:
        result = build(site_dir)
    finally:
        if previous is None:
            del os.environ["HANDBOOK_OFFLINE"]
        else:
            os.environ["HANDBOOK_OFFLINE"] = previous
    if result.returncode:
        raise RuntimeError(f"offline build failed:\n{result.stdout}\n{result.stderr}")


def write_zip(offline_dir: Path, output: Path) -> Path:
    """Zip `offline_dir` under one top folder, reproducibly."""
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(
        path.relative_to(offline_dir).as_posix()
        for path in offline_dir.rglob("*")
        if path.is_file()
    )
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for relative in (f for f in files if f not in SKIP):
            path = offline_dir / relative
            name = f"{FOLDER}/{relative}"
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return output


def make_archive(site_dir: Path, offline_dir: Path | None = None) -> Path:
    """Build the offline site (into `offline_dir`, else a temporary directory), copy
    the PDF into it when the online site has one, and zip it into the online site."""
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as scratch:
        offline = offline_dir or Path(scratch) / "site"
        build_offline(offline)
        pdf = site_dir / "downloads" / "python-backend-interview-handbook.pdf"
        if pdf.is_file():
            shutil.copyfile(pdf, offline / "downloads" / pdf.name)
        return write_zip(offline, site_dir / ZIP_FILE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    options = parser.parse_args(argv)
    started = time.monotonic()
    path = make_archive(options.site_dir.resolve())
    size = path.stat().st_size / 1e6
    print(f"{path}: {size:.1f} MB in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
