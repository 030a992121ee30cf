"""The home page's map of the questions (`<!-- handbook:question-map -->`): a table per
nav section with each question's level and topics, then the questions by topic, from the
pages' own front matter, so the map never disagrees with the pages. The reader's status
shares the level's cell ("beginner · new"): docs/assets/progress.js writes the reader's
own mark there. A column of its own made the table too wide for a phone (390 px).

The tags plugin's own index (docs/tags.md) lists pages by tag, but not inside the home
page, nor with the question's number and level: this table is ours.
"""

from __future__ import annotations

from pathlib import Path

from scripts.handbook_tools import facts

QUESTION_MAP = "<!-- handbook:question-map -->"


def _heading(body: str) -> str:
    return next(
        (line[2:].strip() for line in body.splitlines() if line[:2] == "# "), ""
    )


def question_map(config) -> str:
    """The map as Markdown, for the nav and docs_dir of `config`."""
    docs = Path(config.docs_dir)
    by_topic: dict[str, list[tuple[int, str, str]]] = {}
    out: list[str] = []
    section = None
    for number, name, uri in facts.numbered(config.nav):
        if name != section:  # a table per nav section
            if section is not None:
                out.append("")
            section = name
            out += [
                f"### {name}",
                "",
                "| # | Question | Level · status | Topics |",
                "|--:|---|---|---|",
            ]
        meta, body = facts.front_matter(docs / uri)
        title = _heading(body) or uri
        tags = list(meta.get("tags") or [])
        for tag in tags:
            by_topic.setdefault(tag, []).append((number, uri, title))
        level = meta.get("difficulty", "")
        status = f'<span data-progress-question="{Path(uri).stem}">new</span>'
        topics = ", ".join(tags)
        out.append(f"| {number} | [{title}]({uri}) | {level} · {status} | {topics} |")
    if section is not None:
        out.append("")
    if by_topic:
        out += ["### By topic", ""]
        for tag in sorted(by_topic):
            links = ", ".join(f"[{t}]({uri})" for _, uri, t in sorted(by_topic[tag]))
            out.append(f"- **{tag}**: {links}")
        out.append("")
    return "\n".join(out)


def on_page_markdown(markdown, page, config, **_):
    if QUESTION_MAP in markdown:
        markdown = markdown.replace(QUESTION_MAP, question_map(config))
    return markdown
