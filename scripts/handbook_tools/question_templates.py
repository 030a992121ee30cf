"""What `scripts/new-question.sh` writes (new_question.py): the draft page, its example
snippet and the example's test, filled in with str.format from the slug, the package
name, the question as asked and its title. The draft page holds every section a
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
    The answer you would give in the first thirty seconds.

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

## Follow-up questions

??? question "The first thing the interviewer asks next?"
    Its answer.

??? question "The second?"
    Its answer.

??? question "The third?"
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

TEST = '''\
"""Claims of docs/questions/{slug}.md."""

from __future__ import annotations

from snippets.{package} import example


def test_example_returns_what_the_page_prints() -> None:
    assert example.example() == 6
'''
