"""Claims of docs/questions/django-orm-n-plus-one.md, proven against a real
PostgreSQL server.

Django is never configured for the example project in this process: every
run of it is a child process (demo.py, manage.py) against a fresh database,
and these tests read what it printed: each block's query count and its SQL.
The predictions run here as the build runs them (SQLite in memory) and again
in the project's `manage.py shell`, against PostgreSQL.
"""

from __future__ import annotations

import contextlib
import io
import re
import runpy

import pytest

from scripts.handbook_tools import transcripts
from scripts.handbook_tools.anatomy import section_code
from snippets.django_orm_n_plus_one import transcribe
from tests.conftest import assigned_dict_keys

PROJECT = transcribe.PROJECT
ROOT = PROJECT.parent.parent
pytestmark = pytest.mark.server


Blocks = dict[str, tuple[int, list[str]]]
RUNS: dict[tuple[str, str], str] = {}


def output(topic: str, server: str) -> str:
    """What demo.py printed for a topic (run once per server and topic)."""
    if (topic, server) not in RUNS:
        RUNS[topic, server] = transcribe.run_demo(topic, server)
    return RUNS[topic, server]


def blocks(topic: str, server: str) -> Blocks:
    """demo.py's output for a topic: label -> (query count, the SQL sent)."""
    found: Blocks = {}
    sql: list[str] = []
    for line in output(topic, server).splitlines():
        if line.startswith("-- "):
            label, count = re.fullmatch(r"-- (.*): (\d+) quer(?:y|ies)", line).groups()
            sql = []
            found[label] = (int(count), sql)
        elif line.startswith("     "):
            sql[-1] += " " + line.strip()
        elif line.startswith("   "):
            sql.append(line.strip())
    return found


def printed(topic: str, server: str) -> list[str]:
    """The lines demo.py printed that are neither a count nor SQL."""
    return [
        line
        for line in output(topic, server).splitlines()
        if not line.startswith(("-- ", "   "))
    ]


def test_transcribe_lists_every_demo_topic() -> None:
    assert assigned_dict_keys(PROJECT / "demo.py", "TOPICS") == transcribe.TOPICS


def test_settings_use_postgresql_from_database_url(postgres_url: str) -> None:
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "from django.db import connection;"
        "print(d['ENGINE'], d['NAME'], connection.vendor)"
    )
    result = transcribe.run_project(
        ["manage.py", "shell", "-v", "0", "-c", code], postgres_url, "checked"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "checked",
        "postgresql",
    ]


def test_migrations_are_committed(postgres_url: str) -> None:
    result = transcribe.run_project(
        ["manage.py", "makemigrations", "--check", "--dry-run"], postgres_url
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_querysets_are_lazy_and_cache_their_rows(postgres_url: str) -> None:
    found = blocks("lazy", postgres_url)
    assert found["build and refine a queryset"] == (0, [])
    count, (sql,) = found["iterate over it"]
    assert count == 1
    assert "WHERE (book.year < 1990 AND NOT (book.title::text LIKE 'The%'))" in sql
    assert found["len, bool, [0], count() and exists() again"] == (0, [])
    count, (sql,) = found["a new queryset made from it"]
    assert sql.startswith("SELECT COUNT(*)")
    assert "book.year > 1960" in sql
    count, (sql,) = found["index an unevaluated queryset"]
    assert sql.endswith("LIMIT 1 OFFSET 1")
    assert printed("lazy", postgres_url) == [
        "3 True A Wizard of Earthsea 3",
        "True True",
        "2",
        "The Dispossessed",
    ]


def test_a_loop_over_books_reading_authors_is_one_plus_n(postgres_url: str) -> None:
    count, sql = blocks("n_plus_one", postgres_url)["each book, then its author"]
    assert count == 1 + 5  # five books
    assert sql[0].startswith("SELECT book.id")
    assert "JOIN" not in sql[0]
    # One query per book, not per author: the same author is fetched twice.
    assert [re.search(r"author.id = (\d+)", q)[1] for q in sql[1:]] == [
        "1",
        "1",
        "2",
        "2",
        "3",
    ]


def test_select_related_is_one_join(postgres_url: str) -> None:
    count, (sql,) = blocks("select_related", postgres_url)["select_related('author')"]
    assert count == 1
    assert "INNER JOIN author ON (book.author_id = author.id)" in sql
    assert printed("select_related", postgres_url) == printed(
        "n_plus_one", postgres_url
    )  # same output, 1 query instead of 6


def test_prefetch_related_is_one_query_per_relation(postgres_url: str) -> None:
    found = blocks("prefetch_related", postgres_url)
    count, sql = found["many-to-many: prefetch_related('tags')"]
    assert count == 2
    assert "INNER JOIN book_tag" in sql[1]
    assert "book_tag.book_id IN (1, 2, 3, 4, 5)" in sql[1]
    count, sql = found["reverse foreign key: prefetch_related('books')"]
    assert count == 2
    assert "JOIN" not in sql[1]
    assert "book.author_id IN (3, 2, 1)" in sql[1]
    count, sql = found["two levels: prefetch_related('books__tags')"]
    assert count == 3
    assert "Terry Pratchett ['fantasy', 'humour']" in printed(
        "prefetch_related", postgres_url
    )


def test_filter_ignores_the_prefetch_and_prefetch_objects_do_not(
    postgres_url: str,
) -> None:
    found = blocks("prefetch_objects", postgres_url)
    count, sql = found["filter() on a prefetched relation"]
    assert count == 2 + 3  # the prefetch, then one COUNT per author
    assert all(q.startswith("SELECT COUNT(*)") for q in sql[2:])
    count, sql = found["Prefetch(queryset=..., to_attr='recent_books')"]
    assert count == 2
    assert "book.year > 1970 AND book.author_id IN (3, 2, 1)" in sql[1]
    assert "INNER JOIN author" in sql[1]  # the Prefetch queryset's select_related
    assert "Terry Pratchett ['Guards! Guards!', 'Small Gods']" in printed(
        "prefetch_objects", postgres_url
    )


def test_reading_a_deferred_field_is_one_query_per_row(postgres_url: str) -> None:
    found = blocks("only_defer", postgres_url)
    assert found["only('title'), reading title"] == (
        1,
        ["SELECT book.id, book.title FROM book ORDER BY book.id ASC"],
    )
    count, sql = found["only('title'), then reading year"]
    assert count == 1 + 5
    assert sql[1] == "SELECT book.id, book.year FROM book WHERE book.id = 1 LIMIT 21"
    count, (sql,) = found["defer('title') with select_related, reading author"]
    assert count == 1
    assert "book.title" not in sql
    assert "author.name" in sql


def test_annotate_counts_in_one_query_and_joins_multiply(postgres_url: str) -> None:
    found = blocks("annotate", postgres_url)
    assert found["count() for each author"][0] == 1 + 3
    count, (sql,) = found["annotate(Count('books'))"]
    assert count == 1
    assert "COUNT(book.id) AS n" in sql
    assert "GROUP BY author.id" in sql
    count, (sql,) = found["two counts over two joins"]
    assert "COUNT(DISTINCT book.id) AS books_n" in sql
    assert "COUNT(DISTINCT book_tag.tag_id) AS tags_n" in sql
    lines = printed("annotate", postgres_url)
    # Pratchett: 2 books, each with 2 tags: the book count doubles to 4.
    assert "Terry Pratchett 4 2 2" in lines
    assert lines[3:6] == [
        "Agatha Christie 1",
        "Terry Pratchett 2",
        "Ursula K. Le Guin 2",
    ]  # the same numbers as the per-row count()s


def test_values_and_values_list(postgres_url: str) -> None:
    found = blocks("values", postgres_url)
    count, (sql,) = found["values_list() across the foreign key"]
    assert count == 1
    assert "INNER JOIN author" in sql
    assert sql.endswith("LIMIT 1")
    assert found["values_list(flat=True)"][0] == 1
    assert found["values()"] == (
        1,
        [
            "SELECT book.title AS title, book.year AS year FROM book"
            " ORDER BY book.id DESC LIMIT 1"
        ],
    )
    assert printed("values", postgres_url) == [
        "('A Wizard of Earthsea', 'Ursula K. Le Guin') tuple",
        "[1968, 1974, 1989, 1992, 1934]",
        "{'title': 'Murder on the Orient Express', 'year': 1934}",
    ]


def test_iterator_uses_a_server_side_cursor_and_prefetches_per_chunk(
    postgres_url: str,
) -> None:
    found = blocks("iterator", postgres_url)
    count, (sql,) = found["iterator(chunk_size=2): one cursor, rows in chunks"]
    assert count == 1
    assert sql.startswith("DECLARE _django_curs_<thread id>_sync_1 NO SCROLL CURSOR")
    assert found["the queryset did not cache them"][0] == 1
    count, sql = found["prefetch_related + iterator(chunk_size=2)"]
    assert count == 1 + 3  # five books in chunks of two: three prefetches
    assert [re.search(r"IN \(([\d, ]+)\)", q)[1] for q in sql[1:]] == [
        "1, 2",
        "3, 4",
        "5",
    ]
    assert printed("iterator", postgres_url)[-1] == (
        "no chunk_size: chunk_size must be provided when using"
        " QuerySet.iterator() after prefetch_related()."
    )


def test_exists_and_count_do_not_load_rows(postgres_url: str) -> None:
    found = blocks("exists_count", postgres_url)
    count, (sql,) = found["if queryset: (loads every row)"]
    assert sql.startswith("SELECT book.id, book.title, book.year, book.author_id")
    assert count == 1
    count, (sql,) = found["exists()"]
    assert sql.startswith("SELECT 1 AS a")
    assert sql.endswith("LIMIT 1")
    _count, (sql,) = found["count()"]
    assert sql.startswith("SELECT COUNT(*)")
    assert count == 1
    count, (sql,) = found["len() (loads every row)"]
    assert count == 1
    assert sql.startswith("SELECT book.id, book.title")
    assert printed("exists_count", postgres_url) == ["True", "True", "2", "2"]


def test_assert_num_queries_catches_the_n_plus_one(postgres_url: str) -> None:
    out = transcribe.run_tests(postgres_url)
    assert "AssertionError: 6 != 1 : 6 queries executed, 1 expected" in out
    assert "FAIL: test_plain_loop_is_one_plus_n" in out
    assert "test_select_related_is_one_query" not in out  # it passed
    assert "Ran 2 tests in 0.0XXs" in out
    assert "FAILED (failures=1)" in out
    assert out.count('FROM "author" WHERE "author"."id" =') == 5


@pytest.mark.parametrize("name", ["n_plus_one", "assert_num_queries"])
def test_transcripts_are_made_against_a_fresh_server(name: str) -> None:
    path = PROJECT / "transcripts" / f"{name}.txt"
    produced = transcripts.normalise(transcribe.TRANSCRIPTS[name]())
    assert path.read_text() == produced


# Predict the output: run here as the build runs them (SQLite in memory), and
# in the example project against PostgreSQL, with the same output.

PREDICTIONS = {
    "django_orm_n_plus_one/predict.py:lazy_and_cached": [
        "built: 0",
        "looped: 1",
        "3 3 True dev",
        "reused: 1",
        "3 queries: 2",
    ],
    "django_orm_n_plus_one/predict.py:deferred_field": [
        "ops",
        "dev",
        "qa",
        "queries: 4",
    ],
    "django_orm_n_plus_one/predict.py:filter_after_prefetch": [
        "ops 2 1",
        "dev 2 1",
        "qa 2 1",
        "queries: 5",
    ],
    "django_orm_n_plus_one/predict.py:select_related_many": [
        "FieldError",
        "Invalid field name(s) given in select_related: 'permissions'."
        " Choices are: (none)",
    ],
}


def test_predict_file_runs_as_a_script() -> None:
    """predict.py is in the example project: the run-every-snippet test skips it."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        runpy.run_path(str(PROJECT / "predict.py"), run_name="__main__")
    assert output.getvalue().splitlines() == [
        line for lines in PREDICTIONS.values() for line in lines
    ]


@pytest.mark.parametrize("include", PREDICTIONS)
def test_prediction_in_the_build(include: str, predict) -> None:
    assert predict(include).splitlines() == PREDICTIONS[include]


@pytest.mark.parametrize("include", PREDICTIONS)
def test_prediction_on_postgresql(include: str, postgres_url: str) -> None:
    code = section_code(include)
    result = transcribe.run_project(
        ["manage.py", "shell", "-v", "0", "-c", code],
        postgres_url,
        "predictions",
        extra_env={"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == PREDICTIONS[include]
