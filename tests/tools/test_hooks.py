"""The build hooks' own rules (scripts/handbook_tools/hooks/, one module per feature):
when a page last changed, with and without git history; the home page's map of the
questions; the labels tabs carry on paper; the stylesheets written into the page and
the code spans left out; what the quality, palette and print-page hooks remove from the
theme's markup and what they must leave alone; practice mode's wrapper and the deck
that reads through it. (The built site is checked as a whole by
test_html_valid.py and tests/browser/test_accessibility.py.)"""

from __future__ import annotations

import importlib.util
import os
import random
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs_print_site_plugin import urls as print_site_urls

from scripts.handbook_tools import answer_box, drills, training_data
from scripts.handbook_tools.hooks import (
    after_paint,
    inline_styles,
    last_changed,
    lazy_code,
    lean_code,
    palette,
    practice,
    print_page,
    print_tabs,
    quality,
    question_map,
    reading_time,
)
from tests.conftest import require


def git(repo: Path, *args: str, date: str = "2024-02-29T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        timeout=30,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    require(shutil.which("git") is not None, "git")
    git(tmp_path, "init", "-q")
    (tmp_path / "page.md").write_text("# A page\n")
    git(tmp_path, "add", "page.md")
    git(tmp_path, "commit", "-q", "-m", "page")
    last_changed._git.cache_clear()
    return tmp_path


def test_committed_page_shows_its_commit_date(repo: Path) -> None:
    changed = last_changed.last_changed(repo / "page.md")
    assert changed == {"date": "2024-02-29", "label": "Last changed on 2024-02-29"}


def test_edited_page_says_it_changed_since(repo: Path) -> None:
    (repo / "page.md").write_text("# A page, edited\n")
    changed = last_changed.last_changed(repo / "page.md")
    assert changed["date"] == "2024-02-29"
    assert changed["label"].endswith("(edited since, not yet committed)")


def test_new_page_is_not_yet_committed(repo: Path) -> None:
    (repo / "new.md").write_text("# New\n")
    assert last_changed.last_changed(repo / "new.md") == {
        "date": "",
        "label": "Last change: not yet committed",
    }


def test_without_git_history_the_label_says_so(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("# A page\n")
    last_changed._git.cache_clear()
    changed = last_changed.last_changed(tmp_path / "page.md")
    assert changed["date"] == ""
    assert "not recorded" in changed["label"]


def test_question_map_follows_front_matter(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "a.md").write_text(
        "---\ntitle: A\nquestion: 1\ndifficulty: beginner\ntags: [http, caching]\n---\n"
        "# The `a` question\n"
    )
    (tmp_path / "questions" / "b.md").write_text(
        "---\ntitle: B\nquestion: 2\ndifficulty: advanced\ntags: [http]\n---\n# B\n"
    )
    config = SimpleNamespace(
        docs_dir=str(tmp_path),
        nav=[{"Home": "index.md"}, {"Web": ["questions/a.md", "questions/b.md"]}],
    )
    table = question_map.question_map(config)
    assert "### Web" in table
    # The level's cell holds the reader's mark (docs/assets/progress.js), by slug.
    status = '<span data-progress-question="{}">new</span>'
    assert "| # | Question | Level · status | Topics |" in table
    row_a = "| 1 | [The `a` question](questions/a.md) | beginner · {} | http, caching |"
    assert row_a.format(status.format("a")) in table
    row_b = "| 2 | [B](questions/b.md) | advanced · {} | http |"
    assert row_b.format(status.format("b")) in table
    assert "- **caching**: [The `a` question](questions/a.md)" in table
    both = "- **http**: [The `a` question](questions/a.md), [B](questions/b.md)"
    assert both in table


PALETTE = (
    "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
    "[data-md-color-scheme=slate][data-md-color-primary=pink]{--a:#e}"
    "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--a:#5}"
    "[data-md-color-switching] *,[data-md-color-switching] :after{transition:0s}}"
    "[data-md-color-accent=indigo],[data-md-color-accent=red]{--b:#f}"
    "[data-md-color-primary=red]{--c:#1}"
    "@media screen and (max-width:76em){[data-md-color-primary=red] .x{--d:#2}}"
    "/*# sourceMappingURL=palette.min.css.map*/"
)
USED = {"primary": {"indigo"}, "accent": {"indigo"}}


def test_palette_keeps_the_used_colours_and_drops_the_rest() -> None:
    lean = palette.lean_palette(PALETTE, USED)
    assert lean == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
        "[data-md-color-scheme=slate][data-md-color-primary=indigo]{--a:#5}}"
        "[data-md-color-accent=indigo]{--b:#f}"
    )


def test_palette_with_every_colour_used_is_unchanged_but_for_switching() -> None:
    every = {"primary": {"pink", "indigo", "red"}, "accent": {"indigo", "red"}}
    lean = palette.lean_palette(PALETTE, every)
    assert "switching" not in lean
    assert "sourceMappingURL" not in lean
    assert lean.count("{") == PALETTE.count("{") - 1


def test_the_themes_palette_sheet_parses_and_keeps_both_schemes() -> None:
    import material

    sheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = next(sheets.glob("palette.*.min.css")).read_text()
    lean = palette.lean_palette(css, USED)
    assert "[data-md-color-scheme=slate]" in lean
    assert "[data-md-color-primary=indigo]" in lean
    assert "[data-md-color-primary=pink]" not in lean
    assert "switching" not in lean
    assert lean.count("{") == lean.count("}")
    assert len(lean) < len(css) / 2


def test_checkbox_toggles_lose_autocomplete_text_inputs_keep_it() -> None:
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox"'
        ' id="__drawer" autocomplete="off">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    fixed = quality.valid_html(html)
    assert fixed.count('autocomplete="off"') == 1
    assert 'type="text" class="md-search__input" autocomplete="off"' in fixed


BUNDLE = "assets/javascripts/bundle.a5f9d56c.min.js"


def test_scripts_start_after_the_first_paint_in_the_page_order() -> None:
    html = (
        "<head><title>T</title></head><body><p>Text</p>\n"
        '<script src="../../assets/progress.js"></script>\n'
        f'<script src="../../{BUNDLE}"></script>\n'
        "<script>inline()</script>\n"
        '<script src="../../assets/early.js" defer></script>\n'
        '<script src="../../assets/palette.js"></script></body>'
    )
    done = after_paint.scripts_after_paint(html, "questions/a/", "docs/questions/a.md")
    calls = re.findall(r"<script>handbookScript\(([^)]*)\)</script>", done)
    assert calls == [
        '"assets/progress.js"',
        f'"{BUNDLE}",handbookTheme',
        '"assets/palette.js"',
    ]
    assert "<script>inline()</script>" in done
    # Deferred in mkdocs.yml: left as written.
    assert '<script src="../../assets/early.js" defer></script>' in done
    head = done[: done.index("</head>")]
    assert 'new URL("../../",location.href)' in head
    # Defined before any call, a call in the head included.
    in_head = html.replace("<title>T</title>", '<script src="../../a.js"></script>')
    first = after_paint.scripts_after_paint(in_head, "questions/a/", "a")
    assert first.index("window.handbookScript=") < first.index("handbookScript(")
    assert "first-contentful-paint" in head
    assert after_paint.EVENT in head
    # Pages at other depths, and the 404 page's absolute paths.
    flat = after_paint.scripts_after_paint(
        html.replace("../../", "../"), "questions/a.html", "docs/questions/a.md"
    )
    assert '<script>handbookScript("assets/progress.js")</script>' in flat
    absolute = html.replace("../../", "/handbook/")
    assert '<script>handbookScript("/handbook/assets/progress.js")</script>' in (
        after_paint.scripts_after_paint(absolute, "", "404.html")
    )


def test_a_page_without_the_theme_bundle_fails_the_build_by_name() -> None:
    page = '<head></head><body><script src="a.js"></script></body>'
    with pytest.raises(PluginError, match=r"docs/a\.md: the theme's bundle <script>"):
        after_paint.scripts_after_paint(page, "a/", "docs/a.md")
    # Not a page: left alone.
    sitemap = "<urlset/>"
    assert after_paint.scripts_after_paint(sitemap, "", "sitemap.xml") == sitemap


def test_the_trainers_data_is_one_file_named_by_its_content(tmp_path: Path) -> None:
    data = {"questions": [{"slug": "a", "url": "questions/a/"}], "cards": []}
    name = training_data.script_name(data)
    assert re.fullmatch(r"assets/training-data\.[0-9a-f]{10}\.js", name)
    other = {**data, "cards": [{"id": "answer:a"}]}
    assert training_data.script_name(other) != name
    (tmp_path / "review").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / name).write_text(training_data.script_text(data), encoding="utf-8")
    pointer = training_data.as_element(data, "review/")
    assert f'data-src="{name}"' in pointer
    assert 'data-root="../"' in pointer
    (tmp_path / "review" / "index.html").write_text(f"<p>x</p>{pointer}")
    assert training_data.from_site(tmp_path, "review/index.html") == data
    (tmp_path / "index.html").write_text("<p>no pointer</p>")
    with pytest.raises(ValueError, match=r"index\.html: no #handbook-training-data"):
        training_data.from_site(tmp_path, "index.html")


def test_pages_but_the_print_page_lose_print_site_assets() -> None:
    html = (
        "<head></head><body>"
        '<link rel="stylesheet" href="../css/print-site.css">\n'
        '<link rel="stylesheet" href="../css/print-site-material.css">\n'
        '<link rel="stylesheet" href="../assets/handbook.css">\n'
        f'<script src="../{BUNDLE}"></script>\n'
        '<script src="../js/print-site.js"></script>\n'
        "<script>inline()</script>\n</body>"
    )

    def later(page):
        return after_paint.scripts_after_paint(page, "a/", "docs/a.md")

    lean = later(print_page.without_print_assets(html))
    # In either order: no behaviour depends on the order of the hook files.
    assert lean == print_page.without_print_assets(later(html))
    assert "print-site" not in lean
    assert '<link rel="stylesheet" href="../assets/handbook.css">' in lean
    assert f'<script>handbookScript("{BUNDLE}",handbookTheme)</script>' in lean
    assert "<script>inline()</script>" in lean


def test_print_page_tags_become_plain_and_its_style_moves_to_the_head() -> None:
    html = (
        "<html><head></head><body>"
        "<section class='print-page md-section' id='section-2' heading-number='2'>"
        "<nav class='md-tags'><span class='md-tag'>a</span></nav><h1>A</h1></section>"
        "<style>.print-site-enumerate-headings #s > h1:before { content: '2' }</style>"
        "</body></html>"
    )
    fixed = print_page.print_page_html(html)
    assert "<nav" not in fixed
    assert "<div class=\"md-tags\"><span class='md-tag'>a</span></div>" in fixed
    assert "data-heading-number='2'" in fixed
    assert fixed.index("<style>") < fixed.index("</head>")


def plugins_update_anchor_ids():
    """The plugin's own function, from a fresh copy of its module: a build run in this
    process has put ours in its place."""
    path = print_site_urls.__file__
    spec = importlib.util.spec_from_file_location("plugin_urls", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.update_anchor_ids is not print_page.update_anchor_ids
    return module.update_anchor_ids


ANCHOR_CASES = [
    '<h2 id="a">A</h2>\n<p>x</p>',
    '<span>x</span><h2 id="glued">',  # the tag name swallows what precedes: untouched
    '<li ID="upper">',
    '<h3 class="c" id="two\nlines" title="t">',
    '<p>id="text"</p>\n<h1 id="b">\n<sup id="c"></sup>',
    '<div id="a"><h4 id="a">',  # the plugin replaces every copy of a matched tag
]


@pytest.mark.parametrize("html", ANCHOR_CASES)
def test_print_page_renames_ids_as_the_plugin_does(html: str) -> None:
    plugins = plugins_update_anchor_ids()
    assert print_page.update_anchor_ids(html, "p") == plugins(html, "p")


def test_print_page_renames_every_built_pages_ids_as_the_plugin_does(
    built_site: Path,
) -> None:
    plugins = plugins_update_anchor_ids()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 25
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert print_page.update_anchor_ids(html, "k") == plugins(html, "k"), path


def test_print_page_finds_every_match_of_the_plugins_pattern() -> None:
    pieces = ["<", ">", "h2", "li", "span", " ", "\n", 'id="', 'ID="', '"', "x", "\t"]
    pick = random.Random(16)
    for _ in range(20_000):
        html = "".join(pick.choice(pieces) for _ in range(pick.randint(0, 30)))
        ours = [m.span() for m in print_page.anchor_matches(html)]
        assert ours == [m.span() for m in print_page._ANCHOR.finditer(html)], html


def test_the_build_renames_print_page_ids_with_ours() -> None:
    print_page.on_config(SimpleNamespace())
    assert print_site_urls.update_anchor_ids is print_page.update_anchor_ids
    html = print_site_urls.fix_internal_links('<h2 id="a">A</h2>', "q/a/", True, 1)
    assert '<h2 id="q-a-a">A</h2>' in html


def test_short_answers_are_wrapped_once_with_ids_unique_per_page() -> None:
    box = (
        '<div class="admonition answer">\n<p class="admonition-title">Say this</p>\n'
        '<p>One.</p>\n<div class="highlight"><pre>code</pre></div>\n</div>\n'
    )
    wrapped = practice.wrap_answers(f"<h2>A</h2>\n{box}<p>after</p>{box}", "gen")
    assert wrapped.count('<div class="handbook-answer-body"') == 2
    assert 'id="handbook-answer-gen"' in wrapped
    assert 'id="handbook-answer-gen-1"' in wrapped
    # The body holds everything after the title, the nested code block included.
    assert (
        '<p class="admonition-title">Say this</p>\n<div class="handbook-answer-body"'
        ' id="handbook-answer-gen">\n<p>One.</p>\n<div class="highlight"><pre>code'
        "</pre></div>\n</div>\n</div>\n<p>after</p>"
    ) in wrapped
    assert practice.wrap_answers(wrapped, "gen") == wrapped


def test_what_gives_the_answer_away_is_wrapped_once() -> None:
    def section(ident: str) -> str:
        return f'<h2 id="{ident}">{ident}</h2>\n<p>{ident} text</p>\n'

    html = "".join(
        section(ident)
        for ident in ("short-answer", *practice.GIVEAWAY, "predict-the-output")
    )
    wrapped = practice.wrap_giveaway(html, "gen")
    opening = '<div class="handbook-giveaway" id="handbook-giveaway-gen">\n'
    assert wrapped.count(opening) == 1
    hidden = wrapped.split(opening)[1].split("</div>")[0]
    assert hidden == "".join(section(ident) for ident in practice.GIVEAWAY)
    assert wrapped.endswith(section("predict-the-output"))
    assert practice.wrap_giveaway(wrapped, "gen") == wrapped
    # To the end of the page when nothing follows; a page without them unchanged.
    assert practice.wrap_giveaway(section("pitfalls"), "gen").endswith("</div>\n")
    assert practice.wrap_giveaway(section("short-answer"), "gen") == section(
        "short-answer"
    )


def test_the_deck_reads_the_answer_with_or_without_practice_modes_wrapper() -> None:
    box = (
        '<div class="admonition answer">\n<p class="admonition-title">Say this</p>\n'
        '<p>One.</p>\n<div class="highlight"><pre>code</pre></div>\n</div>\n'
    )
    plain = answer_box.answer_from_html(box)
    assert plain[0] == '<p>One.</p>\n<div class="highlight"><pre>code</pre></div>'
    assert answer_box.answer_from_html(practice.wrap_answers(box, "gen")) == plain


def test_reading_time_counts_prose_and_code_but_not_folded_background() -> None:
    words = reading_time.WORDS_PER_MINUTE
    assert reading_time.minutes("<p>" + "word " * words + "</p>") == 1
    assert reading_time.minutes("<p>" + "<b>word</b> " * (words + 1) + "</p>") == 2
    assert reading_time.minutes("") == 1
    code = "<pre><code>" + "x = 1\n" * 59 + "x = 1</code></pre>"  # 60 lines
    assert reading_time.minutes("<p>" + "word " * words + "</p>" + code) == 2
    folded = (
        '<details class="info"><summary>History</summary>'
        '<details class="note"><p>'
        + "word " * words * 3
        + "</p></details>"
        + code
        + "</details>"
    )
    assert reading_time.minutes("<p>one</p>" + folded + "<p>two</p>") == 1
    assert (
        reading_time.without_folded_background("<p>a</p>" + folded + "<p>b</p>")
        == "<p>a</p><p>b</p>"
    )


def test_drills_are_read_from_the_rendered_sections() -> None:
    page = (
        '<h2 id="predict-the-output">Predict the output</h2>'
        '<h3 id="a-trap">A <code>trap</code>'
        '<a class="headerlink" href="#a-trap">¶</a></h3>'
        '<div class="highlight"><pre><span></span><code><span class="nb">print</span>'
        "(1 &lt; 2)</code></pre></div>"
        '<details class="reveal"><summary>Output</summary>'
        '<div class="highlight"><pre><span></span><code>True\n</code></pre></div>'
        "<p>Why.</p></details>"
        '<h2 id="follow-up-questions">Follow-up questions</h2>'
        '<details class="question"><summary>Why <code>x</code>?</summary>'
        "<p><strong>What it tests:</strong> t.</p><p>Because.</p>"
        '<details class="info"><summary>Inner</summary><p>nested</p></details>'
        "</details>"
        '<details class="question"><summary>Next?</summary><p>T.</p><p>A.</p></details>'
        '<h2 id="official-documentation">Official documentation</h2>'
        '<details class="question"><summary>Not a follow-up</summary></details>'
    )
    prediction, first, second = drills.drills_from_html(page)
    assert prediction == drills.Drill(
        "prediction",
        "a-trap",
        "Predict the output: A <code>trap</code>",
        "<pre><code>print(1 &lt; 2)</code></pre>",
        "<pre><code>True</code></pre><p>Why.</p>",
    )
    assert (first.key, first.question_html) == ("Why x?", "Why <code>x</code>?")
    assert first.prompt_html == "<p><strong>What it tests:</strong> t.</p>"
    assert first.answer_html.startswith("<p>Because.</p>")
    assert "nested" in first.answer_html, "a nested block stays inside its follow-up"
    assert (second.key, second.answer_html) == ("Next?", "<p>A.</p>")


TABBED = """
=== "Python 3.11"

    first

    === "inner 1 < 2"

        nested

    === "inner b"

        nested b

=== "3.14 & later"

    second
"""


def test_each_tab_block_carries_its_label_nested_sets_included() -> None:
    import markdown

    rendered = markdown.markdown(
        TABBED,
        extensions=["pymdownx.superfences", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    assert rendered.count('class="tabbed-block"') == 4
    labelled = print_tabs.label_tabs(rendered)
    assert re.findall(r'data-handbook-label="([^"]*)"', labelled) == [
        "Python 3.11",
        "inner 1 &lt; 2",
        "inner b",
        "3.14 &amp; later",
    ]
    # Only the blocks changed: take the labels away and the markup is as it was.
    assert re.sub(r' data-handbook-label="[^"]*"', "", labelled) == rendered
    assert print_tabs.label_tabs("<p>no tabs</p>") == "<p>no tabs</p>"


STYLES = {"assets/handbook.css": "a{color:red}", "assets/run.css": "b{top:0}"}


def test_linked_stylesheets_the_site_holds_are_written_into_the_page() -> None:
    html = (
        '<link rel="stylesheet" href="../../assets/stylesheets/main.1.min.css">\n'
        '<link rel="stylesheet" href="../../assets/handbook.css">\n'
        '<link rel="stylesheet" href="../../css/print-site.css">\n'
        '<link rel="stylesheet" href="../../assets/run.css">\n'
        "</head><body>\n"
        '<link rel="stylesheet" href="../../assets/run.css">\n'
    )
    inlined = inline_styles.inline_styles(html, "questions/pass-statement/", STYLES)
    assert inlined == (
        '<link rel="stylesheet" href="../../assets/stylesheets/main.1.min.css">\n'
        '<style data-inlined="assets/handbook.css">a{color:red}</style>\n'
        '<link rel="stylesheet" href="../../css/print-site.css">\n'
        '<style data-inlined="assets/run.css">b{top:0}</style>\n'
        "</head><body>\n"
        # HTML allows a link in the body, not a style.
        '<link rel="stylesheet" href="../../assets/run.css">\n'
    )
    # Resolved against the page's own address: the home page links without "../".
    home = inline_styles.inline_styles(
        '<link rel="stylesheet" href="assets/handbook.css">', "", STYLES
    )
    assert home == '<style data-inlined="assets/handbook.css">a{color:red}</style>'


def test_only_small_self_contained_stylesheets_are_inlined() -> None:
    assert inline_styles.inlinable("a{color:red}")
    assert inline_styles.inlinable("a{background:url(data:image/svg+xml;x)}")
    # Inline, a relative address would resolve against the page.
    assert not inline_styles.inlinable("a{background:url(icon.svg)}")
    assert not inline_styles.inlinable('a{background:url( "../icon.svg")}')
    big = "a{color:red}" * (inline_styles.INLINE_LIMIT // 12 + 1)
    assert not inline_styles.inlinable(big)


def test_code_keeps_its_text_in_fewer_spans() -> None:
    html = (
        '<pre><span></span><code><span class="k">def</span><span class="w"> </span>'
        '<span class="nf">f</span><span class="p">(</span><span class="n">x</span>'
        '<span class="p">)</span><span class="p">:</span><span class="p">)</span>'
        '<span class="o">=</span><span class="o">=</span></code></pre>'
    )
    lean = lean_code.lean_code(html)
    assert lean == (
        '<pre><code><span class="k">def</span> <span class="nf">f</span>'
        '<span class="p">(</span>x<span class="p">):)</span>'
        '<span class="o">==</span></code></pre>'
    )
    assert re.sub("<[^>]+>", "", lean) == re.sub("<[^>]+>", "", html)
    # Spans with more than a class, or of two kinds, are left as they are.
    other = '<span class="p" id="a">(</span><span class="p">)</span><span class="o">+'
    assert lean_code.lean_code(other + "</span>") == other + "</span>"


def test_each_code_block_holds_a_height_estimated_from_its_folded_lines() -> None:
    short, wide = "x" * 10, "y" * (2 * lazy_code.CHARACTERS + 1)
    html = (
        "<p><code>inline</code></p>"
        '<div class="language-python highlight">'
        f"<pre><code>{short}\n</code></pre></div>"
        f'<div class="language-text highlight"><pre><code>{short}\n{wide}\n'
        "</code></pre></div>"
        '<div class="language-python highlight"><span class="filename">a.py</span>'
        f"<pre><code>{short}\n</code></pre></div>"
    )
    sized = lazy_code.on_page_content(html)
    heights = [
        float(h)
        for h in re.findall(r'style="contain-intrinsic-size: auto ([\d.]+)em"', sized)
    ]
    row, edges = lazy_code.ROW, lazy_code.EDGES
    assert heights == pytest.approx(
        [row + edges, 4 * row + edges, row + edges + lazy_code.TITLE]
    )
    assert "<p><code>inline</code></p>" in sized
    assert re.sub(r' style="[^"]*"', "", sized) == html
