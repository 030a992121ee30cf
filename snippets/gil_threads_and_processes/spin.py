"""Does another thread get to run Python while one thread spins in pure Python?

transcribe.py runs it as a script on python3.13t, with the GIL off and on; the
tests also call it in their own interpreter. With the GIL, the main thread waits
for the spinner to give it up; without it, both run at once.
"""

# --8<-- [start:spin]
import sys
import threading
import time


def spin(stop, limit):
    """Pure Python that never waits: runs until `stop` is set or `limit` s."""
    deadline = time.monotonic() + limit
    while not stop.is_set() and time.monotonic() < deadline:
        pass
    return "stopped by the main thread" if stop.is_set() else "ran out its time"


def who_stops_the_spinner(limit=1.0):
    interval = sys.getswitchinterval()
    sys.setswitchinterval(100)  # a thread holding the GIL is asked to let go
    try:  # only after 100 s, so the spinner keeps it if there is one
        stop = threading.Event()
        ended = []
        spinner = threading.Thread(
            target=lambda: ended.append(spin(stop, limit))
        )
        spinner.start()
        stop.set()  # the main thread must run Python to get here
        spinner.join()
        return ended[0]
    finally:
        sys.setswitchinterval(interval)


if __name__ == "__main__":
    print("GIL on:", getattr(sys, "_is_gil_enabled", lambda: True)())
    print("a spinning thread:", who_stops_the_spinner())
# --8<-- [end:spin]
