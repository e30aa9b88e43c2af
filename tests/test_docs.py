"""The README's commands and example output are the real ones."""

import re
import subprocess
import sys

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_blocks():
    return re.findall(r"```console\n(.*?)```", README, re.DOTALL)


def test_quick_start_output_matches_a_real_run():
    block = console_blocks()[0]
    command, *shown = block.splitlines()
    args = command.split("paraphrase compare ")[1].split()
    done = subprocess.run([sys.executable, "-m", "paraphrase.cli", "compare", *args],
                          cwd=ROOT, capture_output=True, text=True, env={"COLUMNS": "100"}, timeout=120)
    real = done.stdout.splitlines()
    assert shown[0] == real[0]  # the verdict line, word for word
    for line in shown[1:]:
        if line != "...":
            assert line in real, line


def test_library_example_runs_and_shows_real_values(monkeypatch):
    import paraphrase

    (block,) = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})
    shown = float(re.search(r"# ([0-9.]+)\n", block.split("paraphrase.distance(")[1]).group(1))
    example = re.search(r'paraphrase.distance\("(.*?)",\s*"(.*?)"\)', block, re.DOTALL)
    assert round(paraphrase.distance(*example.groups()), 3) == shown


def test_ci_runs_exactly_the_readme_test_command():
    test_command = console_blocks()[1].strip().removeprefix("$ ")
    assert test_command in (ROOT / ".ci" / "run").read_text()


def test_every_command_and_option_is_in_the_readme():
    from paraphrase.cli import build_parser

    for name, command in build_parser()._subparsers._group_actions[0].choices.items():
        assert f"paraphrase {name} " in README, name
        for action in command._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert flag in README, (name, flag)
