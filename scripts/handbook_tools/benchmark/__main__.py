"""The benchmark's command (scripts/benchmark.sh); __init__.py says what it measures."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts.handbook_tools import benchmark, chromium, facts, training_data
from scripts.handbook_tools.benchmark import rebuild, report
from scripts.handbook_tools.benchmark.lighthouse import (
    LIGHTHOUSE,
    lighthouse_version,
    measure_site,
    search_index_bytes,
)
from scripts.handbook_tools.benchmark.stock import Loader, stock_config
from scripts.handbook_tools.benchmark.variants import VARIANTS
from scripts.handbook_tools.build import build, copy_sources
from scripts.handbook_tools.facts import ROOT

RESULTS = ROOT / "scripts" / "benchmark-results.md"


def timed_build(config_file: Path, site_dir: Path) -> float:
    started = time.perf_counter()
    result = build(site_dir, config_file)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build of {config_file} failed:\n{result.stderr[-4000:]}")
    return elapsed


def pdf_seconds(site: Path, scratch: Path) -> float | None:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "scripts.handbook_tools.pdf", "--site-dir", str(site),
         "--output", str(scratch / "handbook.pdf")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        print(f"PDF build failed:\n{result.stderr[-2000:]}", file=sys.stderr)
        return None
    return elapsed


def page_urls() -> list[str]:
    """'' (the home page), the trainers' pages, every question page's URL path in
    navigation order, then the other pages (topics, contributing, 404). Not the print
    page: one long page for paper, which the stock build does not have."""
    trainers = training_data.trainer_pages(ROOT / "docs")
    questions = [question.url for question in facts.questions()]
    return ["", *trainers, *questions, *report.other_pages()]


def rebuild_seconds(
    config_file: Path, dirty: bool, urls: list[str]
) -> dict[str, float]:
    """Question slug -> seconds from saving its snippet to its page served again, for
    the question pages among `urls`."""
    project = config_file.parent
    seconds = {}
    with rebuild.serving(config_file, dirty=dirty) as port:
        for question in facts.questions():
            if question.url not in urls:
                continue
            page = project / "docs" / question.uri
            snippet = rebuild.page_snippet(page, project / "snippets")
            seconds[question.slug] = rebuild.seconds_to_show_again(port, snippet)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=benchmark.__doc__.splitlines()[0])
    parser.add_argument(
        "--pages",
        type=int,
        default=0,
        help="only the first N pages, for Lighthouse and the rebuild timing (0: all)",
    )
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page")
    parser.add_argument("--no-readme", action="store_true", help="leave README alone")
    parser.add_argument(
        "--cpu-slowdown",
        type=float,
        help="the CPU slowdown Lighthouse simulates instead of its mobile preset's 4:"
        " 2 measures what a machine twice as fast measures; printed, not written",
    )
    parser.add_argument(
        "--without",
        choices=sorted(VARIANTS),
        help="measure both sites without this piece of the theme (variants.py): what"
        " it costs; printed, not written, and neither rebuild nor PDF is timed",
    )
    options = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file() or not chromium.available():
        print("needs `npm ci` (Lighthouse) and Chromium", file=sys.stderr)
        return 2

    ours_config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    urls = page_urls()
    if options.pages:
        urls = urls[: options.pages]
    data: dict = {
        "runs": options.runs,
        "lighthouse": lighthouse_version(),
        "cpu_slowdown": options.cpu_slowdown,
        "without": options.without and VARIANTS[options.without].description,
    }
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        project = copy_sources(scratch / "project")
        stock_file = project / "mkdocs.stock.yml"
        stock_file.write_text(
            yaml.safe_dump(stock_config(ours_config), sort_keys=False),
            encoding="utf-8",
        )
        site_ours, site_stock = scratch / "site-ours", scratch / "site-stock"

        for label, config_file, site in (
            ("ours", project / "mkdocs.yml", site_ours),
            ("stock", stock_file, site_stock),
        ):
            print(f"build ({label})", flush=True)
            data[f"build_{label}"] = timed_build(config_file, site)
            data[f"index_{label}"] = search_index_bytes(site)
            if options.without:
                VARIANTS[options.without].apply(site)
                data[f"rebuild_{label}"] = {}
                continue
            print(f"snippet saved under mkdocs serve ({label})", flush=True)
            data[f"rebuild_{label}"] = rebuild_seconds(
                config_file, dirty=label == "ours", urls=urls
            )

        data["pdf"] = None
        if not options.without:
            print("PDF", flush=True)
            data["pdf"] = pdf_seconds(site_ours, scratch)

        prefix = urlsplit(facts.site_url()).path
        for label, site in (("ours", site_ours), ("stock", site_stock)):
            data[label] = measure_site(
                label, site, prefix, urls, scratch, options.runs, options.cpu_slowdown
            )
        data["titles"] = report.page_titles()

    data["date"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    data["machine"] = (
        f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    )
    table = report.report(data)
    print(table)
    # The files hold the mobile preset's figures of the site as built, the ones the
    # goal is set in; a run with another CPU slowdown, or of a variant, is printed only.
    if options.cpu_slowdown is not None or options.without:
        return 0
    RESULTS.write_text(
        "# Benchmark results\n\nWritten by `scripts/benchmark.sh`; README.md's"
        " Benchmarks section holds a copy.\n\n" + table,
        encoding="utf-8",
    )
    if not options.no_readme:
        with contextlib.suppress(OSError):
            if report.update_readme(table):
                print("README.md: Benchmarks section updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
