"""Claims of docs/questions/re-match-vs-search.md."""

from __future__ import annotations

import re
import sys

import pytest

from snippets.re_match_vs_search import matching as m


def test_match_only_at_the_start_search_anywhere() -> None:
    assert re.match(r"b", "ab") is None
    found = re.search(r"b", "ab")
    assert found is not None
    assert found.span() == (1, 2)
    assert re.match(r"a", "ab").group() == "a"  # type: ignore[union-attr]


def test_match_is_search_anchored_with_backslash_a() -> None:
    for text in ("abc", "xabc", ""):
        by_match = re.match(r"ab", text)
        by_search = re.search(r"\Aab", text)
        assert (by_match is None) == (by_search is None)


def test_fullmatch_needs_the_whole_string() -> None:
    assert m.spans(r"\d+", "123abc") == {
        "match": "123",
        "search": "123",
        "fullmatch": None,
    }
    assert m.spans(r"\d+", "abc123") == {
        "match": None,
        "search": "123",
        "fullmatch": None,
    }
    assert m.spans(r"\d+", "123") == {
        "match": "123",
        "search": "123",
        "fullmatch": "123",
    }


def test_dollar_accepts_a_trailing_newline() -> None:
    assert re.match(r"\d+$", "123\n") is not None
    assert re.fullmatch(r"\d+", "123\n") is None
    assert re.match(r"\d+\Z", "123\n") is None


def test_multiline_does_not_make_match_look_at_later_lines() -> None:
    assert re.match(r"^ERROR", m.log, re.MULTILINE) is None
    found = re.search(r"^ERROR.*", m.log, re.MULTILINE)
    assert found is not None
    assert found.group() == "ERROR disk full"
    assert re.search(r"^ERROR", m.log) is None  # without the flag: start only
    assert re.findall(r"^\w+", m.log, re.MULTILINE) == ["INFO", "ERROR", "INFO"]
    assert re.search(r"\AERROR", m.log, re.MULTILINE) is None


def test_pos_and_endpos() -> None:
    assert m.word.match(m.text, 3).group() == "42"  # type: ignore[union-attr]
    assert m.word.match(m.text, 3, 4).group() == "4"  # type: ignore[union-attr]
    assert m.word.search(m.text, 6).span() == (6, 10)  # type: ignore[union-attr]
    assert m.dollar.search(m.text, 0, 5).group() == "2"  # type: ignore[union-attr]


def test_pos_is_not_slicing() -> None:
    assert m.caret.match(m.text, 3) is None
    assert m.caret.match(m.text[3:]) is not None
    assert m.behind.match(m.text, 3).group() == "42"  # type: ignore[union-attr]
    assert m.behind.match(m.text[3:]) is None


def test_possessive_quantifiers_and_atomic_groups_do_not_backtrack() -> None:
    assert re.fullmatch(r"a*a", "aaaa") is not None
    assert re.fullmatch(r"a*+a", "aaaa") is None
    assert re.fullmatch(r"a(bc|b)c", "abc") is not None
    assert re.fullmatch(r"a(?>bc|b)c", "abc") is None
    assert re.fullmatch(r"a(?>bc|b)c", "abcc") is not None
    assert re.findall(r"\d++", "10 + 200") == ["10", "200"]
    # x*+ is shorthand for (?>x*)
    assert re.fullmatch(r"(?>a*)a", "aaaa") is None


def test_re_error_reports_message_and_position() -> None:
    with pytest.raises(re.error) as caught:
        re.compile(r"(unclosed")
    assert caught.value.pos == 0
    assert "unterminated subpattern" in caught.value.msg
    assert re.search(r"x", "abc") is None  # no match is None, not an exception
    assert m.error_class is re.error


@pytest.mark.skipif(sys.version_info < (3, 13), reason="re.PatternError is new in 3.13")
def test_pattern_error_is_the_new_name_and_error_an_alias() -> None:
    assert re.PatternError is re.error
    assert re.error.__name__ == "PatternError"


@pytest.mark.skipif(
    sys.version_info >= (3, 13), reason="before 3.13 the class is named error"
)
def test_before_313_the_class_is_named_error() -> None:
    assert not hasattr(re, "PatternError")
    assert re.error.__name__ == "error"


def test_compiled_patterns_and_the_cache() -> None:
    assert m.VERSION.match("3.14.0").groupdict() == {  # type: ignore[union-attr]
        "major": "3",
        "minor": "14",
    }
    # CPython detail: the module functions share a cache of compiled patterns.
    assert re.compile(r"[a-z]+\d") is re.compile(r"[a-z]+\d")
    first = re.compile(r"[a-z]+\d")
    re.purge()
    assert re.compile(r"[a-z]+\d") is not first
    assert re.compile(r"[a-z]+\d") == first  # equal patterns compare equal


def test_raw_strings_keep_the_backslash() -> None:
    assert "\b" == "\x08"
    assert r"\b" == "\\b"
    assert re.search("\bcat\b", "a cat here") is None
    assert re.search(r"\bcat\b", "a cat here").span() == (2, 5)  # type: ignore[union-attr]
    assert re.escape("1+1=2?") == r"1\+1=2\?"


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12 made it SyntaxWarning")
def test_invalid_escape_is_a_deprecation_warning_before_312() -> None:
    assert m.escape_warning('"\\d+"') == ["DeprecationWarning"]


@pytest.mark.skipif(sys.version_info < (3, 12), reason="SyntaxWarning since 3.12")
def test_invalid_escape_is_a_syntax_warning_from_312() -> None:
    assert m.escape_warning('"\\d+"') == ["SyntaxWarning"]


def test_raw_string_has_no_warning() -> None:
    assert m.escape_warning('r"\\d+"') == []


def test_an_empty_match_is_still_truthy() -> None:
    empty = re.match(r"\d*", "abc")
    assert empty is not None
    assert bool(empty) is True
    assert empty.group() == ""
    found = re.search(r"(\d+)", "order 66")
    assert found is not None
    assert (found[1], found.start(1)) == ("66", 6)
    assert m.result is None  # the snippet's last text has no number


@pytest.mark.skipif(sys.version_info < (3, 14), reason=r"\z is new in 3.14")
def test_lowercase_z_is_a_synonym_from_314() -> None:
    assert re.match(r"\d+\z", "123\n") is None
    assert re.match(r"\d+\z", "123") is not None


@pytest.mark.skipif(sys.version_info >= (3, 14), reason=r"3.14 accepts \z")
def test_lowercase_z_is_a_bad_escape_before_314() -> None:
    with pytest.raises(re.error, match="bad escape"):
        re.compile(r"\d+\z")


def test_caret_prefix_needs_a_group_around_alternation() -> None:
    assert re.search("^" + "a|b", "xb") is not None  # means (^a)|b
    assert re.search("^(?:" + "a|b" + ")", "xb") is None
    assert re.match("a|b", "xb") is None


def test_error_has_line_and_column() -> None:
    with pytest.raises(re.error) as caught:
        re.compile("ok\n(bad")
    assert caught.value.pattern == "ok\n(bad"
    assert (caught.value.lineno, caught.value.colno) == (2, 1)


def test_findall_and_finditer_find_every_match() -> None:
    assert re.findall(r"\d+", "a1b22c333") == ["1", "22", "333"]
    assert [x.span() for x in re.finditer(r"\d+", "a1b22")] == [(1, 2), (3, 5)]
    assert re.findall(r"(\w)=(\d)", "a=1 b=2") == [("a", "1"), ("b", "2")]


def test_possessive_pattern_fails_fast_on_a_long_near_miss() -> None:
    # The nested greedy form (a+)+b would backtrack exponentially on this input.
    assert re.fullmatch(r"(?:a++)+b", "a" * 10_000 + "c") is None


def test_re_escape_makes_data_literal() -> None:
    assert re.fullmatch("1+1", "1+1") is None  # + is a quantifier
    assert re.fullmatch(re.escape("1+1"), "1+1") is not None


def test_match_result_none_has_no_group() -> None:
    result = re.match(r"\d", "x")
    with pytest.raises(AttributeError, match="group"):
        result.group()  # type: ignore[union-attr]


def test_fullmatch_is_search_anchored_at_both_ends() -> None:
    for text in ("123", "123\n", "x123", "123x"):
        by_fullmatch = re.fullmatch(r"\d+", text)
        by_search = re.search(r"\A(?:\d+)\Z", text)
        assert (by_fullmatch is None) == (by_search is None)


def test_multiline_dollar_matches_at_every_line_end() -> None:
    assert re.findall(r"\w+$", "a b\nc d", re.MULTILINE) == ["b", "d"]
    assert re.findall(r"\w+$", "a b\nc d") == ["d"]


# Predict the output ------------------------------------------------------------


def test_predict_dollar_newline(predict) -> None:
    out = predict("re_match_vs_search/predict.py:dollar_newline")
    # $ also matches before a final newline; fullmatch needs the whole string.
    assert out.splitlines() == [
        "'42' True True",
        "'42\\n' True False",
        "'42abc' False False",
    ]


def test_predict_multiline_anchor(predict) -> None:
    out = predict("re_match_vs_search/predict.py:multiline_anchor")
    # MULTILINE lets ^ match after each newline for search and findall, but
    # match still tries position 0 only, and \A is always the string start.
    assert out.splitlines() == [
        "None",
        "None",
        "ERROR disk full",
        "None",
        "['INFO', 'ERROR', 'INFO']",
    ]


def test_predict_greedy_lazy(predict) -> None:
    out = predict("re_match_vs_search/predict.py:greedy_lazy")
    # .* runs to the last possible ">" or '"'; .*? stops at the first.
    assert out.splitlines() == [
        '<a href="/one">One</a> <a href="/two">Two</a>',
        '<a href="/one">',
        "['/one\">One</a> <a href=\"/two']",
        "['/one', '/two']",
    ]


def test_predict_first_not_longest(predict) -> None:
    out = predict("re_match_vs_search/predict.py:first_not_longest")
    # Alternatives are tried left to right and the first that matches wins;
    # search returns the leftmost match; an empty match is still a true Match.
    assert out.splitlines() == ["cat", "category", "12", "False True ''"]
