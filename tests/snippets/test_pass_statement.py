"""Claims of docs/questions/pass-statement.md."""

from __future__ import annotations

import ast
import dis

import pytest

from snippets.pass_statement import null_statement as ns


def test_a_pass_body_returns_none() -> None:
    assert ns.do_nothing() is None
    assert ns.with_pass() is None
    assert ns.with_ellipsis() is None


def test_pass_parses_to_a_pass_node() -> None:
    (node,) = ast.parse("pass").body
    assert isinstance(node, ast.Pass)


def test_pass_ellipsis_and_docstring_compile_to_the_same_instructions() -> None:
    assert ns.instructions(ns.with_pass) == ns.instructions(ns.with_ellipsis)
    assert ns.instructions(ns.with_pass) == ns.instructions(ns.with_docstring)


def test_pass_emits_no_instruction_of_its_own() -> None:
    """Only the implicit `return None` remains: no NOP or other work for `pass`."""
    names = ns.instructions(ns.with_pass)
    assert "NOP" not in names
    assert names[-1] in {"RETURN_VALUE", "RETURN_CONST"}
    assert all(
        name in {"RESUME", "LOAD_CONST", "RETURN_VALUE", "RETURN_CONST"}
        for name in names
    )


def test_a_docstring_alone_is_a_body_and_becomes_doc() -> None:
    assert ns.with_docstring() is None
    assert ns.with_docstring.__doc__ == "A docstring alone is a complete body."


def test_an_empty_block_is_an_indentation_error() -> None:
    with pytest.raises(IndentationError):
        compile("def f():\n", "<test>", "exec")
    assert ns.compile_error("def f():\n").startswith("IndentationError: ")
    assert ns.compile_error("def f():\n    pass\n") is None
    assert issubclass(IndentationError, SyntaxError)


def test_abstract_method_blocks_instantiation() -> None:
    with pytest.raises(TypeError, match="abstract"):
        ns.Storage()


def test_not_implemented_error_fails_at_the_call() -> None:
    with pytest.raises(NotImplementedError, match="not written yet"):
        ns.Draft().publish()
    assert NotImplementedError is not NotImplemented
    assert issubclass(NotImplementedError, RuntimeError)


def test_an_empty_class_with_pass_instantiates() -> None:
    assert isinstance(ns.Empty(), ns.Empty)


def test_pass_falls_through_where_continue_skips() -> None:
    # 0 takes the `pass` branch and still reaches the append after it.
    assert ns.first_negative_and_skipped([3, 0, 5, -2, 7]) == (-2, [3, 0, 5])
    assert ns.first_negative_and_skipped([1, 2]) == (None, [1, 2])


def test_except_pass_hides_a_bug_that_suppress_reports() -> None:
    assert ns.parse_port_swallowing("80a") == 8000
    assert ns.parse_port_suppressing("80a") == 8000
    assert ns.parse_port_swallowing("8080") == 8080
    assert ns.parse_port_suppressing("8080") == 8080
    assert ns.parse_port_swallowing(None) == 8000  # the TypeError vanished
    with pytest.raises(TypeError):
        ns.parse_port_suppressing(None)


def test_case_wildcard_with_pass_matches_anything() -> None:
    def classify(subject: object) -> str:
        result = "unmatched"
        match subject:
            case int():
                result = "int"
            case _:
                pass
        return result

    assert classify(1) == "int"
    assert classify("x") == "unmatched"
    assert dis.Bytecode(classify)  # compiles and disassembles


def test_predict_pass_does_not_leave_the_function(predict) -> None:
    assert predict("pass_statement/predict.py:pass_is_not_return") == "still running\n"


def test_predict_pass_does_not_skip_the_loop_body(predict) -> None:
    printed = predict("pass_statement/predict.py:pass_is_not_continue").split()
    assert printed == ["0", "1", "2", "3"], "every number, odd ones included"


def test_predict_a_pass_stub_fails_at_the_caller(predict) -> None:
    out = predict("pass_statement/predict.py:stub_fails_far_away")
    assert out == "AttributeError: 'NoneType' object has no attribute 'email'\n"


def test_predict_a_blanket_except_hides_a_type_error(predict) -> None:
    out = predict("pass_statement/predict.py:swallowed_bug")
    assert out.split() == ["8080", "8000", "8000"]
    with pytest.raises(TypeError):
        int(None)  # what the blanket except turned into the default port
