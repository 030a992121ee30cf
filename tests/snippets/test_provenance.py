"""The provenance note at the foot of every page names the real build environment."""

from __future__ import annotations

import platform
from importlib.metadata import version

from snippets.provenance import provenance


def test_note_names_this_interpreter() -> None:
    note = provenance()
    assert note.startswith('!!! info "Where this output comes from"')
    assert f"CPython {platform.python_version()}" in note


def test_note_names_each_library_with_its_installed_version() -> None:
    note = provenance("mkdocs", "pymdown-extensions")
    assert f"mkdocs {version('mkdocs')}" in note
    assert f"pymdown-extensions {version('pymdown-extensions')}" in note
