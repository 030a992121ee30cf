"""The stock Material build the benchmark compares against: our mkdocs.yml with the
theme as Material ships it."""

from __future__ import annotations

import yaml

from scripts.handbook_tools import facts


class Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping its !ENV and !relative tags for writing back."""


def _tagged(loader: yaml.Loader, suffix: str, node: yaml.Node):
    value = (
        loader.construct_sequence(node)
        if isinstance(node, yaml.SequenceNode)
        else loader.construct_scalar(node)
    )
    return _Tag(suffix, value)


class _Tag:
    def __init__(self, tag: str, value) -> None:
        self.tag, self.value = tag, value


Loader.add_multi_constructor("!", _tagged)


def _represent_tag(dumper: yaml.Dumper, data: _Tag):
    if isinstance(data.value, list):
        return dumper.represent_sequence("!" + data.tag, data.value)
    return dumper.represent_scalar("!" + data.tag, data.value)


yaml.add_representer(_Tag, _represent_tag, Dumper=yaml.SafeDumper)


def stock_config(ours: dict) -> dict:
    """Our mkdocs.yml with the theme as Material ships it: the same content, navigation
    and Markdown extensions (the pages need them), the plugins the content needs
    (search, tags, markdown-exec), the snippets watched under `mkdocs serve`; no
    overrides, hooks, extra CSS or JavaScript."""
    keep = [
        "site_name", "site_description", "site_author", "site_url", "repo_url",
        "repo_name", "edit_uri", "copyright", "markdown_extensions", "nav",
        "exclude_docs", "validation", "watch",
    ]  # fmt: skip
    config = {key: ours[key] for key in keep if key in ours}
    # The count our hook (scripts/handbook_tools/hooks/questions.py) fills in, written
    # out for stock.
    count = str(len(facts.questions()))
    config["site_description"] = str(ours["site_description"]).replace(
        "{questions}", count
    )
    config["theme"] = {"name": "material"}
    config["plugins"] = ["search", "tags", "markdown-exec"]
    return config
