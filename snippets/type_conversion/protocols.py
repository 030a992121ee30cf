"""How int(), float(), complex() and operator.index() ask an object."""

# --8<-- [start:protocols]
import operator


class Port:
    """An exact integer: __index__ lets it be used wherever an int is."""

    def __init__(self, number):
        self.number = number

    def __index__(self):
        return self.number


class Celsius:
    """A lossy number: __float__ and __int__, but no __index__."""

    def __init__(self, degrees):
        self.degrees = degrees

    def __float__(self):
        return float(self.degrees)

    def __int__(self):
        return int(self.degrees)


def attempt(convert, value):
    try:
        return repr(convert(value))
    except TypeError:
        return "TypeError"


port, temperature = Port(8080), Celsius(21.7)
for convert in (int, float, complex, operator.index, hex):
    name = getattr(convert, "__name__", "")
    print(
        f"{name:>8}: Port -> {attempt(convert, port)}, "
        f"Celsius -> {attempt(convert, temperature)}"
    )
print(["a", "b", "c"][Port(1)], "abc"[: Port(2)])
# --8<-- [end:protocols]


# --8<-- [start:trunc_fallback]
import warnings


class OnlyTrunc:
    """Defines __trunc__ (for math.trunc) but neither __int__ nor __index__."""

    def __trunc__(self):
        return 7


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    result = attempt(int, OnlyTrunc())
print(result, [warning.category.__name__ for warning in caught])
# --8<-- [end:trunc_fallback]
