"""Generators chained into lazy pipelines, and the itertools that help."""

# --8<-- [start:pipeline]
trace = []

ACCESS_LOG = [
    "GET /health 200 1",
    "GET /orders 200 35",
    "POST /orders 500 120",
    "GET /orders 200 41",
    "GET /users 404 3",
]


def read_lines(lines):
    for line in lines:
        trace.append("read")
        yield line


def parse(lines):
    for line in lines:
        _method, path, status, millis = line.split()
        trace.append("parse")
        yield {"path": path, "status": int(status), "ms": int(millis)}


def slow_requests(records, threshold_ms):
    for record in records:
        if record["ms"] >= threshold_ms:
            yield record


pipeline = slow_requests(parse(read_lines(ACCESS_LOG)), threshold_ms=30)
print("built, nothing read yet:", trace)
first = next(pipeline)
print("first slow request:", first["path"], first["ms"])
print("work done for it:", trace)  # one line at a time, on demand
# --8<-- [end:pipeline]


# --8<-- [start:itertools]
import itertools

ids = itertools.count(start=1000)  # infinite, and still cheap
print(list(itertools.islice(ids, 3)))

evens = (n for n in itertools.count() if n % 2 == 0)
print(list(itertools.takewhile(lambda n: n < 10, evens)))

print(list(itertools.chain([1, 2], (3, 4), range(5, 7))))

pairs = itertools.pairwise([10, 12, 17])  # Python 3.10+
print([later - earlier for earlier, later in pairs])

by_status = itertools.groupby(sorted([200, 404, 200, 500, 200]))
print({status: len(list(group)) for status, group in by_status})

left, right = itertools.tee(iter("abc"))  # two independent passes
print(list(left), list(right))
# --8<-- [end:itertools]
