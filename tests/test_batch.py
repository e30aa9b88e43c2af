"""Many comparisons in one run: the same results as one compare per pair, each file prepared once."""

import json
import subprocess
import sys
from operator import attrgetter

import pytest

import paraphrase
from paraphrase import batch
from paraphrase.batch import compare_pairs, read_pairs
from paraphrase.comparison import Comparison

from .conftest import seed

PAIRS = [("000", "001"), ("001", "003"), ("002", "001"), ("000", "004")]


def pairs_file(tmp_path, pairs=PAIRS, extra=""):
    lines = [f"{seed(a).name}\t{seed(b).name}" for a, b in pairs]
    path = tmp_path / "pairs.tsv"
    for n in {n for pair in pairs for n in pair}:
        (tmp_path / seed(n).name).write_bytes(seed(n).read_bytes())
    path.write_text("# seed pairs\n\n" + "\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


# What a worker sends back: the comparison, its JSON form, or its summary alone.
@pytest.mark.parametrize("workers, convert", [(1, None), (2, None), (2, Comparison.to_dict), (2, attrgetter("summary"))],
                         ids=["one process", "two", "to_dict", "summary"])
def test_each_pair_matches_a_single_comparison_in_order(tmp_path, workers, convert):
    results = list(compare_pairs(read_pairs(pairs_file(tmp_path)), workers=workers, convert=convert))
    assert [(r.a.name, r.b.name) for r in results] == [(seed(a).name, seed(b).name) for a, b in PAIRS]
    for result, (a, b) in zip(results, PAIRS):
        alone = paraphrase.compare(seed(a), seed(b))
        if convert is None:
            assert result.comparison.to_dict() == alone.to_dict()
        else:
            assert result.comparison == convert(alone)


def test_each_file_is_prepared_once_however_many_pairs_it_is_in(tmp_path, monkeypatch):
    calls = []
    real = batch.prepare
    monkeypatch.setattr(batch, "prepare", lambda name, text, options: calls.append(name) or real(name, text, options))
    list(compare_pairs(read_pairs(pairs_file(tmp_path)), workers=1))
    assert sorted(calls) == sorted({seed(n).stem for pair in PAIRS for n in pair})


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "paraphrase.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_the_command_prints_one_row_per_pair_and_keeps_going_past_a_bad_file(tmp_path):
    path = pairs_file(tmp_path, extra=f"missing.txt\t{seed('001').name}\n")
    done = run("compare", "--pairs", path, cwd=tmp_path)
    header, *rows = done.stdout.splitlines()
    assert header.split("\t")[:4] == ["a_file", "b_file", "verdict", "direction"]
    assert [r.split("\t")[2] for r in rows] == ["rewording", "independent", "independent", "independent"]
    assert done.returncode == 2 and done.stderr.strip().endswith("missing.txt: cannot read (No such file or directory)")
    assert len(done.stderr.strip().splitlines()) == 1


def test_json_lines_carry_the_comparison_schema_and_fail_on_applies(tmp_path):
    done = run("compare", "--pairs", pairs_file(tmp_path), "--format", "json", "--fail-on", "rewording", cwd=tmp_path)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == len(PAIRS) and all(line["schema"] == paraphrase.SCHEMA for line in lines)
    assert lines[0]["a_file"].endswith(seed("000").name) and lines[0]["summary"]["verdict"] == "rewording"
    assert done.returncode == 1


@pytest.mark.parametrize("content, message", [
    ("only-one-name.txt\n", "pairs.tsv:1: expected two file names separated by a tab"),
    ("# nothing\n", "pairs.tsv: no pairs"),
])
def test_a_malformed_pairs_file_is_one_line_and_exit_2(tmp_path, content, message):
    (tmp_path / "pairs.tsv").write_text(content, encoding="utf-8")
    done = run("compare", "--pairs", tmp_path / "pairs.tsv", cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_and_b_or_pairs_not_both(tmp_path):
    done = run("compare", seed("000"), seed("001"), "--pairs", pairs_file(tmp_path), cwd=tmp_path)
    assert done.returncode == 2 and "either A and B or --pairs" in done.stderr
    assert run("compare", seed("000"), cwd=tmp_path).returncode == 2
