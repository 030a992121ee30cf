"""functools.wraps, decorators with arguments, and with or without ()."""

# --8<-- [start:wraps]
import functools
import inspect


def logged_bare(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def charge(amount, currency="EUR"):
    """Charge the customer's card."""
    return f"charged {amount} {currency}"


charge.audited = True  # a function attribute, in charge.__dict__

for decorator in (logged_bare, logged):
    wrapped = decorator(charge)
    print(f"{decorator.__name__}:")
    print("  __name__     ", wrapped.__name__)
    print("  __qualname__ ", wrapped.__qualname__)
    print("  __doc__      ", wrapped.__doc__)
    print("  signature    ", inspect.signature(wrapped))
    print("  audited      ", getattr(wrapped, "audited", "missing"))
    print("  __wrapped__  ", getattr(wrapped, "__wrapped__", None) is charge)
# --8<-- [end:wraps]


# --8<-- [start:with_arguments]
def retry(times):  # 1. the factory: takes the options
    def decorator(func):  # 2. the decorator: takes the function
        @functools.wraps(func)
        def wrapper(*args, **kwargs):  # 3. the wrapper: takes the call
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except ConnectionError as error:
                    print(f"  attempt {attempt} failed: {error}")
            raise ConnectionError(f"gave up after {times} attempts")

        return wrapper

    return decorator


outcomes = iter(["reset", "timeout", "200 OK"])


@retry(times=3)  # retry(times=3) runs first and returns `decorator`
def fetch():
    outcome = next(outcomes)
    if outcome != "200 OK":
        raise ConnectionError(outcome)
    return outcome


@retry(times=2)
def always_down():
    raise ConnectionError("refused")


print("fetch:", fetch())
try:
    always_down()
except ConnectionError as error:
    print("always_down:", error)
# --8<-- [end:with_arguments]


# --8<-- [start:optional_parentheses]
def traced(func=None, *, label=None):
    if func is None:  # called as @traced(...): return the decorator
        return functools.partial(traced, label=label)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"[{label or func.__name__}] called")
        return func(*args, **kwargs)

    return wrapper


@traced
def list_orders():
    return ["A-1"]


@traced(label="billing")
def refund(order):
    return f"refunded {order}"


print(list_orders())
print(refund("A-1"))
# --8<-- [end:optional_parentheses]
