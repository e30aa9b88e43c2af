"""The pre-commit hook and the example CI step run the commands they declare."""

import re
import shlex
import shutil
import subprocess
import sys

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


def test_ci_example_step_runs_in_a_workspace(wire_index, tmp_path):
    step = (ROOT / ".github" / "wire-check-step.yml").read_text(encoding="utf-8")
    command = re.search(r"^\s*run: (.+)$", step, re.M).group(1)
    (tmp_path / "articles").mkdir()
    shutil.copy(seed("000"), tmp_path / "articles")
    assert wire_index == tmp_path / "wire.db"  # the fixture builds it in this workspace
    words = shlex.split(command)
    assert words[0] == "paraphrase"
    articles = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "articles").glob("*.txt"))
    expanded = [a for w in words[1:] for a in (articles if w == "articles/*.txt" else [w])]
    done = subprocess.run([sys.executable, "-m", "paraphrase.cli", *expanded], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=articles/000_86711bc330f5b00f.txt,line=13")
