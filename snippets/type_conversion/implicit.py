"""Implicit conversion: numbers widen, text never turns into a number."""

# --8<-- [start:promotion]
print(1 + 2.0, type(1 + 2.0).__name__)  # int -> float
print(1 + 2j, type(2.0 + 2j).__name__)  # int/float -> complex
print(True + True, type(True + 1).__name__)  # bool is an int
print(7 / 2, 6 / 2, 7 // 2)  # / always gives a float
print(2**-1, 2**10)  # a negative exponent gives a float

try:
    1 + "2"  # noqa: B018
except TypeError as error:
    print(f"TypeError: {error}")
print("2" * 3, int("2") * 3)  # str * int repeats, it does not convert
print(f"{1}{'2'}", str(1) + "2")  # text needs an explicit str()
# --8<-- [end:promotion]


# --8<-- [start:mixed_comparison]
big = 2**53 + 1  # the first int a double cannot hold
print(float(big) == 2**53)  # rounded on conversion
print(big == float(big))  # int == float compares exact values
print(1 == 1.0 == (1 + 0j), hash(1) == hash(1.0))
one_key = {1: "int", 1.0: "float", True: "bool"}  # noqa: F601
print(one_key)
print(1 == "1", "1" < "2")
try:
    1 < "2"  # noqa: B015
except TypeError as error:
    print(f"TypeError: {error}")
# --8<-- [end:mixed_comparison]


# --8<-- [start:overflow_in_arithmetic]
try:
    10**400 + 0.5
except OverflowError as error:
    print(f"OverflowError: {error}")
print(10**400 // 1 > 0)  # int arithmetic has no such limit
print(1e308 * 10)  # float arithmetic overflows to inf instead
# --8<-- [end:overflow_in_arithmetic]
