"""The search worker's rules (scripts/handbook_tools/search_worker.js), run in Node.

The built site's worker is loaded as a browser loads it: the handbook's wrapper, the
setup message with the index every page fetches (the configuration alone), the page's
empty query, then the reader's queries, which bring in Material's worker and the
documents (the site's separator, its stop words and its pages). The browser tests
(tests/browser/test_search.py) show what readers get; these pin each rule, case by
case.
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
const [site, calls, failures] = [
  process.argv[1], JSON.parse(process.argv[2]), Number(process.argv[3])];
const workers = path.join(site, "assets/javascripts/workers");
const [imported, fetched, posted] = [[], [], []];
let listener = null;
let failing = failures;
globalThis.self = globalThis;
self.location = { href: "file://" + workers + "/handbook-search.js" };
self.addEventListener = (type, fn) => { if (type === "message") listener = fn; };
self.postMessage = (message) => posted.push(message);
self.importScripts = (url) => {
  imported.push(path.basename(new URL(url).pathname));
  (0, eval)(fs.readFileSync(new URL(url).pathname, "utf8"));
};
// The browser's fetch, from the built site's files; the first `failures` answer 404.
globalThis.fetch = async (url) => {
  const file = new URL(url).pathname;
  fetched.push(path.relative(site, file));
  if (failing-- > 0) return { ok: false, status: 404 };
  const text = fs.readFileSync(file, "utf8");
  return { ok: true, status: 200, json: async () => JSON.parse(text) };
};
(0, eval)(fs.readFileSync(path.join(workers, "handbook-search.js"), "utf8"));
// The next message the worker posts (Material's worker answers asynchronously).
const next = () => new Promise((resolve) => {
  const poll = () => (posted.length ? resolve(posted.shift()) : setTimeout(poll, 1));
  poll();
});
const send = (type, data) => { listener({ data: { type, data } }); return next(); };
(async () => {
  // What every page does: the index it fetched, then the empty query.
  const page = JSON.parse(
    fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  const startup = [
    await send(0, { ...page, options: { suggest: false } }),
    await send(2, ""),
  ];
  const before = { imported: [...imported], fetched: [...fetched] };
  const answers = [];
  for (const [name, ...args] of calls) {
    if (name === "query") answers.push((await send(2, args[0])).data.items);
    else answers.push(self.handbookSearch[name](...args));
  }
  console.log(JSON.stringify({ startup, before, answers, imported, fetched }));
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

    def run(*calls: list, failures: int = 0) -> dict:
        result = subprocess.run(
            [
                node,
                "-e",
                HARNESS,
                str(built_site),
                json.dumps(calls),
                str(failures),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return json.loads(result.stdout)

    return run


@pytest.fixture(scope="module")
def rules(worker):
    """The wrapper's rules, called once a first search has loaded Material's worker
    (with Lunr, whose stop words the rewrite leaves out)."""

    def call(*calls: list) -> list:
        return worker(["query", "pass"], *calls)["answers"][1:]

    return call


def item(location: str, score: float, **terms: bool) -> dict:
    return {"location": location, "score": score, "terms": terms}


def test_identifiers_become_required_words(rules) -> None:
    answers = rules(*(["rewrite", query] for query in REWRITTEN))
    assert dict(zip(REWRITTEN, answers, strict=True)) == REWRITTEN


def test_pages_rank_by_their_three_best_sections(rules) -> None:
    listing = [item("a/", 0), item("a/#code", 40)]
    explained = [item("b/", 0)] + [item(f"b/#s{n}", 15) for n in range(4)]
    many = [item("c/", 0)] + [item(f"c/#s{n}", 11) for n in range(9)]
    [ranked] = rules(["rank", [listing, many, explained]])
    # 15 * 3 = 45 beats one section of 40 and 11 * 3 = 33, however many sections.
    assert [group[0]["location"] for group in ranked] == ["b/", "a/", "c/"]
    assert [i["location"] for i in ranked[0]] == [
        "b/",
        "b/#s0",
        "b/#s1",
        "b/#s2",
        "b/#s3",
    ]


def test_highlight_words_are_the_typed_ones(rules) -> None:
    matched = item("p/#etag", 9, e=True, tag=True)
    partly = item("p/#other", 2, e=True, tag=False)
    page = item("p/", 0)  # Material's stand-in for a page matched only in sections
    [[group]] = rules(["highlight", "ETag", [[matched, partly, page]]])
    assert [i["terms"] for i in group] == [
        {"ETag": True},
        {"tag": False},  # still shown as missing, but not marked
        {"ETag": True},
    ]


def test_highlight_words_split_where_materials_highlighter_splits(rules) -> None:
    terms = {"dict": True, "items": True, "keep": True, "alive": True, "the": True}
    [[[found]]] = rules(
        ["highlight", "dict.items() the keep-alive", [[item("p/", 1, **terms)]]]
    )
    assert found["terms"] == {"dict": True, "items": True, "keep": True, "alive": True}


@pytest.mark.parametrize("query", ["ETag", "404"])
def test_a_search_returns_rewritten_ranked_and_highlighted(worker, query: str) -> None:
    """The whole worker on the site's index: `ETag` needs the rewrite, `404` the page
    ranking (and the index's trimmer); every entry of the page carries the word."""
    [groups] = worker(["query", query])["answers"]
    first = groups[0]
    assert first[0]["location"].startswith("questions/http-headers-and-status-codes/")
    assert all(i["terms"] == {query: True} for i in first)


def test_materials_worker_is_loaded_from_next_to_it(worker, built_site: Path) -> None:
    material = [p.name for p in (built_site / "assets/javascripts/workers").iterdir()]
    imported = worker(["query", "pass"])["imported"]
    assert len(imported) == 1
    assert imported[0].startswith("search.")
    assert imported[0] in material


def test_the_documents_wait_for_the_first_query(worker, built_site: Path) -> None:
    """The page's index is the configuration alone; the worker is ready at once,
    answers the page's empty query itself, and fetches the documents, with Material's
    worker, at the first real query, once."""
    page = json.loads((built_site / "search/search_index.json").read_text())
    assert page["docs"] == []
    assert page["config"]["separator"]
    full = json.loads((built_site / "search/search_index.full.json").read_text())
    assert len(full["docs"]) > 100

    run = worker(["query", "generator"], ["query", "lambda"])
    ready, empty = run["startup"]
    assert (ready, empty) == ({"type": 1}, {"type": 3, "data": {"items": []}})
    assert run["before"] == {"imported": [], "fetched": []}
    assert run["fetched"] == ["search/search_index.full.json"]
    assert len(run["imported"]) == 1
    generator, lambdas = run["answers"]
    assert generator[0][0]["location"].startswith("questions/generators/")
    assert lambdas[0][0]["location"].startswith("questions/lambda-functions/")


def test_an_index_that_fails_to_load_is_asked_for_again(worker) -> None:
    """A failed fetch answers the waiting query with no results (the error goes to the
    console), and the next query fetches again."""
    run = worker(["query", "generator"], ["query", "generator"], failures=1)
    failed, found = run["answers"]
    assert failed == []
    assert found[0][0]["location"].startswith("questions/generators/")
    assert run["fetched"] == ["search/search_index.full.json"] * 2


def test_built_pages_use_the_handbook_worker(built_site: Path) -> None:
    workers = built_site / "assets/javascripts/workers"
    wrapper = (workers / "handbook-search.js").read_text()
    assert "__MATERIAL_WORKER__" not in wrapper
    material = [p.name for p in workers.glob("search.*.min.js")]
    assert len(material) == 1
    assert f'"{material[0]}"' in wrapper
    page = (built_site / "questions/pass-statement/index.html").read_text()
    assert "workers/handbook-search.js" in page
