"""Start a new question: its page, its snippet package, its test module and its line in
the nav, all named by one slug. The page builds strictly as made and is marked
`draft: true`, which the release refuses to publish until the answer is written.

Usage: scripts/new-question.sh SLUG "The question as asked" [--section NAME]
(default section: the last one in the nav that holds questions)
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from scripts.handbook_tools import facts
from scripts.handbook_tools.question_templates import EXAMPLE, PAGE, PREDICT, TEST

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def add_to_nav(config_text: str, uri: str, section: str | None) -> str:
    """mkdocs.yml with `- uri` after the last question of `section` (default: the last
    section holding questions), indented like its neighbours."""
    sections = facts.nav_sections(facts.config_from_text(config_text)["nav"])
    if not sections:
        raise ValueError("mkdocs.yml: no nav section holds questions")
    names = [name for name, _ in sections]
    name = section or names[-1]
    if name not in names:
        raise ValueError(f"mkdocs.yml: no nav section {name!r} (it has: {names})")
    last = dict(sections)[name][-1]
    line = re.search(rf"^(\s*- ){re.escape(last)}\s*$", config_text, re.M)
    if line is None:
        raise ValueError(f"mkdocs.yml: cannot find the nav line of {last}")
    return (
        config_text[: line.end()]
        + f"\n{line.group(1)}{uri}"
        + config_text[line.end() :]
    )


def create(root: Path, slug: str, asked: str, section: str | None = None) -> list[Path]:
    """Write the pieces under `root`; return the files made or changed."""
    if not SLUG.match(slug):
        raise ValueError(f"{slug!r}: a slug is lowercase words joined by hyphens")
    package = slug.replace("-", "_")
    page = root / "docs" / "questions" / f"{slug}.md"
    snippets = root / "snippets" / package
    test = root / "tests" / "snippets" / f"test_{package}.py"
    for path in (page, snippets, test):
        if path.exists():
            raise FileExistsError(f"{path.relative_to(root)} already exists")
    config = root / "mkdocs.yml"
    uri = f"questions/{slug}.md"
    config_text = add_to_nav(config.read_text(encoding="utf-8"), uri, section)
    title = asked.rstrip("?").strip()
    names = {"slug": slug, "package": package, "asked": asked, "title": title}
    page.write_text(PAGE.format(**names), encoding="utf-8")
    snippets.mkdir(parents=True)
    (snippets / "__init__.py").write_text("", encoding="utf-8")
    (snippets / "example.py").write_text(EXAMPLE.format(**names), encoding="utf-8")
    (snippets / "predict.py").write_text(PREDICT.format(**names), encoding="utf-8")
    test.write_text(TEST.format(**names), encoding="utf-8")
    config.write_text(config_text, encoding="utf-8")
    return [page, snippets / "example.py", snippets / "predict.py", test, config]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug", help="kebab-case, e.g. python-gil")
    parser.add_argument("asked", help="the question as an interviewer asks it")
    parser.add_argument("--section", help="the nav section to add it to")
    options = parser.parse_args(argv)
    try:
        made = create(facts.ROOT, options.slug, options.asked, options.section)
    except (ValueError, FileExistsError) as error:
        print(f"new-question: {error}", file=sys.stderr)
        return 1
    for path in made:
        print(path.relative_to(facts.ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
