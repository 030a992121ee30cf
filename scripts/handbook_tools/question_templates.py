"""What `scripts/new-question.sh` writes (new_question.py): the draft page, its example
and prediction snippets and their tests, filled in with str.format from the slug, the
package name, the question as asked and its title. The draft page holds every section a
finished page has, so it builds strictly as made."""

PAGE = """\
---
title: {title}
description: "Draft: {asked}"
difficulty: intermediate
tags:
  - draft
draft: true
---

# {title}

> **Asked as:** {asked}

## Short answer

!!! answer "Say this"
    The one sentence you would say in the first ten seconds.

    The answer for one minute, at most 120 words, said aloud: no lists or code.

## What the interviewer listens for

- **Weak:** What a weak answer holds.
- **Solid:** What a solid answer adds.
- **Strong:** What a strong answer adds.
- **Red flags:** The statements that end the conversation badly.

## Explanation

The model behind the answer, deep enough for the follow-ups.

## Code and output

```python exec="on" source="block" result="text" session="{slug}"
--8<-- "{package}/example.py:example"
```

## What the list gets wrong

What the source list says, and what is wrong with it.

## Pitfalls

- The traps that separate a senior answer from a junior one.

## Predict the output

### The first trap

```python
--8<-- "{package}/predict.py:first"
```

??? reveal "Output"
    ```python exec="on" result="text"
    --8<-- "{package}/predict.py:first"
    ```

    Why it prints that, in at most sixty words.

### The second trap

```python
--8<-- "{package}/predict.py:second"
```

??? reveal "Output"
    ```python exec="on" result="text"
    --8<-- "{package}/predict.py:second"
    ```

    Why it prints that, in at most sixty words.

### The third trap

```python
--8<-- "{package}/predict.py:third"
```

??? reveal "Output"
    ```python exec="on" result="text"
    --8<-- "{package}/predict.py:third"
    ```

    Why it prints that, in at most sixty words.

## Follow-up questions

??? question "The first thing the interviewer asks next?"
    **What it tests:** what the interviewer checks with it, in a line.

    Its answer, at most 100 words.

??? question "The second?"
    **What it tests:** what the interviewer checks with it.

    Its answer.

??? question "The third?"
    **What it tests:** what the interviewer checks with it.

    Its answer.

## Official documentation

- The Python, Django, library or RFC text each fact was checked against.

```python exec="on"
--8<-- "provenance.py"
print(provenance())
```
"""

EXAMPLE = '''\
"""The examples of docs/questions/{slug}.md."""


# --8<-- [start:example]
def example():
    """Replace with the code the page runs."""
    return sum(range(4))


print(example())
# --8<-- [end:example]
'''

PREDICT = '''\
"""Predictions of docs/questions/{slug}.md."""

# --8<-- [start:first]
print(sum(range(4)))
# --8<-- [end:first]

# --8<-- [start:second]
print(len("draft"))
# --8<-- [end:second]

# --8<-- [start:third]
print("draft".upper())
# --8<-- [end:third]
'''

TEST = '''\
"""Claims of docs/questions/{slug}.md."""

from __future__ import annotations

from snippets.{package} import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6


def test_predictions_print_what_the_page_reveals(predict) -> None:
    assert predict("{package}/predict.py:first") == "6\\n"
    assert predict("{package}/predict.py:second") == "5\\n"
    assert predict("{package}/predict.py:third") == "DRAFT\\n"
'''
