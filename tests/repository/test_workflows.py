"""The GitHub Actions workflows, validated offline.

`scripts/handbook_tools/check_workflows.py` runs zizmor (pinned SHAs, least privilege,
no script injection, no persisted credentials, no dangerous trigger) and the project's
own rules (vetted SHAs with version comments, deploy only from main, installs from the
lock, timeouts). These tests run it on the real workflows, check that each rule catches
its fault when injected into a copy, and check the shape of the pipeline: what runs on
pull requests and pushes, what deploys, how.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.handbook_tools import check_workflows, workflow_pins, workflow_rules

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / ".github" / "workflows" / "ci.yml"
AUDIT = ROOT / ".github" / "workflows" / "audit.yml"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    return workflow.get("on", workflow.get(True)) or {}


def steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def runs(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps(job))


def uses(job: dict, action: str) -> list[dict]:
    return [step for step in steps(job) if str(step.get("uses", "")).startswith(action)]


def test_workflows_pass_the_offline_check() -> None:
    files = check_workflows.workflow_files()
    assert {path.name for path in files} >= {"ci.yml", "audit.yml"}
    problems = [str(p) for path in files for p in workflow_rules.check_file(path)]
    assert problems == []
    assert check_workflows.main([]) == 0


def test_every_action_is_a_vetted_pin() -> None:
    used = set()
    for path in check_workflows.workflow_files():
        for job in load(path)["jobs"].values():
            for step in steps(job):
                if "uses" in step:
                    action, sha = step["uses"].split("@")
                    assert sha in workflow_pins.VETTED[action], step["uses"]
                    used.add(action)
    assert used == set(workflow_pins.VETTED), "a vetted action is no longer used"


def test_ci_runs_on_pull_requests_and_pushes_to_main() -> None:
    on = triggers(load(CI))
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    assert "pull_request_target" not in on


def test_lint_job_runs_ruff_and_the_workflow_check() -> None:
    script = runs(load(CI)["jobs"]["lint"])
    assert "ruff check" in script
    assert "ruff format --check" in script
    assert "scripts.handbook_tools.check_workflows" in script


def test_test_job_runs_the_suite_on_every_supported_python() -> None:
    job = load(CI)["jobs"]["test"]
    versions = job["strategy"]["matrix"]["python-version"]
    assert versions == ["3.11", "3.12", "3.13", "3.14"]
    assert job["strategy"]["fail-fast"] is False
    free_threaded, setup = uses(job, "actions/setup-python")
    assert free_threaded["with"]["python-version"] == "3.13t"
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    script = runs(job)
    assert "scripts/test.sh" in script
    assert ".github/scripts/system-packages.sh" in script
    packages = (ROOT / ".github" / "scripts" / "system-packages.sh").read_text()
    assert "redis-server" in packages
    assert "/usr/bin/chromium" in packages


def test_pip_downloads_are_cached_keyed_on_the_requirement_files() -> None:
    for path in (CI, AUDIT):
        for job_id, job in load(path)["jobs"].items():
            for step in uses(job, "actions/setup-python"):
                if step["with"]["python-version"] == "3.13t":
                    continue  # no pip: it only runs the GIL page's examples
                assert step["with"]["cache"] == "pip", (path.name, job_id)
                assert step["with"]["cache-dependency-path"].startswith("requirements/")


def test_site_is_built_with_the_newest_python_the_suite_tests() -> None:
    jobs = load(CI)["jobs"]
    newest = jobs["test"]["strategy"]["matrix"]["python-version"][-1]
    (setup,) = uses(jobs["site"], "actions/setup-python")
    assert setup["with"]["python-version"] == newest == "3.14"


def test_site_job_builds_strictly_makes_the_pdf_and_checks_links() -> None:
    job = load(CI)["jobs"]["site"]
    script = runs(job)
    order = [
        "scripts/setup.sh test",
        "scripts/release.sh site",
        "scripts.handbook_tools.check_links site",
    ]
    positions = [script.index(command) for command in order]
    assert positions == sorted(positions)
    (upload,) = uses(job, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert "push" in upload["if"] or "steps.pages" in upload["if"]


def test_site_url_comes_from_the_pages_settings() -> None:
    """A fork deploys under its own URL: SITE_URL is configure-pages' base_url."""
    job = load(CI)["jobs"]["site"]
    (configure,) = uses(job, "actions/configure-pages")
    assert configure["id"] == "pages"
    assert "refs/heads/main" in configure["if"]
    (export,) = [step for step in steps(job) if "SITE_URL=" in str(step.get("run"))]
    assert export["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "REPO_URL=" in export["run"]
    assert "GITHUB_ENV" in export["run"]
    build_index = next(
        i for i, s in enumerate(steps(job)) if "scripts/release.sh" in str(s)
    )
    assert steps(job).index(export) < build_index


MAIN_ONLY = (
    "github.ref == 'refs/heads/main' &&"
    " (github.event_name == 'push' || github.event_name == 'workflow_dispatch')"
)


def test_deploy_job_uses_the_official_pages_flow() -> None:
    workflow = load(CI)
    job = workflow["jobs"]["deploy"]
    assert set(job["needs"]) == {"lint", "test", "site"}
    assert job["if"] == MAIN_ONLY
    (configure,) = uses(workflow["jobs"]["site"], "actions/configure-pages")
    assert configure["if"] == MAIN_ONLY
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert job["environment"]["name"] == "github-pages"
    (deploy,) = uses(job, "actions/deploy-pages")
    assert (
        job["environment"]["url"] == f"${{{{ steps.{deploy['id']}.outputs.page_url }}}}"
    )
    assert workflow["permissions"] == {}


def test_audit_workflow_is_scheduled_manual_and_hashed() -> None:
    workflow = load(AUDIT)
    on = triggers(workflow)
    assert on["schedule"][0]["cron"]
    assert "workflow_dispatch" in on
    script = runs(workflow["jobs"]["pip-audit"])
    assert "scripts/install_lock.sh" in script
    assert "requirements/audit.txt" in script
    assert "pip-audit" in script
    assert "--require-hashes" in script.split("pip-audit", 2)[-1]
    assert "requirements/*.txt" in script


# Fault injection: each rule, broken in a copy of ci.yml, is reported, by zizmor (its
# audit's name) or by our own rules (their message).

CHECKOUT = "actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0"
FAULTS = {
    "tag instead of SHA": (CHECKOUT, "actions/checkout@v5", "unpinned-uses"),
    "short SHA": (CHECKOUT, "actions/checkout@08c6903", "unpinned-uses"),
    "no version comment": (
        CHECKOUT,
        CHECKOUT.split(" #")[0],
        "no version comment",
    ),
    "wrong version comment": (
        CHECKOUT,
        CHECKOUT[:-6] + "v4.2.2",
        "the comment says v4.2.2",
    ),
    "unvetted SHA": (
        CHECKOUT,
        "actions/checkout@" + "a" * 40 + " # v5.0.0",
        "not a vetted",
    ),
    "credentials persisted": (
        "persist-credentials: false",
        "persist-credentials: true",
        "artipacked",
    ),
    "top-level write": (
        "permissions: {}",
        "permissions: write-all",
        "excessive-permissions",
    ),
    "write outside deploy": (
        "      contents: read # checkout\n    steps:",
        "      contents: write\n    steps:",
        "but deploys nothing",
    ),
    "job without permissions": (
        "    permissions:\n      contents: read # checkout\n    strategy:",
        "    strategy:",
        "no permissions block",
    ),
    "pull_request_target": (
        "  pull_request:\n",
        "  pull_request_target:\n",
        "dangerous-triggers",
    ),
    "script injection": (
        "run: scripts/test.sh",
        'run: echo "${{ github.event.pull_request.title }}" && scripts/test.sh',
        "template-injection",
    ),
    "step output in run": (
        "run: scripts/test.sh",
        "run: echo ${{ steps.pages.outputs.base_url }}",
        "template-injection",
    ),
    "deploy without concurrency": (
        "    concurrency:\n      group: pages\n      cancel-in-progress: false\n",
        "",
        "without a concurrency group",
    ),
    "deploy cancelled in progress": (
        "      group: pages\n      cancel-in-progress: false\n",
        "      group: pages\n      cancel-in-progress: true\n",
        "cut a deployment short",
    ),
    "deploy from any branch": (
        "    if: >-\n      github.ref == 'refs/heads/main' &&\n",
        "    if: >-\n      github.ref != 'refs/heads/main' &&\n",
        "other than a push to main",
    ),
    "unhashed pip install": (
        "run: scripts/setup.sh lint",
        "run: pip install ruff",
        "does not install from the lock",
    ),
    "pip install that resolves": (
        "run: scripts/setup.sh lint",
        "run: pip install --require-hashes -r requirements/test.txt",
        "does not install from the lock",
    ),
    "no timeout": ("    timeout-minutes: 15\n", "", "no timeout-minutes"),
}


ZIZMOR_AUDITS = {
    "unpinned-uses",
    "artipacked",
    "excessive-permissions",
    "dangerous-triggers",
    "template-injection",
}


@pytest.mark.parametrize("fault", FAULTS)
def test_check_catches_injected_fault(
    tmp_path: Path, fault: str, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new, evidence = FAULTS[fault]
    text = CI.read_text()
    assert old in text, f"fault injection found no {old!r} in ci.yml"
    broken = tmp_path / "ci.yml"
    broken.write_text(text.replace(old, new, 1))
    capsys.readouterr()
    assert check_workflows.main([str(broken)]) == 1
    reported = capsys.readouterr().err
    assert evidence in reported, reported
    # Each rule has one owner: zizmor's audits are not written again in our rules.
    ours = [str(problem) for problem in workflow_rules.check_file(broken)]
    assert any(evidence in problem for problem in ours) != (evidence in ZIZMOR_AUDITS)


def test_check_rejects_what_is_not_a_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("jobs: [unclosed\n")
    assert "yaml" in str(workflow_rules.check_file(broken)[0])
    broken.write_text("name: no jobs\n")
    assert "no jobs" in str(workflow_rules.check_file(broken)[0])
