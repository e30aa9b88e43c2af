"""The pre-commit hook and the example CI workflow run the commands they declare."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from paraphrase.readers import suffix_pattern

from ..conftest import ROOT, seed
from .conftest import run


def test_pre_commit_hook_runs_its_entry_with_its_args(wire_index):
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = re.search(r"^\s*entry: (.+)$", hooks, re.M).group(1).split()
    args = re.search(r"^\s*args: \[(.+)\]$", hooks, re.M).group(1).split(", ")
    assert entry[0] == "paraphrase" and re.search(r"^\s*files: (.+)$", hooks, re.M).group(1) == suffix_pattern()
    args = [str(wire_index) if a == "wire.db" else a for a in args]
    done = run(*entry[1:], *args, seed("000"))  # pre-commit appends the staged files
    assert done.returncode == 1
    assert run(*entry[1:], *args, seed("001")).returncode == 0  # 001 is the corpus's own copy


WORKFLOW = ROOT / ".github" / "wire-check-workflow.yml"


def test_ci_example_workflow_is_a_valid_github_workflow():
    import jsonschema
    import yaml

    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the key `on` as true
    schema = json.loads((ROOT / "tests" / "github-workflow.json").read_text(encoding="utf-8"))
    jsonschema.validate(workflow, schema)
    steps = workflow["jobs"]["wire-check"]["steps"]
    actions = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert {"actions/checkout", "actions/cache", "github/codeql-action/upload-sarif"} <= set(actions)
    assert actions["actions/cache"]["with"]["path"] == "wire.db"
    install = next(s for s in steps if s.get("name") == "Install paraphrase")
    name = re.search(r"^name = (.+)$", (ROOT / "setup.cfg").read_text(encoding="utf-8"), re.M).group(1)
    assert install["run"] == f"pip install {name}"


def test_ci_example_workflow_runs_its_commands_in_a_pull_request_workspace(tmp_path):
    import jsonschema
    import yaml

    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["wire-check"]["steps"]
    workspace = _pull_request(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    statuses = {}
    for step in steps:
        if "run" in step and step["name"] != "Install paraphrase":  # the test runs the installed package
            script = step["run"].replace("${{ github.base_ref }}", "main")
            done = subprocess.run(["bash", "-e", "-c", script], cwd=workspace, env=env, capture_output=True,
                                  text=True, timeout=300)
            statuses[step["name"]] = done.returncode
    assert statuses == {"Add the wire copy and prune what is older than 90 days": 0,
                        "Check the changed articles": 123}  # xargs: the check failed the article
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    log = json.loads((workspace / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    jsonschema.validate(log, json.loads((ROOT / "tests" / "corpus" / "sarif-2.1.0.json").read_text(encoding="utf-8")))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"articles/000_86711bc330f5b00f.txt"}  # the changed article only; 002 was already there


def _pull_request(root):
    """A content repository: wire copy and one article on main, a branch adding a rewrite of the wire."""
    def git(*args):
        subprocess.run(["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org", *args], cwd=root,
                       check=True, capture_output=True)

    (root / "wire").mkdir()
    (root / "articles").mkdir()
    for n in ("001", "003", "004"):
        shutil.copy(seed(n), root / "wire")
    shutil.copy(seed("002"), root / "articles")
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "wire and an article")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    git("checkout", "-q", "-b", "rewrite")
    shutil.copy(seed("000"), root / "articles")
    git("add", ".")
    git("commit", "-q", "-m", "a rewrite of the wire")
    return root
