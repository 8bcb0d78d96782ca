"""Every ``run:`` step of .github/workflows/*.yml runs, in order, in a fresh clone that has a base branch and
a pull-request change, with the environment GitHub gives it; the test fails on the first step that fails.

This is what an editor's pull request meets: a step that passes here and fails there (a default path that
moved, a command renamed) is caught before anyone opens one. The steps that cannot run as they are, and
what runs instead, are listed in ``REPLACED`` with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

pytestmark = pytest.mark.slow

BASE = "main"
REPLACED = {
    "sudo apt-get update && sudo apt-get install -y chromium":
        (None, "installs system packages as root; the browser tests find Chromium themselves and are not run here"),
    "make test":
        (".venv/bin/python -m pytest --collect-only -q -p no:cacheprovider",
         "would run this very test again, and the whole suite: collecting it shows every test module imports"),
}
"""A step's command as written → (what runs instead, or None for nothing; why)."""
KNOWN_STEP_KEYS = {"name", "id", "uses", "with", "run", "env"}
"""What a step may say for this test to run it as GitHub would (``shell:`` or ``working-directory:`` would
need handling here first)."""
EXPRESSIONS = {
    r"github\.base_ref": BASE,  # the pull request's target branch
    r"vars\.\w+": "",  # repository variables: unset in a fresh fork, which GitHub gives as ''
}


@dataclass
class Step:
    workflow: str
    job: str
    name: str
    run: str
    env: dict[str, str]


def workflow_steps() -> list[Step]:
    steps = []
    for path in sorted((REPO / ".github" / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text("utf-8"))
        for job_id, job in workflow["jobs"].items():
            for number, step in enumerate(job.get("steps", []), 1):
                unknown = set(step) - KNOWN_STEP_KEYS
                assert not unknown, f"{path.name} › {job_id}: this test does not run steps with {sorted(unknown)} yet"
                if "run" in step:
                    env = {key: expand(str(value)) for key, value in (step.get("env") or {}).items()}
                    steps.append(Step(path.name, job_id, step.get("name", f"step {number}"), expand(step["run"]), env))
    return steps


def expand(text: str) -> str:
    """``${{ … }}`` as GitHub fills it in; an expression this test does not know fails it (add it above)."""
    def value(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        for pattern, replacement in EXPRESSIONS.items():
            if re.fullmatch(pattern, inner):
                return replacement
        raise AssertionError(f"the workflows use ${{{{ {inner} }}}}: give it a value in EXPRESSIONS")
    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.com",
                           "-c", "init.defaultBranch=main", *args],
                          cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def fresh_clone(tmp_path: Path) -> Path:
    """The repository as it stands (tracked and new files), published as ``main`` of an origin, cloned, and a
    pull request's branch on top that changes an answer's keywords, as an editor's would."""
    origin = tmp_path / "origin"
    for name in git(REPO, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0"):
        if name and (REPO / name).is_file():
            (origin / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, origin / name)
    git(origin, "init", "-q")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "the help center as published")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    git(clone, "checkout", "-q", "-b", "editor/keywords")
    faq = next(p for p in sorted((clone / "content" / "faq").glob("*.yml")) if "keywords: [" in p.read_text())
    faq.write_text(faq.read_text().replace("keywords: [", "keywords: [parcel tracking, ", 1))
    git(clone, "commit", "-q", "-am", "Shoppers say 'parcel tracking'")
    borrow_venv(clone)
    return clone


def borrow_venv(clone: Path) -> None:
    """The worktree's installed environment, not a second install (minutes): its parts linked, and make's
    stamps newer than the clone's lock files, so `make .venv/.runtime-installed` has nothing to do. The
    clone's own generator/ is imported first (PYTHONPATH in ``run_step``)."""
    venv = clone / ".venv"
    venv.mkdir()
    for part in (REPO / ".venv").iterdir():
        if not part.name.startswith("."):  # bin/, lib/, pyvenv.cfg (which makes .venv/bin/python a venv's)
            (venv / part.name).symlink_to(part)
    time.sleep(0.01)  # make compares modification times
    for stamp in (".runtime-installed", ".dev-installed"):
        (venv / stamp).touch()


def run_step(step: Step, clone: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    command, _reason = REPLACED.get(step.run.strip(), (step.run, ""))
    env = {**os.environ, **step.env, "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": BASE,
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(clone), "PYTHONPATH": str(clone)}
    env.pop("VIRTUAL_ENV", None)
    # GitHub's own shell for `run:` on Linux
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command or "true"],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=600, check=False)


def test_the_replacements_are_steps_that_exist() -> None:
    written = {step.run.strip() for step in workflow_steps()}
    assert set(REPLACED) <= written, "a replaced step is no longer in the workflows: update REPLACED"


@pytest.mark.skipif(not (REPO / ".venv" / "bin" / "helpcenter").exists(), reason="needs `make .venv/.dev-installed`")
def test_every_run_step_passes_in_a_fresh_clone_of_a_pull_request(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path)
    summary = tmp_path / "step-summary.md"
    summary.touch()
    for step in workflow_steps():
        done = run_step(step, clone, summary)
        assert done.returncode == 0, (f"{step.workflow} › {step.job} › {step.name} failed "
                                      f"(exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    assert "## Search impact of this change" in summary.read_text(), "the job summary shows the search impact"
    assert (clone / "site" / "index.html").is_file()
