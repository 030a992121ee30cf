"""CPU-bound work for a process pool: importable, so a child can run it."""

# --8<-- [start:crunch]
import time


def crunch(seconds):
    """Pure CPU work for about `seconds`: no await, no I/O."""
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
    return "crunched"


# --8<-- [end:crunch]
