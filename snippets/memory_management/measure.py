"""Measuring memory: sys.getsizeof is shallow, tracemalloc sees allocations."""

# --8<-- [start:getsizeof_is_shallow]
import sys

words = ["x" * 10_000, "y" * 10_000, "z" * 10_000]
shallow = sys.getsizeof(words)
with_items = shallow + sum(sys.getsizeof(word) for word in words)

print("the list object alone:", shallow, "bytes")
print("the list and its strings:", with_items, "bytes")
print("an empty list:", sys.getsizeof([]), "bytes")
print("an int:", sys.getsizeof(1), "bytes")
print("a float:", sys.getsizeof(1.0), "bytes")
# --8<-- [end:getsizeof_is_shallow]


# --8<-- [start:tracemalloc_sees_it]
import tracemalloc

tracemalloc.start()
try:
    baseline, _ = tracemalloc.get_traced_memory()
    floats = [float(n) for n in range(100_000)]
    holding, _ = tracemalloc.get_traced_memory()
    del floats
    released, peak = tracemalloc.get_traced_memory()
finally:
    tracemalloc.stop()

mib = 1024 * 1024
print(f"while the list lives: +{(holding - baseline) / mib:.1f} MiB")
print(f"after del:            +{(released - baseline) / mib:.1f} MiB")
print(f"peak:                 +{(peak - baseline) / mib:.1f} MiB")
# --8<-- [end:tracemalloc_sees_it]
