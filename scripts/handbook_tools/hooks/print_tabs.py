"""Tabs on paper: print shows every tab's content (docs/assets/handbook.css, @media
print), each under its tab's label, which this hook copies onto the tab's block at build
time (`data-handbook-label`, printed by the style sheet's `::before`).

A script did this in every reader's browser, on every page, after each navigation; at
build time the work is done once, and the print page and the PDF, made from the pages'
HTML, carry the labels too.
"""

from __future__ import annotations

import html
import re

# pymdownx.tabbed (alternate style): a set holds its labels, then its blocks, in order.
# Sets may nest inside a block, so open and closed divs are followed as a stack.
_TOKEN = re.compile(r"<div\b[^>]*>|</div>|<label\b[^>]*>(.*?)</label>", re.S)
_CLASSES = re.compile(r'\bclass="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def _classes(tag: str) -> set[str]:
    found = _CLASSES.search(tag)
    return set(found.group(1).split()) if found else set()


def label_tabs(content: str) -> str:
    """`content` with each tab block's `<div>` carrying its label's text."""
    if "tabbed-set" not in content:
        return content
    out: list[str] = []
    stack: list[tuple[str, dict | None]] = []  # (kind of div, its tab set)
    position = 0
    for token in _TOKEN.finditer(content):
        text = token.group(0)
        out.append(content[position : token.start()])
        position = token.end()
        tab_set = stack[-1][1] if stack else None
        if text.startswith("<label"):
            if stack and stack[-1][0] == "labels":
                label = html.unescape(_TAG.sub("", token.group(1))).strip()
                tab_set["labels"].append(label)
        elif text == "</div>":
            if stack:
                stack.pop()
        else:
            classes = _classes(text)
            if "tabbed-set" in classes:
                stack.append(("set", {"labels": [], "blocks": 0}))
            elif "tabbed-labels" in classes and stack and stack[-1][0] == "set":
                stack.append(("labels", tab_set))
            elif "tabbed-content" in classes and stack and stack[-1][0] == "set":
                stack.append(("content", tab_set))
            elif "tabbed-block" in classes and stack and stack[-1][0] == "content":
                labels, index = tab_set["labels"], tab_set["blocks"]
                tab_set["blocks"] += 1
                if index < len(labels):
                    value = html.escape(labels[index], quote=True)
                    text = f'{text[:-1]} data-handbook-label="{value}">'
                stack.append(("block", None))
            else:
                stack.append(("other", tab_set))
        out.append(text)
    out.append(content[position:])
    return "".join(out)


def on_page_content(html_content, **_):
    return label_tabs(html_content)
