"""`dict.items()` in Python 3: a live, set-like view, not a list or iterator."""

# --8<-- [start:removed_methods]
python2_only = ["iteritems", "iterkeys", "itervalues", "viewitems", "has_key"]
for name in python2_only:
    print(f"hasattr(dict, {name!r}): {hasattr(dict, name)}")

try:
    {"a": 1}.iteritems()
except AttributeError as error:
    print(f"AttributeError: {error}")
# --8<-- [end:removed_methods]


# --8<-- [start:portable_idioms]
prices = {"tea": 3, "coffee": 4}

# The same source runs on Python 2.7 and 3.x, no `six` needed:
for name, price in prices.items():  # a list on 2, a view on 3
    print(name, price)
print("tea" in prices)  # replaces prices.has_key("tea")
print(next(iter(prices.items())))  # an iterator on both, like iteritems()
# --8<-- [end:portable_idioms]


# --8<-- [start:live_view]
stock = {"apples": 3}
items = stock.items()  # no copy: a window onto `stock`
snapshot = list(stock.items())  # a copy, frozen now

stock["pears"] = 5
stock["apples"] = 0

print(type(items).__name__)
print(items)
print(snapshot)
print(len(items), ("pears", 5) in items)
# --8<-- [end:live_view]


# --8<-- [start:insertion_order]
from collections import OrderedDict

order = {"b": 1, "a": 2}
order["c"] = 3
order["b"] = 10  # updating a value keeps the key's place
print(list(order.items()))

del order["b"]
order["b"] = 1  # deleting and re-inserting moves it to the end
print(list(order))

# Order is kept, but plain dicts ignore it when compared:
print({"x": 1, "y": 2} == {"y": 2, "x": 1})
print(OrderedDict(x=1, y=2) == OrderedDict(y=2, x=1))
# --8<-- [end:insertion_order]


# --8<-- [start:reversed_views]
steps = {"build": 1, "test": 2, "deploy": 3}
print(list(reversed(steps)))  # the keys, last inserted first
print(list(reversed(steps.items())))
print(list(reversed(steps.values())))
# --8<-- [end:reversed_views]


# --8<-- [start:mapping_attribute]
config = {"debug": False}
view = config.items()
proxy = view.mapping  # a read-only proxy of the dict behind the view

print(type(proxy).__name__, proxy == config)
config["debug"] = True
print(proxy["debug"])
try:
    proxy["debug"] = False
except TypeError as error:
    print(f"TypeError: {error}")
# --8<-- [end:mapping_attribute]


# --8<-- [start:set_like]
from collections.abc import ItemsView, KeysView, Set, ValuesView

old = {"host": "db1", "port": 5432, "user": "app"}
new = {"host": "db2", "port": 5432, "ssl": True}

print(sorted(old.keys() & new.keys()))  # in both
print(sorted(old.keys() | new.keys()))  # in either
print(sorted(old.keys() - new.keys()))  # removed
print(sorted(old.keys() ^ new.keys()))  # in exactly one
print(sorted(new.items() - old.items()))  # added or changed pairs
print(old.keys() == {"host", "port", "user"})  # compares like a set

for view in (old.keys(), old.items(), old.values()):
    print(type(view).__name__, isinstance(view, Set))
print(isinstance(old.items(), ItemsView), isinstance(old.keys(), KeysView))
print(isinstance(old.values(), ValuesView))
# --8<-- [end:set_like]


# --8<-- [start:values_not_set_like]
sizes = {"a": 1, "b": 2}
try:
    sizes.values() & {1}
except TypeError as error:
    print(f"TypeError: {error}")

# values views have no set equality: each compares only equal to itself
print(sizes.values() == sizes.values())
print(sorted(sizes.values()) == [1, 2])

# items views are set-like only while every value is hashable
tags = {"a": ["x"]}
try:
    tags.items() & {("a", "x")}
except TypeError as error:
    print(f"TypeError: {error}")
# --8<-- [end:values_not_set_like]


# --8<-- [start:not_subscriptable]
users = {"ada": 36, "alan": 41}
try:
    users.keys()[0]
except TypeError as error:
    print(f"TypeError: {error}")

print(next(iter(users)))  # the first key, without copying
print(list(users.items())[-1])  # copy when you need an index
# --8<-- [end:not_subscriptable]


# --8<-- [start:changed_size]
def mutate_while_iterating(data, change):
    """Loop over data.items(), calling change(data, key) at every step."""
    seen = []
    try:
        for key, _value in data.items():
            seen.append(key)
            change(data, key)
    except RuntimeError as error:
        return f"RuntimeError: {error}"
    return f"no error, saw {seen}"


def add(data, key):
    data[f"{key}+"] = 0


def remove(data, key):
    del data[key]


def rename(data, key):  # the size stays the same, the keys do not
    data[f"{key}!"] = data.pop(key)


def set_value(data, key):  # same keys, new values: allowed
    data[key] = 99


for change in (add, remove, rename, set_value):
    outcome = mutate_while_iterating({"a": 1, "b": 2}, change)
    print(f"{change.__name__}: {outcome}")
# --8<-- [end:changed_size]


# --8<-- [start:safe_mutation]
sessions = {"s1": "expired", "s2": "active", "s3": "expired"}

# Iterate over a copy of the pairs, then change the dict freely:
for key, state in list(sessions.items()):
    if state == "expired":
        del sessions[key]
print(sessions)

# Or build a new dict and rebind the name:
sessions = {"s1": "expired", "s2": "active", "s3": "expired"}
sessions = {k: v for k, v in sessions.items() if v != "expired"}
print(sessions)
# --8<-- [end:safe_mutation]


# --8<-- [start:cost]
import sys

small = dict.fromkeys(range(10))
large = dict.fromkeys(range(100_000))

# A view holds one reference to its dict, whatever the dict's size:
print(sys.getsizeof(small.items()) == sys.getsizeof(large.items()))
print(sys.getsizeof(large.items()) < 100)
# list(d.items()) copies every pair into a new list:
print(sys.getsizeof(list(large.items())) > 800_000)
# (key, value) in items: a hash lookup of the key, then one comparison
print((99_999, None) in large.items(), (5, 0) in large.items())
# --8<-- [end:cost]
