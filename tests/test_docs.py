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
    from .test_cli import leaf_commands

    for name, command in leaf_commands():
        assert f"{name} " in README, name
        for action in command._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert flag in README, (name, flag)


def run_session(block, workdir):
    """Each `$ ...paraphrase ...` line of a console block, run in ``workdir`` (holding a copy
    of the seeds); the output, the last status, and the lines the block shows."""
    import shutil

    shutil.copytree(ROOT / "seeds", workdir / "seeds")
    commands = [line[2:] for line in block.splitlines() if line.startswith("$ ") and "paraphrase" in line]
    shown = [line for line in block.splitlines() if not line.startswith("$ ") and line not in ("...", "1")]
    output, status = "", None
    for command in commands:
        args = command.split("paraphrase ", 1)[1].split()
        done = subprocess.run([sys.executable, "-m", "paraphrase.cli", *args], cwd=workdir,
                              capture_output=True, text=True, timeout=120)
        output += done.stdout
        status = done.returncode
    return output, status, shown


def test_wire_check_session_matches_a_real_run(tmp_path):
    block = next(b for b in console_blocks() if "paraphrase index add" in b and "echo $?" in b)
    output, status, shown = run_session(block, tmp_path)
    for line in shown:
        assert line in output.splitlines(), line
    assert status == 1 and "$ echo $?\n1" in block


def test_rolling_window_session_matches_a_real_run(tmp_path):
    block = next(b for b in console_blocks() if "paraphrase index prune" in b)
    output, status, shown = run_session(block, tmp_path)
    for line in shown:
        assert line in output.splitlines(), line
    assert status == 0
