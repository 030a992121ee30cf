"""Class-based decorators, methods and descriptors, and the built-in ones."""

# --8<-- [start:class_based]
import functools


class CountCalls:
    """A decorator written as a class: the instance replaces the function."""

    def __init__(self, func):
        functools.update_wrapper(self, func)  # wraps() for an object
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.__wrapped__(*args, **kwargs)


@CountCalls
def ping():
    return "pong"


ping()
print(ping(), "calls:", ping.calls, "name:", ping.__name__)


class Client:
    @CountCalls
    def get(self, path):
        return f"GET {path}"


try:
    Client().get("/health")
except TypeError as error:
    print("TypeError:", error)
# --8<-- [end:class_based]


# --8<-- [start:class_based_get]
import types


class CountMethodCalls(CountCalls):
    def __get__(self, instance, owner=None):
        if instance is None:  # looked up on the class itself
            return self
        return types.MethodType(self, instance)  # bind, as functions do


class FixedClient:
    @CountMethodCalls
    def get(self, path):
        return f"GET {path}"


print(FixedClient().get("/health"), FixedClient().get("/orders"))
print("calls, counted for all instances:", FixedClient.get.calls)
print("a function has __get__:", hasattr(ping.__wrapped__, "__get__"))
print("a CountCalls object has it:", hasattr(ping, "__get__"))
# --8<-- [end:class_based_get]


# --8<-- [start:builtin]
class Price:
    VAT = 20

    def __init__(self, net):
        self.net = net

    @property
    def gross(self):
        return self.net * (100 + self.VAT) // 100

    @classmethod
    def parse(cls, text):
        return cls(int(text))

    @staticmethod
    def is_valid(text):
        return text.isdigit()


price = Price.parse("250")
print(price.gross, Price.is_valid("25O"), type(price).__name__)
for name in ("gross", "parse", "is_valid"):
    print(f"Price.__dict__[{name!r}] is a", type(Price.__dict__[name]).__name__)
try:
    price.gross = 1
except AttributeError:
    print("no setter: gross is read-only")
# --8<-- [end:builtin]
