"""The site as GitHub Pages publishes it: a project site under `/<repository>/`.

The built site is served over HTTP under that prefix
(`scripts.handbook_tools.static_site.serve`, which answers with the site's 404.html like
Pages) and crawled from its home page: every page and asset it links must load, and
every page carries a meta description and a canonical URL under `site_url`, listed in
the sitemap. A fork is built for its own
URL from the environment alone, as the workflow does with the Pages settings.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from scripts.handbook_tools import chromium, facts, html_links, static_site
from scripts.handbook_tools.build import build
from scripts.handbook_tools.hooks.questions import COUNT
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
# Pages that are not in the sitemap: the error page and the print page (a copy of all).
NOT_IN_SITEMAP = {"404.html", "print_page/index.html"}


def site_url() -> str:
    return facts.site_url()


def prefix_of(url: str) -> str:
    return urlsplit(url).path or "/"


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes


def fetch(url: str) -> Response:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Response(
                response.status, response.headers.get_content_type(), response.read()
            )
    except urllib.error.HTTPError as error:
        with error:
            return Response(error.code, error.headers.get_content_type(), error.read())


@dataclass
class Crawl:
    """What a crawl of the served site found."""

    pages: dict[str, html_links.Page] = field(default_factory=dict)
    assets: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def _material_config(body: str) -> dict:
    match = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>', body
    )
    return json.loads(match.group(1)) if match else {}


def crawl(served: str, published: str) -> Crawl:
    """Follow every internal link from `served` (the home page) over HTTP; each must
    answer 200. Whether links, anchors and assets resolve in the files and stay under
    the prefix is the link checker's claim (tests/site/test_links.py); this is what a
    browser gets from a server that maps the prefix as GitHub Pages does.

    `published` is the site's `site_url`: absolute links to it (canonical URLs) are
    followed on the served copy, which is where they lead once deployed.
    """
    result = Crawl()
    queue, queued = [served], {served}
    while queue:
        url = queue.pop(0)
        response = fetch(url)
        if response.status != 200:
            result.errors.append(f"{url}: HTTP {response.status}")
            continue
        if response.content_type != "text/html":
            result.assets.add(url)
            continue
        text = response.body.decode("utf-8")
        page = html_links.parse_html(text)
        result.pages[url] = page
        config = _material_config(text)
        extra = []
        if "base" in config:
            base = urljoin(url, config["base"].rstrip("/") + "/")
            extra += [
                ("theme.base", base + "sitemap.xml"),
                ("theme.search", urljoin(url, config["search"])),
                ("theme.index", base + "search/search_index.json"),
            ]
        for _, link in [*page.links, *extra]:
            target = urldefrag(urljoin(url, link))[0]
            if target.startswith(published) and published != served:
                target = served + target[len(published) :]
            if target.startswith(served) and target not in queued:
                queued.add(target)
                queue.append(target)
    return result


def html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def page_url(base: str, name: str) -> str:
    return base + re.sub(r"(^|/)index\.html$", r"\1", name)


def check_served_site(site: Path, served: str, published: str) -> Crawl:
    result = crawl(served, published)
    assert not result.errors, "\n".join(result.errors)
    expected = {
        page_url(served, name)
        for name in html_pages(site)
        if name not in NOT_IN_SITEMAP
    }
    assert expected <= set(result.pages), sorted(expected - set(result.pages))
    for url, page in result.pages.items():
        assert page.canonical == published + url[len(served) :], url
    return result


def test_site_works_under_the_project_prefix(built_site: Path) -> None:
    published = site_url()
    with static_site.serve(built_site, prefix_of(published)) as served:
        result = check_served_site(built_site, served, published)
    assert any(asset.endswith(".css") for asset in result.assets)
    assert any(asset.endswith(".js") for asset in result.assets)


def test_crawl_reports_what_breaks_under_the_prefix(
    built_site: Path, tmp_path: Path
) -> None:
    """The crawl itself catches a page that is linked but not served."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("print_page"))
    page = site / "questions" / "pass-statement" / "index.html"
    fault = '<a href="../gone/">a</a>'
    page.write_text(page.read_text().replace("</article>", fault + "</article>", 1))
    published = site_url()
    with static_site.serve(site, prefix_of(published)) as served:
        errors = "\n".join(crawl(served, published).errors)
    assert errors == f"{served}questions/gone/: HTTP 404"


def check_not_found_page(served: str) -> None:
    """A missing URL deep under the prefix answers 404 with the site's styled page."""
    missing = served + "no/such/page/"
    response = fetch(missing)
    assert response.status == 404
    page = html_links.parse_html(response.body.decode("utf-8"))
    assets = [
        urljoin(missing, url)
        for kind, url in page.links
        if kind in {"script.src"} or (kind == "link.href" and url.endswith(".css"))
    ]
    assert any(url.endswith(".css") for url in assets), "the 404 page has no stylesheet"
    for url in assets:
        assert url.startswith(served), f"404.html loads {url}, outside {served}"
        asset = fetch(url)
        assert asset.status == 200, f"404.html: {url}: HTTP {asset.status}"
    for kind, url in page.links:
        if kind == "a.href" and not urlsplit(url).scheme:
            assert urljoin(missing, url).startswith(served), url


def test_not_found_page_is_styled_under_the_prefix(built_site: Path) -> None:
    with static_site.serve(built_site, prefix_of(site_url())) as served:
        check_not_found_page(served)


def browse(site: Path, prefix: str, path: str) -> tuple[int, str, list[str], list[str]]:
    """Open `path` under `prefix` in Chromium.

    Returns the status, the header's colour, requests that left the site, and failures.
    """
    require(chromium.available(), f"Chromium ({chromium.executable()})")
    from playwright.sync_api import sync_playwright

    with static_site.serve(site, prefix) as served, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            page = browser.new_page()
            requests: list[str] = []
            failed: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.on(
                "response",
                lambda response: (
                    response.status >= 400
                    and response.url != served + path
                    and failed.append(f"{response.status} {response.url}")
                ),
            )
            page.on("requestfailed", lambda request: failed.append(request.url))
            response = page.goto(served + path, wait_until="networkidle")
            colour = page.eval_on_selector(
                ".md-header", "header => getComputedStyle(header).backgroundColor"
            )
            outside = [url for url in requests if not url.startswith(served)]
            return response.status, colour, outside, failed
        finally:
            browser.close()


@pytest.mark.browser
def test_not_found_page_renders_styled_in_a_browser(built_site: Path) -> None:
    """Chromium shows the 404 page with the theme's styles, all loaded from the site."""
    status, colour, outside, failed = browse(
        built_site, prefix_of(site_url()), "no/such/page/"
    )
    assert status == 404
    assert colour not in {"rgba(0, 0, 0, 0)", "transparent", ""}, colour
    assert outside == []
    assert failed == []


def test_every_page_has_a_description_and_a_canonical_url(built_site: Path) -> None:
    base = site_url()
    for name in html_pages(built_site):
        if name == "404.html":
            continue
        page = html_links.parse_html((built_site / name).read_text())
        assert page.description, f"{name}: no description"
        assert page.description.strip(), f"{name}: blank description"
        assert page.canonical == page_url(base, name), name


def test_every_page_has_its_own_description(built_site: Path) -> None:
    """Each page's front matter `description` is its meta description (search results
    show it), not the site's."""
    docs = ROOT / "docs"
    sources = sorted(
        path for path in docs.rglob("*.md") if "overrides" not in path.parts
    )
    assert len(sources) >= 20
    for source in sources:
        description = facts.front_matter(source)[0].get("description")
        assert description, (
            f"{source.relative_to(ROOT)}: no description in front matter"
        )
        relative = source.relative_to(docs).with_suffix("")
        name = "index.html" if relative.name == "index" else f"{relative}/index.html"
        page = html_links.parse_html((built_site / name).read_text())
        # `{questions}` is the count the build fills in (hooks/questions.py).
        expected = str(description).replace(COUNT, str(len(facts.questions())))
        assert page.description == " ".join(expected.split()), name


def sitemap_locations(site: Path) -> list[str]:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.fromstring((site / "sitemap.xml").read_bytes())
    return [loc.text or "" for loc in tree.findall("s:url/s:loc", namespace)]


def test_sitemap_lists_every_page_under_site_url(built_site: Path) -> None:
    base = site_url()
    locations = sitemap_locations(built_site)
    expected = {
        page_url(base, name)
        for name in html_pages(built_site)
        if name not in NOT_IN_SITEMAP
    }
    assert set(locations) == expected
    assert len(locations) == len(expected), "a page is listed twice"
    compressed = gzip.decompress((built_site / "sitemap.xml.gz").read_bytes())
    assert compressed == (built_site / "sitemap.xml").read_bytes()


def test_fork_deploys_under_its_own_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workflow sets SITE_URL and REPO_URL from the repository it runs in; a fork
    named differently gets canonical URLs, sitemap, 404 page and repository link of its
    own, with no file edited."""
    site = tmp_path / "site"
    site.mkdir()
    repo = "https://github.com/fork-owner/handbook-fork"
    with static_site.serve(site, "/handbook-fork/") as served:
        monkeypatch.setenv("SITE_URL", served)
        monkeypatch.setenv("REPO_URL", repo)
        monkeypatch.setenv("REPO_NAME", "fork-owner/handbook-fork")
        result = build(site)
        assert result.returncode == 0, result.stdout + result.stderr
        check_served_site(site, served, served)
        check_not_found_page(served)
        assert set(sitemap_locations(site)) == {
            page_url(served, name)
            for name in html_pages(site)
            if name not in NOT_IN_SITEMAP
        }
    index = html_links.parse_html((site / "index.html").read_text())
    assert ("a.href", repo) in index.links
    assert "fork-owner/handbook-fork" in (site / "index.html").read_text()
