"""send(), throw() and close(): driving a generator from outside."""


# --8<-- [start:send]
def running_average():
    total, count, average = 0.0, 0, None
    while True:
        value = yield average  # send() delivers its argument here
        total += value
        count += 1
        average = total / count


averager = running_average()
print(next(averager))  # prime it: run to the first yield
print(averager.send(10))
print(averager.send(20))
print(averager.send(60))
# --8<-- [end:send]


# --8<-- [start:throw]
def resilient_reader(lines):
    for line in lines:
        try:
            yield line
        except ValueError as error:
            yield f"skipped after {error}"  # throw() returns this


reader = resilient_reader(["one", "two", "three"])
print(next(reader))
print(reader.throw(ValueError("bad input")))
print(next(reader))
# --8<-- [end:throw]


# --8<-- [start:close]
import inspect

cleanup = []


def open_stream():
    try:
        yield "chunk 1"
        yield "chunk 2"
    finally:
        cleanup.append("released")  # runs on close() as well


stream = open_stream()
print(next(stream))
stream.close()  # GeneratorExit at the paused yield: finally runs
print(cleanup, inspect.getgeneratorstate(stream))
try:
    next(stream)
except StopIteration:
    print("a closed generator is exhausted")
# --8<-- [end:close]


# --8<-- [start:close_value]
def summing():
    total = 0
    try:
        while True:
            total += yield
    except GeneratorExit:
        return total  # 3.13+: close() returns this


adder = summing()
next(adder)
for amount in (5, 10, 20):
    adder.send(amount)
print("close() returned:", adder.close())
# --8<-- [end:close_value]


# --8<-- [start:close_must_not_yield]
def stubborn():
    try:
        yield "working"
    except GeneratorExit:
        yield "one more"  # wrong: a closing generator must not yield


obstinate = stubborn()
next(obstinate)
try:
    obstinate.close()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
# --8<-- [end:close_must_not_yield]
