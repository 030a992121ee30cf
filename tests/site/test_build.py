"""The strictly built site: every page present, complete, and free of build debris."""

from __future__ import annotations

import gzip
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
import rcssmin

from scripts.handbook_tools import check_snippets, drills, facts
from scripts.handbook_tools.hooks.run_in_browser import PYODIDE_FILES

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "docs" / "questions"

# The page anatomy (docs/contributing.md): second-level headings, in this order.
ANATOMY = [
    "short-answer",
    "what-the-interviewer-listens-for",
    "explanation",
    "code-and-output",
    "what-the-list-gets-wrong",
    "pitfalls",
    "predict-the-output",
    "follow-up-questions",
    "official-documentation",
]
DIFFICULTIES = {"beginner", "intermediate", "advanced"}


def front_matter(page: Path) -> dict:
    meta, _ = facts.front_matter(page)
    assert meta, f"{page.name}: no front matter"
    return meta


def question_pages() -> list[Path]:
    return sorted(QUESTIONS.glob("*.md"))


class _ExecutedOutput(HTMLParser):
    """Collects the text markdown-exec rendered from running code (div.result)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # > 0 while inside a div.result
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag != "div":
            return
        if self.depth or "result" in (dict(attrs).get("class") or "").split():
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


class _Headings(HTMLParser):
    """Collects the ids of <h2> elements and the text of the article."""

    def __init__(self) -> None:
        super().__init__()
        self.h2_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "h2":
            self.h2_ids.append(dict(attrs).get("id", ""))


def html_of(site: Path, page: Path) -> str:
    return (site / "questions" / page.stem / "index.html").read_text()


def test_every_question_page_is_in_the_nav_which_numbers_them() -> None:
    """The nav is the one source of the questions' order, numbers and count: every
    page is in it, and no page writes its own number."""
    questions = facts.questions()
    assert {q.slug for q in questions} == {page.stem for page in question_pages()}
    assert [q.number for q in questions] == list(range(1, len(questions) + 1))
    assert not [q.slug for q in questions if "question" in q.meta]
    # The list's seventeen keep their numbers: the first question is still `pass`.
    assert questions[0].slug == "pass-statement"
    assert len(questions) >= 17


def test_pages_show_their_number_and_the_count(built_site: Path) -> None:
    count = len(facts.questions())
    for question in facts.questions():
        html = (built_site / "questions" / question.slug / "index.html").read_text()
        assert f"Question {question.number} of {count}<" in html, question.slug
    home = (built_site / "index.html").read_text()
    assert f'content="The {count} questions of a Python backend' in home
    assert "{questions}" not in home


def test_facts_read_the_site_url_as_the_build_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    default = facts.site_url()
    assert default.startswith("https://")
    assert default.endswith("/")
    monkeypatch.setenv("SITE_URL", "https://example.org/fork/")
    assert facts.site_url() == "https://example.org/fork/"


@pytest.mark.parametrize("page", question_pages(), ids=lambda p: p.stem)
def test_question_page_is_built(built_site: Path, page: Path) -> None:
    html = html_of(built_site, page)
    assert "--8<--" not in html
    # Code run at build time must not have failed. Transcripts may show a traceback on
    # purpose (a failing unit test's report), so only executed output counts.
    output = _ExecutedOutput()
    output.feed(html)
    assert "Traceback (most recent call last)" not in "".join(output.text)


@pytest.mark.parametrize("page", question_pages(), ids=lambda p: p.stem)
def test_written_page_follows_the_anatomy(built_site: Path, page: Path) -> None:
    meta = front_matter(page)
    assert meta["difficulty"] in DIFFICULTIES
    assert meta["tags"], "a written page has topic tags"
    assert len(meta["description"]) >= 50, "a description a search result can show"
    parser = _Headings()
    parser.feed(html_of(built_site, page))
    assert [h for h in parser.h2_ids if h in ANATOMY] == ANATOMY
    html = html_of(built_site, page)
    assert 'class="admonition answer"' in html, "the short answer box"
    assert html.count('<details class="question"') >= 3, "three follow-up questions"
    assert html.count('<details class="reveal"') >= 3, "three predictions"
    assert re.search(r'class="handbook-reading-time">\d+ min read<', html)
    # The provenance note names the interpreter that produced the output.
    assert re.search(r"produced by running its code with CPython 3\.\d+\.\d+", html)
    # Real output: an executed block rendered its result or, on a page whose examples
    # all need a server (their output is a transcript), its predictions ran.
    assert '<div class="result"' in html or REVEALED.search(page.read_text())


def test_home_page_links_every_question(built_site: Path) -> None:
    home = (built_site / "index.html").read_text()
    for page in question_pages():
        assert f'href="questions/{page.stem}/"' in home, page.stem


def test_tags_page_lists_every_question(built_site: Path) -> None:
    tags = (built_site / "tags" / "index.html").read_text()
    for page in question_pages():
        assert f"questions/{page.stem}/" in tags, page.stem


def test_every_snippet_is_included_and_every_section_exists() -> None:
    assert check_snippets.problems() == []


REVEALED = re.compile(
    r'^\?\?\? reveal "Output"\n    ```python exec="on"[^\n]*\n    --8<-- "([^"]+)"',
    re.M,
)


def predictions_of(page: Path) -> list[str]:
    """The snippet sections a page's predictions reveal, in page order."""
    return REVEALED.findall(page.read_text().split("## Predict the output")[1])


def test_levels_mean_something_and_are_spread() -> None:
    """docs/contributing.md defines three levels; each holds at least a quarter."""
    levels = [front_matter(page)["difficulty"] for page in question_pages()]
    for level in DIFFICULTIES:
        assert levels.count(level) * 4 >= len(levels), (level, levels.count(level))
    contributing = (ROOT / "docs" / "contributing.md").read_text()
    for level in DIFFICULTIES:
        assert f"| `{level}` |" in contributing, f"{level} is defined"


@pytest.mark.parametrize("page", question_pages(), ids=lambda p: p.stem)
def test_each_prediction_shows_what_its_code_prints_and_has_a_test(
    built_site: Path, page: Path, predict
) -> None:
    """The output a reveal shows is the output of the code shown above it, run at
    build time, and the page's test module names (so tests) every prediction."""
    includes = predictions_of(page)
    assert len(includes) >= 3
    shown = drills.predictions(html_of(built_site, page))
    assert len(shown) == len(includes)
    tests = ROOT / "tests" / "snippets" / f"test_{page.stem.replace('-', '_')}.py"
    for include, drill in zip(includes, shown, strict=True):
        output = html.unescape(
            re.sub(r"<[^>]+>", "", drill.answer_html.split("</pre>")[0])
        )
        assert output.rstrip() == predict(include).rstrip(), include
        assert f'"{include}"' in tests.read_text(), f"no test names {include}"


# Where two pages meet, each links to the other's section (issue 12).
CROSS_LINKS = [
    ("http-headers-and-status-codes", "django-redis-cache", "vary"),
    ("django-redis-cache", "http-headers-and-status-codes", "vary"),
    (
        "http-headers-and-status-codes",
        "django-debug-toolbar",
        "internal-ips-behind-a-proxy",
    ),
    (
        "django-debug-toolbar",
        "http-headers-and-status-codes",
        "client-address-behind-proxies",
    ),
    ("django-debug-toolbar", "django-unit-tests", "debug-is-false-under-tests"),
    ("django-unit-tests", "django-debug-toolbar", "debug-under-tests"),
    (
        "django-transactions-and-races",
        "background-tasks-celery",
        "ids-not-objects-and-only-after-the-commit",
    ),
    (
        "background-tasks-celery",
        "django-transactions-and-races",
        "after-the-commit-on_commit",
    ),
    ("generators", "context-managers", "writing-one-a-class-or-a-generator"),
    ("context-managers", "generators", "driving-a-generator-from-outside"),
]


@pytest.mark.parametrize(("source", "target", "anchor"), CROSS_LINKS)
def test_pages_link_where_they_meet(
    built_site: Path, source: str, target: str, anchor: str
) -> None:
    html_text = (built_site / "questions" / source / "index.html").read_text()
    assert f'href="../{target}/#{anchor}"' in html_text
    target_html = (built_site / "questions" / target / "index.html").read_text()
    assert f'id="{anchor}"' in target_html


def test_progress_loads_only_where_it_is_used_and_weighs_little(
    built_site: Path,
) -> None:
    """docs/assets/progress.js: question pages, the home page and the pages that name
    scripts of their own (the trainers), nowhere else; a question page's first visit
    grows by at most 5 KiB gzipped: the script, its rules in handbook.css, the status
    control and practice mode's head script, each compressed alone (an upper bound)."""
    users = {f"questions/{p.stem}/index.html" for p in question_pages()}
    users |= {"index.html", "review/index.html", "mock-interview/index.html"}
    # Started after the first paint (hooks/after_paint.py).
    tag = re.compile(r'<script>handbookScript\("assets/progress\.js"\)</script>')
    for page in built_site.rglob("*.html"):
        relative = page.relative_to(built_site).as_posix()
        assert bool(tag.search(page.read_text())) == (relative in users), relative
    source = (facts.ROOT / "docs" / "assets" / "handbook.css").read_text()
    section = source[source.index("/* --- Progress") :]
    section = section[: section.index("/* --- ", 10)]
    page = (built_site / "questions" / "pass-statement" / "index.html").read_text()
    control = re.search(
        r'<fieldset class="handbook-progress-status".*?</fieldset>', page, re.S
    )
    head_script = re.search(r"<script>[^<]*handbook\.practice[^<]*</script>", page)
    parts = [
        (built_site / "assets" / "progress.js").read_bytes(),
        rcssmin.cssmin(section).encode(),
        control[0].encode() + tag.search(page)[0].encode() + head_script[0].encode(),
    ]
    assert sum(len(gzip.compress(part)) for part in parts) <= 5 * 1024


def test_our_scripts_and_styles_are_minified_and_the_vendored_are_not(
    built_site: Path,
) -> None:
    """hooks/minify.py: each of docs/assets' own .js and .css is written minified (its
    comments gone, smaller), the theme's files and the vendored library as shipped."""
    assets = facts.ROOT / "docs" / "assets"
    ours = [p for p in assets.glob("*") if p.suffix in (".js", ".css")]
    assert {p.name for p in ours} >= {
        "progress.js",
        "practice.js",
        "palette.js",
        "handbook.css",
        "run.js",
        "run-worker.js",
        "run.css",
    }
    for source in ours:
        built = (built_site / "assets" / source.name).read_text()
        assert "/*" not in built, source.name
        assert len(built) < 0.8 * len(source.read_text()), source.name
    vendored = "vendor/ts-fsrs/index.umd.js"
    assert (built_site / "assets" / vendored).read_bytes() == (
        (assets / vendored).read_bytes()
    )
    theme = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    bundle = next(theme.glob("bundle.*.min.js"))
    built_bundle = built_site / "assets" / "javascripts" / bundle.name
    assert built_bundle.read_bytes() == bundle.read_bytes()


INLINED = re.compile(r'<style data-inlined="(?P<uri>[^"]+)">(?P<css>[^<]*)</style>')
LINKED = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)">')


def test_pages_carry_their_small_stylesheets_and_link_the_themes_main_one(
    built_site: Path,
) -> None:
    """hooks/inline_styles.py: a page links one stylesheet, the theme's main one,
    shared from the cache; ours, the page's own and the palette are written into its
    head, each exactly as the site's own file (minified, the palette leaned). The
    print page keeps its links."""
    pages = [f"questions/{p.stem}/index.html" for p in question_pages()]
    pages += ["index.html", "review/index.html", "mock-interview/index.html"]
    for relative in pages:
        html = (built_site / relative).read_text()
        assert "data-inlined" not in html.split("</head>")[1], relative
        linked = [m["href"].rsplit("/", 1)[-1] for m in LINKED.finditer(html)]
        assert len(linked) == 1, relative
        assert re.fullmatch(r"main\.\w+\.min\.css", linked[0]), relative
        inlined = {m["uri"]: m["css"] for m in INLINED.finditer(html)}
        assert {"assets/handbook.css", "assets/quality.css"} <= inlined.keys()
        assert any(uri.startswith("assets/stylesheets/palette.") for uri in inlined)
        if relative == "mock-interview/index.html":
            assert "assets/mock-interview.css" in inlined
        for uri, css in inlined.items():
            assert css == (built_site / uri).read_text(), (relative, uri)
    print_page = (built_site / "print_page" / "index.html").read_text()
    assert "data-inlined" not in print_page
    assert "assets/handbook.css" in print_page


# Run it yourself (scripts/handbook_tools/hooks/run_in_browser.py).
PYODIDE = ROOT / "node_modules" / "pyodide"
RUN_ASSETS = re.compile(
    r'<script>handbookScript\("assets/run\.js"\)</script>'
    r'|<style data-inlined="assets/run\.css">'
)
# In page order: each example's mark, a Run block or the note saying why it has none.
RUN_MARKS = re.compile(
    r'<div class="handbook-run"(?P<attributes>[^>]*)>'
    r'|<p class="handbook-run-note"[^>]*>(?P<note>[^<]*)</p>'
)
EXEC_FENCE = re.compile(r'^ *`{3,} *python (?P<options>[^\n]*exec="on"[^\n]*)$', re.M)


def test_the_site_ships_the_pinned_pyodide(built_site: Path) -> None:
    """Pyodide is served from the site's own files, as npm installed them from the
    version package-lock.json pins."""
    for name in PYODIDE_FILES:
        shipped = built_site / "assets" / "pyodide" / name
        assert shipped.read_bytes() == (PYODIDE / name).read_bytes(), name
    installed = json.loads((PYODIDE / "package.json").read_text())["version"]
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert installed == lock["packages"]["node_modules/pyodide"]["version"]
    # The worker loads the runner tests/tools/test_run_example.py tests, as written.
    runner = built_site / "assets" / "run_example.py"
    assert runner.read_bytes() == (ROOT / "docs/assets/run_example.py").read_bytes()


def test_pages_with_no_reason_offer_their_examples_to_run(built_site: Path) -> None:
    offering = [q for q in facts.questions() if "browser" not in q.meta]
    assert len(offering) >= 10
    for question in offering:
        page = (built_site / question.url / "index.html").read_text()
        assert '<div class="handbook-run" ' in page, question.slug
        assert len(RUN_ASSETS.findall(page)) == 2, question.slug


def test_only_pages_with_runnable_examples_load_the_runner(built_site: Path) -> None:
    """run.js and run.css load where a Run button is; the print page, made for paper,
    keeps the blocks' markup but no button."""
    loading = set()
    for page in built_site.rglob("*.html"):
        relative = page.relative_to(built_site).as_posix()
        text = page.read_text()
        runnable = '<div class="handbook-run" ' in text
        if relative != "print_page/index.html":
            assert bool(RUN_ASSETS.search(text)) == runnable, relative
        if RUN_ASSETS.search(text):
            loading.add(relative)
    assert not {"index.html", "review/index.html", "mock-interview/index.html"} & (
        loading
    )
    # A web page whose front matter says why runs nothing, unless a fence says "run".
    for question in facts.questions():
        if "browser" not in question.meta:
            continue
        offered = 'browser="run"' in (ROOT / "docs" / question.uri).read_text()
        assert (f"{question.url}index.html" in loading) == offered, question.slug
    assert "questions/http-headers-and-status-codes/index.html" in loading


def test_no_page_loads_pyodide_before_run(built_site: Path) -> None:
    """Pyodide (12 MB) is fetched by the worker on the first Run, never by a page."""
    loads = re.compile(r'(?:src|href)="[^"]*assets/pyodide/')
    for page in built_site.rglob("*.html"):
        assert not loads.search(page.read_text()), page


def example_fences(markdown: str) -> list[dict]:
    """The options of each executed Python fence that shows an example: its source, or
    a prediction's output (whose code is the block above the reveal)."""
    examples = []
    for match in EXEC_FENCE.finditer(markdown):
        options = dict(re.findall(r'(\w+)="([^"]*)"', match["options"]))
        shown = options.get("source") == "block"
        if shown or (not options.get("source") and options.get("result") == "text"):
            examples.append({**options, "shown": shown})
    return examples


@pytest.mark.parametrize("page", question_pages(), ids=lambda p: p.stem)
def test_every_example_is_runnable_or_says_why_not(
    built_site: Path, page: Path
) -> None:
    """Each example the build ran, in page order, is either a Run block or followed by
    the note giving its fence's reason or else its page's."""
    meta = front_matter(page)
    fences = example_fences(page.read_text())
    marks = list(RUN_MARKS.finditer(html_of(built_site, page)))
    assert len(marks) == len(fences), "one mark per example"
    for number, (fence, mark) in enumerate(zip(fences, marks, strict=True), start=1):
        reason = fence.get("browser", meta.get("browser"))
        if reason and reason != "run":
            why = f"Runs only where the site is built: {html.escape(reason)}."
            assert mark["note"] == why, (number, fence)
            continue
        assert mark["note"] is None, (number, fence)
        # A shown block runs its own code; a prediction's comes from the block above.
        above = 'data-source="above"' in mark["attributes"]
        assert above != fence["shown"], (number, fence)
