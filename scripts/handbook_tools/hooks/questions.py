"""The questions' numbers and count come from one place, the order of `nav` in
mkdocs.yml: each question page gets `page.meta.question` (its place in the nav), every
template gets `config.extra.question_count`, and a `{questions}` in the site's or a
page's description becomes that count. A page that writes its own `question:` fails the
build, named: two sources for one fact would drift apart.

A page marked `draft: true` builds (`scripts/new-question.sh` makes pages so), shows a
draft notice, and is refused by the release (scripts/handbook_tools/release.py).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.handbook_tools import facts

COUNT = "{questions}"
_numbers: dict[str, int] = {}


def on_config(config, **_):
    _numbers.clear()
    _numbers.update({uri: number for number, _, uri in facts.numbered(config.nav)})
    config.extra["question_count"] = len(_numbers)
    if config.site_description:
        count = str(len(_numbers))
        config.site_description = config.site_description.replace(COUNT, count)
    return config


@event_priority(100)  # before every other feature reads page.meta.question
def on_page_markdown(markdown, page, config, **_):
    if "question" in page.meta:
        raise PluginError(
            f"docs/{page.file.src_uri}: remove `question:` from the front matter; "
            "a question's number is its place in mkdocs.yml's nav"
        )
    number = _numbers.get(page.file.src_uri)
    if number:
        page.meta["question"] = number
    description = page.meta.get("description")
    if isinstance(description, str):
        page.meta["description"] = description.replace(
            COUNT, str(config.extra["question_count"])
        )
    return markdown
