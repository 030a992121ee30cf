"""When CPython frees an object: reference counting, then the collector."""

# --8<-- [start:freed_at_zero]
import weakref

events = []


class Connection:
    """Stands for any object that holds a resource."""


conn = Connection()
alias = conn  # a second reference to the same object
# A finalizer holds no strong reference: it only watches the object die.
weakref.finalize(conn, events.append, "freed")

del conn
print("after del conn: ", events)  # `alias` still refers to it
del alias
print("after del alias:", events)  # count hit zero: freed on this line
# --8<-- [end:freed_at_zero]


# --8<-- [start:refcount_moves]
import sys

payload = object()
before = sys.getrefcount(payload)
holders = [payload, payload, payload]  # three more references
print("count went up by", sys.getrefcount(payload) - before)
holders.clear()
print("back to where it was:", sys.getrefcount(payload) == before)
# --8<-- [end:refcount_moves]


# --8<-- [start:immortal]
import sys

before = sys.getrefcount(None)
many_nones = [None] * 1000
print("None's count changed:", sys.getrefcount(None) != before)
# --8<-- [end:immortal]


# --8<-- [start:cycle_needs_gc]
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None


def make_cycle():
    """Two nodes that refer to each other, and a probe on one of them."""
    a, b = Node("a"), Node("b")
    a.partner, b.partner = b, a
    return weakref.ref(a)


gc.disable()  # switch off automatic cycle collection for the demonstration
try:
    probe = make_cycle()  # the function returned: no name refers to a or b
    print("unreachable but alive:", probe() is not None)
    found = gc.collect()  # an explicit collection still runs when disabled
    print("gc.collect() found garbage:", found > 0)
    print("alive after gc.collect():", probe() is not None)
finally:
    gc.enable()
# --8<-- [end:cycle_needs_gc]


# --8<-- [start:finalizer_in_cycle]
import gc

closed = []


class Session:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        closed.append(self.name)


gc.disable()
try:
    left, right = Session("left"), Session("right")
    left.peer, right.peer = right, left
    del left, right
    print("__del__ ran before collection:", closed)
    gc.collect()
    print("__del__ ran during collection:", sorted(closed))
    print("gc.garbage:", gc.garbage)  # nothing left uncollectable
finally:
    gc.enable()
# --8<-- [end:finalizer_in_cycle]


# --8<-- [start:generations]
import gc

print("thresholds on this build:", gc.get_threshold())
print("a list is tracked by the collector:", gc.is_tracked([]))
print("an instance is tracked:", gc.is_tracked(Node("c")))
print("an int is not:", gc.is_tracked(42))
print("nor is a str:", gc.is_tracked("text"))
# --8<-- [end:generations]
