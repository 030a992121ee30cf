"""The page's examples, run as `python demo.py <topic>` in a child process
against a real PostgreSQL (DATABASE_URL); see transcribe.py.

Every topic starts from an empty table. Two "workers" are two threads, and
Django gives each thread its own database connection: two real sessions.
"""

import os
import re
import sys
import threading

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from bank.models import Account  # only after django.setup()
from django.core.management import call_command
from django.db import (
    IntegrityError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.db.models import F
from django.test.utils import CaptureQueriesContext

call_command("migrate", verbosity=0)
Account.objects.all().delete()


def sql(queries):
    """The statements Django sent, shortened, savepoint ids made stable."""
    for query in queries:
        text = re.sub(r'"s\d+_x(\d+)"', r"s_x\1", query["sql"])
        text = re.sub(r" (WHERE|VALUES|RETURNING|FROM|SET) .*", "", text)
        print("   ", text)


def run_workers(*workers):
    """Run each function in its own thread (own connection); wait for all."""

    def run(worker):
        try:
            worker()
        finally:
            connection.close()  # the thread's own connection

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def wait_until_blocked():
    """Return once another session of this database waits for a lock:
    PostgreSQL polls its own pg_stat_activity, so the order is certain."""
    with connection.cursor() as cursor:
        cursor.execute(WAIT_FOR_A_LOCK_WAITER)


WAIT_FOR_A_LOCK_WAITER = """
DO $$ BEGIN
    WHILE NOT EXISTS (
        SELECT FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND datname = current_database()
    ) LOOP
        PERFORM pg_sleep(0.01);
        PERFORM pg_stat_clear_snapshot();  -- see fresh activity
    END LOOP;
END $$
"""


def balance(name="shared"):
    return Account.objects.get(name=name).balance


# --8<-- [start:autocommit]
def autocommit():
    print("autocommit outside atomic:", connection.get_autocommit())
    Account.objects.create(name="alice", balance=100)  # committed at once
    try:
        with transaction.atomic():
            print("autocommit inside atomic:", connection.get_autocommit())
            Account.objects.create(name="bob", balance=50)
            raise RuntimeError("boom")  # leaves the block: ROLLBACK
    except RuntimeError:
        pass
    print("accounts:", list(Account.objects.values_list("name", flat=True)))

    @transaction.atomic  # the same, as a decorator: one transaction per call
    def open_account(name):
        return Account.objects.create(name=name)

    with CaptureQueriesContext(connection) as queries:
        open_account("carol")
    sql(queries)


# --8<-- [end:autocommit]


# --8<-- [start:savepoints]
def savepoints():
    with (
        CaptureQueriesContext(connection) as queries,
        transaction.atomic(),  # outermost block: a transaction
    ):
        Account.objects.create(name="alice")
        try:
            with transaction.atomic():  # nested block: a savepoint
                Account.objects.create(name="bob")
                raise ValueError("undo bob only")
        except ValueError:
            pass
        Account.objects.create(name="carol")
    sql(queries)
    print("accounts:", list(Account.objects.values_list("name", flat=True)))

    @transaction.atomic(durable=True)  # must be the outermost block
    def charge():
        Account.objects.create(name="payment")

    try:
        with transaction.atomic():
            charge()
    except RuntimeError as error:
        print("RuntimeError:", error)
    charge()
    print("alone, it commits:", Account.objects.filter(name="payment").exists())


# --8<-- [end:savepoints]


# --8<-- [start:integrity_error]
def integrity_error():
    Account.objects.create(name="alice")
    try:
        with transaction.atomic():
            try:  # WRONG: catching a database error inside atomic()
                Account.objects.create(name="alice")
            except IntegrityError:
                print("caught IntegrityError, carrying on")
            Account.objects.count()  # any query now fails
    except transaction.TransactionManagementError as error:
        print("TransactionManagementError:", error)

    with transaction.atomic():
        try:
            with transaction.atomic():  # RIGHT: a savepoint around it
                Account.objects.create(name="alice")
        except IntegrityError:
            print("caught IntegrityError, rolled back to the savepoint")
        Account.objects.create(name="bob")
    print("accounts:", list(Account.objects.values_list("name", flat=True)))


# --8<-- [end:integrity_error]


# --8<-- [start:atomic_requests]
def atomic_requests():
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    Account.objects.create(name="alice", balance=100)
    client = Client(raise_request_exception=False)  # a 500, not a raise
    for url in ("/atomic/", "/autocommit/"):
        status = client.get(url).status_code
        print(f"GET {url} -> {status}, alice has {balance('alice')}")


# --8<-- [end:atomic_requests]


# --8<-- [start:on_commit]
def on_commit():
    def say(text):
        return lambda: print("  on_commit:", text)

    with transaction.atomic():
        transaction.on_commit(say("email for alice"))
        print("  still inside the block")
    print("after a commit")

    try:
        with transaction.atomic():
            transaction.on_commit(say("email for bob"))
            raise RuntimeError
    except RuntimeError:
        print("after a rollback: nothing ran")

    with transaction.atomic():
        transaction.on_commit(say("kept: outer block"))
        try:
            with transaction.atomic():
                transaction.on_commit(say("dropped: savepoint undone"))
                raise RuntimeError
        except RuntimeError:
            pass
    transaction.on_commit(say("no transaction: runs at once"))


# --8<-- [end:on_commit]


# --8<-- [start:capture_callbacks]
def capture_callbacks():
    from django.test import TestCase

    def send_email():
        print("  email sent")

    # TestCase wraps each test in atomic() and rolls it back at the end,
    # so the commit never happens and on_commit callbacks never run.
    with transaction.atomic():
        transaction.on_commit(send_email)
        print("like a TestCase without capture: callback pending")
        transaction.set_rollback(True)
    print("rolled back: the email was never sent")

    with transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
            transaction.on_commit(send_email)
        print("captured:", len(callbacks))
        transaction.set_rollback(True)


# --8<-- [end:capture_callbacks]


# --8<-- [start:lost_update]
def lost_update():
    Account.objects.create(name="shared", balance=100)
    a_read, b_read, a_saved = (threading.Event() for _ in range(3))

    def worker_a():
        with transaction.atomic():  # a transaction is not a lock
            account = Account.objects.get(name="shared")  # SELECT
            print("A read", account.balance)
            a_read.set()
            b_read.wait()  # B reads before A saves
            account.balance += 10  # computed in Python
            account.save()  # UPDATE ... SET balance = 110
        print("A saved", account.balance, "and committed")
        a_saved.set()

    def worker_b():
        with transaction.atomic():
            a_read.wait()
            account = Account.objects.get(name="shared")  # still 100
            print("B read", account.balance)
            b_read.set()
            a_saved.wait()  # B saves after A has committed
            account.balance += 10
            account.save()  # UPDATE ... SET balance = 110, again
        print("B saved", account.balance, "and committed")

    run_workers(worker_a, worker_b)
    print("balance:", balance(), "after two deposits of 10 on 100")


# --8<-- [end:lost_update]


# --8<-- [start:f_expression]
def f_expression():
    Account.objects.create(name="shared", balance=100)
    a_updated = threading.Event()
    b_waiting = threading.Event()

    def worker_a():
        with transaction.atomic():
            Account.objects.filter(name="shared").update(
                balance=F("balance") + 10  # SET balance = balance + 10
            )
            print("A updated, not committed yet")
            a_updated.set()
            b_waiting.wait()
            print("A commits")

    def worker_b():
        a_updated.wait()
        print("B updates: waits for A's row lock")
        Account.objects.filter(name="shared").update(balance=F("balance") + 10)
        print("B updated, after A's commit")

    def watcher():
        wait_until_blocked()  # B really is waiting on a lock
        b_waiting.set()

    run_workers(worker_a, worker_b, watcher)
    print("balance:", balance())

    account = Account.objects.get(name="shared")
    account.balance = F("balance") + 10  # works on save() too...
    account.save()
    print("after save():", account.balance)  # ...but the attribute is SQL
    account.refresh_from_db()
    print("after refresh_from_db():", account.balance)


# --8<-- [end:f_expression]


# --8<-- [start:select_for_update]
def select_for_update():
    Account.objects.create(name="shared", balance=100)
    a_locked, b_waiting = threading.Event(), threading.Event()

    def deposit(name):
        with transaction.atomic():
            print(f"{name} asks for the row lock")
            account = Account.objects.select_for_update().get(name="shared")
            print(f"{name} locked the row, read {account.balance}")
            if name == "A":
                a_locked.set()
                b_waiting.wait()
            account.balance += 10
            account.save()
            print(f"{name} saved {account.balance}, commits")

    def watcher():
        wait_until_blocked()
        print("B is blocked until A commits")
        b_waiting.set()

    def worker_b():
        a_locked.wait()
        deposit("B")

    run_workers(lambda: deposit("A"), worker_b, watcher)
    print("balance:", balance())


# --8<-- [end:select_for_update]


# --8<-- [start:nowait_skip_locked]
def nowait_skip_locked():
    for name in ("job-1", "job-2", "job-3"):
        Account.objects.create(name=name)
    locked, done = threading.Event(), threading.Event()

    def holder():  # another worker is busy with job-1
        with transaction.atomic():
            Account.objects.select_for_update().get(name="job-1")
            locked.set()
            done.wait()

    def worker():
        locked.wait()
        try:
            with transaction.atomic():
                jobs = Account.objects.select_for_update(nowait=True)
                list(jobs.filter(name="job-1"))
        except OperationalError as error:
            print("nowait:", type(error.__cause__).__name__, "-", error)
        with transaction.atomic():
            jobs = Account.objects.select_for_update(skip_locked=True)
            names = [job.name for job in jobs.order_by("name")]
            print("skip_locked:", names)
        done.set()

    run_workers(holder, worker)
    try:
        list(Account.objects.select_for_update())  # autocommit: no lock
    except transaction.TransactionManagementError as error:
        print("outside atomic():", error)


# --8<-- [end:nowait_skip_locked]


# --8<-- [start:optimistic]
def optimistic():
    Account.objects.create(name="shared", balance=100)
    a_read, b_read, a_saved = (threading.Event() for _ in range(3))

    def read(name):
        account = Account.objects.get(name="shared")
        print(f"{name} read {account.balance} v{account.version}")
        return account

    def save(name, account):  # only if nobody saved since our read
        updated = Account.objects.filter(
            pk=account.pk, version=account.version
        ).update(balance=account.balance + 10, version=F("version") + 1)
        print(f"{name}: update matched {updated} row(s)")
        return updated

    def worker_a():
        account = read("A")
        a_read.set()
        b_read.wait()
        save("A", account)
        a_saved.set()

    def worker_b():
        a_read.wait()
        account = read("B")
        b_read.set()
        a_saved.wait()
        while not save("B", account):  # 0 rows: someone saved first
            account = read("B")  # so read again and redo the change

    run_workers(worker_a, worker_b)
    print(Account.objects.get(name="shared"))


# --8<-- [end:optimistic]


# --8<-- [start:isolation]
def isolation():
    for alias in ("default", "repeatable"):
        # The level is set when a transaction begins: ask inside one.
        with (
            transaction.atomic(using=alias),
            connections[alias].cursor() as cursor,
        ):
            cursor.execute("SHOW transaction_isolation")
            print(f"{alias}: {cursor.fetchone()[0]}")
    Account.objects.create(name="shared", balance=100)
    for alias in ("default", "repeatable"):
        Account.objects.filter(name="shared").update(balance=100)
        print(f"{alias} reads twice in one transaction:", read_twice(alias))


def read_twice(alias):
    first_read, changed, seen = threading.Event(), threading.Event(), []

    def reader():
        with transaction.atomic(using=alias):
            rows = Account.objects.using(alias)
            seen.append(rows.get(name="shared").balance)
            first_read.set()
            changed.wait()  # another session commits +10 meanwhile
            seen.append(rows.get(name="shared").balance)

    def writer():
        first_read.wait()
        Account.objects.filter(name="shared").update(
            balance=F("balance") + 10
        )  # autocommit: committed at once
        changed.set()

    run_workers(reader, writer)
    return seen


# --8<-- [end:isolation]


# --8<-- [start:serialization_failure]
def serialization_failure():
    Account.objects.create(name="shared", balance=100)
    b_read, a_committed = threading.Event(), threading.Event()

    def deposit(name):
        with transaction.atomic(using="repeatable"):
            rows = Account.objects.using("repeatable").filter(name="shared")
            print(f"{name} read {rows.get().balance}")  # snapshot taken
            if name == "B":
                b_read.set()
                a_committed.wait()
            rows.update(balance=F("balance") + 10)
        print(f"{name} committed")

    def worker_a():
        b_read.wait()
        deposit("A")
        a_committed.set()

    def worker_b():  # REPEATABLE READ needs a retry loop
        for attempt in range(1, 4):  # pragma: no branch (2 are enough here)
            try:
                return deposit("B")
            except OperationalError as error:
                code = error.__cause__.sqlstate
                print(f"B attempt {attempt}: {code} {error}".strip())

    run_workers(worker_a, worker_b)
    print("balance:", balance())


# --8<-- [end:serialization_failure]

TOPICS = {
    "autocommit": autocommit,
    "savepoints": savepoints,
    "integrity_error": integrity_error,
    "atomic_requests": atomic_requests,
    "on_commit": on_commit,
    "capture_callbacks": capture_callbacks,
    "lost_update": lost_update,
    "f_expression": f_expression,
    "select_for_update": select_for_update,
    "nowait_skip_locked": nowait_skip_locked,
    "optimistic": optimistic,
    "isolation": isolation,
    "serialization_failure": serialization_failure,
}

TOPICS[sys.argv[1]]()  # this file is only ever run as a script
