"""ExitStack: one with for a number of resources known only at run time."""

# --8<-- [start:exit_stack]
from contextlib import ExitStack


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        if self.name.startswith("missing"):
            raise FileNotFoundError(self.name)
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name)


names = ["a.csv", "b.csv", "c.csv"]
with ExitStack() as stack:
    files = [stack.enter_context(Resource(name)) for name in names]
    stack.callback(print, "callback: registered last, runs first")
    print("merging", len(files), "files")
# --8<-- [end:exit_stack]


# --8<-- [start:pop_all]
def open_all(names):
    with ExitStack() as stack:
        opened = [stack.enter_context(Resource(name)) for name in names]
        return opened, stack.pop_all()  # success: the caller closes them


opened, cleanup = open_all(["x.csv", "y.csv"])
print("still open:", [resource.name for resource in opened])
with cleanup:
    print("caller's work")

try:
    open_all(["x.csv", "missing.csv", "z.csv"])
except FileNotFoundError as error:
    print("failed on", error, "after closing what was open")
# --8<-- [end:pop_all]
