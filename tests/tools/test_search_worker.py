"""The search worker's rules (scripts/handbook_tools/search_worker.js), run in Node.

The built site's worker is loaded as a browser loads it: the handbook's wrapper, then
Material's worker next to it, then the setup message with the site's own search index
(its separator and its stop words). The browser tests (tests/browser/test_search.py)
show what readers get; these pin each rule, case by case.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require

HARNESS = """
const fs = require("fs");
const path = require("path");
const [site, calls, withDocs] = [
  process.argv[1], JSON.parse(process.argv[2]), process.argv[3] === "docs"];
const workers = path.join(site, "assets/javascripts/workers");
const imported = [];
let listener = null;
const posted = [];
globalThis.self = globalThis;
self.location = { href: "file://" + workers + "/handbook-search.js" };
self.addEventListener = (type, fn) => { if (type === "message") listener = fn; };
self.postMessage = (message) => posted.push(message);
self.importScripts = (url) => {
  imported.push(path.basename(new URL(url).pathname));
  (0, eval)(fs.readFileSync(new URL(url).pathname, "utf8"));
};
(0, eval)(fs.readFileSync(path.join(workers, "handbook-search.js"), "utf8"));
const index = JSON.parse(
  fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
if (!withDocs) index.docs = []; // the rules need the config only: skip indexing
(async () => {
  const setup = { ...index, options: { suggest: false } };
  await listener({ data: { type: 0, data: setup } });
  const answers = [];
  for (const [name, ...args] of calls) {
    if (name === "query") {
      await listener({ data: { type: 2, data: args[0] } });
      answers.push(posted.pop().data.items);
    } else {
      answers.push(self.handbookSearch[name](...args));
    }
  }
  console.log(JSON.stringify({ answers, imported }));
})();
"""

REWRITTEN = {
    "keep-alive": "+keep +alive*",
    "Keep-Alive": "+Keep +Alive*",
    "dict.items": "+dict +items*",
    "dict.items()": "+dict +items*",
    "os.path.join": "+os +path +join*",
    "sys.path vs os.path": "+sys +path* vs +os +path*",
    "django-redis": "+django +redis*",
    # camelCase is split by the site's separator, so it is one identifier too.
    "ETag": "+E +Tag*",
    "HTTPMethod": "+HTTP +Method*",
    "setUpTestData": "+set +Up +Test +Data*",
    # Stop words are not indexed: required, they would match nothing.
    "NotImplementedError": "+Implemented +Error*",
    "no-store": "+store*",
    # Half typed: read as the index reads it, not as "keep, without anything".
    "keep-": "+keep*",
    "dict.": "+dict*",
    "no-": "no",
    # Left alone: plain words, dunders, numbers, versions, search syntax.
    "iteritems": "iteritems",
    "REMOTE_ADDR": "REMOTE_ADDR",
    "__init__": "__init__",
    "404": "404",
    "python 3.12": "python 3.12",
    '"keep alive"': '"keep alive"',
    "redis -django": "redis -django",
}


@pytest.fixture(scope="module")
def worker(built_site: Path):
    node = shutil.which("node")
    require(node is not None, "Node.js")

    def run(*calls: list, docs: bool = False) -> dict:
        result = subprocess.run(
            [
                node,
                "-e",
                HARNESS,
                str(built_site),
                json.dumps(calls),
                str(docs and "docs"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return json.loads(result.stdout)

    return run


def item(location: str, score: float, **terms: bool) -> dict:
    return {"location": location, "score": score, "terms": terms}


def test_identifiers_become_required_words(worker) -> None:
    answers = worker(*(["rewrite", query] for query in REWRITTEN))["answers"]
    assert dict(zip(REWRITTEN, answers, strict=True)) == REWRITTEN


def test_pages_rank_by_their_three_best_sections(worker) -> None:
    listing = [item("a/", 0), item("a/#code", 40)]
    explained = [item("b/", 0)] + [item(f"b/#s{n}", 15) for n in range(4)]
    many = [item("c/", 0)] + [item(f"c/#s{n}", 11) for n in range(9)]
    [ranked] = worker(["rank", [listing, many, explained]])["answers"]
    # 15 * 3 = 45 beats one section of 40 and 11 * 3 = 33, however many sections.
    assert [group[0]["location"] for group in ranked] == ["b/", "a/", "c/"]
    assert [i["location"] for i in ranked[0]] == [
        "b/",
        "b/#s0",
        "b/#s1",
        "b/#s2",
        "b/#s3",
    ]


def test_highlight_words_are_the_typed_ones(worker) -> None:
    matched = item("p/#etag", 9, e=True, tag=True)
    partly = item("p/#other", 2, e=True, tag=False)
    page = item("p/", 0)  # Material's stand-in for a page matched only in sections
    [[group]] = worker(["highlight", "ETag", [[matched, partly, page]]])["answers"]
    assert [i["terms"] for i in group] == [
        {"ETag": True},
        {"tag": False},  # still shown as missing, but not marked
        {"ETag": True},
    ]


def test_highlight_words_split_where_materials_highlighter_splits(worker) -> None:
    terms = {"dict": True, "items": True, "keep": True, "alive": True, "the": True}
    [[[found]]] = worker(
        ["highlight", "dict.items() the keep-alive", [[item("p/", 1, **terms)]]]
    )["answers"]
    assert found["terms"] == {"dict": True, "items": True, "keep": True, "alive": True}


@pytest.mark.parametrize("query", ["ETag", "404"])
def test_a_search_returns_rewritten_ranked_and_highlighted(worker, query: str) -> None:
    """The whole worker on the site's index: `ETag` needs the rewrite, `404` the page
    ranking (and the index's trimmer); every entry of the page carries the word."""
    [groups] = worker(["query", query], docs=True)["answers"]
    first = groups[0]
    assert first[0]["location"].startswith("questions/http-headers-and-status-codes/")
    assert all(i["terms"] == {query: True} for i in first)


def test_materials_worker_is_loaded_from_next_to_it(worker, built_site: Path) -> None:
    material = [p.name for p in (built_site / "assets/javascripts/workers").iterdir()]
    imported = worker()["imported"]
    assert len(imported) == 1
    assert imported[0].startswith("search.")
    assert imported[0] in material


def test_built_pages_use_the_handbook_worker(built_site: Path) -> None:
    workers = built_site / "assets/javascripts/workers"
    wrapper = (workers / "handbook-search.js").read_text()
    assert "__MATERIAL_WORKER__" not in wrapper
    material = [p.name for p in workers.glob("search.*.min.js")]
    assert len(material) == 1
    assert f'"{material[0]}"' in wrapper
    page = (built_site / "questions/pass-statement/index.html").read_text()
    assert "workers/handbook-search.js" in page
