"""Run it yourself: the pages' examples, runnable in the reader's browser.

- markdown-exec's Python fence is wrapped so each example it runs is marked for
  docs/assets/run.js, or says why a browser cannot run it (scripts/handbook_tools/
  runnable.py has the rules). markdown-exec has no hook for its output; its `pyodide`
  fence loads Pyodide and an editor from a CDN and runs them on the page's thread, which
  a self-hosted site that must not freeze cannot use.
- A page with runnable examples loads run.js and run.css (front matter `scripts:` and
  `styles:`, docs/overrides/main.html); Pyodide itself loads only on the first Run.
- Pyodide's files are copied from node_modules/pyodide (pinned in package.json, `npm
  ci`) into assets/pyodide/.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.handbook_tools import runnable

PYODIDE_SOURCE = Path("node_modules/pyodide")
PYODIDE_TARGET = "assets/pyodide"
# What loadPyodide fetches (the core and the standard library; no packages), and the
# package's README for its licence (MPL-2.0).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "README.md",
)
_page: dict = {"examples": runnable.PageExamples()}
# A prediction's code is the plain block just above its "Output" reveal.
_PREDICTION = re.compile(
    r'<div class="language-python highlight"><pre><span></span>'
    r"<code>(?P<code>(?:(?!</code>).)*)</code></pre></div>\s*"
    r'<details class="reveal">\s*<summary>[^<]*</summary>\s*'
    r'<div class="handbook-run"[^>]*data-source="above"',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")


def _offering(markdown_exec_format):
    def format_and_mark(source, language, css_class, options, md, **kwargs):
        reason = options.get("extra", {}).pop("browser", None)
        rendered = markdown_exec_format(
            source, language, css_class, options, md, **kwargs
        )
        return runnable.wrap(rendered, source, options, reason, _page["examples"])

    format_and_mark.offers_run = True
    return format_and_mark


# After markdown-exec's plugin has added its fences (hooks' events run after plugins'
# at the same priority; the lower priority makes it certain).
@event_priority(-50)
def on_config(config, **_):
    fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    python_fences = [fence for fence in fences if fence["name"] in ("python", "py")]
    if not python_fences:
        raise PluginError(
            "run_in_browser: markdown-exec's python fence is not configured"
        )
    for fence in python_fences:
        if not getattr(fence["format"], "offers_run", False):
            fence["format"] = _offering(fence["format"])
    return config


def on_page_markdown(markdown, page, **_):
    _page["examples"] = runnable.PageExamples(
        page_reason=(page.meta or {}).get("browser")
    )
    return markdown


def on_page_content(content, page, **_):
    examples = _page["examples"]
    problems = list(examples.problems)
    shown = [_code_text(match["code"]) for match in _PREDICTION.finditer(content)]
    if shown != [code.strip("\n") for code in examples.predictions]:
        problems.append(
            "a prediction's output is offered to run, but the block above its reveal "
            'is not its code: write the ```python block, then ??? reveal "Output" '
            "holding the executed one, both including the same snippet"
        )
    if problems:
        raise PluginError(f"docs/{page.file.src_uri}: " + "; ".join(problems))
    if examples.runnable:
        meta = page.meta
        meta["scripts"] = [*meta.get("scripts", []), "run.js"]
        meta["styles"] = [*meta.get("styles", []), "run.css"]
    return content


def on_post_build(config, **_) -> None:
    base = Path(config.config_file_path).parent
    source = base / PYODIDE_SOURCE
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
    if missing:
        raise PluginError(
            f"{PYODIDE_SOURCE}/{missing[0]} is missing: run `npm ci` (scripts/setup.sh "
            "does): the examples' Run button loads Pyodide from the site's own files"
        )
    target = Path(config.site_dir) / PYODIDE_TARGET
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        copy = target / name
        # Under serve.sh a rebuild would copy 12 MB again for nothing.
        if not copy.exists() or copy.stat().st_size != (source / name).stat().st_size:
            shutil.copyfile(source / name, copy)


def _code_text(highlighted: str) -> str:
    """The text of a highlighted block, as the reader sees it (and run.js reads it)."""
    return html.unescape(_TAG.sub("", highlighted)).strip("\n")
