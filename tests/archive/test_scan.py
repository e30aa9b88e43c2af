import json
from datetime import timedelta

import pandas as pd
import pytest

import paraphrase
from paraphrase.archive import scan
from paraphrase.archive.scan import read_results

from ..conftest import seed
from ..corpus.conftest import run


def by_pair(records):
    return {(r["target"], r["source"]): r for r in records}


def test_cluster_results_equal_the_single_process_engine(cluster, archive, tmp_path):
    path, rows = archive
    report = scan(path, output=tmp_path / "out.jsonl", scheduler=cluster)
    found = by_pair(read_results(report.output))
    assert report.reused_pairs == len(found) >= 4
    for (target, source), record in found.items():
        expected = paraphrase.compare(rows[target]["text"], rows[source]["text"])
        assert record["verdict"] == expected.summary.verdict
        assert record["target_reused"] == round(expected.summary.a_reused, 4)
        assert record["source_reused"] == round(expected.summary.b_reused, 4)
        assert record["pairs"] == [[list(p.a), list(p.b), round(p.distance, 4)] for p in expected.pairs]


def test_local_scheduler_and_cluster_agree(cluster, archive, tmp_path):
    path, _ = archive
    on_cluster = by_pair(read_results(scan(path, output=tmp_path / "a.jsonl", scheduler=cluster).output))
    local = by_pair(read_results(scan(path, output=tmp_path / "b.jsonl", workers=2).output))
    assert on_cluster == local


def test_the_earlier_document_is_the_source_and_the_rewording_is_found(cluster, archive, tmp_path):
    path, _ = archive
    found = by_pair(read_results(scan(path, output=tmp_path / "out.jsonl", scheduler=cluster).output))
    assert found[("seed-000", "seed-001")]["verdict"] == "rewording"  # 000 is dated after 001
    assert ("reprint-2", "reprint-1") in found and ("reprint-1", "seed-001") in found


def test_window_pairs_only_sources_published_shortly_before(cluster, archive, tmp_path):
    path, _ = archive
    window = scan(path, output=tmp_path / "w.jsonl", scheduler=cluster, window=timedelta(days=3))
    pairs = set(by_pair(read_results(window.output)))
    assert ("seed-000", "seed-001") in pairs  # one day apart
    assert ("reprint-1", "seed-001") not in pairs  # eleven days apart
    assert ("reprint-2", "reprint-1") in pairs


def test_clusters_group_the_reprints(cluster, archive, tmp_path):
    path, _ = archive
    report = scan(path, output=tmp_path / "out.jsonl", clusters=tmp_path / "clusters.jsonl", scheduler=cluster)
    groups = [json.loads(line) for line in report.clusters_output.read_text(encoding="utf-8").splitlines()]
    assert groups[0]["origin"] == "seed-001"
    assert set(groups[0]["members"]) == {"seed-001", "seed-000", "reprint-1", "reprint-2"}
    assert report.clusters == len(groups) == 1


def test_against_sources_and_parquet_in_and_out(cluster, archive, tmp_path):
    path, rows = archive
    sources = tmp_path / "sources.parquet"
    pd.DataFrame([rows["seed-001"], rows["seed-003"]]).to_parquet(sources)
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps(rows["seed-000"]) + "\n" + json.dumps(rows["seed-002"]) + "\n", encoding="utf-8")
    report = scan(articles, sources, output=tmp_path / "out.parquet", scheduler=cluster)
    assert report.output.is_dir() and report.sources == 2
    found = by_pair(read_results(report.output))
    assert set(found) == {("seed-000", "seed-001")}


def test_csv_output_has_one_row_per_reused_pair_and_reads_back_the_same(cluster, archive, tmp_path):
    import csv

    path, _ = archive
    as_jsonl = by_pair(read_results(scan(path, output=tmp_path / "out.jsonl", scheduler=cluster).output))
    report = scan(path, output=tmp_path / "out.csv", scheduler=cluster)
    with open(report.output, encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    assert len(rows) == report.reused_pairs == len(as_jsonl)
    assert list(rows[0]) == ["target", "source", "target_date", "source_date", "target_reused", "source_reused",
                             "verdict", "pairs"]
    assert by_pair(read_results(report.output)) == as_jsonl


def test_output_appears_complete_or_not_at_all(archive, tmp_path):
    path, _ = archive
    out = tmp_path / "out.jsonl"
    out.write_text("an earlier run's results\n")
    with pytest.raises(paraphrase.InputError):
        scan(path, against=tmp_path / "missing.jsonl", output=out)
    assert out.read_text() == "an earlier run's results\n"
    scan(path, output=out, workers=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.jsonl", "out.jsonl"]  # no staging left


def test_scan_command(archive, tmp_path):
    path, _ = archive
    done = run("scan", path, "-o", tmp_path / "out.jsonl", "--clusters", tmp_path / "c.jsonl", "--window", "30d",
               "--workers", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "reused pair(s) among" in done.stdout and "1 cluster(s) of reprints" in done.stdout
    assert "stage 1/2" in done.stderr and "stage 2/2" in done.stderr


def test_an_unreadable_file_is_named_and_skipped_and_the_rest_is_scanned(cluster, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in ("000", "001"):
        (folder / f"{n}.txt").write_text(seed(n).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 8)  # binary, whatever its name says
    (folder / "blank.txt").write_text("", encoding="utf-8")
    report = scan(folder, output=tmp_path / "out.jsonl", scheduler=cluster)
    assert report.targets == 2 and report.reused_pairs == 1
    assert [m.split(": ", 1)[0] for m in report.unreadable] == [str(folder / "blank.txt"), str(folder / "photo.txt")]

    done = run("scan", folder, "-o", tmp_path / "cli.jsonl", "--workers", "1", cwd=tmp_path)
    assert done.returncode == 2  # an error to report, though the results are written
    assert "1 reused pair(s) among" in done.stdout and "2 unreadable file(s) skipped" in done.stdout
    assert f"paraphrase: {folder / 'photo.txt'}: binary data, not text; skipped" in done.stderr
    assert "Traceback" not in done.stderr
    assert len((tmp_path / "cli.jsonl").read_text().splitlines()) == 1


def test_scan_help_states_the_library_default():
    from paraphrase.archive.stages import MAX_TOGETHER

    done = run("scan", "--help")
    assert f"(default: {MAX_TOGETHER:g})" in " ".join(done.stdout.split())


@pytest.mark.parametrize("args, message", [
    (["-o", "out.tsv"], "the output must end in .jsonl, .parquet or .csv"),
    (["-o", "out.jsonl", "--window", "a month"], "is not a number of days such as 30d"),
])
def test_scan_usage_errors(archive, tmp_path, args, message):
    path, _ = archive
    done = run("scan", path, *args, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr


def test_readme_scan_session_matches_a_real_run(tmp_path):
    import re
    import shutil

    from ..conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```console\n(.*?)```", readme, re.S) if "paraphrase scan" in b)
    command = next(line for line in block.splitlines() if "paraphrase scan" in line)
    shown = [line for line in block.splitlines() if not line.startswith("$ ")]
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    done = run(*command.split("paraphrase ", 1)[1].split(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert shown == [line for line in (done.stderr + done.stdout).splitlines() if "arn" not in line]


def test_killed_scan_leaves_no_worker_behind(tmp_path):
    # Regression: after kill -9 of a scan, its local worker processes stayed alive.
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    slow = tmp_path / "big.jsonl"
    rows = [{"id": f"d{i}", "text": seed("001").read_text(encoding="utf-8") + f" Edition {i}."} for i in range(400)]
    slow.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scan_process = subprocess.Popen([sys.executable, "-m", "paraphrase.cli", "scan", str(slow), "-o",
                                     str(tmp_path / "o.jsonl"), "--workers", "2"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(scan_process.pid)
    deadline = time.monotonic() + 60
    while len(parent.children(recursive=True)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = parent.children(recursive=True)
    assert workers, "the scan started no worker process"
    os.kill(scan_process.pid, signal.SIGKILL)
    scan_process.wait()
    gone, alive = psutil.wait_procs(workers, timeout=15)
    for process in alive:
        process.kill()
    assert not alive, f"{len(alive)} worker process(es) outlived the scan"


def test_without_dates_scan_takes_the_engines_direction_as_compare_does(cluster, tmp_path):
    # Ids chosen so that the old rule (the larger id is the target) would get it backwards.
    rows = [{"id": "a-rewrite", "text": seed("000").read_text(encoding="utf-8")},
            {"id": "b-original", "text": seed("001").read_text(encoding="utf-8")}]
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = scan(path, output=tmp_path / "out.jsonl", clusters=tmp_path / "clusters.jsonl", scheduler=cluster)
    (record,) = read_results(report.output)
    expected = paraphrase.compare(rows[0]["text"], rows[1]["text"])  # A = the rewrite
    assert expected.summary.direction == "a_from_b"
    assert (record["target"], record["source"]) == ("a-rewrite", "b-original")
    assert record["target_reused"] == round(expected.summary.a_reused, 4)
    assert record["pairs"] == [[list(p.a), list(p.b), round(p.distance, 4)] for p in expected.pairs]
    (group,) = [json.loads(line) for line in report.clusters_output.read_text(encoding="utf-8").splitlines()]
    assert group["origin"] == "b-original"


def test_scan_with_the_semantic_scorer_finds_the_rewording(archive, tmp_path):
    path, _ = archive
    out = tmp_path / "out.jsonl"
    done = run("scan", path, "-o", out, "--workers", "2", "--scorer", "semantic", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].endswith(", scored by the semantic scorer")
    found = by_pair(read_results(out))
    assert found[("seed-000", "seed-001")]["verdict"] == "rewording"


def test_across_languages_pairs_translations_by_their_names_and_numbers(cluster, tmp_path):
    from ..corpus.test_across import BRIDGE, GERMAN, RUSSIAN, WIRE

    rows = [("flood", WIRE, "2024-11-01"), ("bridge", BRIDGE, "2024-11-01"),
            ("hochwasser", GERMAN, "2024-11-02"), ("navodnenie", RUSSIAN, "2024-11-03")]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": d}) + "\n" for i, t, d in rows), encoding="utf-8")
    words_only = scan(path, output=tmp_path / "words.jsonl", scheduler=cluster)
    assert words_only.reused_pairs == 0  # no two texts of one language share a sentence
    report = scan(path, output=tmp_path / "out.jsonl", scheduler=cluster, across_languages=True)
    found = by_pair(read_results(report.output))
    assert set(found) == {("hochwasser", "flood"), ("navodnenie", "flood"), ("navodnenie", "hochwasser")}
    assert all(record["verdict"] == "rewording" for record in found.values())
    assert report.settings["across_languages"] is True
