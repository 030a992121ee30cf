"""Where the workflows' actions come from: each `uses:` is pinned to a commit SHA this
project vetted, with its release in a trailing comment (`# v4.2.2`). A rule of this
repository, not a general one: zizmor (check_workflows.py) knows a SHA is pinned, not
which SHAs were checked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# action -> {commit SHA: release}. Each SHA was found pinned with that release in
# several unrelated public repositories' workflows (README: "Deploying").
VETTED: dict[str, dict[str, str]] = {
    "actions/checkout": {"08c6903cd8c0fde910a37f88322edcfb5dd907a8": "v5.0.0"},
    "actions/setup-python": {"e797f83bcb11b83ae66e0230d6156d7c80228e7c": "v6.0.0"},
    "actions/configure-pages": {"983d7736d9b0ae728b81ab479565c72886d7745b": "v5.0.0"},
    "actions/upload-pages-artifact": {
        "7b1f4a764d45c48632c6b24a0339c27f5614fb0b": "v4.0.0"
    },
    "actions/deploy-pages": {"d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e": "v4.0.5"},
}
USES_LINE = re.compile(
    r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$"
)
PINNED = re.compile(
    r"^(?P<action>[\w.-]+/[\w.-]+)(?P<path>/[\w./-]+)?@(?P<sha>[0-9a-f]{40})$"
)
VERSION = re.compile(r"^v\d+(\.\d+){0,2}$")


@dataclass(frozen=True)
class Problem:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


def check_uses_lines(name: str, text: str) -> Iterator[Problem]:
    for number, line in enumerate(text.splitlines(), 1):
        match = USES_LINE.match(line)
        if not match:
            continue
        ref, comment = match["ref"].strip("'\""), (match["comment"] or "").strip()
        where = f"line {number}"
        pinned = PINNED.match(ref)
        if not pinned:
            continue  # a local action, or unpinned: zizmor's unpinned-uses says so
        if not VERSION.match(comment.split()[0] if comment else ""):
            yield Problem(
                name, where, f"{ref} has no version comment (`# vX.Y.Z`) after its SHA"
            )
            continue
        vetted = VETTED.get(pinned["action"], {})
        version = comment.split()[0]
        if pinned["sha"] not in vetted:
            yield Problem(
                name,
                where,
                f"{pinned['action']}@{pinned['sha']} is not a vetted SHA"
                " (scripts/handbook_tools/check_workflows.py VETTED)",
            )
        elif vetted[pinned["sha"]] != version:
            yield Problem(
                name,
                where,
                f"{pinned['action']}@{pinned['sha']} is {vetted[pinned['sha']]},"
                f" the comment says {version}",
            )
