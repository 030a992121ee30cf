"""Lighthouse (npm `lighthouse`, mobile preset) on the served site: scores, lab Core Web
Vitals, page weight and every request's origin."""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from scripts.handbook_tools import chromium, static_site
from scripts.handbook_tools.facts import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = " ".join(["--headless=new", *chromium.FLAGS[1:]])


def lighthouse(url: str, out: Path, cpu_slowdown: float | None = None) -> dict:
    """One run. `cpu_slowdown`: the CPU slowdown Lighthouse simulates (its own default,
    4, when None); 2 measures what a machine twice as fast measures with 4."""
    env = {**os.environ, "CHROME_PATH": str(chromium.executable())}
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
    ]  # fmt: skip
    if cpu_slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse {url} failed:\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text())
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    # All the page loads before the reader does anything, search index included.
    page_bytes = sum(item.get("transferSize", 0) for item in requests)
    foreign = sorted(
        {
            urlsplit(item["url"]).netloc
            for item in requests
            if item["url"].startswith("http")
            and urlsplit(item["url"]).netloc != urlsplit(url).netloc
        }
    )
    failing = sorted(
        ref["id"]
        for category in report["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"]
        and audits[ref["id"]]["score"] is not None
        and audits[ref["id"]]["score"] < 1
    )
    return {
        **{
            name: round(report["categories"][name]["score"] * 100)
            for name in CATEGORIES
        },
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "bytes": page_bytes,
        "requests": len(requests),
        "foreign": foreign,
        "failing": failing,
        # Lighthouse's measure of this machine's CPU (higher is faster): its simulated
        # mobile CPU is this machine's slowed by a fixed factor, whatever the machine.
        "benchmark_index": report["environment"]["benchmarkIndex"],
        "warnings": report.get("runWarnings", []),
    }


def median_run(
    url: str, scratch: Path, runs: int, cpu_slowdown: float | None = None
) -> dict:
    """Lighthouse `runs` times; each figure's median over them."""
    return median_of(
        [lighthouse(url, scratch / f"lh-{i}.json", cpu_slowdown) for i in range(runs)]
    )


def median_of(results: list[dict]) -> dict:
    """Each figure's own median, not one run's figures: the lab LCP is bimodal here.
    Lighthouse simulates it from the observed load, counting the theme's script when
    it began before the first paint was shown; served locally, that race goes either
    way, and the run with the median score can carry either LCP. An audit counts as
    failing when it failed in at least half the runs; another origin, in any run."""
    figures = ["requests", "bytes", "fcp", "tbt", "cls", "lcp", "benchmark_index"]
    figures += CATEGORIES
    merged = {name: statistics.median(r[name] for r in results) for name in figures}
    failing = Counter(audit for result in results for audit in result["failing"])
    return {
        **merged,
        "foreign": sorted({host for result in results for host in result["foreign"]}),
        "failing": sorted(a for a, n in failing.items() if 2 * n >= len(results)),
        "warnings": sorted({text for result in results for text in result["warnings"]}),
    }


def measure_site(
    label: str,
    site: Path,
    prefix: str,
    urls: list[str],
    scratch: Path,
    runs: int,
    cpu_slowdown: float | None = None,
) -> dict[str, dict]:
    scores = {}
    with static_site.serve(site, prefix, compress=True) as base:
        for path in urls:
            print(f"  lighthouse {label} /{path}", flush=True)
            scores[path] = median_run(base + path, scratch, runs, cpu_slowdown)
    return scores


def search_index_bytes(site: Path) -> dict[str, int]:
    """Gzipped bytes of the index every page fetches, and of the documents fetched at
    the first search (ours only: scripts/handbook_tools/hooks/search.py splits them)."""
    search = site / "search"
    sizes = {}
    for when, name in (
        ("page", "search_index.json"),
        ("search", "search_index.full.json"),
    ):
        path = search / name
        if path.is_file():
            sizes[when] = len(gzip.compress(path.read_bytes(), mtime=0))
    return sizes


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.is_file() else "?"
