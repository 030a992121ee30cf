"""What a generator function is, and how it differs from a plain function."""

# --8<-- [start:lazy_start]
import inspect

log = []


def countdown(n):
    log.append(f"started with {n}")
    while n > 0:
        yield n
        n -= 1
    log.append("finished")


gen = countdown(3)  # runs none of the body
print("after the call:", log, inspect.getgeneratorstate(gen))
print("first next():", next(gen), log, inspect.getgeneratorstate(gen))
print("the rest:", list(gen), log, inspect.getgeneratorstate(gen))
# --8<-- [end:lazy_start]


# --8<-- [start:yield_anywhere]
import inspect


def looks_like_a_function():
    if False:
        yield  # never runs, but its presence changes the function's kind
    return "done"


print(inspect.isgeneratorfunction(looks_like_a_function))
print(type(looks_like_a_function()).__name__)  # not "done"
# --8<-- [end:yield_anywhere]


# --8<-- [start:return_value]
def read_batch(rows):
    count = 0
    for row in rows:
        yield row.upper()
        count += 1
    return count  # becomes StopIteration.value


batch = read_batch(["a", "b"])
print(next(batch), next(batch))
try:
    next(batch)
except StopIteration as stop:
    print("StopIteration.value:", stop.value)
# --8<-- [end:return_value]


# --8<-- [start:yield_from]
def import_all(batches):
    total = 0
    for rows in batches:
        total += yield from read_batch(rows)  # the sub-generator's return
    return total


collected = []
importer = import_all([["a", "b"], ["c"]])
while True:
    try:
        collected.append(next(importer))
    except StopIteration as stop:
        print("yielded through:", collected)
        print("rows imported:", stop.value)
        break
# --8<-- [end:yield_from]


# --8<-- [start:single_pass]
squares = (n * n for n in range(4))
print("first pass: ", list(squares))
print("second pass:", list(squares))  # exhausted: nothing left
print("a list can be walked again:", list([0, 1, 4, 9]))
print("is its own iterator:", iter(squares) is squares)
# --8<-- [end:single_pass]


# --8<-- [start:pep_479]
def first_item(iterable):
    iterator = iter(iterable)
    yield next(iterator)  # StopIteration if the iterable is empty


print(list(first_item([7, 8])))
try:
    list(first_item([]))
except RuntimeError as error:
    print(f"RuntimeError: {error}")
    print("caused by:", type(error.__cause__).__name__)
# --8<-- [end:pep_479]
