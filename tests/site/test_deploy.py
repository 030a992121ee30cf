"""The site as GitHub Pages publishes it: a project site under `/<repository>/`.

The built site is served over HTTP under that prefix
(`scripts.handbook_tools.static_site.serve`, which answers with the site's 404.html like
Pages) and crawled from its home page: every page, asset and `#fragment` it links must
load, nothing may point outside the prefix, and every page carries a meta description
and a canonical URL under `site_url`, listed in the sitemap. A fork is built for its own
URL from the environment alone, as the workflow does with the Pages settings. Last,
dependency hygiene: every requirement is pinned with hashes, and no file names a package
registry's host.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

from scripts.handbook_tools import check_links, chromium, facts, static_site
from scripts.handbook_tools.build import build
from scripts.handbook_tools.hooks.questions import COUNT
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
# Pages that are not in the sitemap: the error page and the print page (a copy of all).
NOT_IN_SITEMAP = {"404.html", "print_page/index.html"}
FETCHED = {
    ("link", "stylesheet"),
    ("link", "icon"),
    ("link", "preload"),
    ("link", "manifest"),
}


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

    pages: dict[str, check_links.Page] = field(default_factory=dict)
    assets: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def _material_config(body: str) -> dict:
    match = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>', body
    )
    return json.loads(match.group(1)) if match else {}


def crawl(served: str, published: str) -> Crawl:
    """Follow every internal link from `served` (the home page); check what it finds.

    `published` is the site's `site_url`: absolute links to it (canonical URLs) are
    checked against the served copy, which is where they lead once deployed.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served))
    result = Crawl()
    queue, queued = [served], {served}
    anchors: list[tuple[str, str, str]] = []  # (source, target page, fragment)

    def internal(source: str, url: str) -> str | None:
        absolute = urljoin(source, url)
        if absolute.startswith(published) and published != served:
            absolute = served + absolute[len(published) :]
        if not absolute.startswith(origin + "/"):
            return None
        if not absolute.startswith(served):
            result.errors.append(
                f"{source}: {url!r} leaves the prefix {prefix_of(served)}"
            )
            return None
        return absolute

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
        page = check_links.parse_html(text)
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
        for kind, link in [*page.links, *extra]:
            scheme = urlsplit(link).scheme
            if scheme in check_links.SKIP_SCHEMES or scheme == "javascript":
                continue
            target = internal(url, link)
            if target is None:
                # An external link is the link checker's; an external asset is an error.
                if kind in {"script.src", "img.src", "link.href"}:
                    result.errors.append(f"{url}: loads {link} from elsewhere")
                continue
            location, fragment = urldefrag(target)
            if fragment:
                anchors.append((url, location, fragment))
            if location not in queued:
                queued.add(location)
                queue.append(location)
    for source, location, fragment in anchors:
        page = result.pages.get(location)
        if page is not None and unquote(fragment) not in page.ids:
            result.errors.append(f"{source}: #{fragment}: no such id in {location}")
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
    """The crawl itself catches a missing page, a missing anchor, a root-relative link
    (it would leave the project's prefix) and a stylesheet from another host."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("print_page"))
    page = site / "questions" / "pass-statement" / "index.html"
    faults = (
        '<a href="../gone/">a</a><a href="../generators/#nowhere">b</a>'
        '<a href="/questions/generators/">c</a>'
        '<link rel="stylesheet" href="https://cdn.example.com/x.css">'
    )
    page.write_text(page.read_text().replace("</article>", faults + "</article>", 1))
    published = site_url()
    with static_site.serve(site, prefix_of(published)) as served:
        errors = "\n".join(crawl(served, published).errors)
    assert f"{served}questions/gone/: HTTP 404" in errors
    assert "#nowhere: no such id" in errors
    assert "'/questions/generators/' leaves the prefix" in errors
    assert "loads https://cdn.example.com/x.css from elsewhere" in errors


def check_not_found_page(served: str) -> None:
    """A missing URL deep under the prefix answers 404 with the site's styled page."""
    missing = served + "no/such/page/"
    response = fetch(missing)
    assert response.status == 404
    page = check_links.parse_html(response.body.decode("utf-8"))
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


@pytest.mark.browser
def test_a_page_makes_no_request_outside_the_site(built_site: Path) -> None:
    """No request leaves the site: no fonts, no CDN, no GitHub API call for the
    repository link (the override of partials/source.html)."""
    status, colour, outside, failed = browse(
        built_site, prefix_of(site_url()), "questions/pass-statement/"
    )
    assert status == 200
    assert colour not in {"rgba(0, 0, 0, 0)", "transparent", ""}, colour
    assert outside == []
    assert failed == []


def test_every_page_has_a_description_and_a_canonical_url(built_site: Path) -> None:
    base = site_url()
    for name in html_pages(built_site):
        if name == "404.html":
            continue
        page = check_links.parse_html((built_site / name).read_text())
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
        page = check_links.parse_html((built_site / name).read_text())
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
    index = check_links.parse_html((site / "index.html").read_text())
    assert ("a.href", repo) in index.links
    assert "fork-owner/handbook-fork" in (site / "index.html").read_text()


# Dependency hygiene.

REQUIREMENT = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[\w,.-]+\])?==(?P<version>[\w.!+-]+)"
    r"(\s*;\s*[^-][^\n]*?)?(?P<hashes>(\s+--hash=sha256:[0-9a-f]{64})+)$"
)


def logical_lines(path: Path) -> list[str]:
    joined = path.read_text().replace("\\\n", " ")
    lines = [line.split(" #", 1)[0].strip() for line in joined.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


REQUIREMENT_FILES = sorted((ROOT / "requirements").glob("*.txt"))


@pytest.mark.parametrize("path", REQUIREMENT_FILES, ids=lambda path: path.name)
def test_every_requirement_is_pinned_with_hashes(path: Path) -> None:
    lines = logical_lines(path)
    assert lines, f"{path.name} is empty"
    for line in lines:
        assert REQUIREMENT.match(" ".join(line.split())), f"{path.name}: {line[:120]}"


def test_lock_script_writes_every_requirement_file() -> None:
    script = (ROOT / "scripts" / "lock.sh").read_text()
    assert "--generate-hashes" in script
    assert "--no-emit-index-url" in script
    written = set(re.findall(r"-o (requirements/[\w-]+\.txt)", script))
    assert written == {f"requirements/{p.name}" for p in REQUIREMENT_FILES}
    pyproject = (ROOT / "pyproject.toml").read_text()
    for group in re.findall(r"--group (\w+)", script):
        assert re.search(rf"^{group} = \[", pyproject, re.MULTILINE), group
    assert re.search(r'^audit = \["pip-audit', pyproject, re.MULTILINE)
    assert any(
        line.startswith("pip-audit==")
        for line in logical_lines(ROOT / "requirements" / "audit.txt")
    )


def test_node_dependencies_are_exact_versions() -> None:
    manifest = ROOT / "package.json"
    if not manifest.exists():
        pytest.skip("no package.json")
    data = json.loads(manifest.read_text())
    for section in ("dependencies", "devDependencies", "optionalDependencies"):
        for name, version in (data.get(section) or {}).items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: {version}"
    assert (ROOT / "package-lock.json").exists(), "package.json without its lock file"


def repository_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode()
        names = [name for name in listed.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "node_modules", "site", "__pycache__"}
        names = [
            path.relative_to(ROOT).as_posix()
            for path in ROOT.rglob("*")
            if path.is_file() and not skip & set(path.relative_to(ROOT).parts)
        ]
    return [ROOT / name for name in names if (ROOT / name).is_file()]


# Lock and package-manager files may hold names, versions and hashes only: a download
# address or an index option there would name a registry.
LOCK_FILES = ("requirements/*.txt", "package-lock.json", ".npmrc")
# In requirement files and .npmrc: any URL or index option. In package-lock.json: a
# `resolved` download address (its funding links name sponsors, not registries).
ADDRESS = re.compile(r"https?://|\b(?:index-url|find-links|registry)\s*=", re.I)
RESOLVED = re.compile(r'"resolved"\s*:')


def download_addresses(path: Path) -> list[str]:
    """Each line of `path` that holds a download address or an index option."""
    pattern = RESOLVED if path.suffix == ".json" else ADDRESS
    return [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_lock_files_hold_no_download_address() -> None:
    files = [path for pattern in LOCK_FILES for path in ROOT.glob(pattern)]
    assert len(files) >= 5
    tracked = {path.resolve() for path in repository_files()}
    assert all(path.resolve() in tracked for path in files)
    found = [line for path in files for line in download_addresses(path)]
    assert not found, "\n".join(found)


def test_lock_file_check_would_catch_an_address(tmp_path: Path) -> None:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(
        "six==1.16.0 --hash=sha256:00\n"
        "--extra-index-url https://packages.example/simple\n"
    )
    assert download_addresses(requirements) == [
        "requirements.txt:2: --extra-index-url https://packages.example/simple"
    ]
    npm_lock = tmp_path / "package-lock.json"
    npm_lock.write_text('{"resolved": "x"}\n')
    assert len(download_addresses(npm_lock)) == 1
