"""Valid, lean HTML on every page built from the theme's templates (the Nu HTML Checker
in tests/site/test_html_valid.py, Lighthouse in scripts/benchmark.sh):

- Material puts `autocomplete="off"` on its two checkbox toggles (drawer, search), an
  attribute HTML allows on text-like inputs only. It keeps Firefox from restoring an
  open drawer when a reader comes back to a page; Material closes both on navigation.
- A page whose table of contents is empty keeps the theme's `<label for="__toc">`
  pointing at a toggle that is not there.
"""

from __future__ import annotations

import re

_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"'
)


def valid_html(html: str) -> str:
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(
            '<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">'
        )
    return html


def on_post_page(output, page, config, **_):
    return valid_html(output)


def on_post_template(output_content, template_name, config):
    # Theme pages rendered outside the page loop: 404.html.
    if template_name.endswith(".html"):
        return valid_html(output_content)
    return output_content
