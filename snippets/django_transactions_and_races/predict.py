"""Predictions of docs/questions/django-transactions-and-races.md.

Each replays, on the standard library's SQLite, the SQL that Django sends
to PostgreSQL in the page's transcripts, so it runs while the site is
built; the page's tests check that Django on PostgreSQL answers the same.
"""

# --8<-- [start:released_savepoint]
import sqlite3

db = sqlite3.connect(":memory:", isolation_level=None)  # autocommit
db.execute("CREATE TABLE account (name TEXT)")
db.execute("BEGIN")  # outer atomic()
db.execute("INSERT INTO account VALUES ('alice')")
db.execute("SAVEPOINT s1")  # inner atomic()
db.execute("INSERT INTO account VALUES ('bob')")
db.execute("RELEASE SAVEPOINT s1")  # inner block exits normally
print(db.execute("SELECT name FROM account").fetchall())
db.execute("ROLLBACK")  # then the outer block raises
print(db.execute("SELECT name FROM account").fetchall())
# --8<-- [end:released_savepoint]

# --8<-- [start:read_modify_write]
import sqlite3

db = sqlite3.connect(":memory:", isolation_level=None)
db.execute("CREATE TABLE account (balance INTEGER)")
db.execute("INSERT INTO account VALUES (100)")
read = "SELECT balance FROM account"
a = db.execute(read).fetchone()[0]  # worker A reads
b = db.execute(read).fetchone()[0]  # worker B reads
db.execute("UPDATE account SET balance = ?", (a + 10,))  # A saves
db.execute("UPDATE account SET balance = ?", (b + 10,))  # B saves
print(db.execute(read).fetchone()[0])
db.execute("UPDATE account SET balance = balance + 10")  # F() + 10
db.execute("UPDATE account SET balance = balance + 10")  # F() + 10
print(db.execute(read).fetchone()[0])
# --8<-- [end:read_modify_write]

# --8<-- [start:version_column]
import sqlite3

db = sqlite3.connect(":memory:", isolation_level=None)
db.execute("CREATE TABLE account (balance INTEGER, version INTEGER)")
db.execute("INSERT INTO account VALUES (100, 1)")
balance, version = db.execute("SELECT * FROM account").fetchone()
update = (
    "UPDATE account SET balance = ?, version = version + 1 WHERE version = ?"
)
for worker in ("A", "B"):  # both read version 1 above
    print(worker, db.execute(update, (balance + 10, version)).rowcount)
print(db.execute("SELECT * FROM account").fetchone())
# --8<-- [end:version_column]
