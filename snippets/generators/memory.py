"""A generator expression holds one item at a time; a list holds them all."""

# --8<-- [start:sizes]
import sys

N = 10_000
as_list = [n * n for n in range(N)]
as_generator = (n * n for n in range(N))

print("list object:     ", sys.getsizeof(as_list), "bytes")
print("generator object:", sys.getsizeof(as_generator), "bytes")
print("same total:", sum(as_list) == sum(as_generator))
del as_list
# --8<-- [end:sizes]


# --8<-- [start:peak]
import tracemalloc


def peak_bytes(compute):
    """Highest memory that tracemalloc saw allocated while compute() ran."""
    tracemalloc.start()
    try:
        compute()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def sum_of_list():
    return sum([n * n for n in range(N)])


def sum_of_generator():
    return sum(n * n for n in range(N))


list_peak = peak_bytes(sum_of_list)
generator_peak = peak_bytes(sum_of_generator)
print(f"list comprehension peak: about {round(list_peak / 1024, -2):.0f} KiB")
print("generator expression peak under 1 KiB:", generator_peak < 1024)
print("the list needs over 100 times more:", list_peak > 100 * generator_peak)
# --8<-- [end:peak]
