"""The workflow that builds the Windows, macOS and Linux installers on GitHub's runners
(.github/workflows/installers.yml). Nothing here can run it; these tests check that it
is a valid workflow and that it still agrees with the files it drives: the spec, the
NSIS script's options, the executables the spec names, the package extra."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.installers.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"
SPEC = ROOT / "installers" / "workshop-app.spec"
NSIS_SCRIPT = ROOT / "installers" / "windows" / "workshop-app.nsi"


def test_the_workflow_is_valid_for_github() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_files_the_workflow_runs_exist() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    named = set(re.findall(r"installers[/\\][\w./\\-]+\.(?:spec|nsi|sh)", text))
    assert named, "the workflow names no installer files"
    for path in named:
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    assert '".[package]"' in text
    assert re.search(r"^package = ", (ROOT / "pyproject.toml").read_text(), re.MULTILINE)


def test_the_workflow_gives_makensis_what_the_script_asks_for() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    script = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    given = set(re.findall(r"/D(\w+)=", workflow))
    required = set(re.findall(r"^!ifndef (\w+)\n\s*!error", script, re.MULTILINE))
    optional = set(re.findall(r"^!ifndef (\w+)\n\s*!define", script, re.MULTILINE))
    assert required == {"DIST", "VERSION"}
    assert required <= given <= required | optional


def test_the_workflow_runs_the_executables_the_spec_builds() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    spec = SPEC.read_text(encoding="utf-8")
    for name in ("workshop-app-cli", "Workshop app.app"):
        assert name in workflow and f'"{name}' in spec, name
    script = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    assert '!define CLI_EXE "workshop-app-cli.exe"' in script
