"""pymalloc's arenas, read from its own statistics (CPython's default build).

The page shows this file's output from a fresh interpreter (transcribe.py), so
that the arena counts do not depend on what a long-running process did before.
"""

# --8<-- [start:malloc_stats]
import os
import re
import sys
import tempfile


def malloc_stats():
    """The text sys._debugmallocstats() writes to the C-level stderr."""
    sys.stderr.flush()
    with tempfile.TemporaryFile(mode="w+") as sink:
        saved_stderr = os.dup(2)
        os.dup2(sink.fileno(), 2)  # point file descriptor 2 at the file
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved_stderr, 2)
            os.close(saved_stderr)
        sink.seek(0)
        return sink.read()


def stat(pattern, text):
    """The first integer that `pattern` captures in the statistics."""
    return int(re.search(pattern, text).group(1).replace(",", ""))


def arenas_in_use():
    return stat(r"# arenas allocated current\s*=\s*([\d,]+)", malloc_stats())


text = malloc_stats()
print("small request threshold:", stat(r"threshold = (\d+)", text), "bytes")
print("size classes:", stat(r"in (\d+) size classes", text))
print("arena size:", stat(r"(\d+) bytes/arena", text), "bytes")
# --8<-- [end:malloc_stats]


# --8<-- [start:arenas]
start = arenas_in_use()
changes = {}  # arenas in use, compared with the start


def report(moment):
    changes[moment] = arenas_in_use() - start
    more = f"about {round(changes[moment], -1)} arenas more"
    same = "back to the start, give or take 3 arenas"
    print(f"{moment}:", more if changes[moment] > 3 else same)


floats = [float(n) for n in range(1_000_000)]  # 24-byte objects
report("holding a million floats")

del floats  # every block in those arenas is free again
report("after deleting them")

floats = [float(n) for n in range(1_000_000)]
survivors = floats[::500]  # one float in every 500 stays alive
del floats
report(f"keeping {len(survivors):,} of them")

del survivors
report("after deleting the survivors too")
# --8<-- [end:arenas]
