"""Predict the output: dict view traps (each section runs alone)."""

# --8<-- [start:view_is_live]
stock = {"apples": 3}
items = stock.items()
snapshot = list(stock.items())

stock["pears"] = 5
del stock["apples"]

print(len(items), list(items))
print(snapshot)
# --8<-- [end:view_is_live]


# --8<-- [start:view_or_iterator]
prices = {"tea": 3, "coffee": 4}
view = prices.items()
iterator = iter(prices.items())  # what iteritems() used to return

print(len(list(view)), len(list(view)))
print(len(list(iterator)), len(list(iterator)))
# --8<-- [end:view_or_iterator]


# --8<-- [start:delete_while_looping]
def drop_expired(sessions):
    try:
        for key, state in sessions.items():
            if state == "expired":
                del sessions[key]
    except RuntimeError as error:
        print(type(error).__name__, error)
    return list(sessions)


print(drop_expired({"s1": "active", "s2": "active"}))
print(drop_expired({"s1": "expired", "s2": "active"}))
print(drop_expired({"s1": "active", "s2": "expired"}))
# --8<-- [end:delete_while_looping]


# --8<-- [start:comparing_views]
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}

print(a == b, list(a) == list(b))
print(a.keys() == b.keys(), a.items() == b.items())
print(a.values() == b.values(), a.values() == a.values())
# --8<-- [end:comparing_views]
