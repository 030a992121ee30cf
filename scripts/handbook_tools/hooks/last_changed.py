"""Each page knows when it last changed: `page.meta.last_changed`, from git, shown at
its foot by docs/overrides/main.html.

Kept as our own code rather than mkdocs-git-revision-date-localized-plugin: that plugin
shows a date in every case, and a reader here is told plainly when there is none to
show (no git history, a page not committed yet) or when the page was edited since.
"""

from __future__ import annotations

import functools
from pathlib import Path

from scripts.handbook_tools.git import git_output

# Cached: every page asks about the same repository.
_git = functools.cache(git_output)


def last_changed(path: Path) -> dict[str, str]:
    """{'date': 'YYYY-MM-DD' or '', 'label': what a reader sees} for a source file."""
    cwd = str(path.parent)
    inside = _git("rev-parse", "--is-inside-work-tree", cwd=cwd)
    if inside != "true":
        return {
            "date": "",
            "label": "Last change: not recorded (built without git history)",
        }
    date = _git("log", "-1", "--format=%cs", "--", path.name, cwd=cwd)
    if not date:
        return {"date": "", "label": "Last change: not yet committed"}
    label = f"Last changed on {date}"
    if _git("status", "--porcelain", "--", path.name, cwd=cwd):
        label += " (edited since, not yet committed)"
    elif _git("rev-parse", "--is-shallow-repository", cwd=cwd) == "true":
        label = f"Last changed on or before {date} (shallow git history)"
    return {"date": date, "label": label}


def on_pre_build(**_) -> None:
    _git.cache_clear()


def on_page_markdown(markdown, page, **_):
    if page.file.abs_src_path:
        page.meta["last_changed"] = last_changed(Path(page.file.abs_src_path))
    return markdown
