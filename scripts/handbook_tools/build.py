"""Build the site strictly: every warning (a missing snippet, a broken link or anchor,
a failing example) fails the build, with the page named.

Usage: python -m scripts.handbook_tools.build [--site-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from scripts.handbook_tools.facts import ROOT

# What a build reads, from the repository's root.
SOURCES = ("mkdocs.yml", "docs", "snippets", "scripts", "package.json")


def mkdocs_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a child `mkdocs` runs in: ours, plus `extra`, without MkDocs'
    notice about 2.0 or a Django settings module that pages' code would pick up."""
    env = {**os.environ, **(extra or {}), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def build(
    site_dir: Path,
    config_file: Path = ROOT / "mkdocs.yml",
    timeout: float = 600,
    environment: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` in a subprocess; return it with its output.
    `environment`: variables set for this build only (HANDBOOK_OFFLINE, ...)."""
    env = mkdocs_environment(environment)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(config_file), "--site-dir", str(site_dir)]
    return subprocess.run(
        command,
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def copy_sources(target: Path, *extra: str) -> Path:
    """A copy of what a build reads (and the `extra` top-level names) in `target`, for a
    tool or a test that must edit it."""
    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", ".ruff_cache", "transcripts.tmp")
    for name in (*SOURCES, *extra):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    # The build copies Pyodide from node_modules (hooks/run_in_browser.py): linked, as
    # it is installed, not part of the sources.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    options = parser.parse_args(argv)
    result = build(options.site_dir.resolve())
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
