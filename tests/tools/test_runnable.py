"""Which executed examples are offered to run in the browser, and the markup that says
so (scripts/handbook_tools/runnable.py). The built pages are checked as a whole in
tests/site/test_build.py and tests/site/test_faults.py; here each rule, case by case."""

from __future__ import annotations

import sys

import pytest

from scripts.handbook_tools.runnable import (
    PageExamples,
    imported_modules,
    not_in_browser,
    wrap,
)

# What markdown-exec renders for a block; wrap() only surrounds or follows it.
RENDERED = (
    '<div class="language-python highlight"><pre><span></span><code>'
    "print(1)</code></pre></div>\n"
    '<div class="result"><pre><code>1</code></pre></div>'
)
CODE = "print(1)\n"
# markdown-exec's options: "source" and "result" are "" when the fence has none.
SHOWN = {"source": "block", "result": "text", "session": ""}
PREDICTION = {"source": "", "result": "text", "session": ""}
PROVENANCE = {"source": "", "result": "", "session": ""}
INTERPRETER = f"{sys.implementation.name} " + ".".join(
    str(part) for part in sys.version_info[:3]
)


def page(reason: str | None = None) -> PageExamples:
    return PageExamples(page_reason=reason)


def opening_tag(wrapped: str) -> str:
    return wrapped[: wrapped.index(">") + 1]


def test_imported_modules_are_named_by_their_top_package() -> None:
    code = (
        "import os, json.decoder\n"
        "import xml.etree.ElementTree as tree\n"
        "from collections import abc\n"
        "def later():\n"
        "    import django.conf\n"
    )
    assert imported_modules(code) == {"os", "json", "xml", "collections", "django"}


def test_relative_imports_are_not_modules_to_find() -> None:
    assert imported_modules("from . import sibling\nfrom .package import name\n") == (
        set()
    )


def test_code_that_does_not_parse_imports_nothing() -> None:
    assert imported_modules("import django\nif True print(1)\n") == set()
    assert not_in_browser("import django\nif True print(1)\n") == []


def test_the_standard_library_is_in_the_browser() -> None:
    code = "import asyncio, copy, http.server, wsgiref.validate\nfrom re import match\n"
    assert not_in_browser(code) == []


def test_third_party_and_the_handbooks_own_helpers_are_not() -> None:
    code = (
        "import os\n"
        "import django.conf\n"
        "from snippets.loopback import serve\n"
        "from . import local\n"
        "import redis\n"
    )
    assert not_in_browser(code) == ["django", "redis", "snippets"]


def test_a_shown_block_is_wrapped_with_the_build_python_and_its_session() -> None:
    examples = page()
    wrapped = wrap(RENDERED, CODE, {**SHOWN, "session": "status-enum"}, None, examples)
    tag = opening_tag(wrapped)
    assert tag.startswith('<div class="handbook-run" ')
    python = tag.split('data-python="')[1].split('"')[0]
    # The interpreter that ran the build (this one) produced the page's output.
    assert python.lower() == INTERPRETER
    assert 'data-session="status-enum"' in tag
    assert "data-source" not in tag
    assert RENDERED in wrapped
    assert wrapped.endswith("</div>")
    assert examples.runnable == 1
    assert examples.predictions == []
    assert examples.problems == []


def test_a_block_without_a_session_has_no_session_attribute() -> None:
    wrapped = wrap(RENDERED, CODE, SHOWN, None, page())
    assert opening_tag(wrapped).startswith('<div class="handbook-run" ')
    assert "data-session" not in opening_tag(wrapped)


def test_a_session_name_is_escaped() -> None:
    wrapped = wrap(RENDERED, CODE, {**SHOWN, "session": 'a"b<c'}, None, page())
    assert 'data-session="a&quot;b&lt;c"' in opening_tag(wrapped)


def test_a_prediction_reads_its_code_from_the_block_above() -> None:
    examples = page()
    wrapped = wrap(RENDERED, CODE, PREDICTION, None, examples)
    assert 'data-source="above"' in opening_tag(wrapped)
    assert opening_tag(wrapped).startswith('<div class="handbook-run" ')
    # Recorded so the hook can check the block above really is this code.
    assert examples.predictions == [CODE]
    assert examples.runnable == 1


@pytest.mark.parametrize(
    "options",
    [PROVENANCE, {"source": "", "result": "", "session": "s"}],
    ids=["provenance", "markdown output in a session"],
)
def test_a_block_that_is_not_an_example_is_left_alone(options: dict) -> None:
    examples = page()
    assert wrap(RENDERED, "import django\n", options, None, examples) == RENDERED
    assert examples.runnable == 0
    assert examples.problems == []


@pytest.mark.parametrize(
    ("fence_reason", "page_reason"),
    [
        ('needs <Redis> & "sockets"', None),
        (None, 'needs <Redis> & "sockets"'),
        ('needs <Redis> & "sockets"', "a page reason the fence replaces"),
    ],
    ids=["fence", "page", "fence over page"],
)
@pytest.mark.parametrize("options", [SHOWN, PREDICTION], ids=["shown", "prediction"])
def test_a_reason_gives_a_note_instead_of_a_run_button(
    fence_reason: str | None, page_reason: str | None, options: dict
) -> None:
    examples = page(page_reason)
    # A withheld block may import what the build machine alone has.
    wrapped = wrap(RENDERED, "import django\n", options, fence_reason, examples)
    assert wrapped == (
        RENDERED + '<p class="handbook-run-note" data-search-exclude>'
        "Runs only where the site is built: "
        "needs &lt;Redis&gt; &amp; &quot;sockets&quot;.</p>"
    )
    assert examples.runnable == 0
    assert examples.predictions == []
    assert examples.problems == []


def test_browser_run_offers_a_block_despite_its_pages_reason() -> None:
    examples = page("it needs Django")
    wrapped = wrap(RENDERED, CODE, SHOWN, "run", examples)
    assert opening_tag(wrapped).startswith('<div class="handbook-run" ')
    assert "handbook-run-note" not in wrapped
    assert examples.runnable == 1


@pytest.mark.parametrize(
    ("code", "module"),
    [
        ("import django\nprint(django.VERSION)\n", "django"),
        ("from snippets.loopback import free_port\n", "snippets"),
    ],
)
@pytest.mark.parametrize("options", [SHOWN, PREDICTION], ids=["shown", "prediction"])
def test_a_runnable_block_importing_beyond_the_stdlib_is_a_problem(
    code: str, module: str, options: dict
) -> None:
    examples = page()
    wrap(RENDERED, code, options, None, examples)
    assert len(examples.problems) == 1
    assert f"an example imports {module}," in examples.problems[0]
    # The message says how to fix it.
    assert 'browser="needs ...")' in examples.problems[0]
