"""Every link of the built site resolves: pages, assets, anchors, raw HTML included.

`scripts/handbook_tools/check_links.py` reads the built HTML, so it also sees what
MkDocs does not check: links written as raw HTML, links made by templates and plugins,
asset paths. Fault injection shows it catches a broken raw-HTML link and a broken
anchor, naming the page, where the strict build lets them through.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.handbook_tools import check_links, external_links, facts, html_links
from scripts.handbook_tools.build import build

ROOT = Path(__file__).resolve().parents[2]
PAGE = "questions/pass-statement.md"
BUILT_PAGE = "questions/pass-statement/index.html"


@pytest.fixture(scope="module")
def report(built_site: Path) -> check_links.Report:
    return check_links.check_site(built_site)


def test_every_internal_link_anchor_and_asset_resolves(
    report: check_links.Report,
) -> None:
    assert report.checked > 100, "the checker saw too few links to be reading the site"
    shown = report.errors[:40]
    more = len(report.errors) - len(shown)
    assert not report.errors, "\n".join(
        [
            f"{len(report.errors)} broken links:",
            *shown,
            f"... and {more} more" * (more > 0),
        ]
    )


def test_external_links_are_documentation_hosts(report: check_links.Report) -> None:
    assert report.external, "the pages cite official documentation"
    for page, url in report.external:
        assert external_links.external_problem(url) is None, f"{page}: {url}"


def test_the_repository_link_is_plain_and_allowed(built_site: Path) -> None:
    """repo_url is shown as a plain link: no `data-md-component="source"`, which makes
    Material's JavaScript call the GitHub API from the reader's browser."""
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        assert 'data-md-component="source"' not in html, page
    index = html_links.parse_html((built_site / "index.html").read_text())
    repo = facts.repo_url()
    assert ("a.href", repo) in index.links
    assert external_links.external_problem(repo) is None


# Unit checks of the checker on a copy of the built site.


def copy_site(built_site: Path, destination: Path) -> Path:
    """A copy of the built site without the print page (a copy of every page: slow to
    parse, and checked by the tests above)."""
    shutil.copytree(
        built_site, destination, ignore=shutil.ignore_patterns("print_page")
    )
    return destination


@pytest.fixture(scope="module")
def baseline(built_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the built site and the errors it has before any injection."""
    site = copy_site(built_site, tmp_path_factory.mktemp("baseline") / "site")
    return site, set(check_links.check_site(site).errors)


def new_errors(site: Path, before: set[str]) -> list[str]:
    return [
        error for error in check_links.check_site(site).errors if error not in before
    ]


def inject(site: Path, page: str, html: str) -> None:
    path = site / page
    text = path.read_text()
    assert "</article>" in text, f"no </article> in {page}"
    path.write_text(text.replace("</article>", html + "</article>", 1))


@pytest.mark.parametrize(
    ("html", "evidence"),
    [
        (
            '<a href="nowhere.html">x</a>',
            "'nowhere.html' names questions/pass-statement/",
        ),
        ('<a href="#no-such-id">x</a>', "no id 'no-such-id' in this page"),
        (
            '<a href="../generators/#no-such-heading">x</a>',
            "no id 'no-such-heading' in questions/generators/index.html",
        ),
        ('<img src="../../assets/missing.png" alt="">', "assets/missing.png"),
        ('<a href="/elsewhere/">x</a>', "outside the site's prefix /python-interview"),
        ('<a href="../../../../up.html">x</a>', "outside the site's prefix"),
        (
            '<a href="https://python-interview-handbook.github.io/other/">x</a>',
            "outside the site's prefix",
        ),
        ('<a href="https://example.com/page">x</a>', "example.com is not in the"),
        ('<a href="http://docs.python.org/3/">x</a>', "is not https"),
        ('<a href="https://docs.python.org:8443/3/">x</a>', "names a port"),
        ('<a href="javascript:alert(1)">x</a>', "javascript: URL"),
    ],
)
def test_checker_names_the_page_and_the_broken_link(
    baseline: tuple[Path, set[str]], tmp_path: Path, html: str, evidence: str
) -> None:
    site = copy_site(baseline[0], tmp_path / "site")
    inject(site, BUILT_PAGE, html)
    errors = new_errors(site, baseline[1])
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{BUILT_PAGE}: "), errors
    assert evidence in errors[0], errors


def test_checker_accepts_what_is_valid(
    baseline: tuple[Path, set[str]], tmp_path: Path
) -> None:
    site = copy_site(baseline[0], tmp_path / "site")
    base = facts.site_url()
    inject(
        site,
        BUILT_PAGE,
        '<a href="../generators/">ok</a><a href="../../">home</a>'
        '<a href="#short-answer">top</a><a href="mailto:x@example.org">mail</a>'
        f'<a href="{base}questions/generators/">absolute</a>'
        '<img src="data:image/png;base64,AAAA" alt="">'
        '<a href="https://docs.python.org/3/library/re.html#re.search">doc</a>',
    )
    assert new_errors(site, baseline[1]) == []


def test_checker_reads_css_urls(
    baseline: tuple[Path, set[str]], tmp_path: Path
) -> None:
    site = copy_site(baseline[0], tmp_path / "site")
    (site / "assets" / "broken.css").write_text(
        "a { background: url('missing.svg') }\nb { background: url(data:x) }\n"
    )
    assert new_errors(site, baseline[1]) == [
        "assets/broken.css: url(missing.svg) names a file that does not exist"
    ]


def test_command_line_exit_status_and_message(
    baseline: tuple[Path, set[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, before = baseline
    assert check_links.main([str(site), "--external"]) == (1 if before else 0)
    out, err = capsys.readouterr()
    assert "docs.python.org" in out
    assert f"{len(before)} broken" in err
    site = copy_site(site, tmp_path / "site")
    inject(site, BUILT_PAGE, '<a href="nowhere.html">x</a>')
    assert check_links.main([str(site)]) == 1
    _, err = capsys.readouterr()
    assert f"{BUILT_PAGE}: a.href 'nowhere.html'" in err
    assert f"{len(before) + 1} broken" in err


# Fault injection through a real build: MkDocs lets raw HTML links through, the
# checker does not.


TOP_LEVEL_IGNORED = {".git", ".venv", "node_modules", "site", "htmlcov"}
EVERYWHERE_IGNORED = shutil.ignore_patterns("__pycache__", ".*_cache", ".coverage*")


def _ignored(directory: str, names: list[str]) -> set[str]:
    ignored = set(EVERYWHERE_IGNORED(directory, names))
    if Path(directory) == ROOT:
        ignored |= TOP_LEVEL_IGNORED & set(names)
    return ignored


def copy_sources(destination: Path) -> Path:
    """The repository's files (not its environment) in `destination`, to build."""
    shutil.copytree(ROOT, destination, ignore=_ignored)
    if (ROOT / "node_modules").is_dir():
        (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


@pytest.fixture(scope="module")
def faulty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = copy_sources(tmp_path_factory.mktemp("faulty") / "src")
    page = copy / "docs" / PAGE
    text = page.read_text()
    assert "## Pitfalls" in text
    raw = (
        '<p><a href="nowhere.html">raw link</a>'
        ' <a href="#no-such-section">raw anchor</a></p>'
    )
    page.write_text(text.replace("## Pitfalls", f"{raw}\n\n## Pitfalls", 1))
    site = copy / "built"
    result = build(site, copy / "mkdocs.yml")
    assert result.returncode == 0, (
        "the strict build was expected to let raw HTML links through:\n"
        + result.stdout
        + result.stderr
    )
    return site


def test_broken_raw_html_link_is_caught(faulty_site: Path) -> None:
    errors = check_links.check_site(faulty_site).errors
    assert any(
        error.startswith(f"{BUILT_PAGE}: a.href 'nowhere.html'") for error in errors
    ), errors


def test_broken_raw_html_anchor_is_caught(faulty_site: Path) -> None:
    errors = check_links.check_site(faulty_site).errors
    assert (
        f"{BUILT_PAGE}: a.href '#no-such-section': no id 'no-such-section' in this page"
        in errors
    ), errors
