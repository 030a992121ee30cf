"""Predict the output: conversion traps (each section runs alone)."""

# --8<-- [start:int_of_text_and_float]
print(int(3.9), int(-3.9))
print(int(float("3.0")))
try:
    int("3.0")
except ValueError as error:
    print(type(error).__name__, error)
# --8<-- [end:int_of_text_and_float]


# --8<-- [start:bool_of_text]
print(bool("False"), bool("0"), bool(" "))
print(bool(""), bool(0), bool(0.0))
print(bool(int("0")))
# --8<-- [end:bool_of_text]


# --8<-- [start:round_half_even]
print(round(0.5), round(1.5), round(2.5), round(-2.5))
print(round(2.675, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
# --8<-- [end:round_half_even]


# --8<-- [start:float_cents]
total = 0.1 + 0.2
print(total == 0.3, total)
price = "19.99"
print(int(float(price) * 100))
print(round(float(price) * 100))
# --8<-- [end:float_cents]
