"""Small stylesheets written into the page instead of linked.

A linked stylesheet holds back the first paint until it arrives. On a phone's network
each file costs a round trip: Lighthouse counted about 300 ms for each of the five on a
question page, and the first paint came 0.4 s sooner with the small ones inline. So
every stylesheet the site's files hold (ours in docs/assets/, the theme's palette) that
is at most INLINE_LIMIT bytes minified is written where its `<link>` in the head was,
as `<style data-inlined="URI">`; the theme's main stylesheet stays a file, cached once
for every page. The palette is inlined as hooks/palette.py leans it. A stylesheet with a
relative `url()` stays linked: inline, the address would resolve against the page.
A page's own styles (front matter `styles:`) are in its head too
(docs/overrides/main.html); the body is left alone, as HTML allows a `<link>` there but
no `<style>`. The print page, which the print-site plugin writes after the other pages,
keeps its links.

Our own code, not a plugin: no maintained MkDocs plugin inlines chosen stylesheets.
"""

from __future__ import annotations

import posixpath
import re

from scripts.handbook_tools.hooks import minify, palette

# Bytes, minified: ours are 1 to 10 KiB, the palette 3, the theme's main one 134.
INLINE_LIMIT = 16 * 1024
_LINK = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)">')
_RELATIVE_URL = re.compile(r"""url\(\s*["']?(?!data:)""")
_inline: dict[str, str] = {}


def inlinable(css: str) -> bool:
    """Whether `css` is small and self-contained enough to write into a page."""
    return len(css.encode()) <= INLINE_LIMIT and not _RELATIVE_URL.search(css)


def on_files(files, config, **_):
    _inline.clear()
    for file in files.media_files():
        if not (file.dest_uri.endswith(".css") and file.abs_src_path):
            continue
        # As the site's file will be: ours minified, the palette leaned.
        css = minify.as_written(file, config)
        if palette.is_palette(file.dest_uri):
            css = palette.lean_palette(css, palette.palette_colours(config))
        if inlinable(css):
            _inline[file.dest_uri] = css
    return files


def inline_styles(html: str, page_url: str, styles: dict[str, str]) -> str:
    """Each `<link>` in the head to one of `styles` (by the site's URI of the file),
    relative to the page at `page_url`, replaced by the stylesheet itself."""
    base = posixpath.dirname(page_url)
    head, end, body = html.partition("</head>")

    def replace(link: re.Match) -> str:
        uri = posixpath.normpath(posixpath.join(base, link["href"]))
        css = styles.get(uri)
        if css is None:
            return link[0]
        return f'<style data-inlined="{uri}">{css}</style>'

    return _LINK.sub(replace, head) + end + body


def on_post_page(output: str, page, config, **_) -> str:
    return inline_styles(output, page.url, _inline)
