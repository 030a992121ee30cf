"""Measured on the machine that runs it: verdicts, never timings.

Timings move with whatever else the machine is doing, so every comparison is
made within one round (the runs it compares follow each other), a verdict
takes the median of three rounds, and each threshold has a wide margin.
"""

# --8<-- [start:harness]
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from snippets.gil_threads_and_processes.work import WORK, countdown, hash_bytes

HASHED = 64_000_000  # bytes per job: a few hundredths of a second of SHA-256


def run_two_jobs(pool, work, size):
    """Wall seconds for two jobs on `pool`, and the CPU seconds they used."""
    started = time.perf_counter()
    cpu = sum(pool.map(work, [size, size]))
    return time.perf_counter() - started, cpu


def median_of_three(one_round):
    """Each figure `one_round()` returns, as the median of three rounds."""
    rounds = [one_round() for _ in range(3)]
    return {
        name: statistics.median(r[name] for r in rounds) for name in rounds[0]
    }


# --8<-- [end:harness]


# --8<-- [start:cpu_per_wall]
def cpu_per_wall():
    """CPU seconds per wall second of two pure-Python jobs on two threads."""
    with ThreadPoolExecutor(2) as two:

        def one_round():
            wall, cpu = run_two_jobs(two, countdown, WORK)
            return {"cpu per wall": cpu / wall}

        return median_of_three(one_round)["cpu per wall"]


print("at least 2 CPUs:", os.cpu_count() >= 2)
print("2 pure-Python jobs on 2 threads:")
print("  CPU seconds per wall second under 1.2:", cpu_per_wall() < 1.2)
# --8<-- [end:cpu_per_wall]


# --8<-- [start:speedups]
def speedups():
    """Time for two jobs against one thread doing both (under 1 is faster)."""
    with (
        ProcessPoolExecutor(2) as processes,
        ThreadPoolExecutor(1) as one,
        ThreadPoolExecutor(2) as two,
    ):
        list(processes.map(countdown, [1, 1]))  # start both workers first

        def one_round():
            alone, _ = run_two_jobs(one, countdown, WORK)
            hashed, _ = run_two_jobs(one, hash_bytes, HASHED)
            return {
                "2 threads": run_two_jobs(two, countdown, WORK)[0] / alone,
                "2 processes": run_two_jobs(processes, countdown, WORK)[0]
                / alone,
                "2 threads, hashlib": run_two_jobs(two, hash_bytes, HASHED)[0]
                / hashed,
            }

        return median_of_three(one_round)


# --8<-- [end:speedups]


# --8<-- [start:io_bound]
import asyncio


def wait(seconds):
    time.sleep(seconds)  # blocking: the thread lets go of the GIL meanwhile


async def wait_async(seconds):
    await asyncio.sleep(seconds)


async def ten_waits():
    await asyncio.gather(*(wait_async(0.1) for _ in range(10)))


started = time.perf_counter()
with ThreadPoolExecutor(10) as pool:
    list(pool.map(wait, [0.1] * 10))
threads_waited = time.perf_counter() - started

started = time.perf_counter()
asyncio.run(ten_waits())
coroutines_waited = time.perf_counter() - started

print("10 waits of 0.1 s, 1 s in all:")
print("  10 threads overlap (under 0.3 s):", threads_waited < 0.3)
print("  10 coroutines overlap (under 0.3 s):", coroutines_waited < 0.3)
# --8<-- [end:io_bound]
