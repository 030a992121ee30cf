"""What the workflow publishes: `scripts/release.sh` makes the site with every
download its home page offers, in order, and checks that each link finds its file.
Any other build offers only what it has (scripts/handbook_tools/downloads.py)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from scripts.handbook_tools import (
    archive,
    check_links,
    chromium,
    downloads,
    html_links,
    release,
)
from tests.conftest import require


def home_links(site: Path, page: str = "index.html") -> set[str]:
    html = (site / page).read_text(encoding="utf-8")
    return {url for _, url in html_links.parse_html(html).links}


@pytest.fixture(scope="module")
def released_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(chromium.available(), "Chromium")
    site = tmp_path_factory.mktemp("release") / "site"
    problems = release.release(site, log=lambda _: None)
    assert problems == []
    return site


@pytest.mark.browser
def test_release_offers_and_ships_every_download(released_site: Path) -> None:
    links = home_links(released_site)
    for download in downloads.DOWNLOADS:
        assert download.path in links
        assert (released_site / download.path).stat().st_size > 10_000
    assert "not in this build" not in (released_site / "index.html").read_text()


@pytest.mark.browser
def test_released_offline_copy_holds_the_pdf_and_links_to_it(
    released_site: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(released_site / downloads.ZIP_FILE) as opened:
        opened.extractall(tmp_path)
    offline = tmp_path / archive.FOLDER
    pdf = offline / downloads.PDF_FILE
    assert pdf.read_bytes() == (released_site / downloads.PDF_FILE).read_bytes()
    links = home_links(offline)
    assert downloads.PDF_FILE in links
    assert downloads.DECK_FILE in links
    assert downloads.ZIP_FILE not in links  # the copy does not contain itself


@pytest.mark.browser
def test_a_missing_download_breaks_the_release_check(
    released_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(released_site, site)
    (site / downloads.PDF_FILE).unlink()
    errors = check_links.check_site(site).errors
    assert any(
        error.startswith("index.html:") and downloads.PDF_FILE in error
        for error in errors
    ), errors


def test_released_archive_needs_the_pdf_first(tmp_path: Path) -> None:
    with pytest.raises(
        FileNotFoundError, match=r"python-backend-interview-handbook\.pdf"
    ):
        archive.make_archive(tmp_path, release=True)
    assert not (tmp_path / downloads.ZIP_FILE).exists()


def test_a_preview_build_links_only_to_what_it_has(built_site: Path) -> None:
    links = home_links(built_site)
    assert downloads.DECK_FILE in links
    assert (built_site / downloads.DECK_FILE).is_file()
    assert downloads.PDF_FILE not in links
    assert downloads.ZIP_FILE not in links
    assert "scripts/release.sh" in (built_site / "index.html").read_text()


@pytest.mark.parametrize(
    ("release_build", "offline", "offered"),
    [
        (False, False, [downloads.DECK_FILE]),
        (False, True, [downloads.DECK_FILE]),
        (True, False, [downloads.PDF_FILE, downloads.ZIP_FILE, downloads.DECK_FILE]),
        (True, True, [downloads.PDF_FILE, downloads.DECK_FILE]),
    ],
)
def test_home_block_offers_what_the_build_has(
    release_build: bool, offline: bool, offered: list[str]
) -> None:
    block = downloads.home_block(release=release_build, offline=offline)
    hrefs = [
        url for _, url in html_links.parse_html(block).links if "downloads/" in url
    ]
    assert hrefs == offered
    assert ("not in this build" in block) is not release_build
