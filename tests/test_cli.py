import json
import subprocess
import sys

import pytest

from paraphrase import EVIDENCE
from paraphrase.cli import build_parser, main

from .conftest import seed


def run(*args, stdin=None):
    """The command in a real process with piped output, as a pipeline runs it."""
    return subprocess.run(
        [sys.executable, "-m", "paraphrase.cli", *map(str, args)],
        input=stdin, capture_output=True, timeout=120,
    )


def test_compare_prints_the_verdict_first_then_the_aligned_table():
    done = run("compare", seed("000"), seed("001"))
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert out.splitlines()[0] == "000_86711bc330f5b00f is a rewording of 001_c5228a29931e7031"
    assert out.splitlines()[1].startswith("92% of 000_86711bc330f5b00f's text (91% of its sentences")
    assert "A 6 ↔ B 0" in out and "light edit" in out
    assert "\x1b[" not in out  # piped: plain text
    assert "diff: [-Newly released-]" in out


def test_json_output_follows_the_documented_schema():
    done = run("compare", seed("000"), seed("001"), "--format", "json")
    data = json.loads(done.stdout)
    assert data["schema"] == "paraphrase.comparison/1"
    assert set(data) == {"schema", "scorer", "a", "b", "pairs", "unaligned", "related", "summary"}
    assert data["scorer"] == "lexical"
    assert set(data["a"]["sentences"][0]) == {"index", "start", "end", "text", "set_aside"}
    assert set(data["pairs"][0]) == {"a", "b", "distance", "word_distance", "order_distance", "class", "moved",
                                     "context", "evidence", "firm", "diff", "changed_facts"}
    assert {p["evidence"] for p in data["pairs"]} <= set(EVIDENCE) and any(p["firm"] for p in data["pairs"])
    kinds = [p["evidence"] for p in data["pairs"]]
    assert data["summary"]["evidence"] == {kind: kinds.count(kind) for kind in EVIDENCE if kind in kinds}
    assert data["summary"]["firm_pairs"] == sum(p["firm"] for p in data["pairs"])
    related = json.loads(run("compare", seed("001"), seed("002"), "--format", "json").stdout)["related"]
    assert set(related[0]) == set(data["pairs"][0]) and related[0]["class"] == "related"
    assert (related[0]["evidence"], related[0]["firm"]) == (None, False)
    assert {"verdict", "direction", "a_reused", "b_reused"} <= set(data["summary"])
    assert 0.0 <= data["summary"]["a_reused"] <= 1.0


@pytest.mark.parametrize(
    "fail_on, other, code",
    [("rewording", "001", 1), ("partial", "001", 1), ("rewording", "002", 0), ("partial", "002", 0)],
)
def test_fail_on_sets_exit_status(fail_on, other, code, capsys):
    assert main(["compare", str(seed("000")), str(seed(other)), "--fail-on", fail_on, "--format", "json"]) == code


def test_standard_input_is_read_with_a_dash():
    done = run("compare", "-", seed("001"), stdin=seed("000").read_bytes())
    assert done.returncode == 0
    assert done.stdout.decode().startswith("stdin is a rewording of 001_c5228a29931e7031")


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "missing.txt", "x.txt"], "paraphrase: missing.txt: cannot read"),
        (["compare"], "paraphrase: compare needs A and B (or --pairs FILE)"),
        (["compare", "a", "b", "--format", "xml"], "paraphrase: argument --format: invalid choice"),
        (["frobnicate"], "paraphrase: argument command: invalid choice"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(args, message):
    done = run(*args)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_empty_and_binary_files_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    for path, problem in ((empty, "empty"), (binary, "binary data")):
        done = run("compare", path, seed("001"))
        assert done.returncode == 2
        assert done.stderr.decode().strip() == f"paraphrase: {path}: {problem}" + ("" if problem == "empty" else ", not text")


def test_options_file_overrides_shipped_thresholds(tmp_path):
    # 001 and 003, written apart, share a few sentences' facts and phrasing: independent
    # by the shipped verdict, partial when one firm pair is enough.
    pair = [str(seed("001")), str(seed("003")), "--fail-on", "partial", "--format", "json"]
    assert main(["compare", *pair]) == 0
    lenient = tmp_path / "lenient.toml"
    lenient.write_text("partial_share = 0.01\nmin_partial_pairs = 1\nmin_firm_pairs = 1\n")
    assert main(["compare", *pair, "--options", str(lenient)]) == 1
    bad = tmp_path / "bad.toml"
    bad.write_text("no_such_threshold = 1\n")
    assert main(["compare", str(seed("000")), str(seed("001")), "--options", str(bad)]) == 2


def test_an_alignment_bound_beyond_the_related_bound_is_a_clear_error(tmp_path):
    loose = tmp_path / "loose.toml"
    loose.write_text("align_max_distance = 0.7\n")
    done = run("compare", seed("000"), seed("001"), "--options", loose)
    assert done.returncode == 2
    assert "align_max_distance <= related_max_distance" in done.stderr.decode()
    loose.write_text("align_max_distance = 0.7\nrelated_max_distance = 0.8\n")
    assert run("compare", seed("000"), seed("001"), "--options", loose).returncode == 0


def test_colour_is_used_only_when_asked_or_on_a_terminal():
    done = run("compare", seed("000"), seed("001"), "--color", "always")
    assert "\x1b[31;9m" in done.stdout.decode()


def leaf_commands(parser=None, prefix="paraphrase"):
    """(full name, parser) of every command that runs, nested ones included."""
    parser = parser or build_parser()
    for name, command in parser._subparsers._group_actions[0].choices.items():
        if command._subparsers is None:
            yield f"{prefix} {name}", command
        else:
            yield from leaf_commands(command, f"{prefix} {name}")


def test_every_command_is_documented_with_a_runnable_example():
    for name, command in leaf_commands():
        assert "example:" in (command.epilog or ""), name
        assert f"{name} " in command.epilog, name
