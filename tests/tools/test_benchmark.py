"""The benchmark's own rules (scripts/benchmark.sh): what the stock Material build
keeps of our configuration, and what the report says about rebuilds under `mkdocs
serve`. Running it takes minutes and a Lighthouse install, so it is not a test; these
pieces are.
"""

from __future__ import annotations

import re

import pytest
import yaml

from scripts.handbook_tools import facts, training_data
from scripts.handbook_tools.benchmark import report, stock
from scripts.handbook_tools.benchmark.__main__ import page_urls
from scripts.handbook_tools.benchmark.lighthouse import CATEGORIES, median_of
from scripts.handbook_tools.benchmark.variants import VARIANTS


def test_stock_build_keeps_the_content_and_drops_our_theme_work() -> None:
    ours = yaml.load(facts.CONFIG_FILE.read_text(), Loader=stock.Loader)
    config = stock.stock_config(ours)
    assert config["nav"] == ours["nav"]
    assert config["markdown_extensions"] == ours["markdown_extensions"]
    # Without the snippets watched, stock `mkdocs serve` never rebuilds on a save.
    assert config["watch"] == ours["watch"] == ["snippets"]
    assert config["theme"] == {"name": "material"}
    assert not {"hooks", "extra_css", "extra_javascript", "extra"} & set(config)
    assert "{questions}" not in config["site_description"]
    assert str(len(facts.questions())) in config["site_description"]


def scores(performance: int) -> dict:
    return {
        **dict.fromkeys(CATEGORIES, performance),
        **{"lcp": 1200.0, "cls": 0.0, "tbt": 100.0, "fcp": 900.0, "bytes": 90_000},
        **{"requests": 10, "foreign": [], "failing": []},
        **{"benchmark_index": 1500.0, "warnings": []},
    }


def test_report_gives_the_rebuild_under_serve_and_names_the_slow_pages() -> None:
    data = {
        "ours": {"": scores(99), "questions/a/": scores(97)},
        "stock": {"": scores(95), "questions/a/": scores(90)},
        "rebuild_ours": {"a": 0.8, "b": 1.2, "c": 5.0},
        "rebuild_stock": {"a": 9.0, "b": 9.5, "c": 10.0},
        "index_ours": {"page": 300, "search": 90_000},
        "index_stock": {"page": 90_000}, "build_ours": 12.0,
        "build_stock": 8.0, "pdf": 10.0, "date": "today", "machine": "here",
        "lighthouse": "12", "runs": 1, "titles": {"": "Home"},
    }  # fmt: skip
    text = report.report(data)
    row = next(line for line in text.splitlines() if "snippet is saved" in line)
    assert row.split("|")[2:5] == [" 1.2 s ", " 9.5 s ", " 0.13 "]
    assert "| The same, slowest page | 5.0 s | 10.0 s |" in text
    assert "Over 2 s (the page's own examples run again): c (5.0 s)." in text


def test_report_weighs_the_trainers_pages_beside_the_question_pages() -> None:
    trainers = training_data.trainer_pages(facts.ROOT / "docs")
    assert trainers == {"review/": "Spaced review", "mock-interview/": "Mock interview"}
    heavy = {**scores(90), "bytes": 300_000}
    ours = {"": scores(99), "questions/a/": scores(97), "review/": heavy}
    ours["mock-interview/"] = {**scores(95), "bytes": 150_000}
    data = {
        "ours": ours, "stock": {"": scores(95), "review/": scores(90)},
        "rebuild_ours": {"a": 0.8}, "rebuild_stock": {"a": 9.0},
        "index_ours": {"page": 300, "search": 90_000},
        "index_stock": {"page": 90_000}, "build_ours": 12.0,
        "build_stock": 8.0, "pdf": 10.0, "date": "today", "machine": "here",
        "lighthouse": "12", "runs": 1, "titles": report.page_titles(),
    }  # fmt: skip
    rows = {
        line.split("|")[1].strip(): line.split("|")[2:5]
        for line in report.report(data).splitlines()
        if line.startswith("| ")
    }
    question = rows[
        "Question page, first visit (gzipped, all it loads before the reader acts)"
    ]
    assert question[0] == " 87.9 KiB ", "the trainers' pages are not question pages"
    review = rows["Spaced review page, first visit (gzipped)"]
    assert review == [" 293.0 KiB ", " 87.9 KiB ", " 3.33 "]
    mock = rows["Mock interview page, first visit (gzipped)"]
    assert mock == [" 146.5 KiB ", " n/a ", " n/a "]
    assert "| Spaced review | 90 |" in report.report(data)
    assert rows["Search index fetched by every page (gzipped)"] == [
        " 0.3 KiB ",
        " 87.9 KiB ",
        " 0.00 ",
    ]
    documents = (
        "Search documents fetched at the first search (gzipped; stock: with the page)"
    )
    assert rows[documents] == [" 87.9 KiB ", " n/a ", " n/a "]


def test_each_figure_is_its_own_median_over_the_runs() -> None:
    """A run's LCP is not taken along with its score: the lab LCP flips between two
    values from run to run, and the median run by score may carry the worse one."""
    runs = [
        {**scores(100), "lcp": 1600.0, "tbt": 40.0, "failing": ["lcp"]},
        {**scores(99), "lcp": 1150.0, "tbt": 110.0, "failing": ["tbt"]},
        {**scores(100), "lcp": 1160.0, "tbt": 60.0, "foreign": ["x.test"]},
    ]
    runs[0]["benchmark_index"] = 1000.0
    runs[1]["warnings"] = ["slower CPU"]
    merged = median_of(runs)
    assert (merged["performance"], merged["lcp"], merged["tbt"]) == (100, 1160.0, 60.0)
    assert (merged["benchmark_index"], merged["warnings"]) == (1500.0, ["slower CPU"])
    assert merged["foreign"] == ["x.test"]
    assert merged["failing"] == []
    assert median_of(runs[:2])["failing"] == ["lcp", "tbt"]


def test_report_says_how_fast_lighthouse_found_the_machine() -> None:
    """TBT counts each task's time over 50 ms after Lighthouse's fourfold CPU slowdown:
    the same page blocks longer on a slower machine, so the report says which it was."""
    slow = {**scores(90), "benchmark_index": 900.0, "warnings": ["slower CPU"]}
    data = {
        "ours": {"": scores(99), "questions/a/": slow, "questions/b/": slow},
        "stock": {"": {**scores(95), "benchmark_index": 1400.0}},
        "rebuild_ours": {"a": 0.8}, "rebuild_stock": {"a": 9.0},
        "index_ours": {"page": 300}, "index_stock": {"page": 90_000},
        "build_ours": 12.0, "build_stock": 8.0, "pdf": 10.0, "date": "today",
        "machine": "here", "lighthouse": "12", "runs": 1, "titles": {"": "Home"},
    }  # fmt: skip
    text = report.report(data)
    assert "median over the pages: ours 900, stock 1400 " in text
    assert "Lighthouse's warnings: slower CPU." in text
    assert "(mobile preset), 1 run(s) per page" in text
    data["ours"] = {"": scores(99)}
    assert "Lighthouse's warnings: none." in report.report(data)
    # A run emulating a faster machine says so (scripts/benchmark.sh --cpu-slowdown).
    data["cpu_slowdown"] = 2.0
    assert "(mobile preset but a CPU slowdown of 2, not 4), 1 run" in report.report(
        data
    )


def test_every_page_but_the_print_page_is_measured() -> None:
    urls = page_urls()
    sources = [path.stem for path in (facts.ROOT / "docs").glob("*.md")]
    pages = {"" if stem == "index" else f"{stem}/" for stem in sources}
    questions = {question.url for question in facts.questions()}
    assert sorted(urls) == sorted(pages | questions | {"404.html"})
    assert set(report.page_titles()) == set(urls)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_variant_of_a_site_without_the_themes_markup_names_the_site(
    tmp_path, variant: str
) -> None:
    """scripts/benchmark.sh --without: a site whose theme changed is an error, not a
    variant measured as built."""
    (tmp_path / "index.html").write_text("<html><body>plain</body></html>")
    with pytest.raises(SystemExit, match=re.escape(f"{tmp_path}: no ")):
        VARIANTS[variant].apply(tmp_path)


def test_a_variants_report_says_it_is_not_the_site_as_built() -> None:
    data = {
        "ours": {"": scores(100)}, "stock": {"": scores(99)},
        "rebuild_ours": {}, "rebuild_stock": {},
        "index_ours": {"page": 300}, "index_stock": {"page": 90_000},
        "build_ours": 12.0, "build_stock": 8.0, "pdf": None, "date": "today",
        "machine": "here", "lighthouse": "12", "runs": 1, "titles": {"": "Home"},
        "without": VARIANTS["theme-search"].description,
    }  # fmt: skip
    text = report.report(data)
    assert text.startswith("Not the site as built: both sites measured with the theme")
    assert "| The same, slowest page | n/a | n/a | n/a |" in text
    assert "A saved snippet" not in text, "no rebuild was timed"
    del data["without"]
    assert report.report(data).startswith("Measured today")
