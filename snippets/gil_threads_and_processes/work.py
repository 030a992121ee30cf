"""The work the examples hand to threads and processes.

It lives in a module of its own because a process pool sends a function to its
workers by name: they import it from here.
"""

import time

WORK = 2_000_000  # about a tenth of a second of pure Python on one core


# --8<-- [start:countdown]
def countdown(n: int) -> float:
    """Pure-Python CPU work; returns the CPU seconds this thread spent on it."""
    started = time.thread_time()
    while n:
        n -= 1
    return time.thread_time() - started


# --8<-- [end:countdown]


# --8<-- [start:hash_bytes]
def hash_bytes(size: int) -> float:
    """CPU work done in C by hashlib, which lets go of the GIL while it hashes
    more than 2047 bytes; returns this thread's CPU seconds."""
    import hashlib

    data = bytes(size)
    started = time.thread_time()
    hashlib.sha256(data).hexdigest()
    return time.thread_time() - started


# --8<-- [end:hash_bytes]
