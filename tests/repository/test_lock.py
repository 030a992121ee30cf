"""The lock installs as it is, with whatever pip the interpreter's own venv brings.

Each requirements file goes into a fresh virtual environment made by `python -m venv`
(its bundled pip, not an upgraded one) through scripts/install_lock.sh, the one way the
project installs Python packages (scripts/setup.sh, the workflows). What gets installed
must be exactly what the lock lists, and `pip check` must pass: a package the index
released after the lock was written can change nothing.
"""

from __future__ import annotations

import ensurepip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
INSTALL_LOCK = ROOT / "scripts" / "install_lock.sh"
LOCKS = sorted((ROOT / "requirements").glob("*.txt"))


def entries(lock: Path) -> dict[str, str]:
    """Requirement line (without its hashes) -> the whole entry, for every package."""
    found: dict[str, str] = {}
    current = ""
    for line in lock.read_text().splitlines(keepends=True):
        if line[:1].isalnum():
            current = line.split(" \\")[0].strip()
            found[current] = line
        elif current and line.startswith(" "):
            found[current] += line
    return found


def pinned_here(lock: Path) -> dict[str, str]:
    """{name: version} of the lock's packages whose markers hold on this Python."""
    pins = {}
    for line in entries(lock):
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", f"{lock.name}: {line} is not pinned"
            pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def fresh_venv(path: Path) -> Path:
    """A venv made by the interpreter's own `venv`, with the pip it bundles."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path / "bin" / "python"


def installed(python: Path) -> dict[str, str]:
    listing = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "list",
            "--format=json",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {canonicalize_name(p["name"]): p["version"] for p in json.loads(listing)}


def install_lock(venv: Path, *locks: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(INSTALL_LOCK), str(venv), *map(str, locks)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_every_requirements_file_is_tested() -> None:
    assert {lock.stem for lock in LOCKS} == {"site", "test", "lock", "audit"}


@pytest.mark.slow
@pytest.mark.parametrize("lock", LOCKS, ids=[lock.stem for lock in LOCKS])
def test_lock_installs_with_the_bundled_pip_and_nothing_else(
    lock: Path, tmp_path: Path
) -> None:
    python = fresh_venv(tmp_path / "venv")
    bundled = installed(python)
    assert bundled["pip"] == ensurepip.version(), "not the interpreter's own pip"

    result = install_lock(tmp_path / "venv", lock)
    assert result.returncode == 0, result.stdout + result.stderr

    expected = pinned_here(lock)
    after = installed(python)
    # What the venv came with (pip; setuptools too on 3.11) stays unless locked.
    for name in set(bundled) - set(expected):
        after.pop(name, None)
    assert after == expected


def test_an_incomplete_lock_fails_naming_the_file_and_what_is_missing(
    tmp_path: Path,
) -> None:
    # pytest-cov alone: the very package whose dependency broke installs on pip 23.
    (entry,) = (
        text
        for line, text in entries(ROOT / "requirements" / "test.txt").items()
        if line.startswith("pytest-cov==")
    )
    partial = tmp_path / "partial.txt"
    partial.write_text(entry)
    fresh_venv(tmp_path / "venv")
    result = install_lock(tmp_path / "venv", partial)
    assert result.returncode == 1
    assert f"{partial} is not a complete lock" in result.stderr
    assert "pytest-cov" in result.stderr
    assert "coverage" in result.stderr
    # --no-deps: the missing dependency was reported, not fetched from the index.
    assert "coverage" not in installed(tmp_path / "venv" / "bin" / "python")


def test_a_missing_lock_file_is_named(tmp_path: Path) -> None:
    result = install_lock(tmp_path / "venv", tmp_path / "nowhere.txt")
    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere.txt'} does not exist" in result.stderr
    assert not (tmp_path / "venv").exists()
