"""Check the GitHub Actions workflows offline: zizmor, then this project's own rules.

zizmor (`--offline --persona auditor`, configured by .github/zizmor.yml) audits what any
workflow must get right: actions pinned to commit SHAs, no credentials persisted by
checkout, no template injection in `run:`, no dangerous trigger such as
`pull_request_target`, no broad default permissions. What it cannot know is checked
here (this repository's policy, not a general rule: workflow_pins.py and
workflow_rules.py):

- every pinned SHA is one of `VETTED` (SHAs seen pinned with the same release in
  several public repositories' workflows; never typed from memory), with that release
  in a trailing comment (`# v4.2.2`);
- write access (`pages: write`, `id-token: write`) only in a job that deploys with
  actions/deploy-pages, which runs only for pushes to main, in the `github-pages`
  environment, in a concurrency group of its own that never cancels a deployment;
- Python packages only from the lock, resolving nothing: through scripts/setup.sh or
  scripts/install_lock.sh, or a `pip install` with `--no-deps --require-hashes -r`;
- every job has `timeout-minutes`.

Usage: python -m scripts.handbook_tools.check_workflows [WORKFLOW ...]
(default: every file in .github/workflows)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from scripts.handbook_tools.facts import ROOT
from scripts.handbook_tools.workflow_rules import check_file

WORKFLOWS = ROOT / ".github" / "workflows"
CONFIG = ROOT / ".github" / "zizmor.yml"


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def zizmor(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    """zizmor's audits of `paths`, offline; its findings are in the output."""
    binary = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or "zizmor"
    command = [binary, "--offline", "--persona", "auditor", "--config", str(CONFIG)]
    command += ["--format", "plain", "--no-progress", *map(str, paths)]
    return subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=120
    )


def main(argv: list[str] | None = None) -> int:
    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    paths = [path.resolve() for path in paths] or workflow_files()
    if not paths:
        print("no workflow files found", file=sys.stderr)
        return 1
    audited = zizmor(paths)
    if audited.returncode:
        print(audited.stdout + audited.stderr, file=sys.stderr)
    problems = [problem for path in paths for problem in check_file(path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems or audited.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
