"""Predictions of docs/questions/django-web-security.md."""

# --8<-- [start:sqlite_injection]
import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE account (name TEXT)")
db.executemany("INSERT INTO account VALUES (?)", [("alice",), ("bob",)])

name = "nobody' OR '1'='1"
unsafe = f"SELECT count(*) FROM account WHERE name = '{name}'"
print(db.execute(unsafe).fetchone()[0])
safe = "SELECT count(*) FROM account WHERE name = ?"
print(db.execute(safe, [name]).fetchone()[0])
# --8<-- [end:sqlite_injection]

# --8<-- [start:escape_twice]
from django.utils.html import conditional_escape, escape

once = escape("<b>&</b>")
print(once)
print(escape(once))
print(conditional_escape(once))
# --8<-- [end:escape_twice]

# --8<-- [start:safe_plus_str]
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

bold = mark_safe("<b>")
print(type(bold + "x").__name__, type(bold + bold).__name__)
print(conditional_escape(bold + "</b>"))
print(conditional_escape(bold + mark_safe("</b>")))
# --8<-- [end:safe_plus_str]
