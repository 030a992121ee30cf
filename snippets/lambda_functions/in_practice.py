"""Lambdas in real code: closures, clearer alternatives, what fits in one."""

# --8<-- [start:late_binding]
handlers = []
for status in (200, 404, 500):
    handlers.append(lambda: f"handled {status}")  # noqa: B023 (the bug shown)

print([handler() for handler in handlers])  # every lambda reads status now

status = 302  # the loop variable is still alive: rebinding it changes them all
print(handlers[0]())
# --8<-- [end:late_binding]


# --8<-- [start:late_binding_fixes]
import functools

# A default value is evaluated once, when the lambda is created.
bound_early = [lambda code=code: f"handled {code}" for code in (200, 404)]
print([handler() for handler in bound_early])


def handle(code):
    return f"handled {code}"


# functools.partial stores the argument now and says what it does.
with_partial = [functools.partial(handle, code) for code in (200, 404)]
print([handler() for handler in with_partial])
# --8<-- [end:late_binding_fixes]


# --8<-- [start:alternatives]
import operator
from dataclasses import dataclass


@dataclass
class Customer:
    name: str
    city: str


@dataclass
class Order:
    number: int
    total: float
    customer: Customer


orders = [
    Order(3, 40.0, Customer("Lee", "Oslo")),
    Order(1, 95.5, Customer("Ana", "Lima")),
    Order(2, 12.0, Customer("Bo", "Kyiv")),
]
rows = [{"sku": "B-2", "qty": 1}, {"sku": "A-9", "qty": 5}]

print([o.number for o in sorted(orders, key=lambda o: o.total)])
print([o.number for o in sorted(orders, key=operator.attrgetter("total"))])
print(
    [o.number for o in sorted(orders, key=operator.attrgetter("customer.city"))]
)
print(
    sorted(rows, key=operator.itemgetter("sku"))
    == sorted(rows, key=lambda r: r["sku"])
)
print(operator.itemgetter("sku", "qty")(rows[0]))  # several keys: a tuple
print(list(map(operator.methodcaller("upper"), ["get", "post"])))
print(sorted(["beta", "Alpha", "gamma"], key=str.casefold))  # no lambda needed
to_int_base2 = functools.partial(int, base=2)
print(to_int_base2("1010"))
# --8<-- [end:alternatives]


# --8<-- [start:inside_expression]
import re

# A conditional expression is the only "if" a lambda can hold.
shipping = {"express": lambda total: 0 if total >= 100 else 15}
print(shipping["express"](120), shipping["express"](30))

# An assignment expression needs parentheses inside a lambda (PEP 572).
VERSION = re.compile(r"python-(\d+\.\d+)")
versions = map(
    lambda name: (found := VERSION.search(name)) and found.group(1),
    ["python-3.13.tgz", "readme.txt"],
)
print(list(versions))
try:
    compile("f = lambda line: found := line", "<example>", "exec")
except SyntaxError as error:
    print(f"without parentheses: SyntaxError: {error.msg}")
# --8<-- [end:inside_expression]


# --8<-- [start:pickling]
import pickle


def pickles(function):
    """True if `function` survives pickle, as multiprocessing needs."""
    try:
        pickle.dumps(function)
    except (pickle.PicklingError, AttributeError):  # AttributeError: local
        return False
    return True


print("lambda:", pickles(lambda row: row["sku"]))
print("itemgetter:", pickles(operator.itemgetter("sku")))
print("partial of int:", pickles(functools.partial(int, base=2)))
# --8<-- [end:pickling]
