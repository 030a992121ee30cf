"""Context managers in backend code: a lock and a database transaction."""

# --8<-- [start:lock]
import threading

balance_lock = threading.Lock()
balances = {"ada": 100}


def withdraw(user, amount):
    with balance_lock:  # released even if the check below raises
        if balances[user] < amount:
            raise ValueError("insufficient funds")
        balances[user] -= amount


withdraw("ada", 30)
try:
    withdraw("ada", 500)
except ValueError as error:
    print(error)
print(balances, "lock free again:", not balance_lock.locked())
# --8<-- [end:lock]


# --8<-- [start:sqlite]
import sqlite3

conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE account (name TEXT, balance INTEGER)")
with conn:  # commits on success
    conn.execute("INSERT INTO account VALUES ('ada', 100)")
try:
    with conn:  # rolls back on an exception
        conn.execute("UPDATE account SET balance = balance - 30")
        raise RuntimeError("transfer failed halfway")
except RuntimeError:
    pass
print(conn.execute("SELECT name, balance FROM account").fetchall())
print("still open after with:", conn.execute("SELECT 1").fetchone())
conn.close()  # the with statement did not close it
# --8<-- [end:sqlite]
