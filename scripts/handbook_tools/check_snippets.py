"""List snippet files no page includes, and included files or sections that are missing.

Usage: python -m scripts.handbook_tools.check_snippets   (exit 1 if anything is listed)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.handbook_tools.facts import ROOT

# `--8<-- "path/file.py"` or `--8<-- "path/file.py:section"`; `;--8<--` is escaped.
INCLUDE = re.compile(r'^\s*(?<!;)--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"')
SECTION = re.compile(r"--8<--\s+\[start:(?P<name>[\w-]+)\]")
# Files that are machinery, not content: they need no page.
NOT_CONTENT = {"__init__.py", "ruff.toml"}


@dataclass(frozen=True)
class Include:
    page: Path
    line: int
    path: str
    section: str | None


def includes(docs: Path) -> list[Include]:
    found = []
    for page in sorted(docs.rglob("*.md")):
        for number, text in enumerate(page.read_text().splitlines(), start=1):
            match = INCLUDE.match(text)
            if match:
                found.append(Include(page, number, match["path"], match["section"]))
    return found


def snippet_files(snippets: Path) -> list[Path]:
    return sorted(
        path
        for path in snippets.rglob("*")
        if path.is_file()
        and path.name not in NOT_CONTENT
        and "__pycache__" not in path.parts
        and not any(part.startswith(".") for part in path.relative_to(snippets).parts)
    )


def problems(root: Path = ROOT) -> list[str]:
    """Every orphan file, missing file and unknown section, one message each."""
    docs, snippets = root / "docs", root / "snippets"
    found = includes(docs)
    messages = []
    for include in found:
        where = f"{include.page.relative_to(root)}:{include.line}"
        target = snippets / include.path
        if not target.is_file():
            messages.append(f"{where}: includes {include.path}, which does not exist")
        elif include.section:
            names = SECTION.findall(target.read_text())
            if include.section not in names:
                messages.append(
                    f"{where}: {include.path} has no section {include.section!r}"
                    f" (it has: {', '.join(names) or 'none'})"
                )
    referenced = {include.path for include in found}
    for path in snippet_files(snippets):
        relative = path.relative_to(snippets).as_posix()
        if relative not in referenced:
            messages.append(f"snippets/{relative}: not included by any page")
    return messages


def main() -> int:
    messages = problems()
    for message in messages:
        print(message)
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main())
