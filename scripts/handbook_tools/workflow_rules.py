"""This repository's rules for its workflows, besides the pins (workflow_pins.py): write
access only where a deployment happens and only for pushes to main, locked installs that
resolve nothing, a timeout on every job. check_file() applies them all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from scripts.handbook_tools.facts import ROOT
from scripts.handbook_tools.workflow_pins import Problem, check_uses_lines

WRITE_SCOPES_FOR_DEPLOY = {"pages", "id-token"}
# What a `pip install` needs to install the lock without resolving anything.
LOCKED_INSTALL = ("--no-deps", "--require-hashes", " -r ")


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
