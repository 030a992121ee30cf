"""Measure the handbook against a stock Material build of the same pages.

Usage: python -m scripts.benchmark [--pages N] [--runs N] [--no-readme]

In one run, on this machine:

- Lighthouse (npm `lighthouse`, mobile preset: simulated slow 4G and a 4x slower CPU)
  scores (performance, accessibility, best practices, SEO) and the lab Core Web Vitals
  (LCP, CLS, TBT) of the home page and every question page, served gzipped on
  127.0.0.1 under the site's path, as GitHub Pages serves it;
- the weight of a question page on a first visit (every byte transferred, gzipped,
  except the search index) and of the search index (gzipped);
- the full strict build, a rebuild after one snippet changed (in a copy of the project:
  the real files are not touched), and the PDF (`python -m scripts.pdf`);
- the same figures for a stock Material build of the same pages: the same content and
  Markdown extensions, `theme: material` with the theme's defaults, no overrides, hooks,
  or extra CSS and JavaScript, reported as the ratio ours / stock.

Results go to scripts/benchmark-results.md and into README.md's Benchmarks section
(between its benchmark markers). Lighthouse needs `npm ci` and Chromium (CHROMIUM
overrides /usr/bin/chromium). INP needs a real user's interactions: a lab run cannot
measure it (TBT is its lab proxy).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts import chromium, facts, static_site
from scripts.build import build

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "scripts" / "benchmark-results.md"
README = ROOT / "README.md"
MARK_START = "<!-- benchmark:start -->"
MARK_END = "<!-- benchmark:end -->"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The files a build reads: what a copy of the project needs.
PROJECT_FILES = ["mkdocs.yml", "docs", "snippets", "scripts", "package.json"]
# The snippet whose copy is edited to time a rebuild.
EDITED_SNIPPET = Path("snippets/pass_statement/null_statement.py")
CHROME_FLAGS = " ".join(["--headless=new", *chromium.FLAGS[1:]])


class _Loader(yaml.SafeLoader):
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


_Loader.add_multi_constructor("!", _tagged)


def _represent_tag(dumper: yaml.Dumper, data: _Tag):
    if isinstance(data.value, list):
        return dumper.represent_sequence("!" + data.tag, data.value)
    return dumper.represent_scalar("!" + data.tag, data.value)


yaml.add_representer(_Tag, _represent_tag, Dumper=yaml.SafeDumper)


def stock_config(ours: dict) -> dict:
    """Our mkdocs.yml with the theme as Material ships it: the same content, navigation
    and Markdown extensions (the pages need them), the plugins the content needs
    (search, tags, markdown-exec); no overrides, hooks, extra CSS or JavaScript."""
    keep = [
        "site_name", "site_description", "site_author", "site_url", "repo_url",
        "repo_name", "edit_uri", "copyright", "markdown_extensions", "nav",
        "exclude_docs", "validation",
    ]  # fmt: skip
    config = {key: ours[key] for key in keep if key in ours}
    # The count our hook (scripts/hooks/questions.py) fills in, written out for stock.
    count = str(len(facts.questions()))
    config["site_description"] = str(ours["site_description"]).replace(
        "{questions}", count
    )
    config["theme"] = {"name": "material"}
    config["plugins"] = ["search", "tags", "markdown-exec"]
    return config


def copy_project(target: Path) -> Path:
    """A copy of what the build reads, so a benchmark may edit it."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns(
                    "__pycache__", "*.pyc", "transcripts.tmp"
                ),
            )
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def timed_build(config_file: Path, site_dir: Path) -> float:
    started = time.perf_counter()
    result = build(site_dir, config_file)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build of {config_file} failed:\n{result.stderr[-4000:]}")
    return elapsed


def question_urls() -> list[str]:
    """'' (the home page) and every question page's URL path, in navigation order."""
    return ["", *(f"questions/{question.slug}/" for question in facts.questions())]


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": str(chromium.executable())}
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
    ]  # fmt: skip
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse {url} failed:\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text())
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    page_bytes = sum(
        item.get("transferSize", 0)
        for item in requests
        if not item["url"].endswith("search_index.json")
    )
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
    }


def median_run(url: str, scratch: Path, runs: int) -> dict:
    """Lighthouse `runs` times; the run with the median performance score."""
    results = [lighthouse(url, scratch / f"lh-{i}.json") for i in range(runs)]
    results.sort(key=lambda result: (result["performance"], -result["tbt"]))
    return results[len(results) // 2]


def measure_site(
    label: str, site: Path, prefix: str, urls: list[str], scratch: Path, runs: int
) -> dict[str, dict]:
    scores = {}
    with static_site.serve(site, prefix, compress=True) as base:
        for path in urls:
            print(f"  lighthouse {label} /{path}", flush=True)
            scores[path] = median_run(base + path, scratch, runs)
    return scores


def search_index_bytes(site: Path) -> int:
    index = site / "search" / "search_index.json"
    return len(gzip.compress(index.read_bytes(), mtime=0))


def pdf_seconds(site: Path, scratch: Path) -> float | None:
    if not (ROOT / "scripts" / "pdf.py").is_file():
        return None
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "scripts.pdf", "--site-dir", str(site),
         "--output", str(scratch / "handbook.pdf")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        print(f"PDF build failed:\n{result.stderr[-2000:]}", file=sys.stderr)
        return None
    return elapsed


# --- Report ---------------------------------------------------------------------------


def _ms(value: float) -> str:
    return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.0f} ms"


def _kb(value: float) -> str:
    return f"{value / 1024:.1f} KiB"


def _ratio(ours: float, stock: float) -> str:
    return f"{ours / stock:.2f}" if stock else "n/a"


def page_table(
    ours: dict[str, dict], stock: dict[str, dict], titles: dict
) -> list[str]:
    lines = [
        "| Page | Perf. | A11y | Best pr. | SEO | LCP | CLS | TBT | Weight |"
        " Stock: Perf. / A11y / BP / SEO |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for path, result in ours.items():
        base = stock.get(path)
        stock_cell = (
            " / ".join(str(base[name]) for name in CATEGORIES) if base else "n/a"
        )
        lines.append(
            f"| {titles.get(path, path or 'Home')} | {result['performance']} "
            f"| {result['accessibility']} | {result['best-practices']} "
            f"| {result['seo']} | {_ms(result['lcp'])} | {result['cls']:.3f} "
            f"| {_ms(result['tbt'])} | {_kb(result['bytes'])} | {stock_cell} |"
        )
    return lines


def _show(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value:.1f} s"
    if unit == "ms":
        return _ms(value)
    if unit == "bytes":
        return _kb(value)
    if unit == "cls":
        return f"{value:.3f}"
    return f"{value:.0f}"


def summary_table(figures: list[tuple[str, float | None, float | None, str]]) -> list:
    lines = ["| Figure | Ours | Stock Material | Ours / stock |", "|---|--:|--:|--:|"]
    for name, ours, stock, unit in figures:
        ratio = _ratio(ours, stock) if ours is not None and stock else "n/a"
        lines.append(
            f"| {name} | {_show(ours, unit)} | {_show(stock, unit)} | {ratio} |"
        )
    return lines


def report(data: dict) -> str:
    ours, stock = data["ours"], data["stock"]
    questions = [path for path in ours if path]
    mean = statistics.fmean

    def over(scores: dict, key: str, pages: list[str]) -> float | None:
        values = [scores[path][key] for path in pages if path in scores]
        return mean(values) if values else None

    figures = [
        (f"Lighthouse {name} (mean of {len(ours)} pages)", over(ours, name, list(ours)),
         over(stock, name, list(ours)), "score")
        for name in CATEGORIES
    ]  # fmt: skip
    figures += [
        ("Lowest performance score", min(r["performance"] for r in ours.values()),
         min((r["performance"] for r in stock.values()), default=None), "score"),
        ("LCP, mean of question pages", over(ours, "lcp", questions),
         over(stock, "lcp", questions), "ms"),
        ("CLS, worst page", max(r["cls"] for r in ours.values()),
         max((r["cls"] for r in stock.values()), default=None), "cls"),
        ("TBT, mean of question pages", over(ours, "tbt", questions),
         over(stock, "tbt", questions), "ms"),
        ("Question page, first visit (gzipped, without search index)",
         over(ours, "bytes", questions), over(stock, "bytes", questions), "bytes"),
        ("Search index (gzipped)", data["index_ours"], data["index_stock"], "bytes"),
        ("Full strict build", data["build_ours"], data["build_stock"], "s"),
        ("Rebuild after one snippet changed", data["rebuild_ours"],
         data["rebuild_stock"], "s"),
        ("PDF (scripts/pdf.py, from the built site)", data["pdf"], None, "s"),
    ]  # fmt: skip
    foreign = sorted({host for r in ours.values() for host in r["foreign"]})
    stock_foreign = sorted({host for r in stock.values() for host in r["foreign"]})
    failing = sorted({audit for r in ours.values() for audit in r["failing"]})
    lines = [
        f"Measured {data['date']} on {data['machine']}; Lighthouse {data['lighthouse']}"
        f" (mobile preset), {data['runs']} run(s) per page (median by performance),"
        " pages served gzipped from 127.0.0.1 under the site's path.",
        "",
        *summary_table(figures),
        "",
        "Per page (ours; the last column: the stock Material build of the same page):",
        "",
        *page_table(ours, stock, data["titles"]),
        "",
        f"- Requests to other origins: ours {', '.join(foreign) or 'none'}; stock "
        f"Material {', '.join(stock_foreign) or 'none'} (Google Fonts and the GitHub"
        " API cannot be reached from this machine, so stock's figures are what a reader"
        " without them would get).",
        "- Lighthouse audits below a full score on some page (ours): "
        + (", ".join(failing) or "none")
        + ".",
        "- INP is not measured: it needs a real reader's interactions; TBT is its lab"
        " proxy. A rebuild is a full build (MkDocs has no incremental build that sees a"
        " snippet change); the PDF time prints the already built print page.",
    ]
    return "\n".join(lines) + "\n"


def update_readme(table: str) -> bool:
    text = README.read_text(encoding="utf-8")
    if MARK_START not in text or MARK_END not in text:
        return False
    head, rest = text.split(MARK_START, 1)
    _, tail = rest.split(MARK_END, 1)
    README.write_text(f"{head}{MARK_START}\n{table}{MARK_END}{tail}", encoding="utf-8")
    return True


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.is_file() else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages", type=int, default=0, help="only the first N pages (0: all)"
    )
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page")
    parser.add_argument("--no-readme", action="store_true", help="leave README alone")
    options = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file() or not chromium.available():
        print("needs `npm ci` (Lighthouse) and Chromium", file=sys.stderr)
        return 2

    ours_config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)
    urls = question_urls()
    if options.pages:
        urls = urls[: options.pages]
    data: dict = {"runs": options.runs, "lighthouse": lighthouse_version()}
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        project = copy_project(scratch / "project")
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
            snippet = project / EDITED_SNIPPET
            original = snippet.read_text(encoding="utf-8")
            snippet.write_text(original + "\n# edited by scripts/benchmark.py\n")
            print(f"rebuild after a snippet edit ({label})", flush=True)
            rebuilt = scratch / f"rebuilt-{label}"
            data[f"rebuild_{label}"] = timed_build(config_file, rebuilt)
            snippet.write_text(original, encoding="utf-8")
            data[f"index_{label}"] = search_index_bytes(site)

        print("PDF", flush=True)
        data["pdf"] = pdf_seconds(site_ours, scratch)

        prefix = urlsplit(facts.site_url()).path
        data["ours"] = measure_site(
            "ours", site_ours, prefix, urls, scratch, options.runs
        )
        data["stock"] = measure_site(
            "stock", site_stock, prefix, urls, scratch, options.runs
        )
        data["titles"] = page_titles()

    data["date"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    data["machine"] = (
        f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    )
    table = report(data)
    RESULTS.write_text(
        "# Benchmark results\n\nWritten by `python -m scripts.benchmark`; README.md's"
        " Benchmarks section holds a copy.\n\n" + table,
        encoding="utf-8",
    )
    print(table)
    if not options.no_readme:
        with contextlib.suppress(OSError):
            if update_readme(table):
                print("README.md: Benchmarks section updated")
    return 0


def page_titles() -> dict[str, str]:
    """URL path -> '<number>. <slug>' of each question ('' -> 'Home')."""
    titles = {"": "Home"}
    for question in facts.questions():
        titles[f"questions/{question.slug}/"] = f"{question.number}. {question.slug}"
    return titles


if __name__ == "__main__":
    sys.exit(main())
