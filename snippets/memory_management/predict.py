"""Predict the output: when CPython frees an object, and what sizes show."""

# --8<-- [start:del_removes_a_name]
import weakref


class Report:
    pass


report = Report()
latest = [report]
weakref.finalize(report, print, "freed")
del report
print("after del report")
latest.clear()
print("after latest.clear()")
# --8<-- [end:del_removes_a_name]


# --8<-- [start:cycle_outlives_del]
import gc
import weakref


class Node:
    pass


gc.disable()
a, b = Node(), Node()
a.other, b.other = b, a
probe = weakref.ref(a)
del a, b
print("alive after del:", probe() is not None)
gc.collect()
print("alive after gc.collect():", probe() is not None)
gc.enable()
# --8<-- [end:cycle_outlives_del]


# --8<-- [start:getsizeof_shallow]
import sys

small = ["x"]
large = ["x" * 1_000_000]
print(sys.getsizeof(small) == sys.getsizeof(large))
print(sys.getsizeof(large[0]) > 1_000_000)
# --8<-- [end:getsizeof_shallow]


# --8<-- [start:except_as_is_deleted]
try:
    rate = 1 / 0
except ZeroDivisionError as error:
    message = str(error)

try:
    print(error)
except NameError:
    print("NameError")
print(message)
# --8<-- [end:except_as_is_deleted]
