"""Claims of docs/questions/lambda-functions.md."""

from __future__ import annotations

import ast
import dis
import functools
import inspect
import operator
import pickle
import types
from pathlib import Path

import pytest

from snippets.lambda_functions import expressions as ex
from snippets.lambda_functions import in_practice as ip

EXPRESSIONS_SOURCE = Path(ex.__file__).read_text()


def lambda_nodes(source: str) -> list[ast.Lambda]:
    return [
        node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Lambda)
    ]


def module_level_function(row: dict) -> str:
    return row["sku"]


module_level_lambda = lambda row: row["sku"]  # noqa: E731


# One expression, not one line -------------------------------------------------


def test_a_lambda_body_spans_several_lines_inside_brackets() -> None:
    assert ex.source_lines(ex.SORT_ORDERS["urgency"]) == 3
    assert ex.source_lines(ex.SORT_ORDERS["newest"]) == 1


def test_the_multi_line_body_is_one_expression_node() -> None:
    multi_line = [
        node
        for node in lambda_nodes(EXPRESSIONS_SOURCE)
        if node.end_lineno > node.lineno
    ]
    assert multi_line, "the snippet has a lambda written over several lines"
    for node in multi_line:
        # ast.Lambda has a single `body` field holding one expression node.
        assert isinstance(node.body, ast.expr)
        assert isinstance(node.body, ast.Tuple)


def test_a_lambda_is_an_expression_not_a_statement() -> None:
    tree = ast.parse("lambda x: (\n    x + 1\n)", mode="eval")
    assert isinstance(tree.body, ast.Lambda)


def test_sorting_with_lambda_keys() -> None:
    urgency = sorted(ex.TICKETS, key=ex.SORT_ORDERS["urgency"])
    assert [t["id"] for t in urgency] == [102, 103, 101]
    newest = sorted(ex.TICKETS, key=ex.SORT_ORDERS["newest"])
    assert [t["id"] for t in newest] == [102, 101, 103]


# What cannot go in ------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "f = lambda x: return x",
        "f = lambda: pass",
        "f = lambda x: x = 1",
        "f = lambda: assert True",
        "f = lambda: raise ValueError",
        "f = lambda: import os",
        "f = lambda x: del x",
        "f = lambda: for x in y: x",
    ],
)
def test_statements_in_a_lambda_are_a_syntax_error(source: str) -> None:
    with pytest.raises(SyntaxError):
        compile(source, "<test>", "exec")
    assert ex.compile_error(source).startswith("SyntaxError: ")


def test_lambda_parameters_cannot_be_annotated() -> None:
    assert ex.compile_error("f = lambda x: int: x").startswith("SyntaxError")
    assert ex.describe.__annotations__ == {}


def test_expressions_that_look_like_more_compile() -> None:
    assert ex.compile_error("f = lambda x: (\n    x + 1\n)") == "compiles"
    assert ex.compile_error("f = lambda x: print(x) or x") == "compiles"


# Parameters -------------------------------------------------------------------


def test_every_parameter_kind_works_in_a_lambda() -> None:
    kinds = [p.kind for p in inspect.signature(ex.describe).parameters.values()]
    # All five kinds of the ParameterKind enum appear in one lambda.
    assert set(kinds) == set(type(inspect.Parameter.POSITIONAL_ONLY))
    assert len(set(kinds)) == 5
    assert str(inspect.signature(ex.describe)) == "(a, /, b, *args, c, d=4, **kwargs)"
    assert ex.describe(1, 2, 3, c=5, e=6) == (1, 2, (3,), 5, 4, {"e": 6})


def test_positional_only_and_keyword_only_are_enforced() -> None:
    with pytest.raises(TypeError):
        ex.describe(a=1, b=2, c=3)
    with pytest.raises(TypeError):
        ex.describe(1, 2, 3)  # c is keyword-only and has no default


# Names and tracebacks ---------------------------------------------------------


def test_a_lambda_is_named_lambda_even_when_assigned() -> None:
    assert ex.ratio_lambda.__name__ == "<lambda>"
    assert ex.ratio_lambda.__qualname__ == "<lambda>"
    assert ex.ratio.__name__ == "ratio"


def test_the_traceback_frame_says_lambda() -> None:
    assert ex.failing_frame(ex.ratio_lambda) == "<lambda>"
    assert ex.failing_frame(ex.ratio) == "ratio"


# Same code as a def -----------------------------------------------------------


def test_lambda_and_def_compile_to_the_same_code() -> None:
    lam, fun = ex.double.__code__, ex.double_def.__code__
    assert lam.co_code == fun.co_code
    assert lam.co_consts == fun.co_consts
    assert lam.co_varnames == fun.co_varnames
    assert lam.co_flags == fun.co_flags
    assert ex.opnames(ex.double) == ex.opnames(ex.double_def)
    assert ex.opnames(ex.double) == [
        i.opname for i in dis.get_instructions(ex.double_def)
    ]


def test_only_names_and_positions_differ() -> None:
    lam, fun = ex.double.__code__, ex.double_def.__code__
    assert (lam.co_name, fun.co_name) == ("<lambda>", "double_def")
    assert lam.co_qualname != fun.co_qualname


def test_a_lambda_makes_an_ordinary_function_object() -> None:
    assert type(ex.double) is types.FunctionType
    assert type(ex.double) is type(ex.double_def)


# Closures ---------------------------------------------------------------------


def test_lambdas_made_in_a_loop_read_the_variable_late() -> None:
    # The module rebinds `status` to 302 after the loop.
    assert [handler() for handler in ip.handlers] == ["handled 302"] * 3


def test_late_binding_follows_the_current_value() -> None:
    handlers = [lambda: f"handled {code}" for code in (200, 404, 500)]  # noqa: B023
    assert [h() for h in handlers] == ["handled 500"] * 3


def test_a_default_argument_or_partial_binds_early() -> None:
    assert [h() for h in ip.bound_early] == ["handled 200", "handled 404"]
    assert [h() for h in ip.with_partial] == ["handled 200", "handled 404"]


# Alternatives -----------------------------------------------------------------


def test_operator_getters_match_the_lambdas_they_replace() -> None:
    by_lambda = sorted(ip.orders, key=lambda o: o.total)
    assert sorted(ip.orders, key=operator.attrgetter("total")) == by_lambda
    by_city = sorted(ip.orders, key=operator.attrgetter("customer.city"))
    assert [o.number for o in by_city] == [2, 1, 3]
    assert sorted(ip.rows, key=operator.itemgetter("sku")) == sorted(
        ip.rows, key=lambda r: r["sku"]
    )
    assert operator.itemgetter("sku", "qty")(ip.rows[0]) == ("B-2", 1)
    assert list(map(operator.methodcaller("upper"), ["get"])) == ["GET"]


def test_partial_and_plain_methods_need_no_lambda() -> None:
    assert ip.to_int_base2("1010") == 10
    assert sorted(["beta", "Alpha"], key=str.casefold) == ["Alpha", "beta"]


# Expressions inside -----------------------------------------------------------


def test_conditional_expression_in_a_lambda() -> None:
    assert ip.shipping["express"](120) == 0
    assert ip.shipping["express"](30) == 15


def test_walrus_in_a_lambda_needs_parentheses() -> None:
    finder = lambda name: (found := ip.VERSION.search(name)) and found.group(1)  # noqa: E731
    assert finder("python-3.13.tgz") == "3.13"
    assert finder("readme.txt") is None
    with pytest.raises(SyntaxError):
        compile("f = lambda line: found := line", "<test>", "exec")


def test_the_walrus_binds_inside_the_lambda_only() -> None:
    namespace: dict = {}
    exec("f = lambda: (inner := 1)\nf()", namespace)
    assert "inner" not in namespace


def test_a_lambda_can_even_be_a_generator_but_never_async() -> None:
    generator = lambda: (yield 1)  # noqa: E731
    assert inspect.isgeneratorfunction(generator)
    assert list(generator()) == [1]
    with pytest.raises(SyntaxError):
        compile("f = async lambda: 1", "<test>", "exec")
    with pytest.raises(SyntaxError):
        compile("async def g():\n    f = lambda: await x", "<test>", "exec")


# Pickling ---------------------------------------------------------------------


def test_lambdas_do_not_pickle_but_getters_and_partials_do() -> None:
    assert ip.pickles(module_level_lambda) is False
    assert ip.pickles(lambda row: row["sku"]) is False  # a local one too
    assert ip.pickles(operator.itemgetter("sku")) is True
    assert ip.pickles(functools.partial(int, base=2)) is True
    assert ip.pickles(module_level_function) is True
    # pickle stores a function as "module.qualified name"; "<lambda>" is no name.
    with pytest.raises(pickle.PicklingError):
        pickle.dumps(module_level_lambda)


def test_a_process_pool_cannot_send_a_lambda() -> None:
    """multiprocessing (and so ProcessPoolExecutor) pickles with ForkingPickler."""
    from multiprocessing.reduction import ForkingPickler

    with pytest.raises((pickle.PicklingError, AttributeError)):
        ForkingPickler.dumps(module_level_lambda)
    assert ForkingPickler.dumps(operator.itemgetter("sku"))


# Pitfalls and follow-ups --------------------------------------------------------


def test_def_in_a_loop_binds_late_too() -> None:
    handlers = []
    for code in (200, 404):

        def handler() -> str:
            return f"handled {code}"  # noqa: B023

        handlers.append(handler)
    assert [h() for h in handlers] == ["handled 404", "handled 404"]


def test_the_default_argument_fix_accepts_a_caller_argument() -> None:
    handler = ip.bound_early[0]
    assert handler() == "handled 200"
    assert handler(500) == "handled 500"  # silently overridden
    with pytest.raises(TypeError):
        ip.with_partial[0](500)  # partial(handle, 200) takes no more arguments


def test_a_comprehension_says_what_map_and_filter_with_lambdas_say() -> None:
    xs = [-2, 1, 3]
    assert list(map(lambda x: x * 2, filter(lambda x: x > 0, xs))) == [
        x * 2 for x in xs if x > 0
    ]


def test_a_lambda_that_only_forwards_is_the_function_itself() -> None:
    words = ["b", "A", "c"]
    assert sorted(words, key=lambda s: s.lower()) == sorted(words, key=str.lower)


def test_lambdas_in_common_callback_slots() -> None:
    import collections
    import re

    missing = collections.defaultdict(lambda: "n/a")
    assert missing["anything"] == "n/a"
    assert re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b20") == "a2b40"
    assert max(["aa", "b"], key=lambda s: len(s)) == "aa"


def test_a_decorator_is_a_callable_so_it_takes_a_lambda() -> None:
    square = functools.cache(lambda x: x * x)
    assert square(4) == 16
    assert square.cache_info().hits == 0
    square(4)
    assert square.cache_info().hits == 1


def test_a_docstring_can_only_be_assigned_afterwards() -> None:
    f = lambda: None  # noqa: E731
    assert f.__doc__ is None
    f.__doc__ = "Assigned by hand."
    assert f.__doc__ == "Assigned by hand."


def test_line_positions_differ_between_lambda_and_def() -> None:
    assert ex.double.__code__.co_firstlineno != ex.double_def.__code__.co_firstlineno


def run_ruff(rule: str, source: str) -> str:
    import subprocess
    import sys

    result = subprocess.run(
        [
            *(sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated"),
            *("--select", rule, "--output-format", "concise"),
            *("--stdin-filename", "example.py", "-"),
        ],
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.stdout


def test_linters_report_an_assigned_lambda_as_e731() -> None:
    assert "E731" in run_ruff("E731", "f = lambda x: 2 * x\n")
    assert "E731" not in run_ruff("E731", "def f(x):\n    return 2 * x\n")


def test_linters_report_late_binding_in_a_loop_as_b023() -> None:
    source = "fs = []\nfor i in range(3):\n    fs.append(lambda: i)\n"
    assert "B023" in run_ruff("B023", source)


# Predict the output -------------------------------------------------------------


def test_predict_late_binding_loop(predict) -> None:
    out = predict("lambda_functions/predict.py:late_binding_loop")
    # Each closure reads i when called (after the loop: 2); a default binds it early.
    assert out.splitlines() == ["[2, 2, 2]", "[0, 1, 2]"]


def test_predict_stable_sort(predict) -> None:
    out = predict("lambda_functions/predict.py:stable_sort")
    # Equal keys keep their input order, with reverse=True too.
    assert out.splitlines() == [
        "['fig', 'pear', 'kiwi', 'plum', 'apple']",
        "['apple', 'pear', 'kiwi', 'plum', 'fig']",
    ]
    words = ["pear", "fig", "apple", "kiwi", "plum"]
    descending = sorted(words, key=len, reverse=True)
    assert descending != list(reversed(sorted(words, key=len)))


def test_predict_lambda_precedence(predict) -> None:
    out = predict("lambda_functions/predict.py:lambda_precedence")
    # The comma is outside the lambda: the name holds a tuple (lambda, 2).
    assert out.splitlines() == ["tuple 2", "10 2", "(10, 2)"]
    tree = ast.parse("pair = lambda x: x, 2")
    value = tree.body[0].value
    assert isinstance(value, ast.Tuple)
    assert isinstance(value.elts[0], ast.Lambda)


def test_predict_default_evaluated_once(predict) -> None:
    out = predict("lambda_functions/predict.py:default_evaluated_once")
    # One list, made when the lambda was created, shared by every call without one.
    assert out.splitlines() == ["['a']", "['a', 'b']", "['c']", "<lambda>"]
