"""Check the GitHub Actions workflows offline: zizmor, then this project's own rules.

zizmor (`--offline --persona auditor`, configured by .github/zizmor.yml) audits what any
workflow must get right: actions pinned to commit SHAs, no credentials persisted by
checkout, no template injection in `run:`, no dangerous trigger such as
`pull_request_target`, no broad default permissions. What it cannot know is checked
here (it is this repository's policy, not a general rule):

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

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
CONFIG = ROOT / ".github" / "zizmor.yml"

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
WRITE_SCOPES_FOR_DEPLOY = {"pages", "id-token"}
# What a `pip install` needs to install the lock without resolving anything.
LOCKED_INSTALL = ("--no-deps", "--require-hashes", " -r ")
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


def _grants(permissions: object) -> dict[str, str]:
    """A permissions block as {scope: level}; 'read-all'/'write-all' as scope '*'."""
    if permissions is None:
        return {}
    if isinstance(permissions, str):
        return {"*": permissions.removesuffix("-all")}
    return {str(scope): str(level) for scope, level in permissions.items()}


def _steps(job: dict) -> list[dict]:
    return [step for step in job.get("steps") or [] if isinstance(step, dict)]


def _action(step: dict) -> str:
    uses = str(step.get("uses", ""))
    return uses.split("@", 1)[0]


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


def _deploys(job: dict) -> bool:
    return any(_action(step) == "actions/deploy-pages" for step in _steps(job))


def check_permissions(name: str, workflow: dict) -> Iterator[Problem]:
    for job_id, job in (workflow.get("jobs") or {}).items():
        where = f"job {job_id}"
        if "permissions" not in job:
            yield Problem(name, where, "no permissions block: say what the job needs")
        grants = _grants(job.get("permissions"))
        writes = {scope for scope, level in grants.items() if level == "write"}
        if not writes:
            continue
        if not _deploys(job):
            yield Problem(
                name,
                where,
                f"grants write ({', '.join(sorted(writes))}) but deploys nothing",
            )
        elif writes - WRITE_SCOPES_FOR_DEPLOY:
            extra = ", ".join(sorted(writes - WRITE_SCOPES_FOR_DEPLOY))
            yield Problem(name, where, f"a deployment needs no write on {extra}")


def check_deploy_jobs(name: str, workflow: dict) -> Iterator[Problem]:
    for job_id, job in (workflow.get("jobs") or {}).items():
        if not _deploys(job):
            continue
        where = f"job {job_id}"
        # The job's own group: one deployment at a time, whatever the workflow's group.
        concurrency = job.get("concurrency")
        cancel = (concurrency or {}).get("cancel-in-progress", False)
        if not isinstance(concurrency, dict) or not concurrency.get("group"):
            yield Problem(name, where, "deploys without a concurrency group")
        elif cancel not in (False, "false"):
            yield Problem(
                name, where, "cancel-in-progress would cut a deployment short"
            )
        environment = job.get("environment")
        environment_name = (
            environment.get("name") if isinstance(environment, dict) else environment
        )
        if environment_name != "github-pages":
            yield Problem(name, where, "deploys outside the github-pages environment")
        condition = str(job.get("if", ""))
        on_main = re.search(r"github\.ref\s*==\s*'refs/heads/main'", condition)
        if not on_main or "push" not in condition:
            yield Problem(name, where, "deploys on events other than a push to main")
        if grants := _grants(job.get("permissions")):
            missing = {
                scope
                for scope in WRITE_SCOPES_FOR_DEPLOY
                if grants.get(scope) != "write"
            }
            if missing:
                yield Problem(
                    name,
                    where,
                    f"deploy-pages needs write on {', '.join(sorted(missing))}",
                )


def check_steps(name: str, workflow: dict) -> Iterator[Problem]:
    for job_id, job in (workflow.get("jobs") or {}).items():
        if "timeout-minutes" not in job:
            yield Problem(name, f"job {job_id}", "no timeout-minutes")
        for index, step in enumerate(_steps(job), 1):
            where = (
                f"job {job_id}, step {step.get('name') or step.get('uses') or index}"
            )
            for command in re.findall(r"pip install[^\n]*", str(step.get("run", ""))):
                if not all(flag in command for flag in LOCKED_INSTALL):
                    yield Problem(
                        name,
                        where,
                        f"`{command.strip()}` does not install from the lock as it is"
                        " (use scripts/install_lock.sh)",
                    )


def check_file(path: Path) -> list[Problem]:
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    text = path.read_text()
    try:
        workflow = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return [Problem(name, "yaml", str(error).replace("\n", " "))]
    if not isinstance(workflow, dict) or not workflow.get("jobs"):
        return [Problem(name, "jobs", "not a workflow (no jobs)")]
    problems = list(check_uses_lines(name, text))
    for check in (check_permissions, check_deploy_jobs, check_steps):
        problems.extend(check(name, workflow))
    return problems


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
