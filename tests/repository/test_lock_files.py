"""The lock files themselves: every Python requirement is pinned with hashes, the lock
script writes every requirements file, Node dependencies are exact versions, a vendored
Node package is the locked one verbatim, and no lock file holds a download address
(names, versions and hashes only). Installing them is tests/repository/test_lock.py's.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]

REQUIREMENT = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[\w,.-]+\])?==(?P<version>[\w.!+-]+)"
    r"(\s*;\s*[^-][^\n]*?)?(?P<hashes>(\s+--hash=sha256:[0-9a-f]{64})+)$"
)


def logical_lines(path: Path) -> list[str]:
    joined = path.read_text().replace("\\\n", " ")
    lines = [line.split(" #", 1)[0].strip() for line in joined.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


REQUIREMENT_FILES = sorted((ROOT / "requirements").glob("*.txt"))


@pytest.mark.parametrize("path", REQUIREMENT_FILES, ids=lambda path: path.name)
def test_every_requirement_is_pinned_with_hashes(path: Path) -> None:
    lines = logical_lines(path)
    assert lines, f"{path.name} is empty"
    for line in lines:
        assert REQUIREMENT.match(" ".join(line.split())), f"{path.name}: {line[:120]}"


def test_lock_script_writes_every_requirement_file() -> None:
    script = (ROOT / "scripts" / "lock.sh").read_text()
    assert "--generate-hashes" in script
    assert "--no-emit-index-url" in script
    written = set(re.findall(r"-o (requirements/[\w-]+\.txt)", script))
    assert written == {f"requirements/{p.name}" for p in REQUIREMENT_FILES}
    pyproject = (ROOT / "pyproject.toml").read_text()
    for group in re.findall(r"--group (\w+)", script):
        assert re.search(rf"^{group} = \[", pyproject, re.MULTILINE), group
    assert re.search(r'^audit = \["pip-audit', pyproject, re.MULTILINE)
    assert any(
        line.startswith("pip-audit==")
        for line in logical_lines(ROOT / "requirements" / "audit.txt")
    )


def test_node_dependencies_are_exact_versions() -> None:
    manifest = ROOT / "package.json"
    if not manifest.exists():
        pytest.skip("no package.json")
    data = json.loads(manifest.read_text())
    for section in ("dependencies", "devDependencies", "optionalDependencies"):
        for name, version in (data.get(section) or {}).items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: {version}"
    assert (ROOT / "package-lock.json").exists(), "package.json without its lock file"


def test_vendored_ts_fsrs_is_the_locked_package_verbatim() -> None:
    """The site serves ts-fsrs from docs/assets/vendor/ (the build needs no Node): the
    very file npm installs at the version package.json pins, with its licence."""
    installed = ROOT / "node_modules" / "ts-fsrs"
    vendored = ROOT / "docs" / "assets" / "vendor" / "ts-fsrs"
    require(installed.is_dir(), "node_modules/ts-fsrs (npm ci)")
    manifest = json.loads((ROOT / "package.json").read_text())
    pinned = manifest["devDependencies"]["ts-fsrs"]
    assert json.loads((installed / "package.json").read_text())["version"] == pinned
    script = (vendored / "index.umd.js").read_bytes()
    assert script == (installed / "dist" / "index.umd.js").read_bytes()
    assert (vendored / "LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()
    assert b"MIT License" in (vendored / "LICENSE").read_bytes()


def repository_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode()
        names = [name for name in listed.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "node_modules", "site", "__pycache__"}
        names = [
            path.relative_to(ROOT).as_posix()
            for path in ROOT.rglob("*")
            if path.is_file() and not skip & set(path.relative_to(ROOT).parts)
        ]
    return [ROOT / name for name in names if (ROOT / name).is_file()]


# Lock and package-manager files may hold names, versions and hashes only: a download
# address or an index option there would name a registry.
LOCK_FILES = ("requirements/*.txt", "package-lock.json", ".npmrc")
# In requirement files and .npmrc: any URL or index option. In package-lock.json: a
# `resolved` download address (its funding links name sponsors, not registries).
ADDRESS = re.compile(r"https?://|\b(?:index-url|find-links|registry)\s*=", re.I)
RESOLVED = re.compile(r'"resolved"\s*:')


def download_addresses(path: Path) -> list[str]:
    """Each line of `path` that holds a download address or an index option."""
    pattern = RESOLVED if path.suffix == ".json" else ADDRESS
    return [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_lock_files_hold_no_download_address() -> None:
    files = [path for pattern in LOCK_FILES for path in ROOT.glob(pattern)]
    assert len(files) >= 5
    tracked = {path.resolve() for path in repository_files()}
    assert all(path.resolve() in tracked for path in files)
    found = [line for path in files for line in download_addresses(path)]
    assert not found, "\n".join(found)


def test_lock_file_check_would_catch_an_address(tmp_path: Path) -> None:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(
        "six==1.16.0 --hash=sha256:00\n"
        "--extra-index-url https://packages.example/simple\n"
    )
    assert download_addresses(requirements) == [
        "requirements.txt:2: --extra-index-url https://packages.example/simple"
    ]
    npm_lock = tmp_path / "package-lock.json"
    npm_lock.write_text('{"resolved": "x"}\n')
    assert len(download_addresses(npm_lock)) == 1
