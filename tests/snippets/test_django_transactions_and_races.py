"""Claims of docs/questions/django-transactions-and-races.md, proven against a
real PostgreSQL.

Django is never configured in this process: every Django run is a child
process (snippets/django_transactions_and_races/demo.py or manage.py) and
this file checks what it printed. The predictions' SQL is replayed here on
PostgreSQL with psycopg (no Django), to show it answers as SQLite does.
"""

from __future__ import annotations

import contextlib
import io
import os
import runpy
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from snippets.django_transactions_and_races import transcribe
from tests.conftest import assigned_dict_keys

PROJECT = Path(transcribe.__file__).resolve().parent
pytestmark = pytest.mark.server


def lines(topic: str, url: str) -> list[str]:
    return transcribe.run_demo(topic, url).splitlines()


def manage(*args: str, url: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    if url is not None:
        env |= {"DATABASE_URL": url, "DJANGO_SECRET_KEY": "k"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_transcribe_lists_every_demo_topic() -> None:
    assert assigned_dict_keys(PROJECT / "demo.py", "TOPICS") == transcribe.TOPICS


def test_settings_pass_checks_and_migrations_are_committed(
    postgres_url: str,
) -> None:
    result = manage("check", url=postgres_url)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    result = manage("makemigrations", "--check", "--dry-run", url=postgres_url)
    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_need_the_database_url_from_the_environment() -> None:
    result = manage("check", url=None)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_autocommit_by_default_and_atomic_rolls_back(postgres_url: str) -> None:
    assert lines("autocommit", postgres_url) == [
        "autocommit outside atomic: True",  # each query commits at once
        "autocommit inside atomic: False",
        "accounts: ['alice']",  # bob's INSERT was rolled back by the raise
        "    BEGIN",  # the decorator: one transaction per call
        '    INSERT INTO "bank_account" ("name", "balance", "version")',
        "    COMMIT",
    ]


def test_nested_atomic_is_a_savepoint(postgres_url: str) -> None:
    assert lines("savepoints", postgres_url) == [
        "    BEGIN",
        '    INSERT INTO "bank_account" ("name", "balance", "version")',
        "    SAVEPOINT s_x1",
        '    INSERT INTO "bank_account" ("name", "balance", "version")',
        "    ROLLBACK TO SAVEPOINT s_x1",  # the inner block's exception
        "    RELEASE SAVEPOINT s_x1",
        '    INSERT INTO "bank_account" ("name", "balance", "version")',
        "    COMMIT",
        "accounts: ['alice', 'carol']",
        "RuntimeError: A durable atomic block cannot be nested within"
        " another atomic block.",
        "alone, it commits: True",
    ]


def test_integrity_error_needs_its_own_atomic(postgres_url: str) -> None:
    assert lines("integrity_error", postgres_url) == [
        "caught IntegrityError, carrying on",
        "TransactionManagementError: An error occurred in the current"
        " transaction. You can't execute queries until the end of the"
        " 'atomic' block.",
        "caught IntegrityError, rolled back to the savepoint",
        "accounts: ['alice', 'bob']",  # the outer transaction went on
    ]


def test_atomic_requests_rolls_back_a_failing_view(postgres_url: str) -> None:
    assert lines("atomic_requests", postgres_url) == [
        "GET /atomic/ -> 500, alice has 100",  # the debit was rolled back
        "GET /autocommit/ -> 500, alice has 90",  # half a transfer stayed
    ]


def test_on_commit_runs_after_commit_only(postgres_url: str) -> None:
    assert lines("on_commit", postgres_url) == [
        "  still inside the block",
        "  on_commit: email for alice",  # after COMMIT, not before
        "after a commit",
        "after a rollback: nothing ran",
        "  on_commit: kept: outer block",  # the savepoint's one was dropped
        "  on_commit: no transaction: runs at once",
    ]


def test_capture_on_commit_callbacks(postgres_url: str) -> None:
    assert lines("capture_callbacks", postgres_url) == [
        "like a TestCase without capture: callback pending",
        "rolled back: the email was never sent",
        "  email sent",  # execute=True ran it when the capture block ended
        "captured: 1",
    ]


def test_read_modify_write_loses_an_update(postgres_url: str) -> None:
    assert lines("lost_update", postgres_url) == [
        "A read 100",
        "B read 100",
        "A saved 110 and committed",
        "B saved 110 and committed",  # both inside atomic(): no help
        "balance: 110 after two deposits of 10 on 100",  # one was lost
    ]


def test_f_expression_updates_in_the_database(postgres_url: str) -> None:
    assert lines("f_expression", postgres_url) == [
        "A updated, not committed yet",
        "B updates: waits for A's row lock",
        "A commits",  # only after PostgreSQL reported B waiting on a lock
        "B updated, after A's commit",
        "balance: 120",  # B's UPDATE re-read the committed row
        "after save(): F(balance) + Value(10)",
        "after refresh_from_db(): 130",
    ]


def test_select_for_update_serialises_the_workers(postgres_url: str) -> None:
    assert lines("select_for_update", postgres_url) == [
        "A asks for the row lock",
        "A locked the row, read 100",
        "B asks for the row lock",
        "B is blocked until A commits",
        "A saved 110, commits",
        "B locked the row, read 110",  # B's SELECT waited for A's commit
        "B saved 120, commits",
        "balance: 120",
    ]


def test_nowait_skip_locked_and_no_transaction(postgres_url: str) -> None:
    assert lines("nowait_skip_locked", postgres_url) == [
        "nowait: LockNotAvailable - could not obtain lock on row in"
        ' relation "bank_account"',
        "skip_locked: ['job-2', 'job-3']",
        "outside atomic(): select_for_update cannot be used outside of a transaction.",
    ]


def test_optimistic_locking_with_a_version_column(postgres_url: str) -> None:
    assert lines("optimistic", postgres_url) == [
        "A read 100 v1",
        "B read 100 v1",
        "A: update matched 1 row(s)",
        "B: update matched 0 row(s)",  # A changed the version first
        "B read 110 v2",
        "B: update matched 1 row(s)",
        "shared: 120 (v3)",
    ]


def test_isolation_levels(postgres_url: str) -> None:
    assert lines("isolation", postgres_url) == [
        "default: read committed",  # PostgreSQL's default, kept by Django
        "repeatable: repeatable read",  # OPTIONS["isolation_level"]
        "default reads twice in one transaction: [100, 110]",
        "repeatable reads twice in one transaction: [100, 100]",
    ]


def test_repeatable_read_fails_and_retries(postgres_url: str) -> None:
    assert lines("serialization_failure", postgres_url) == [
        "B read 100",
        "A read 100",
        "A committed",
        "B attempt 1: 40001 could not serialize access due to concurrent update",
        "B read 110",  # the retry is a new transaction, a new snapshot
        "B committed",
        "balance: 120",
    ]


def test_a_transcript_from_a_fresh_cluster_matches_the_page() -> None:
    """transcribe() starts its own PostgreSQL; the page shows what it wrote."""
    text = transcribe.TRANSCRIPTS["on_commit"]()
    page = PROJECT / "transcripts" / "on_commit.txt"
    assert text == page.read_text()


# Predict the output: SQLite at build time, and the same SQL on PostgreSQL.

PREDICT = PROJECT / "predict.py"


def test_predict_file_runs_as_a_script() -> None:
    """predict.py is in the example project: the run-every-snippet test
    skips it."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        runpy.run_path(str(PREDICT), run_name="__main__")
    assert output.getvalue().count("\n") == 7


def test_predict_released_savepoint(predict) -> None:
    out = predict("django_transactions_and_races/predict.py:released_savepoint")
    assert out.splitlines() == ["[('alice',), ('bob',)]", "[]"]


def test_predict_read_modify_write(predict) -> None:
    out = predict("django_transactions_and_races/predict.py:read_modify_write")
    assert out.splitlines() == ["110", "130"]


def test_predict_version_column(predict) -> None:
    out = predict("django_transactions_and_races/predict.py:version_column")
    assert out.splitlines() == ["A 1", "B 0", "(110, 2)"]


def test_postgresql_answers_the_predictions_the_same(postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("DROP TABLE IF EXISTS predict")
        db.execute("CREATE TABLE predict (name text)")
        db.execute("BEGIN")
        db.execute("INSERT INTO predict VALUES ('alice')")
        db.execute("SAVEPOINT s1")
        db.execute("INSERT INTO predict VALUES ('bob')")
        db.execute("RELEASE SAVEPOINT s1")
        assert len(db.execute("SELECT * FROM predict").fetchall()) == 2
        db.execute("ROLLBACK")  # a released savepoint is not a commit
        assert db.execute("SELECT * FROM predict").fetchall() == []

        db.execute("DROP TABLE predict")
        db.execute("CREATE TABLE predict (balance int, version int)")
        db.execute("INSERT INTO predict VALUES (100, 1)")
        read = "SELECT balance FROM predict"
        a = db.execute(read).fetchone()[0]
        b = db.execute(read).fetchone()[0]
        db.execute("UPDATE predict SET balance = %s", (a + 10,))
        db.execute("UPDATE predict SET balance = %s", (b + 10,))
        assert db.execute(read).fetchone()[0] == 110
        db.execute("UPDATE predict SET balance = balance + 10")
        db.execute("UPDATE predict SET balance = balance + 10")
        assert db.execute(read).fetchone()[0] == 130

        db.execute("UPDATE predict SET balance = 100, version = 1")
        update = (
            "UPDATE predict SET balance = %s, version = version + 1 WHERE version = %s"
        )
        assert db.execute(update, (110, 1)).rowcount == 1
        assert db.execute(update, (110, 1)).rowcount == 0
        assert db.execute("SELECT * FROM predict").fetchone() == (110, 2)
        db.execute("DROP TABLE predict")
