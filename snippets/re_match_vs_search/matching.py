"""`re.match`, `re.search`, `re.fullmatch`, and the details around them."""

# --8<-- [start:match_vs_search]
import re

print(re.match(r"b", "ab"))  # only tries position 0
print(re.search(r"b", "ab"))  # tries every position
print(re.search(r"b", "ab").span())
print(re.match(r"a", "ab").group())
# --8<-- [end:match_vs_search]


# --8<-- [start:fullmatch]
def spans(pattern, text):
    """What match, search and fullmatch each find for pattern in text."""
    found = {}
    for name in ("match", "search", "fullmatch"):
        result = getattr(re, name)(pattern, text)
        found[name] = result.group() if result else None
    return found


print(spans(r"\d+", "123abc"))  # match accepts a prefix
print(spans(r"\d+", "abc123"))  # only search looks further
print(spans(r"\d+", "123"))  # fullmatch needs the whole string
# --8<-- [end:fullmatch]


# --8<-- [start:dollar_newline]
# `$` also matches just before a final newline; fullmatch and \Z do not.
print(bool(re.match(r"\d+$", "123\n")))
print(bool(re.fullmatch(r"\d+", "123\n")))
print(bool(re.match(r"\d+\Z", "123\n")))
# --8<-- [end:dollar_newline]


# --8<-- [start:multiline]
log = "INFO start\nERROR disk full\nINFO done"

print(re.match(r"^ERROR", log, re.MULTILINE))  # still position 0 only
print(re.search(r"^ERROR.*", log, re.MULTILINE).group())
print(re.findall(r"^\w+", log, re.MULTILINE))
print(re.search(r"\AERROR", log, re.MULTILINE))  # \A ignores MULTILINE
# --8<-- [end:multiline]


# --8<-- [start:pos_endpos]
word = re.compile(r"\w+")
text = "id=42;name=ada"

print(word.match(text, 3).group())  # start at index 3
print(word.match(text, 3, 4).group())  # and stop before index 4
print(word.search(text, 6).span())  # spans count from the real start

# pos is not slicing: the characters before pos still exist.
caret = re.compile(r"^42")
print(caret.match(text, 3))  # ^ is the real start, not pos
print(caret.match(text[3:]))  # a slice is a new string
behind = re.compile(r"(?<==)\d+")  # digits after "="
print(behind.match(text, 3).group())  # the lookbehind sees index 2
print(behind.match(text[3:]))
dollar = re.compile(r"\d$")
print(dollar.search(text, 0, 5).group())  # $ matches at endpos
# --8<-- [end:pos_endpos]


# --8<-- [start:atomic_possessive]
print(bool(re.fullmatch(r"a*a", "aaaa")))  # a* gives one "a" back
print(bool(re.fullmatch(r"a*+a", "aaaa")))  # a*+ keeps all of them
print(bool(re.fullmatch(r"a(bc|b)c", "abc")))  # backtracks into the group
print(bool(re.fullmatch(r"a(?>bc|b)c", "abc")))  # an atomic group does not
print(re.findall(r"\d++", "10 + 200"))
# --8<-- [end:atomic_possessive]


# --8<-- [start:pattern_error]
error_class = getattr(re, "PatternError", re.error)  # PatternError: 3.13+
print(error_class is re.error)
print(re.error.__name__)
try:
    re.compile(r"(unclosed")
except re.error as error:
    print(f"{error.msg} at position {error.pos}")
print(re.search(r"x", "abc"))  # no match is not an error
# --8<-- [end:pattern_error]


# --8<-- [start:compile_cache]
VERSION = re.compile(r"(?P<major>\d+)\.(?P<minor>\d+)")

print(VERSION.match("3.14.0").groupdict())
print(VERSION.pattern, VERSION.flags == re.UNICODE)
# CPython caches patterns compiled by the module-level functions:
print(re.compile(r"\d+") is re.compile(r"\d+"))
re.purge()  # empties the cache
# --8<-- [end:compile_cache]


# --8<-- [start:raw_strings]
print(len("\b"), len(r"\b"))  # backspace versus backslash + b
print(re.search("\bcat\b", "a cat here"))  # looks for backspaces
print(re.search(r"\bcat\b", "a cat here").span())
print(re.escape("1+1=2?"))  # build patterns from data safely
# --8<-- [end:raw_strings]


# --8<-- [start:invalid_escape]
import warnings


def escape_warning(source):
    """Compile source; return the class name of the warning it raises."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(source, "<example>", "eval")
    return [warning.category.__name__ for warning in caught]


print(escape_warning('"\\d+"'))  # the source text "\d+": not a str escape
print(escape_warning('r"\\d+"'))  # the raw string r"\d+"
# --8<-- [end:invalid_escape]


# --8<-- [start:truthiness]
empty = re.match(r"\d*", "abc")  # matches the empty string at 0
print(empty is not None, bool(empty), repr(empty.group()))

for line in ("order 66", "no order"):
    result = re.search(r"(\d+)", line)
    if result:  # the test to write: a Match or None
        print(result[1], result.start(1))
    else:
        print(f"no number in {line!r}")
# --8<-- [end:truthiness]
