"""`+=` is a read, then a write: the GIL does not make the pair atomic."""

# --8<-- [start:lost_update]
import contextlib
import threading


class Counter:
    """`counter.value += 1` calls the getter, then the setter. The first
    reader stops between the two until the other thread has had its turn,
    which is where a thread switch can fall on any run."""

    def __init__(self):
        self._value, self.reads = 0, 0
        self.first_read = threading.Event()
        self.other_done = threading.Event()

    @property
    def value(self):
        read = self._value
        self.reads += 1
        if self.reads == 1:  # the first reader holds on to what it read
            self.first_read.set()
            self.other_done.wait(timeout=5)
        return read

    @value.setter
    def value(self, new):
        self._value = new


def two_increments(guard):
    counter = Counter()

    def increment():
        with guard:
            counter.value += 1

    first = threading.Thread(target=increment)
    first.start()
    counter.first_read.wait()
    second = threading.Thread(target=increment)
    second.start()
    second.join(timeout=0.5)  # unguarded, it finishes; locked, it waits
    counter.other_done.set()  # the first thread writes what it read
    first.join()
    second.join()
    return counter.value


print("two increments, no lock:", two_increments(contextlib.nullcontext()))
print("two increments, a lock: ", two_increments(threading.Lock()))
# --8<-- [end:lost_update]
