"""Processes: how they start, and what crossing into one costs."""

# --8<-- [start:start_methods]
import multiprocessing
import sys

major, minor = sys.version_info[:2]
print(f"Python {major}.{minor} on {sys.platform}")
print("default start method:", multiprocessing.get_start_method())
print("available:", sorted(multiprocessing.get_all_start_methods()))
# --8<-- [end:start_methods]


# --8<-- [start:pickling]
import pickle
from concurrent.futures import ProcessPoolExecutor

from snippets.gil_threads_and_processes.work import countdown

numbers = list(range(1_000_000))
print(f"a million ints, pickled: {len(pickle.dumps(numbers)) / 1e6:.1f} MB")

with ProcessPoolExecutor(1) as pool:
    print("a function by name:", pool.submit(countdown, 10).result() >= 0)
    try:
        pool.submit(lambda n: n * n, 10).result()
    except pickle.PicklingError as error:
        print("a lambda:", type(error).__name__)
# --8<-- [end:pickling]
