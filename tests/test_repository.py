"""The repository as a published project: its licences agree wherever they are stated, the
pre-commit hook runs the locked ruff, and the workflow caches what a warm build needs and runs
actions pinned by commit."""

from __future__ import annotations

import re
import tomllib

import yaml

from aiparadox.paths import ROOT
from aiparadox.sphinxext import FINGERPRINT_NAME

CODE_LICENCE, TEXT_LICENCE = "MIT", "CC-BY-4.0"


def locked_version(package: str, lock: str = "requirements-test.txt") -> str:
    match = re.search(rf"^{re.escape(package)}==(\S+)", (ROOT / lock).read_text(encoding="utf-8"), re.M)
    assert match, f"{package} is not pinned in {lock}"
    return match.group(1)


def test_code_is_mit_and_the_book_cc_by_in_every_place_that_says_so():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == CODE_LICENCE and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert (
        (ROOT / "LICENSES" / f"{TEXT_LICENCE}.txt")
        .read_text(encoding="utf-8")
        .startswith("Attribution 4.0 International")
    )
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    # CFF reads a list of licences as a choice ("OR"), so the code and the book each state one.
    assert citation["license"] == CODE_LICENCE
    assert citation["preferred-citation"]["type"] == "book"
    assert citation["preferred-citation"]["license"] == TEXT_LICENCE
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    licence_section = readme.partition("## Licence and citation")[2]
    assert "MIT" in licence_section and "CC BY 4.0" in licence_section and "`LICENSES/CC-BY-4.0.txt`" in licence_section


def test_the_pre_commit_hook_runs_the_ruff_that_make_test_runs():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ruff_hooks = [hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"].startswith("ruff")]
    assert ruff_hooks, "no ruff hook"
    for hook in ruff_hooks:
        assert hook["additional_dependencies"] == [f"ruff=={locked_version('ruff')}"], hook["id"]


def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8"))


def test_the_workflow_caches_the_execution_cache_with_the_stamp_that_keeps_it():
    steps = [step for job in workflow()["jobs"].values() for step in job["steps"]]
    caches = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert caches, "no cache step"
    paths = set(caches[0]["with"]["path"].split())
    # Without the stamp the Sphinx extension sees "inputs changed" and deletes the restored cache.
    assert {"_build/.jupyter_cache", f"_build/{FINGERPRINT_NAME}"} <= paths
    assert caches[0]["with"].get("restore-keys"), "a partial match restores the cache too"


def test_the_deploy_publishes_the_tested_build_and_is_never_cancelled():
    config = workflow()
    assert config["concurrency"]["cancel-in-progress"] is False
    deploy_steps = config["jobs"]["deploy"]["steps"]
    assert not [s for s in deploy_steps if "run" in s], (
        "the deploy job builds nothing: it publishes the test job's artifact"
    )
    test_steps = config["jobs"]["test"]["steps"]
    uploads = [s for s in test_steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "_build/html"


def test_every_action_is_pinned_by_commit_with_its_version_beside_it():
    text = (ROOT / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", text, re.M)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action} is not pinned by commit"
        assert re.fullmatch(r"\s*# v\d+(\.\d+)*", comment), f"{action}: the version is not in a comment ({comment!r})"
