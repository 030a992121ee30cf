"""The data of the in-browser trainers (training_data.py), written to one script file
that each page holding the marker `<!-- handbook:training-data -->` (docs/review.md,
docs/mock-interview.md) points to. Only those pages load it: a question page weighs
nothing more. The home page's dashboard gets the number of cards
(`data-cards="{cards}"`).

Gathered once every page is rendered (the data is read from the question pages as the
site shows them); the pointer goes into the page's content, so Material's instant
navigation brings it along with the page's script.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.handbook_tools import deck, facts, training_data

MARKER = training_data.MARKER
# The home page's dashboard (docs/assets/dashboard.js) counts the cards not yet started.
CARD_COUNT = 'data-cards="{cards}"'
_data: dict = {"questions": [], "cards": []}


def on_env(env, config, files, **_):
    sections = {uri: name for _, name, uri in facts.numbered(config.nav)}
    by_number = []
    for file in files.documentation_pages():
        page_cards = deck.cards_of(file.page) if file.page else []
        if page_cards:
            section = sections.get(file.src_uri, "")
            question = training_data.question_entry(file.page, page_cards, section)
            by_number.append((question, page_cards))
    by_number.sort(key=lambda pair: pair[0]["number"])
    _data.update(
        questions=[question for question, _ in by_number],
        cards=[training_data.card_entry(c) for _, cards in by_number for c in cards],
    )
    return env


def on_post_page(output, page, config, **_):
    output = output.replace(CARD_COUNT, f'data-cards="{len(_data["cards"])}"')
    if MARKER not in output:
        return output
    if not _data["questions"]:
        raise PluginError(
            f"docs/{page.file.src_uri}: {MARKER} found, but no question page has a "
            "short answer to train with"
        )
    return output.replace(MARKER, training_data.as_element(_data, page.url), 1)


def on_post_build(config, **_):
    if not _data["questions"]:
        return
    target = Path(config.site_dir) / training_data.script_name(_data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(training_data.script_text(_data), encoding="utf-8")


# After live_rebuild.py's on_files (priority 0): under `scripts/serve.sh --dirty` a
# trainer's page is written again on every rebuild, since any question's change is its.
@event_priority(-10)
def on_files(files, config, **_):
    for file in files.documentation_pages():
        source = file.abs_src_path
        if source and training_data.wants_data(Path(source).read_text("utf-8")):
            file.is_modified = lambda: True
    return files
