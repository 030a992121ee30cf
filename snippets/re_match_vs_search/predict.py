"""Predict the output: `re.match`, `re.search` and `re.fullmatch` traps."""

# --8<-- [start:dollar_newline]
import re

for text in ["42", "42\n", "42abc"]:
    print(
        repr(text),
        bool(re.match(r"\d+$", text)),
        bool(re.fullmatch(r"\d+", text)),
    )
# --8<-- [end:dollar_newline]


# --8<-- [start:multiline_anchor]
import re

log = "INFO boot\nERROR disk full\nINFO retry"
print(re.match(r"^ERROR", log, re.MULTILINE))
print(re.search(r"^ERROR", log))
print(re.search(r"^ERROR.*", log, re.MULTILINE).group())
print(re.search(r"\AERROR", log, re.MULTILINE))
print(re.findall(r"^\w+", log, re.MULTILINE))
# --8<-- [end:multiline_anchor]


# --8<-- [start:greedy_lazy]
import re

html = '<a href="/one">One</a> <a href="/two">Two</a>'
print(re.search(r"<a.*>", html).group())
print(re.search(r"<a.*?>", html).group())
print(re.findall(r'href="(.*)"', html))
print(re.findall(r'href="(.*?)"', html))
# --8<-- [end:greedy_lazy]


# --8<-- [start:first_not_longest]
import re

print(re.search(r"cat|category", "category").group())
print(re.search(r"category|cat", "category").group())
print(re.search(r"\d+", "abc 12 3456").group())
empty = re.match(r"\d*", "abc")
print(empty is None, bool(empty), repr(empty.group()))
# --8<-- [end:first_not_longest]
