"""Predictions of docs/questions/decorators-and-closures.md."""


# --8<-- [start:stacking_order]
def shout(func):
    print("shout applied")
    return lambda: func().upper() + "!"


def twice(func):
    print("twice applied")
    return lambda: func() + " " + func()


@shout
@twice
def hello():
    return "hi"


print(hello())
# --8<-- [end:stacking_order]


# --8<-- [start:forgot_parentheses]
def repeat(times):
    def decorator(func):
        return lambda: [func() for _ in range(times)]

    return decorator


@repeat
def ping():
    return "pong"


print(ping.__name__)
try:
    print(ping())
except TypeError as error:
    print("TypeError:", error)
# --8<-- [end:forgot_parentheses]


# --8<-- [start:missing_nonlocal]
def make_counter():
    count = 0

    def increment():
        count += 1  # noqa: F823, F841

    return increment


counter = make_counter()
try:
    print(counter())
except NameError as error:
    print(type(error).__name__)
print(counter.__code__.co_freevars, counter.__closure__)
# --8<-- [end:missing_nonlocal]


# --8<-- [start:wrapped_chain]
import functools


def times_ten(func):
    @functools.wraps(func)
    def wrapper():
        return func() * 10

    return wrapper


@times_ten
@times_ten
def one():
    """Return one."""
    return 1


print(one(), one.__name__, one.__doc__)
print(one.__wrapped__(), one.__wrapped__.__wrapped__())
# --8<-- [end:wrapped_chain]
