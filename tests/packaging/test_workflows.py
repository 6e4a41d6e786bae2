"""GitHub workflows: HACS validation and hassfest on every change, and the
release zip HACS installs (hacs.json ``zip_release`` and ``filename``).

The workflows are parsed as GitHub reads them; each action is given only the
inputs its action.yml documents (hacs/action: ``category``, ``ignore``,
``repository``; hassfest: none; softprops/action-gh-release v2: the list below).
The zip script runs for real and its zip is opened.
"""

from __future__ import annotations

import ast
import hashlib
import json
import pathlib
import re
import subprocess
import sys
from typing import Any
import zipfile

import pytest
import yaml

from tests.packaging.validators import HACS, INTEGRATION, REPO, load_json

WORKFLOWS = REPO / ".github" / "workflows"
ZIP_SCRIPT = REPO / "scripts" / "release_zip.py"
HACS_ACTION = "hacs/action@main"
HASSFEST_ACTION = "home-assistant/actions/hassfest@master"
RELEASE_ACTION = "softprops/action-gh-release@v2"
HACS_INPUTS = {"category", "ignore", "repository"}
HACS_CATEGORIES = {
    "appdaemon",
    "integration",
    "plugin",
    "python_script",
    "template",
    "theme",
}
RELEASE_INPUTS = {
    "body",
    "body_path",
    "name",
    "tag_name",
    "draft",
    "prerelease",
    "preserve_order",
    "files",
    "working_directory",
    "overwrite_files",
    "fail_on_unmatched_files",
    "repository",
    "token",
    "target_commitish",
    "discussion_category_name",
    "generate_release_notes",
    "previous_tag",
    "append_body",
    "make_latest",
}
CRON_FIELD = r"(\*|[0-9]{1,2}([-,/][0-9]{1,2})*)(/[0-9]+)?"


def load_workflow(name: str) -> dict[str, Any]:
    workflow: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text())
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return dict(on)


def steps_using(workflow: dict[str, Any], action: str) -> list[tuple[str, int]]:
    """(job, index) of each step that uses ``action``."""
    return [
        (job_id, index)
        for job_id, job in workflow["jobs"].items()
        for index, step in enumerate(job["steps"])
        if step.get("uses") == action
    ]


def step(workflow: dict[str, Any], where: tuple[str, int]) -> dict[str, Any]:
    job, index = where
    found: dict[str, Any] = workflow["jobs"][job]["steps"][index]
    return found


def checked_out_before(workflow: dict[str, Any], where: tuple[str, int]) -> bool:
    job, index = where
    return any(
        str(step.get("uses", "")).startswith("actions/checkout@")
        for step in workflow["jobs"][job]["steps"][:index]
    )


def test_validate_runs_on_every_change_and_nightly() -> None:
    workflow = load_workflow("validate.yml")
    on = triggers(workflow)
    assert {"push", "pull_request", "schedule"} <= set(on)
    # No filters: every branch and every pull request is validated.
    assert on["push"] is None
    assert on["pull_request"] is None
    (schedule,) = on["schedule"]
    fields = schedule["cron"].split()
    assert len(fields) == 5
    assert all(re.fullmatch(CRON_FIELD, field) for field in fields)


def test_validate_runs_hacs_validation_as_an_integration() -> None:
    workflow = load_workflow("validate.yml")
    (where,) = steps_using(workflow, HACS_ACTION)
    hacs = step(workflow, where)
    assert set(hacs["with"]) <= HACS_INPUTS
    assert hacs["with"]["category"] == "integration"
    assert hacs["with"]["category"] in HACS_CATEGORIES
    assert checked_out_before(workflow, where)


def test_validate_runs_hassfest() -> None:
    workflow = load_workflow("validate.yml")
    (where,) = steps_using(workflow, HASSFEST_ACTION)
    assert "with" not in step(workflow, where)  # the action has no inputs
    # hassfest validates the checked-out workspace.
    assert checked_out_before(workflow, where)


def test_hacs_json_asks_for_the_release_zip() -> None:
    hacs = load_json(HACS)
    assert hacs["zip_release"] is True
    assert hacs["filename"] == "provisioning.zip"


def test_release_attaches_the_zip_hacs_asks_for() -> None:
    workflow = load_workflow("release.yml")
    assert triggers(workflow) == {"release": {"types": ["published"]}}
    assert workflow["permissions"] == {"contents": "write"}
    (where,) = steps_using(workflow, RELEASE_ACTION)
    release = step(workflow, where)
    assert set(release["with"]) <= RELEASE_INPUTS
    filename = load_json(HACS)["filename"]
    files = release["with"]["files"].split()
    assert [pathlib.PurePosixPath(path).name for path in files] == [filename]
    assert release["with"]["fail_on_unmatched_files"] is True
    # An earlier step builds that file with the zip script.
    job, index = where
    builds = [
        step
        for step in workflow["jobs"][job]["steps"][:index]
        if "scripts/release_zip.py" in step.get("run", "")
    ]
    (build,) = builds
    assert files[0] in build["run"]
    # The tag reaches the script through the environment, never the command.
    assert "${{" not in build["run"]
    assert build["env"]["TAG"] == "${{ github.event.release.tag_name }}"
    assert checked_out_before(workflow, where)


def run_zip_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ZIP_SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def shipped_files() -> set[str]:
    return {
        path.relative_to(INTEGRATION).as_posix()
        for path in INTEGRATION.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(
            part.startswith(".") for part in path.relative_to(INTEGRATION).parts
        )
    }


def test_zip_has_the_integration_at_its_root(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "dist" / "provisioning.zip"
    result = run_zip_script("--version", "v1.2.3", str(out))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert "manifest.json" in names
        assert set(names) == shipped_files()
        assert not any(
            name.startswith("custom_components/") or name.endswith(".pyc")
            for name in names
        )
        assert {"__init__.py", "frontend/provisioning-panel.js"} <= set(names)
        manifest = json.loads(archive.read("manifest.json"))
        assert archive.testzip() is None
    source = load_json(INTEGRATION / "manifest.json")
    assert manifest == {**source, "version": "1.2.3"}
    # The working tree keeps its own version.
    assert load_json(INTEGRATION / "manifest.json") == source


def test_zip_is_reproducible(tmp_path: pathlib.Path) -> None:
    digests = set()
    for name in ("a.zip", "b.zip"):
        assert run_zip_script(str(tmp_path / name)).returncode == 0
        digests.add(hashlib.sha256((tmp_path / name).read_bytes()).hexdigest())
    assert len(digests) == 1
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest == load_json(INTEGRATION / "manifest.json")


@pytest.mark.parametrize("tag", ["latest", "v1", "1.2.3; rm -rf /", ""])
def test_zip_refuses_a_tag_that_is_no_version(tmp_path: pathlib.Path, tag: str) -> None:
    result = run_zip_script("--version", tag, str(tmp_path / "x.zip"))
    assert result.returncode == 1
    assert result.stderr.startswith("error: release tag ")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "x.zip").exists()


def test_zip_script_runs_on_the_runners_python() -> None:
    """The release job runs it with ubuntu-latest's python3 (3.12)."""
    ast.parse(ZIP_SCRIPT.read_text(), feature_version=(3, 12))
    imports = {
        alias.name.split(".")[0]
        for node in ast.walk(ast.parse(ZIP_SCRIPT.read_text()))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names
            if isinstance(node, ast.Import)
            else [ast.alias(node.module or "")]
        )
    }
    assert imports <= set(sys.stdlib_module_names) | {"__future__"}
