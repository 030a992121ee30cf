"""The benchmark's report: a summary table (ours against stock), a table per page,
and README.md's copy of it."""

from __future__ import annotations

import statistics

from scripts.handbook_tools import facts, training_data
from scripts.handbook_tools.benchmark.lighthouse import CATEGORIES
from scripts.handbook_tools.facts import ROOT

README = ROOT / "README.md"
MARK_START = "<!-- benchmark:start -->"
MARK_END = "<!-- benchmark:end -->"


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


def _median(seconds: dict[str, float]) -> float | None:
    return statistics.median(seconds.values()) if seconds else None


def _variant(without: str | None) -> list[str]:
    if not without:
        return []
    return [
        f"Not the site as built: both sites measured with {without}"
        " (`scripts/benchmark.sh --without`; rebuilds and the PDF not timed).",
        "",
    ]


def _preset(cpu_slowdown: float | None) -> str:
    if cpu_slowdown is None:
        return "mobile preset"
    return f"mobile preset but a CPU slowdown of {cpu_slowdown:g}, not 4"


def _host_speed(ours: dict, stock: dict, warnings: list[str]) -> list[str]:
    """How fast Lighthouse found this machine. Its mobile run slows the machine's own
    CPU by a fixed factor (4, or --cpu-slowdown), so every task, and with them TBT,
    scales with the machine."""

    def index(scores: dict) -> str:
        values = [result["benchmark_index"] for result in scores.values()]
        return f"{statistics.median(values):.0f}" if values else "n/a"

    return [
        f"Lighthouse's CPU benchmark index of this machine, median over the pages: ours"
        f" {index(ours)}, stock {index(stock)} (`environment.benchmarkIndex`, higher is"
        " faster; at 1000 or below, Lighthouse warns that the CPU is slower than it"
        " expects, which lowers the performance score). Lighthouse's warnings: "
        + ("; ".join(warnings) or "none")
        + "."
    ]


def report(data: dict) -> str:
    ours, stock = data["ours"], data["stock"]
    questions = [path for path in ours if path.startswith(facts.QUESTIONS_DIR)]
    trainers = training_data.trainer_pages(ROOT / "docs")
    mean = statistics.fmean

    def over(scores: dict, key: str, pages: list[str]) -> float | None:
        values = [scores[path][key] for path in pages if path in scores]
        return mean(values) if values else None

    shown = data["rebuild_ours"]
    slow = [
        f"{slug} ({seconds:.1f} s)" for slug, seconds in shown.items() if seconds > 2
    ]
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
        ("Question page, first visit (gzipped, all it loads before the reader acts)",
         over(ours, "bytes", questions), over(stock, "bytes", questions), "bytes"),
        *(
            (f"{title} page, first visit (gzipped)",
             ours[path]["bytes"], stock.get(path, {}).get("bytes"), "bytes")
            for path, title in trainers.items() if path in ours
        ),
        ("Search index fetched by every page (gzipped)", data["index_ours"]["page"],
         data["index_stock"]["page"], "bytes"),
        ("Search documents fetched at the first search (gzipped; stock: with the page)",
         data["index_ours"].get("search"), data["index_stock"].get("search"), "bytes"),
        ("Full strict build", data["build_ours"], data["build_stock"], "s"),
        (f"Page served again after its snippet is saved, median of {len(shown)}",
         _median(shown), _median(data["rebuild_stock"]), "s"),
        ("The same, slowest page", max(shown.values(), default=None),
         max(data["rebuild_stock"].values(), default=None), "s"),
        ("PDF (pdf.py, from the built site)", data["pdf"], None, "s"),
    ]  # fmt: skip
    foreign = sorted({host for r in ours.values() for host in r["foreign"]})
    stock_foreign = sorted({host for r in stock.values() for host in r["foreign"]})
    failing = sorted({audit for r in ours.values() for audit in r["failing"]})
    warnings = sorted(
        {text for r in [*ours.values(), *stock.values()] for text in r["warnings"]}
    )
    lines = [
        *_variant(data.get("without")),
        f"Measured {data['date']} on {data['machine']}; Lighthouse {data['lighthouse']}"
        f" ({_preset(data.get('cpu_slowdown'))}), {data['runs']} run(s) per page (each"
        " figure the median of"
        " its runs), pages served gzipped from 127.0.0.1 under the site's path.",
        "",
        *_host_speed(ours, stock, warnings),
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
        " proxy. The PDF time prints the already built print page.",
    ]
    if shown:
        lines += [
            "- A saved snippet, under `mkdocs serve`: ours renders again only the"
            " pages that use it (`scripts/serve.sh` serves with `--dirty`, kept whole"
            " by scripts/handbook_tools/live_rebuild.py); stock rebuilds the whole"
            " site. Timed from the write to the answer of the open page's live-reload"
            " poll, for every question's first snippet. Over 2 s (the page's own"
            f" examples run again): {', '.join(slow) or 'none'}.",
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


def other_pages() -> dict[str, str]:
    """URL path -> title of the pages neither home, trainer nor question: the top-level
    pages of docs/ and the theme's 404 page."""
    docs = ROOT / "docs"
    trainers = training_data.trainer_pages(docs)
    pages = {}
    for source in sorted(docs.glob("*.md")):
        url = f"{source.stem}/"
        if source.stem != "index" and url not in trainers:
            meta, _ = facts.front_matter(source)
            pages[url] = meta.get("title", source.stem)
    return {**pages, "404.html": "Not found (404)"}


def page_titles() -> dict[str, str]:
    """URL path -> '<number>. <slug>' of each question, the trainers' titles, 'Home',
    the other pages' titles."""
    titles = {"": "Home", **training_data.trainer_pages(ROOT / "docs")}
    for question in facts.questions():
        titles[question.url] = f"{question.number}. {question.slug}"
    return {**titles, **other_pages()}
