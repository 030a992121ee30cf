"""The print page (mkdocs-print-site-plugin), which scripts/handbook_tools/pdf.py turns
into the PDF: its style sheets and script stay on it, and its markup is made valid and
navigable.

- The plugin adds its style sheets and script to every page, where they do nothing on
  screen: only the print page keeps them (two render-blocking style sheets and a script
  fewer per page).
- Its contents list links to prefixed heading ids, yet it leaves each page title's id
  unprefixed: the title gets the prefix too.
- A `<nav class='md-tags'>` without a name above every chapter makes a dozen navigation
  landmarks nobody can tell apart: there the tags are a list of words, a `<div>`.
- `heading-number="2.1"` attributes on sections are not HTML: `data-heading-number`.
- Its numbering `<style>` block at the end of the body moves into the head.
- Its renaming of heading ids runs in linear time (update_anchor_ids below).

The plugin writes the print page in its own on_post_build, so the page never passes
through on_post_page: it is fixed after the plugin has written it.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs_print_site_plugin import urls as print_site_urls

from scripts.handbook_tools.hooks.quality import valid_html

PRINT_PAGE_MARK = 'id="print-site-page"'
PRINT_PAGE_TAGS = "<nav class='md-tags'>"
_PRINT_SITE_ASSETS = re.compile(
    r'[ \t]*(?:<link rel="stylesheet" href="[^"]*css/print-site[\w-]*\.css">'
    # The script as the theme writes it, or as hooks/after_paint.py rewrites it.
    r'|<script(?: src="[^"]*js/print-site\.js">'
    r'|>handbookScript\("[^"]*js/print-site\.js"\))</script>)\n?'
)
_HEADING_NUMBER = re.compile(r"(<section [^>]*?)\bheading-number=")
_BODY_STYLE = re.compile(r"<style>\.print-site-enumerate-headings.*?</style>", re.S)
_SECTION_TITLE = re.compile(
    r'(<section class="print-page" id="([^"]+)"[^>]*>'
    r'(?:(?!<h1|</section>).)*?<h1 id=")',
    re.S,
)

# The plugin's pattern and the tags whose ids it renames (urls.update_anchor_ids).
_ANCHOR = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)
_ANCHOR_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "sup", "li")
_ID = re.compile(r'id="', flags=re.IGNORECASE)


def anchor_matches(html: str):
    """The matches `_ANCHOR.finditer(html)` yields, found without trying every `<`.

    Neither `[^\\s]` nor `.` crosses a newline, so a match starts on a line that holds
    `id="` after its `<`: only the `<`s of such lines are tried. The plugin's finditer
    tries every `<` of the page and scans on to each line's end, which took over a
    second of the build on the highlighted code's spans (one `<` per token).
    """
    pos = 0
    while (hit := _ID.search(html, pos)) is not None:
        line_start = html.rfind("\n", 0, hit.start()) + 1
        line_end = html.find("\n", hit.start())
        line_end = len(html) if line_end < 0 else line_end
        found = None
        start = html.find("<", max(pos, line_start), line_end)
        while start >= 0 and found is None:
            found = _ANCHOR.match(html, start)
            start = html.find("<", start + 1, line_end)
        if found is None:
            pos = line_end
        else:
            yield found
            pos = found.end()


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """mkdocs-print-site-plugin 2.9's update_anchor_ids with the same result, faster.

    Ours because upstream's costs 1 s of a 10 s build (anchor_matches says why). It
    replaces the plugin's in on_config; tests/tools/test_hooks.py checks both give the
    same pages.
    """
    for match in list(anchor_matches(page_html)):
        if match.group(1) in _ANCHOR_TAGS:
            tag, anchor = match.group(), match.group(2)
            renamed = tag.replace(anchor, f"{page_key}-{anchor}")
            page_html = page_html.replace(tag, renamed)
    return page_html


def without_print_assets(html: str) -> str:
    return _PRINT_SITE_ASSETS.sub("", html)


def print_page_html(html: str) -> str:
    """The fixes the print page's own markup needs."""
    html = _SECTION_TITLE.sub(lambda m: f"{m.group(1)}{m.group(2)}-", html)
    parts = html.split(PRINT_PAGE_TAGS)
    out = [parts[0]]
    for part in parts[1:]:
        tags, sep, rest = part.partition("</nav>")
        if sep:
            out.append(f'<div class="md-tags">{tags}</div>{rest}')
        else:
            out.append(PRINT_PAGE_TAGS + part)
    html = _HEADING_NUMBER.sub(r"\1data-heading-number=", "".join(out))
    styles = _BODY_STYLE.findall(html)
    if styles:
        html = _BODY_STYLE.sub("", html)
        html = html.replace("</head>", "\n".join(styles) + "\n</head>", 1)
    return html


def on_config(config, **_):
    print_site_urls.update_anchor_ids = update_anchor_ids


def on_post_page(output, page, config, **_):
    return without_print_assets(output)


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):  # 404.html
        return without_print_assets(output_content)
    return output_content


@event_priority(-50)  # after mkdocs-print-site-plugin has written the print page
def on_post_build(config, **_) -> None:
    plugin = config.plugins.get("print-site")
    print_page = getattr(plugin, "print_page", None)
    if print_page is None:
        return
    path = Path(print_page.file.abs_dest_path)
    html = path.read_text(encoding="utf-8") if path.is_file() else ""
    if PRINT_PAGE_MARK in html:
        path.write_text(print_page_html(valid_html(html)), encoding="utf-8")
