"""Rounding and the limits of binary floating point."""

# --8<-- [start:rounding]
print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -2.5)])  # half to even
print(round(2.675, 2))  # 2.675 is stored as 2.67499999...
print(round(1234.5678, -2), type(round(7.5)).__name__)
# --8<-- [end:rounding]


# --8<-- [start:half_up]
from decimal import ROUND_HALF_UP, Decimal


def round_half_up(text, places="0.01"):
    """Commercial rounding of a decimal string, exact."""
    return Decimal(text).quantize(Decimal(places), rounding=ROUND_HALF_UP)


print(round_half_up("2.675"), round_half_up("2.5", "1"))
price = 2.675  # a float
print(Decimal(price))  # the float already lost the exact value
# --8<-- [end:half_up]


# --8<-- [start:float_precision]
import math
from fractions import Fraction

print(0.1 + 0.2, 0.1 + 0.2 == 0.3)
print(math.isclose(0.1 + 0.2, 0.3))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"))
tenth = 0.1
print(Decimal(tenth))  # the exact binary value of the float 0.1
print(Fraction(1, 10) + Fraction(2, 10))
print(Fraction("0.1") == Fraction(tenth))
print((0.1).as_integer_ratio())
print(float(Fraction(1, 3)), int(Fraction(-7, 2)))
# --8<-- [end:float_precision]
