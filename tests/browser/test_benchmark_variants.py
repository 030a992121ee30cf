"""The site without a piece of the theme, as `scripts/benchmark.sh --without` measures
it (scripts/handbook_tools/benchmark/variants.py): the piece is gone, and our own
scripts still run, so the figures are those of a working page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.handbook_tools import static_site
from scripts.handbook_tools.benchmark.variants import VARIANTS
from tests.browser.conftest import site_prefix

PAGE = "questions/pass-statement/"
BLOCK, COPY = ".md-content .highlight", "button[data-md-type='copy']"


def load(page, url: str) -> list[str]:
    """Open the page and wait until our progress script has been handed it
    (after_paint.py's `handbook:theme`); the addresses it requested by then."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(url + PAGE)
    page.locator(".md-content .handbook-progress-status:not([hidden])").wait_for()
    return fetched


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def variant_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    built_site: Path,
) -> Iterator[tuple[str, str]]:
    site = tmp_path_factory.mktemp(request.param) / "site"
    shutil.copytree(built_site, site)
    VARIANTS[request.param].apply(site)
    with static_site.serve(site, site_prefix(site)) as url:
        yield request.param, url


def test_the_variant_drops_its_piece_and_our_scripts_still_run(
    page, variant_url: tuple[str, str]
) -> None:
    variant, url = variant_url
    fetched = load(page, url)
    index_fetched = any("search/search_index" in address for address in fetched)
    # Code blocks get the theme's copy button as they come into view (content.lazy).
    page.locator(BLOCK).first.scroll_into_view_if_needed()
    copy_button = page.locator(f"{BLOCK} {COPY}").first
    if variant == "theme-script":
        # The theme's document$ is an RxJS subject; the stub's is not.
        assert page.evaluate("typeof document$.pipe") == "undefined"
        assert copy_button.count() == 0, "the theme's script still ran"
    else:
        copy_button.wait_for(state="attached")
    assert not index_fetched, fetched


def test_as_built_the_page_fetches_the_index_and_has_copy_buttons(
    page, site_url: str
) -> None:
    """The check the variants fail: the same page, the same signs, on the site as
    built."""
    fetched = load(page, site_url)
    page.locator(BLOCK).first.scroll_into_view_if_needed()
    page.locator(f"{BLOCK} {COPY}").first.wait_for(state="attached")
    assert page.evaluate("typeof document$.pipe") == "function"
    assert any("search/search_index" in address for address in fetched), fetched
