"""The offline copy: the whole site as a zip that works from the file system.

Unzipped, `python-backend-interview-handbook/index.html` opens in a browser from
disk (`file://`) with every page, link, style and script working, search included, and
nothing fetched from the network. It is a second build of the site with Material's
offline plugin on (HANDBOOK_OFFLINE=true, see mkdocs.yml): links point at `.html`
files instead of directories, the search index is inlined into a script, and the
iframe-worker shim that runs the search worker from `file://` is served from the
site's own assets (copied from node_modules by scripts/handbook_tools/hooks/offline.py;
`npm ci` installs it, `scripts/setup.sh test` runs that). Instant navigation needs a
server: the offline build turns it off.

Usage: python -m scripts.handbook_tools.archive [--site-dir site] [--release]
Writes <site-dir>/downloads/python-backend-interview-handbook.zip. With --release (as
`scripts/release.sh` runs it) the copy holds the PDF already made into
<site-dir>/downloads and its home page links to it; without, it says how to make it.
The zip is reproducible: sorted entries, fixed timestamps.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from scripts.handbook_tools.build import build
from scripts.handbook_tools.downloads import PDF_FILE, RELEASE_VARIABLE, ZIP_FILE
from scripts.handbook_tools.facts import ROOT

FOLDER = "python-backend-interview-handbook"
# Files an offline reader never uses. (The search index stays: a reader who serves the
# folder over HTTP to run its examples gets search from it, as the site online does.)
SKIP = {"sitemap.xml", "sitemap.xml.gz"}


def build_offline(site_dir: Path, *, release: bool = False) -> None:
    """Build the file:// variant of the site into `site_dir` (strict). In a release its
    home page links to the PDF, which the copy then holds."""
    environment = {"HANDBOOK_OFFLINE": "true", RELEASE_VARIABLE: str(release).lower()}
    result = build(site_dir, environment=environment)
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


def make_archive(
    site_dir: Path, offline_dir: Path | None = None, *, release: bool = False
) -> Path:
    """Build the offline site (into `offline_dir`, else a temporary directory) and zip
    it into the online site. A release's copy holds the online site's PDF, which must
    have been made first (scripts/handbook_tools/release.py makes it)."""
    pdf = site_dir / PDF_FILE
    if release and not pdf.is_file():
        raise FileNotFoundError(
            f"{pdf} is missing: the released offline copy links to the PDF and holds "
            "it; make it first (scripts/release.sh does, in order)"
        )
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as scratch:
        offline = offline_dir or Path(scratch) / "site"
        build_offline(offline, release=release)
        if release:
            shutil.copyfile(pdf, offline / PDF_FILE)
        return write_zip(offline, site_dir / ZIP_FILE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument(
        "--release", action="store_true", help="hold the PDF made first and link to it"
    )
    options = parser.parse_args(argv)
    started = time.monotonic()
    try:
        path = make_archive(options.site_dir.resolve(), release=options.release)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"archive: {error}", file=sys.stderr)
        return 1
    size = path.stat().st_size / 1e6
    print(f"{path}: {size:.1f} MB in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
