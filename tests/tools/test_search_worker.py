"""The search worker's query rewriting (scripts/handbook_tools/search_worker.js), run in
Node.

The browser tests (tests/browser/test_search.py) show what readers get; these pin the
rewriting rule itself, case by case.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "scripts" / "handbook_tools" / "search_worker.js"

HARNESS = """
const fs = require("fs");
const imported = [];
const self = { addEventListener() {}, location: { href: "file:///site/workers/x.js" } };
globalThis.self = self;
globalThis.importScripts = (url) => imported.push(url);
eval(fs.readFileSync(process.argv[1], "utf8").replace("__MATERIAL_WORKER__", "m.js"));
const queries = JSON.parse(process.argv[2]);
console.log(JSON.stringify({
  rewritten: queries.map((q) => self.handbookRewriteQuery(q)),
  imported,
}));
"""

CASES = {
    "keep-alive": "+keep +alive*",
    "Keep-Alive": "+Keep +Alive*",
    "dict.items": "+dict +items*",
    "dict.items()": "+dict +items*",
    "os.path.join": "+os +path +join*",
    "sys.path vs os.path": "+sys +path* vs +os +path*",
    "django-redis": "+django +redis*",
    # Left alone: plain words, dunders, numbers, versions, search syntax.
    "iteritems": "iteritems",
    "__init__": "__init__",
    "404": "404",
    "python 3.12": "python 3.12",
    '"keep alive"': '"keep alive"',
    "redis -django": "redis -django",
    "keep-": "keep-",
}


@pytest.fixture(scope="module")
def run_worker():
    node = shutil.which("node")
    require(node is not None, "Node.js")

    def run(queries: list[str]) -> dict:
        result = subprocess.run(
            [node, "-e", HARNESS, str(WORKER), json.dumps(queries)],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return json.loads(result.stdout)

    return run


def test_identifiers_become_required_words(run_worker) -> None:
    result = run_worker(list(CASES))
    assert dict(zip(CASES, result["rewritten"], strict=True)) == CASES


def test_materials_worker_is_loaded_from_next_to_it(run_worker) -> None:
    assert run_worker([])["imported"] == ["file:///site/workers/m.js"]


def test_built_pages_use_the_handbook_worker(built_site: Path) -> None:
    workers = built_site / "assets/javascripts/workers"
    wrapper = (workers / "handbook-search.js").read_text()
    assert "__MATERIAL_WORKER__" not in wrapper
    material = [p.name for p in workers.glob("search.*.min.js")]
    assert len(material) == 1
    assert f'"{material[0]}"' in wrapper
    page = (built_site / "questions/pass-statement/index.html").read_text()
    assert "workers/handbook-search.js" in page
