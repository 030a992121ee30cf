"""Claims of docs/questions/type-conversion.md."""

from __future__ import annotations

import ast
import math
import operator
import sys
import warnings
from decimal import Decimal
from fractions import Fraction

import pytest

from snippets.type_conversion import explicit, implicit, precision, protocols


def test_outcome_reports_value_or_error_name() -> None:
    assert explicit.outcome(int, "7") == "7"
    assert explicit.outcome(int, "x") == "ValueError"


def test_int_truncates_toward_zero() -> None:
    assert int(3.99) == 3
    assert int(-3.99) == -3
    assert math.floor(-3.99) == -4
    assert math.ceil(-3.99) == -3
    assert math.trunc(-3.99) == -3
    assert round(-3.99) == -4


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((" 42\n",), 42),
        (("-1_000_000",), -1_000_000),
        (("\u0664\u0662",), 42),
        (("\uff14\uff12",), 42),
        (("0x1A", 0), 26),
        (("0b101", 0), 5),
        (("0o17", 0), 15),
        (("1A", 16), 26),
        (("0x1A", 16), 26),
        (("zz", 36), 1295),
        ((b"42",), 42),
        ((bytearray(b" 7 "),), 7),
    ],
)
def test_int_parses_these_strings(args: tuple, expected: int) -> None:
    assert int(*args) == expected
    assert args in explicit.examples or isinstance(args[0], bytearray)


@pytest.mark.parametrize(
    ("convert", "args", "error"),
    [
        (int, ("3.5",), ValueError),
        (int, ("010", 0), ValueError),
        (int, ("1__0",), ValueError),
        (int, ("_1",), ValueError),
        (int, ("\u00b2",), ValueError),
        (int, (None,), TypeError),
        (int, (3.5, 10), TypeError),
        (int, (float("inf"),), OverflowError),
        (int, (float("nan"),), ValueError),
        (float, ("1,5",), ValueError),
        (float, (10**400,), OverflowError),
        (float, ("0x10",), ValueError),
        (complex, ("1 + 2j",), ValueError),
    ],
)
def test_conversion_errors_have_specific_types(convert, args, error) -> None:
    with pytest.raises(error):
        convert(*args)


def test_snippet_error_table_matches() -> None:
    names = [explicit.outcome(c, *a) for c, *a in explicit.failures]
    assert names == [
        "ValueError",
        "ValueError",
        "ValueError",
        "ValueError",
        "TypeError",
        "TypeError",
        "OverflowError",
        "ValueError",
        "ValueError",
        "OverflowError",
    ]


def test_010_is_fine_without_base_zero() -> None:
    assert int("010") == 10
    assert int("010", 8) == 8


def test_superscript_is_a_digit_but_not_decimal() -> None:
    assert "\u00b2".isdigit()
    assert not "\u00b2".isdecimal()
    assert "\u0664".isdecimal()


def test_float_parsing() -> None:
    assert float(" 1e3 ") == 1000.0
    assert float("1_000.5") == 1000.5
    assert math.isnan(float("nan"))
    assert float("-Infinity") == -math.inf
    assert complex("1+2j") == 1 + 2j


@pytest.mark.parametrize(
    ("value", "truth"),
    [
        ("False", True),
        ("0", True),
        ("", False),
        (" ", True),
        (0, False),
        (0.0, False),
        ([], False),
        ([0], True),
        (None, False),
    ],
)
def test_bool_is_truthiness_not_parsing(value: object, truth: bool) -> None:
    assert bool(value) is truth


def test_parse_bool_reads_text_explicitly() -> None:
    assert explicit.parse_bool("False") is False
    assert explicit.parse_bool(" yes ") is True
    assert explicit.parse_bool("0") is False
    with pytest.raises(ValueError, match="not a boolean"):
        explicit.parse_bool("maybe")


def test_str_of_bytes_is_its_repr() -> None:
    assert str(b"caf\xc3\xa9") == "b'caf\\xc3\\xa9'"
    assert b"caf\xc3\xa9".decode("utf-8") == "café"


def test_literal_eval_accepts_literals_only() -> None:
    assert ast.literal_eval("[1, 2.5, 'x', None, (True, {3: 'y'})]") == [
        1,
        2.5,
        "x",
        None,
        (True, {3: "y"}),
    ]
    assert ast.literal_eval("2+3j") == 2 + 3j
    assert ast.literal_eval("-5") == -5
    for source in ("__import__('os').getcwd()", "1 + 1", "open('x')"):
        with pytest.raises(ValueError, match="malformed"):
            ast.literal_eval(source)


def test_literal_eval_fails_on_hostile_text_with_more_than_value_error() -> None:
    """The ast docs: not recommended on untrusted data; it can raise ValueError,
    TypeError, SyntaxError, MemoryError and RecursionError, and exhaust memory."""
    expected = {
        "a dict inside a set": (4, TypeError),
        "nested brackets": (600, SyntaxError),
        "minus signs": (100_001, MemoryError),
    }
    for name, source in explicit.hostile.items():
        size, error = expected[name]
        assert len(source) == size
        with pytest.raises(error) as raised:
            ast.literal_eval(source)
        assert not isinstance(raised.value, ValueError), name


def test_int_str_digit_limit() -> None:
    assert sys.int_info.default_max_str_digits == 4300
    assert sys.get_int_max_str_digits() == 4300  # nothing configured here
    with pytest.raises(ValueError, match="limit"):
        int("1" * 5000)
    with pytest.raises(ValueError, match="limit"):
        str(10**5000)
    assert int("1" * 4300) > 0  # the limit itself is allowed
    assert int("f" * 5000, 16) > 0  # power-of-two bases are not limited
    assert len(hex(int("1" * 5000, 16))) == 5002


def test_the_limit_can_be_lifted_and_restored() -> None:
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        assert len(str(int("1" * 5000))) == 5000
    finally:
        sys.set_int_max_str_digits(previous)
    assert sys.get_int_max_str_digits() == previous
    with pytest.raises(ValueError, match="640"):
        sys.set_int_max_str_digits(100)  # below the 640 minimum


def test_numeric_promotion() -> None:
    assert type(1 + 2.0) is float
    assert type(2.0 + 2j) is complex
    assert type(True + 1) is int
    assert True + True == 2
    assert 7 / 2 == 3.5
    assert type(6 / 2) is float
    assert 7 // 2 == 3
    assert 2**-1 == 0.5


def test_text_is_never_converted_implicitly() -> None:
    with pytest.raises(TypeError):
        1 + "2"  # type: ignore[operator]  # noqa: B018
    with pytest.raises(TypeError):
        1 < "2"  # type: ignore[operator]  # noqa: B015
    assert "2" * 3 == "222"
    assert 1 != "1"


def test_int_float_comparison_is_exact() -> None:
    big = 2**53 + 1
    assert float(big) == 2**53
    assert big != float(big)
    assert 1 == 1.0 == 1 + 0j
    assert hash(1) == hash(1.0) == hash(True)
    assert implicit.one_key == {1: "bool"}
    assert dict([(1, "int"), (1.0, "float"), (True, "bool")]) == {1: "bool"}


def test_int_to_float_overflow() -> None:
    with pytest.raises(OverflowError):
        10**400 + 0.5
    assert math.isinf(1e308 * 10)


def test_round_half_to_even() -> None:
    assert [round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -2.5)] == [0, 2, 2, 4, 0, -2]
    assert round(2.675, 2) == 2.67
    assert type(round(7.5)) is int
    assert type(round(7.5, 0)) is float
    assert round(1234.5678, -2) == 1200.0


def test_decimal_rounds_half_up_on_request() -> None:
    assert precision.round_half_up("2.675") == Decimal("2.68")
    assert precision.round_half_up("2.5", "1") == Decimal("3")
    price = 2.675
    assert Decimal(price) < Decimal("2.675")
    assert precision.price == price


def test_binary_floats_are_inexact_decimal_and_fraction_are_not() -> None:
    assert 0.1 + 0.2 != 0.3
    assert math.isclose(0.1 + 0.2, 0.3)
    assert Decimal("0.1") + Decimal("0.2") == Decimal("0.3")
    assert Decimal(precision.tenth) != Decimal("0.1")
    assert Fraction(1, 10) + Fraction(2, 10) == Fraction(3, 10)
    assert Fraction("0.1") != Fraction(precision.tenth)
    assert (0.1).as_integer_ratio() == (3602879701896397, 36028797018963968)
    assert int(Fraction(-7, 2)) == -3


def test_index_protocol_makes_an_exact_integer() -> None:
    port = protocols.Port(8080)
    assert int(port) == 8080
    assert float(port) == 8080.0  # falls back to __index__ (3.8+)
    assert complex(port) == 8080 + 0j
    assert operator.index(port) == 8080
    assert hex(port) == "0x1f90"
    assert ["a", "b", "c"][protocols.Port(1)] == "b"


def test_int_and_float_without_index_are_not_integers() -> None:
    temperature = protocols.Celsius(21.7)
    assert int(temperature) == 21
    assert float(temperature) == 21.7
    assert complex(temperature) == 21.7 + 0j  # falls back to __float__
    with pytest.raises(TypeError):
        operator.index(temperature)
    with pytest.raises(TypeError):
        hex(temperature)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        [1, 2][temperature]  # type: ignore[index]


def test_floats_have_no_index() -> None:
    with pytest.raises(TypeError):
        operator.index(2.0)
    index = 1.0
    with pytest.raises(TypeError):
        [1, 2, 3][index]  # type: ignore[index]


@pytest.mark.skipif(
    sys.version_info >= (3, 14), reason="3.14 removed int()'s __trunc__ fallback"
)
def test_trunc_fallback_is_deprecated_before_314() -> None:
    with pytest.warns(DeprecationWarning, match="__trunc__"):
        assert int(protocols.OnlyTrunc()) == 7
    assert protocols.result == "7"


@pytest.mark.skipif(
    sys.version_info < (3, 14), reason="the __trunc__ fallback exists until 3.13"
)
def test_trunc_fallback_is_gone_in_314() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TypeError):
            int(protocols.OnlyTrunc())


def test_math_trunc_still_uses_trunc() -> None:
    assert math.trunc(protocols.OnlyTrunc()) == 7


def test_float_has_no_hex_parsing_but_fromhex_does() -> None:
    assert float.fromhex("0x10") == 16.0
    assert float("INFINITY") == float("inf")
    assert float("-iNf") == -math.inf


def test_truncating_a_float_price_loses_a_cent() -> None:
    assert 19.99 * 100 == 1998.9999999999998
    assert int(float("19.99") * 100) == 1998
    assert Decimal("19.99") * 100 == 1999


def test_index_is_used_by_range_and_bin() -> None:
    assert list(range(protocols.Port(3))) == [0, 1, 2]
    assert bin(protocols.Port(5)) == "0b101"


def test_bool_uses_bool_then_len() -> None:
    class Empty:
        def __len__(self) -> int:
            return 0

    class AlwaysFalse:
        def __bool__(self) -> bool:
            return False

        def __len__(self) -> int:
            return 1

    assert bool(Empty()) is False
    assert bool(AlwaysFalse()) is False
    assert bool(object()) is True


def test_limit_minimum_is_640() -> None:
    previous = sys.get_int_max_str_digits()
    try:
        sys.set_int_max_str_digits(640)
        assert sys.get_int_max_str_digits() == 640
        assert sys.int_info.str_digits_check_threshold == 640
    finally:
        sys.set_int_max_str_digits(previous)


def test_limit_from_environment_and_x_option() -> None:
    import os
    import subprocess

    code = "import sys; print(sys.get_int_max_str_digits())"
    env = {**os.environ, "PYTHONINTMAXSTRDIGITS": "5000"}
    by_env = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert by_env.stdout.strip() == "5000"
    by_option = subprocess.run(
        [sys.executable, "-X", "int_max_str_digits=0", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert by_option.stdout.strip() == "0"


def test_true_division_always_gives_float() -> None:
    assert 6 / 2 == 3.0
    assert isinstance(6 / 2, float)
    assert isinstance(6 // 2, int)


def test_index_is_used_by_slicing() -> None:
    assert "abc"[: protocols.Port(2)] == "ab"


# Predict the output -------------------------------------------------------------


def test_predict_int_of_text_and_float(predict) -> None:
    out = predict("type_conversion/predict.py:int_of_text_and_float")
    # int() truncates a float toward zero but parses only integer text.
    assert out.splitlines() == [
        "3 -3",
        "3",
        "ValueError invalid literal for int() with base 10: '3.0'",
    ]


def test_predict_bool_of_text(predict) -> None:
    out = predict("type_conversion/predict.py:bool_of_text")
    # Any non-empty string is true; only parsing the text reads its meaning.
    assert out.splitlines() == ["True True True", "False False False", "False"]


def test_predict_round_half_even(predict) -> None:
    out = predict("type_conversion/predict.py:round_half_even")
    # Ties go to the even neighbour; 2.675 is stored just below the tie.
    assert out.splitlines() == ["0 2 2 -2", "2.67", "int float"]
    assert Decimal(2.675) < Decimal("2.675")  # noqa: RUF032 (the float on purpose)


def test_predict_float_cents(predict) -> None:
    out = predict("type_conversion/predict.py:float_cents")
    assert out.splitlines() == ["False 0.30000000000000004", "1998", "1999"]
    assert float("19.99") * 100 < 1999


def test_literal_eval_accepts_ellipsis_and_signed_numbers() -> None:
    assert ast.literal_eval("...") is Ellipsis
    assert ast.literal_eval("+5") == 5
    assert ast.literal_eval("-1.5-2j") == -1.5 - 2j
    with pytest.raises(ValueError, match="malformed node or string"):
        ast.literal_eval("2 + 3")  # +/- only joins a real and an imaginary part
