"""A lambda is a function whose body is one expression: what that allows."""

# --8<-- [start:one_expression]
TICKETS = [
    {"id": 101, "severity": "minor", "age_days": 9},
    {"id": 102, "severity": "critical", "age_days": 1},
    {"id": 103, "severity": "minor", "age_days": 30},
]

# Sort orders a client may pick with ?sort=...: lambdas as values in a table.
SORT_ORDERS = {
    "urgency": lambda ticket: (
        ticket["severity"] != "critical",  # critical first (False < True)
        -ticket["age_days"],  # then the oldest
    ),
    "newest": lambda ticket: ticket["age_days"],
}


def source_lines(function):
    """How many source lines the compiled body of `function` spans."""
    lines = {line for *_, line in function.__code__.co_lines() if line}
    return max(lines) - min(lines) + 1


urgency = SORT_ORDERS["urgency"]
print([ticket["id"] for ticket in sorted(TICKETS, key=urgency)])
print([ticket["id"] for ticket in sorted(TICKETS, key=SORT_ORDERS["newest"])])
print("lines spanned by the urgency lambda:", source_lines(urgency))
# --8<-- [end:one_expression]


# --8<-- [start:statements]
def compile_error(source):
    """Compile `source`; return the SyntaxError's message, or "compiles"."""
    try:
        compile(source, "<example>", "exec")
    except SyntaxError as error:
        return f"SyntaxError: {error.msg}"
    return "compiles"


for source in [
    "f = lambda x: return x",  # return is a statement
    "f = lambda: pass",  # so is pass
    "f = lambda x: x = 1",  # and assignment
    "f = lambda: assert True",  # and assert, raise, import, del...
    "f = lambda x: int: x",  # a parameter cannot be annotated
    "f = lambda x: (\n    x + 1\n)",  # one expression over two lines
    "f = lambda x: print(x) or x",  # a call is an expression
]:
    print(f"{source!r:34} -> {compile_error(source)}")
# --8<-- [end:statements]


# --8<-- [start:parameters]
import inspect

describe = lambda a, /, b, *args, c, d=4, **kwargs: (a, b, args, c, d, kwargs)

print(inspect.signature(describe))
print(describe(1, 2, 3, c=5, e=6))
print(describe.__annotations__)
try:
    describe(a=1, b=2, c=3)
except TypeError:
    print("TypeError: a is positional-only")
# --8<-- [end:parameters]


# --8<-- [start:names]
import traceback

ratio_lambda = lambda done, total: done / total


def ratio(done, total):
    return done / total


def failing_frame(function):
    """The name of the frame where `function(1, 0)` raised."""
    try:
        function(1, 0)
    except ZeroDivisionError as error:
        return traceback.extract_tb(error.__traceback__)[-1].name


print(ratio_lambda.__name__, ratio.__name__)
print(failing_frame(ratio_lambda), failing_frame(ratio))
# --8<-- [end:names]


# --8<-- [start:same_code]
import dis

double = lambda x: x * 2


def double_def(x):
    return x * 2


def opnames(function):
    return [
        instruction.opname for instruction in dis.get_instructions(function)
    ]


lambda_code, def_code = double.__code__, double_def.__code__
print(opnames(double))
print("same instructions:", opnames(double) == opnames(double_def))
print("same co_code bytes:", lambda_code.co_code == def_code.co_code)
print("same constants:", lambda_code.co_consts == def_code.co_consts)
print("names:", lambda_code.co_name, def_code.co_name)
print("types:", type(double) is type(double_def))
print("results:", double(21), double_def(21))
# --8<-- [end:same_code]
