"""The facts every tool needs, in one place: the configuration as MkDocs reads it, the
questions in the order the navigation gives them, each page's front matter, the site's
URL and the print page. Read with MkDocs' own loaders (its YAML loader resolves `!ENV`
and `!relative` as a build does; its front-matter reader is the one pages go through),
never by regex.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import meta as front_matter_reader
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

ROOT = Path(__file__).resolve().parents[2]
CONFIG_FILE = ROOT / "mkdocs.yml"
QUESTIONS_DIR = "questions/"


def config(config_file: Path = CONFIG_FILE) -> dict:
    """mkdocs.yml as a build reads it (environment variables resolved), without loading
    its plugins and hooks."""
    return config_from_text(config_file.read_text(encoding="utf-8"), config_file)


def config_from_text(text: str, config_file: Path = CONFIG_FILE) -> dict:
    loader = get_yaml_loader(config=MkDocsConfig(config_file_path=str(config_file)))
    return yaml_load(text, loader=loader)


def site_url(config_file: Path = CONFIG_FILE) -> str:
    """`site_url` as the build resolves it: $SITE_URL, else mkdocs.yml's default."""
    return str(config(config_file)["site_url"])


def repo_url(config_file: Path = CONFIG_FILE) -> str:
    """`repo_url` as the build resolves it: $REPO_URL, else mkdocs.yml's default."""
    return str(config(config_file)["repo_url"])


def front_matter(path: Path) -> tuple[dict, str]:
    """(front matter, Markdown body) of a page source, as MkDocs reads them."""
    body, meta = front_matter_reader.get_data(path.read_text(encoding="utf-8"))
    return meta, body


@dataclass(frozen=True)
class Question:
    number: int  # its place in the nav: the one source of a question's number
    uri: str  # docs-relative: questions/<slug>.md
    section: str  # the nav section that holds it
    meta: dict

    @property
    def slug(self) -> str:
        return Path(self.uri).stem

    @property
    def url(self) -> str:
        """Its page's URL path in the built site (directory URLs): questions/<slug>/."""
        return self.uri.removesuffix(".md") + "/"


def nav_sections(nav: list) -> list[tuple[str, list[str]]]:
    """[(section, [question page uri, ...])] in nav order."""
    sections = []
    for entry in nav or []:
        if not isinstance(entry, dict):
            continue
        for name, items in entry.items():
            pages = [
                item
                for item in (items if isinstance(items, list) else [])
                if isinstance(item, str) and item.startswith(QUESTIONS_DIR)
            ]
            if pages:
                sections.append((name, pages))
    return sections


def numbered(nav: list) -> list[tuple[int, str, str]]:
    """[(number, section, question page uri)]: a question's number is its place in the
    nav, the one source of the questions' order, numbers and count."""
    return [
        (number, section, uri)
        for number, (section, uri) in enumerate(
            ((section, uri) for section, pages in nav_sections(nav) for uri in pages),
            start=1,
        )
    ]


def questions(config_file: Path = CONFIG_FILE) -> tuple[Question, ...]:
    """Every question page, numbered in nav order, with its front matter."""
    settings = config(config_file)
    docs_dir = config_file.parent / str(settings.get("docs_dir", "docs"))
    return tuple(
        Question(number, uri, section, front_matter(docs_dir / uri)[0])
        for number, section, uri in numbered(settings.get("nav"))
    )


def print_page(site_dir: Path) -> str:
    """The print page's path inside a built site (directory URLs or not)."""
    for path in ("print_page/index.html", "print_page.html"):
        if (site_dir / path).is_file():
            return path.removesuffix("index.html")
    raise FileNotFoundError(f"{site_dir} has no print page: build the site first")
