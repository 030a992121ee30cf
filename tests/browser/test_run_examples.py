"""Every runnable example, run in Chromium with the site's own Pyodide (CPython 3.14,
32-bit WebAssembly) through its Run button, against the output the build printed.

An output that differs must be one of DIFFERS below, each with the reason and the words
of the page that tell the reader so. Where the page claims what Python 3.14 prints, the
browser's output must show it: this is where those claims run on this machine, whatever
Python built the site.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from scripts.handbook_tools import facts

# Every question page: those whose front matter withholds their examples
# (`browser:`) offer only what a fence lets run, if anything.
PAGES = [question.slug for question in facts.questions()]
# A page with no `browser:` reason offers every example, so it must have some.
OFFERS_ALL = {q.slug for q in facts.questions() if "browser" not in q.meta}


@dataclass(frozen=True)
class Differs:
    """An example whose browser output is not the build's, and why."""

    code: str  # words of the example's code that pick it out
    why: str  # "version": the page says the output depends on it; "32-bit", "platform"
    page_says: str = ""  # words of the page's text that tell the reader
    browser_prints: tuple[str, ...] = ()  # the page's claims about 3.14, as printed


DIFFERS = [
    # Python versions (the build may run 3.11 to 3.14; the browser runs 3.14).
    Differs(
        "close() returned",
        "version",
        "on 3.13 and later it prints close() returned: 35",
        ("close() returned: 35",),
    ),
    Differs(
        "class OnlyTrunc",
        "version",
        "deprecated in 3.11 and removed in 3.14",
        ("TypeError []",),
    ),
    Differs(
        "None's count changed",
        "version",
        "prints True on 3.11 and False on 3.12 and later",
        ("None's count changed: False",),
    ),
    Differs("gc.get_threshold()", "version", "The numbers differ between versions"),
    Differs(
        "lambda_code, def_code",
        "version",
        "3.14 adds LOAD_SMALL_INT and borrowed loads",
        ("LOAD_SMALL_INT", "LOAD_FAST_BORROW", "same instructions: True"),
    ),
    Differs(
        "os.process_cpu_count",
        "version",
        "os.process_cpu_count() and sys._is_gil_enabled() arrived in 3.13",
        ("os.process_cpu_count exists: True", "sys._is_gil_enabled exists: True"),
    ),
    Differs(
        "copy.replace() on this build",
        "version",
        "True on 3.13 and later",
        ("copy.replace() on this build: True",),
    ),
    Differs(
        "PatternError: 3.13+", "version", "PatternError from 3.13", ("PatternError",)
    ),
    Differs(
        "def escape_warning",
        "version",
        "SyntaxWarning since 3.12",
        ("['SyntaxWarning']",),
    ),
    # gil-threads-and-processes
    Differs(
        "free-threaded build:",
        "version",
        "On 3.13 and later the last line prints True on a default build",
        ("Python 3.14", "sys._is_gil_enabled(): True"),
    ),
    # Word size: the browser's CPython is a 32-bit build; pointers are half as wide.
    Differs(
        "the list object alone:", "32-bit", "fixed for a given version and platform"
    ),
    Differs("floats = [float(n)", "32-bit", "24 bytes each on a 64-bit build"),
    Differs(
        "> 800_000",
        "32-bit",
        "a 32-bit build such as the browser's halves it",
        ("True\nTrue\nFalse",),
    ),
    Differs("generator object:", "32-bit", "The sizes are for the build's interpreter"),
    Differs(
        "generator expression peak",
        "32-bit",
        "The sizes are for the build's interpreter",
    ),
    # The platform: Emscripten, with the standard library in a zip file.
    Differs("sys.platform", "platform"),
    Differs("os.path.isdir(os.path.dirname(os.__file__))", "platform"),
]

RUN_EVERY_EXAMPLE = """async () => {
  const results = [];
  const blocks = [...document.querySelectorAll(".handbook-run")];
  for (const block of blocks) {
    const { runButton, status, output } = block.handbookExample;
    runButton.click();
    while (!status.textContent || status.textContent.endsWith("…")) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const printed = block.dataset.source === "above"
      ? block
      : block.querySelector(".result");
    results.push({
      code: block.handbookExample.original,
      built: printed ? printed.textContent : "",
      builtBy: block.dataset.python,
      output: output.textContent,
      status: status.textContent,
    });
  }
  return results;
}"""


def trimmed(text: str) -> str:
    return text.replace("\r\n", "\n").strip("\n").rstrip()


def printed(example: dict) -> str:
    """What the example printed in the browser ("(no output)" is how the page says
    it printed nothing)."""
    output = trimmed(example["output"])
    return "" if output == "(no output)" else output


def known_difference(code: str) -> Differs | None:
    matches = [entry for entry in DIFFERS if entry.code in code]
    assert len(matches) <= 1, f"two DIFFERS entries pick out one example: {matches}"
    return matches[0] if matches else None


class PageRuns(dict):
    """{page slug: (the page's text, each example's run)}, a page run when first asked
    for: selecting one page with -k runs only it, and each page's run falls within the
    timeout of the test that asks for it."""

    def __init__(self, tab, site_url: str) -> None:
        super().__init__()
        self.tab, self.site_url = tab, site_url

    def __missing__(self, slug: str) -> tuple[str, list[dict]]:
        self.tab.goto(f"{self.site_url}questions/{slug}/")
        text = " ".join(self.tab.locator("article").text_content().split())
        # Every example is clicked as a reader would, inside folded blocks too.
        self.tab.evaluate(
            "document.querySelectorAll('details').forEach(d => d.open = true)"
        )
        self[slug] = (text, self.tab.evaluate(RUN_EVERY_EXAMPLE))
        return self[slug]

    def every_page(self) -> list[tuple[str, list[dict]]]:
        return [self[slug] for slug in PAGES]


@pytest.fixture(scope="module")
def runs(browser, site_url: str) -> PageRuns:
    context = browser.new_context()
    context.set_default_timeout(60_000)
    yield PageRuns(context.new_page(), site_url)
    context.close()


@pytest.mark.parametrize("slug", PAGES)
def test_every_example_runs_as_built_or_the_page_says_why_not(runs, slug: str) -> None:
    text, examples = runs[slug]
    assert examples or slug not in OFFERS_ALL, f"{slug}: no runnable example"
    for example in examples:
        code, output = example["code"], printed(example)
        first_line = code.splitlines()[0]
        # Both Pythons named: the one that built the page, the browser's.
        assert example["builtBy"] in example["status"], first_line
        assert "Pyodide" in example["status"], first_line
        if output == trimmed(example["built"]):
            assert example["status"].startswith("Same output as the page's"), first_line
            continue
        assert example["status"].startswith("This output differs"), first_line
        known = known_difference(code)
        assert known, (
            f"{slug}: the browser printed something else than the build, and DIFFERS "
            f"does not say why, for the example starting {first_line!r}:\n"
            f"build:\n{example['built']}\nbrowser:\n{example['output']}"
        )
        if known.why == "version":
            assert known.page_says in text, known
        else:
            assert (
                "object sizes and the platform it reports differ" in example["status"]
            )


@pytest.mark.parametrize("slug", PAGES)
def test_the_pages_claims_about_python_3_14_hold_in_the_browser(
    runs, slug: str
) -> None:
    for example in runs[slug][1]:
        known = known_difference(example["code"])
        for claim in known.browser_prints if known else ():
            assert claim in example["output"], (slug, claim, example["output"])


def test_each_known_difference_picks_out_one_example(runs) -> None:
    """An entry matching no example any more would hide nothing and prove nothing."""
    pages = runs.every_page()
    codes = [example["code"] for _, examples in pages for example in examples]
    for entry in DIFFERS:
        assert sum(entry.code in code for code in codes) == 1, entry
        if entry.page_says:
            assert any(entry.page_says in text for text, _ in pages), entry
