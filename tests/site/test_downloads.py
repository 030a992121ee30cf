"""What the home page offers for download: the PDF, the Anki deck, the offline zip.

The PDF is printed from the built site by scripts/handbook_tools/pdf.py (real Chromium)
and read back with pypdf: its outline, its text, its page numbers. The deck is written
by every build and opened as Anki would (a zip holding a SQLite collection).
"""

from __future__ import annotations

import re
import sqlite3
import time
import unicodedata
import zipfile
from html import unescape
from pathlib import Path

import genanki
import pytest
from pypdf import PdfReader

from scripts.handbook_tools import (
    anki_deck,
    answer_box,
    archive,
    chromium,
    downloads,
    drills,
    facts,
    pdf,
)
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]


def squash(text: str) -> str:
    """Text without whitespace, ligatures folded (NFKC: the PDF's "ﬁ" is "fi"): line
    wrapping and the fonts a machine has cannot break a comparison."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", unescape(text)))


def built_pages(site: Path) -> dict[str, str]:
    return {
        path.parent.name: path.read_text()
        for path in sorted((site / "questions").glob("*/index.html"))
    }


def heading(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match, "a page without a title"
    title = re.sub(r'<a class="headerlink".*?</a>', "", match.group(1), flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", title)).split())


def written(html: str) -> bool:
    return 'class="admonition answer"' in html


def code_lines(html: str) -> list[str]:
    """Every line of every Python block on a page, as a reader sees it."""
    lines = []
    for block in re.findall(
        r'<div class="language-python highlight"[^>]*><pre[^>]*>(.*?)</pre>', html, re.S
    ):
        code = re.sub(r"<[^>]+>", "", block.split("<code>", 1)[-1])
        lines += [squash(line) for line in code.splitlines() if squash(line)]
    return lines


def follow_up_answers(html: str) -> list[str]:
    """The first sentence of each folded follow-up answer."""
    answers = []
    for block in re.findall(r'<details class="question">(.*?)</details>', html, re.S):
        body = re.sub(r"<summary>.*?</summary>", "", block, flags=re.S)
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())
        answers.append(squash(text[:80]))
    return answers


@pytest.fixture(scope="session")
def handbook_pdf(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(chromium.available(), f"Chromium ({chromium.executable()})")
    return pdf.render(built_site, tmp_path_factory.mktemp("pdf") / "handbook.pdf")


@pytest.fixture(scope="session")
def pdf_text(handbook_pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(handbook_pdf).pages]


@pytest.mark.browser
def test_pdf_has_a_bookmark_for_every_question(
    handbook_pdf: Path, built_site: Path
) -> None:
    reader = PdfReader(handbook_pdf)
    titles: list[str] = []

    def walk(entries: list) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(" ".join(entry.title.split()))

    walk(reader.outline)
    for slug, html in built_pages(built_site).items():
        assert heading(html) in titles, f"no bookmark for {slug}"
    assert "Contents" in titles


def outline(entries: list) -> list[tuple[str, list]]:
    """pypdf's outline (a nested list holds the children of the entry before it) as
    [(title, children)]."""
    tree: list[tuple[str, list]] = []
    for entry in entries:
        if isinstance(entry, list):
            tree[-1] = (tree[-1][0], outline(entry))
        else:
            tree.append((" ".join(entry.title.split()), []))
    return tree


@pytest.mark.browser
def test_pdf_outline_nests_the_questions_under_their_parts(
    handbook_pdf: Path, built_site: Path
) -> None:
    top = dict(outline(PdfReader(handbook_pdf).outline))
    pages = built_pages(built_site)
    parts = facts.nav_sections(facts.config()["nav"])
    assert parts, "the nav has parts"
    for part, uris in parts:
        assert part in top, f"no top-level bookmark for the part {part}"
        questions = [title for title, _ in top[part]]
        expected = [heading(pages[Path(uri).stem]) for uri in uris]
        assert questions == expected, f"{part}: its questions, in nav order"
    for question in facts.questions():
        assert heading(pages[question.slug]) not in top, "a question at the top level"
    assert "Contents" in top


def body_text(text: str) -> str:
    """A page's text without the running header and the page-number footer."""
    text = re.sub(r"Page \d+ of \d+", "", text)
    return squash(text.replace(pdf.TITLE, "", 1))


# A page holding less than this (without spaces) is a near-blank page: a lone heading,
# a fold's title or a note pushed onto a page of its own.
NEAR_BLANK = 150


@pytest.mark.browser
def test_pdf_has_no_near_blank_page(pdf_text: list[str]) -> None:
    near_blank = {
        number: body_text(text)[:80]
        for number, text in enumerate(pdf_text, start=1)
        if number > 1 and len(body_text(text)) < NEAR_BLANK  # page 1: the cover
    }
    assert near_blank == {}, f"near-blank pages: {near_blank}"


def prediction_outputs(html: str) -> list[str]:
    """The output shown in each prediction's reveal block."""
    outputs = []
    for block in re.findall(r'<details class="reveal">(.*?)</details>', html, re.S):
        listing = re.search(r"<pre[^>]*>(.*?)</pre>", block, re.S)
        assert listing, "a prediction without its output"
        outputs.append(squash(unescape(re.sub(r"<[^>]+>", "", listing.group(1)))))
    return outputs


@pytest.mark.browser
def test_pdf_prints_every_prediction_revealed(
    pdf_text: list[str], built_site: Path
) -> None:
    everything = squash("".join(pdf_text))
    for slug, html in built_pages(built_site).items():
        if not written(html):
            continue
        outputs = prediction_outputs(html)
        assert len(outputs) >= 3, f"{slug}: fewer than three predictions"
        for output in outputs:
            assert output in everything, f"{slug}: a prediction printed folded"


@pytest.mark.browser
def test_pdf_has_cover_contents_and_page_numbers(pdf_text: list[str]) -> None:
    total = len(pdf_text)
    assert total > 17
    assert "Python Backend Interview Handbook" in pdf_text[0]
    assert f"{len(facts.questions())} questions" in pdf_text[0].lower()
    assert "Contents" in pdf_text[1]
    for number, text in enumerate(pdf_text, start=1):
        assert f"Page {number} of {total}" in text, f"page {number} is not numbered"


@pytest.mark.browser
def test_pdf_holds_every_question_its_code_and_its_follow_ups(
    pdf_text: list[str], built_site: Path
) -> None:
    everything = squash("".join(pdf_text))
    for slug, html in built_pages(built_site).items():
        assert squash(heading(html)) in everything, slug
        if not written(html):
            continue
        lines = code_lines(html)
        assert lines, f"{slug}: no code on a written page"
        missing = [line for line in lines if line not in everything]
        assert missing == [], f"{slug}: code clipped or missing from the PDF"
        for answer in follow_up_answers(html):
            assert answer in everything, f"{slug}: a follow-up answer printed folded"


@pytest.mark.browser
def test_pdf_leaves_out_the_site_furniture(pdf_text: list[str]) -> None:
    everything = " ".join(pdf_text)
    assert "Pick a topic to see the questions under it" not in everything  # tags page
    assert "Practice mode" not in everything
    assert "Switch to dark mode" not in everything
    assert "Copy to clipboard" not in everything


def deck_rows(path: Path) -> tuple[list[tuple], list[tuple]]:
    """(notes as (guid, fields), decks as (id, name)) of an .apkg file."""
    with zipfile.ZipFile(path) as package, package.open("collection.anki2") as source:
        database = path.with_suffix(".anki2")
        database.write_bytes(source.read())
    connection = sqlite3.connect(database)
    try:
        query = "SELECT guid, flds FROM notes ORDER BY sfld"
        notes = connection.execute(query).fetchall()
        decks = connection.execute("SELECT decks FROM col").fetchone()[0]
    finally:
        connection.close()
    database.unlink()
    return notes, decks


def test_deck_has_a_card_per_answer_prediction_and_follow_up(
    built_site: Path, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.apkg"
    deck.write_bytes((built_site / downloads.DECK_FILE).read_bytes())
    notes, decks = deck_rows(deck)
    pages = {s: html for s, html in built_pages(built_site).items() if written(html)}
    expected = set()
    for slug, html in pages.items():
        expected.add(genanki.guid_for("python-interview-handbook", slug))
        page_drills = drills.drills_from_html(html)
        kinds = [drill.kind for drill in page_drills]
        assert kinds.count("prediction") >= 3, slug
        assert kinds.count("follow-up") >= 3, slug
        expected |= {
            genanki.guid_for("python-interview-handbook", slug, drill.kind, drill.key)
            for drill in page_drills
        }
    assert {guid for guid, _ in notes} == expected
    assert len(notes) == len(expected), "no card twice"
    assert str(anki_deck.DECK_ID) in decks
    fields = {fields.split("\x1f")[1]: fields.split("\x1f") for _, fields in notes}
    number, _, asked, answer, link = fields["The pass statement"]
    assert number == "1"
    assert "null statement" in answer
    assert "Say this" not in answer, "the box title is not part of the answer"
    assert asked.startswith("<p>What is the")
    assert "questions/pass-statement/" in link
    # A prediction: the program on the front; the output the build printed, and why,
    # on the back.
    number, _, program, output, _ = fields[
        "Predict the output: Code after <code>pass</code>"
    ]
    assert number == "1"
    assert 'return "still running"' in unescape(program)
    assert output.startswith("<pre><code>still running</code></pre>")
    assert "does not leave the function" in output
    # A follow-up: what it tests on the front, the answer on the back.
    _, _, tests, answer, _ = fields["Does <code>pass</code> have any run-time cost?"]
    assert "What it tests:" in tests
    assert answer.startswith("<p>No.")


def test_deck_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    card = anki_deck.Card("pass-statement", 1, "The pass statement", "<p>x</p>")
    first = anki_deck.write_deck([card], tmp_path / "a.apkg").read_bytes()
    time.sleep(2.1)  # past the zip format's two-second resolution
    second = anki_deck.write_deck([card], tmp_path / "b.apkg").read_bytes()
    assert first == second


def test_answer_is_read_from_the_rendered_box() -> None:
    html = (
        "<blockquote><p><strong>Asked as:</strong> Why &amp; how?</p></blockquote>"
        '<div class="admonition answer"><p class="admonition-title">Say this</p>'
        "<p>Use <code>a &lt; b</code>.</p><div><p>nested</p></div></div><p>after</p>"
    )
    answer, asked = answer_box.answer_from_html(html)
    assert answer == "<p>Use <code>a &lt; b</code>.</p><div><p>nested</p></div>"
    assert asked == "Why & how?"
    assert answer_box.answer_from_html("<p>no answer box</p>") == ("", "")


def test_archive_is_reproducible_and_rooted_in_one_folder(
    built_site: Path, tmp_path: Path
) -> None:
    first = archive.write_zip(built_site, tmp_path / "a.zip")
    second = archive.write_zip(built_site, tmp_path / "b.zip")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as opened:
        names = opened.namelist()
    assert names == sorted(names)
    assert all(name.startswith(f"{archive.FOLDER}/") for name in names)
    assert f"{archive.FOLDER}/index.html" in names
