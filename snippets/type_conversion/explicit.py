"""Explicit conversion: int(), float(), bool(), str(), ast.literal_eval."""


# --8<-- [start:outcome]
def outcome(convert, *args):
    """Call convert(*args); return its repr, or the name of the error raised."""
    try:
        return repr(convert(*args))
    except Exception as error:
        return type(error).__name__


print(outcome(int, "7"), outcome(int, "seven"))
# --8<-- [end:outcome]


# --8<-- [start:truncation]
import math

for value in (3.99, -3.99):
    print(
        f"{value}: int={int(value)} trunc={math.trunc(value)}"
        f" floor={math.floor(value)} ceil={math.ceil(value)}"
        f" round={round(value)}"
    )
# --8<-- [end:truncation]


# --8<-- [start:parsing]
examples = [
    (" 42\n",),  # surrounding whitespace is stripped
    ("-1_000_000",),  # underscores between digits, as in literals
    ("\u0664\u0662",),  # ARABIC-INDIC digits four and two
    ("\uff14\uff12",),  # FULLWIDTH digits
    ("0x1A", 0),  # base 0: the prefix picks the base
    ("0b101", 0),
    ("0o17", 0),
    ("1A", 16),
    ("0x1A", 16),  # a prefix matching the base is allowed
    ("zz", 36),
    (b"42",),  # bytes work too
]
for args in examples:
    shown = ", ".join(map(ascii, args))
    print(f"int({shown}) -> {outcome(int, *args)}")
# --8<-- [end:parsing]


# --8<-- [start:errors]
import reprlib

failures = [
    (int, "3.5"),  # not an integer literal
    (int, "010", 0),  # leading zero is ambiguous with base 0
    (int, "1__0"),  # underscores only singly between digits
    (int, "\u00b2"),  # SUPERSCRIPT TWO: a digit, but not a decimal digit
    (int, None),  # wrong type
    (int, 3.5, 10),  # base is only for strings
    (int, float("inf")),  # no int is infinite
    (int, float("nan")),
    (float, "1,5"),
    (float, 10**400),  # too big for a double
]
for convert, *args in failures:
    shown = ", ".join(map(reprlib.repr, args))
    print(f"{convert.__name__}({shown}) -> {outcome(convert, *args)}")
print("\u00b2".isdigit(), "\u00b2".isdecimal())
# --8<-- [end:errors]


# --8<-- [start:floats_from_text]
for text in (" 1e3 ", "-0.5", "1_000.5", "nan", "-Infinity", "0x10"):
    print(f"float({text!r}) -> {outcome(float, text)}")
print(outcome(complex, "1+2j"), outcome(complex, "1 + 2j"))
# --8<-- [end:floats_from_text]


# --8<-- [start:truthiness]
for value in ("False", "0", "", " ", 0, 0.0, [], [0], None):
    print(f"bool({value!r}) -> {bool(value)}")


def parse_bool(text):
    """Read a flag from configuration text, refusing anything unexpected."""
    normal = text.strip().lower()
    if normal in {"1", "true", "yes", "on"}:
        return True
    if normal in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"not a boolean: {text!r}")


print(parse_bool("False"), parse_bool(" yes "), outcome(parse_bool, "maybe"))
# --8<-- [end:truthiness]


# --8<-- [start:to_text]
print(str(42), str(0.1), str(None), str(True))
print(str(b"caf\xc3\xa9"))  # the repr of the bytes, not the text
print(b"caf\xc3\xa9".decode("utf-8"))  # decode to get the text
print(repr("42"), repr(42))
# --8<-- [end:to_text]


# --8<-- [start:literal_eval]
import ast

print(ast.literal_eval("[1, 2.5, 'x', None, (True, {3: 'y'})]"))
print(ast.literal_eval("-5"), ast.literal_eval("2+3j"))
for source in ("__import__('os').getcwd()", "1 + 1", "open('x')"):
    print(f"{source!r} -> {outcome(ast.literal_eval, source)}")
# --8<-- [end:literal_eval]


# --8<-- [start:literal_eval_hostile]
hostile = {
    "nested brackets": "[" * 300 + "]" * 300,
    "a dict inside a set": "{{}}",
    "minus signs": "-" * 100_000 + "1",
}
for name, source in hostile.items():
    error = outcome(ast.literal_eval, source)
    print(f"{name}, {len(source):,} characters -> {error}")
# --8<-- [end:literal_eval_hostile]


# --8<-- [start:max_str_digits]
import sys

print(sys.int_info.default_max_str_digits)  # 4300 unless configured
huge_text = "1" * 5000
print(outcome(int, huge_text))
print(len(hex(int(huge_text, 16))))  # power-of-two bases: no limit

previous = sys.get_int_max_str_digits()
sys.set_int_max_str_digits(0)  # 0 disables the check
try:
    print(len(str(int(huge_text))))
finally:
    sys.set_int_max_str_digits(previous)
print(outcome(str, 10**5000))  # int -> str is limited too
# --8<-- [end:max_str_digits]
