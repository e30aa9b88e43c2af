import os
import signal
import sqlite3
import subprocess
import sys
import time
from array import array

import pytest

from paraphrase import InputError
from paraphrase.corpus import CorpusIndex, Record, read_records
from paraphrase.corpus.search import DOCUMENT_SHIFT

from ..conftest import ROOT, seed
from .conftest import run, synthetic_jsonl


def test_adding_the_same_text_twice_stores_it_once(tmp_path):
    path = tmp_path / "wire.db"
    with CorpusIndex(path) as index:
        first = index.add(read_records([seed("001"), seed("002")]))
        again = index.add(read_records([seed("001")]))
        reformatted = index.add([Record("copy", seed("001").read_text(encoding="utf-8").replace("\n", "\r\n\n"))])
        assert (first.added, first.unchanged) == (2, 0)
        assert (again.added, again.unchanged) == (0, 1)
        assert (reformatted.added, reformatted.unchanged) == (0, 1)  # white space does not make a new text
        assert index.document_count() == 2


def test_json_lines_records_keep_date_and_source(tmp_path):
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text('{"id": "r1", "text": "Rebels took Aleppo.", "date": "2024-11-30", "source": "Reuters"}\n\n'
                     '{"id": 2, "text": "Another story entirely."}\n', encoding="utf-8")
    with CorpusIndex(tmp_path / "w.db") as index:
        index.add(read_records([jsonl]))
        stats = index.stats()
        assert stats.documents == 2 and stats.sources == {"Reuters": 1, "(none)": 1}
        assert (stats.first_date, stats.last_date) == ("2024-11-30", "2024-11-30")
        assert index.document(1).key == "r1"


@pytest.mark.parametrize("line", ['{"text": "no id"}', '{"id": "x"}', '["not", "an", "object"]', '{"id": "x", "text": " "}'])
def test_bad_json_lines_record_is_an_input_error_naming_the_line(tmp_path, line):
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text('{"id": "ok", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:2"):
        list(read_records([jsonl]))


def test_constructor_names_the_allowed_range():
    with pytest.raises(ValueError, match="max_df_share must be within"):
        CorpusIndex(":memory:", max_df_share=0)


def test_a_file_that_is_not_an_index_is_an_input_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite at all, just text " * 100)
    with pytest.raises(InputError, match="not a paraphrase corpus index"):
        CorpusIndex(bogus)


def test_candidates_find_a_rewording_first():
    with CorpusIndex(":memory:") as index:
        index.add(read_records([seed(n) for n in ("001", "002", "003", "004")]))
        best = index.candidates(seed("000").read_text(encoding="utf-8"))[0]
        assert index.document(best.id).key.endswith("001_c5228a29931e7031.txt")


def test_stats_command(wire_index):
    done = run("index", "stats", wire_index)
    assert done.returncode == 0
    assert "4 documents" in done.stdout and "sources: (none) 4" in done.stdout


def test_stats_of_a_missing_index_is_a_clear_error(tmp_path):
    done = run("index", "stats", tmp_path / "missing.db")
    assert done.returncode == 2
    assert "no such index" in done.stderr


def consistent(path):
    """Document frequencies agree with the postings, and every document has postings."""
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    documents_of: dict[int, set[int]] = {}
    for term_id, blob in db.execute("SELECT term_id, sentences FROM postings"):
        keys = array("Q")
        keys.frombytes(blob)
        documents_of.setdefault(term_id, set()).update(key >> DOCUMENT_SHIFT for key in keys)
    dfs_by_id = dict(db.execute("SELECT id, df FROM terms"))
    assert dfs_by_id == {term_id: len(docs) for term_id, docs in documents_of.items()}
    documents = {row[0] for row in db.execute("SELECT id FROM documents")}
    assert set().union(*documents_of.values()) == documents
    dfs = dict(db.execute("SELECT term, df FROM terms"))
    db.close()
    return len(documents), dfs


def test_a_killed_build_leaves_a_consistent_index_that_resumes(tmp_path):
    data = synthetic_jsonl(tmp_path / "wire.jsonl", 3000)
    path = tmp_path / "wire.db"
    build = subprocess.Popen([sys.executable, "-m", "paraphrase.cli", "index", "add", str(path), str(data),
                              "--batch-size", "100"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while stored < 300 and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(path) as peek:
                stored = peek.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            pass  # not created yet
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    documents, _ = consistent(path)
    assert 300 <= documents < 3000 and documents % 100 == 0  # whole batches only

    resumed = run("index", "add", path, data, "--batch-size", "100")
    assert resumed.returncode == 0
    assert f"{3000 - documents} document(s), {documents} already indexed; 3000 in all" in resumed.stdout
    fresh = tmp_path / "fresh.db"
    assert run("index", "add", fresh, data).returncode == 0
    assert consistent(path) == consistent(fresh)


def test_the_cli_default_batch_size_is_the_libraries():
    from paraphrase.cli import build_parser
    from paraphrase.corpus.index import DEFAULT_BATCH

    add = build_parser()._subparsers._group_actions[0].choices["index"]._subparsers._group_actions[0].choices["add"]
    assert f"default: {DEFAULT_BATCH}" in add.format_help()


def test_an_index_of_another_schema_says_how_to_rebuild(tmp_path):
    path = tmp_path / "old.db"
    CorpusIndex(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    with pytest.raises(InputError, match="index schema 1, this version reads 2, 3 or 4; build a new index"):
        CorpusIndex(path)


def test_an_index_of_schema_3_is_read_again_with_todays_terms_when_next_written(tmp_path):
    # Schema 3 read "six" as a word and "on Monday.Officials" as one sentence; today's
    # engine reads the number 6 and two sentences, and so must the index it searches.
    path = tmp_path / "old.db"
    wire = "The council voted six to three on Monday.Officials said repairs would cost far more than planned."
    with CorpusIndex(path) as index:
        index.add([Record("council", wire)])
    with sqlite3.connect(path) as db:  # as schema 3 stored it
        db.executescript("UPDATE terms SET term = 'six' WHERE term = '6'; UPDATE meta SET value = '3' WHERE key = 'schema';")
    with CorpusIndex(path, read_only=True) as index:  # read as it was built, until written to
        assert index.stats().terms and "6" not in _terms(path)
    with CorpusIndex(path) as index:
        assert index.add([Record("other", "An unrelated story about a harbour.")]).added == 1
        assert [index.document(c.id).key for c in index.candidates("The council voted 6 to 3 on Monday.")] == ["council"]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("4",)
    assert {"6", "3", "offici"} <= _terms(path) and "six" not in _terms(path)


def _terms(path):
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT term FROM terms")}


def test_adding_to_an_older_index_says_it_is_read_again(tmp_path):
    path = tmp_path / "old.db"
    with CorpusIndex(path) as index:
        index.add([Record("council", "The council voted six to three on Monday.")])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    story = tmp_path / "harbour.txt"
    story.write_text("An unrelated story about a harbour.", encoding="utf-8")
    done = run("index", "add", str(path), str(story))
    assert done.returncode == 0, done.stderr
    assert f"{path} was built by an older version (index schema 3): reading its 1 document(s) again for " \
           "schema 4, once" in done.stderr
    again = run("index", "add", str(path), str(story))  # upgraded: nothing more to say
    assert again.returncode == 0 and "older version" not in again.stderr


def test_checking_against_an_older_index_warns_that_it_is_searched_as_built(tmp_path):
    path = tmp_path / "old.db"
    with CorpusIndex(path) as index:
        index.add([Record("council", "The council voted six to three on Monday to close the library.")])
    article = tmp_path / "article.txt"
    article.write_text("The council voted 6 to 3 on Monday to close the library.", encoding="utf-8")
    assert "older version" not in run("check", article, "--against", path).stderr
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    done = run("check", article, "--against", path)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr
    assert f"warning: {path} was built by an older version (index schema 3) and is searched as built" in done.stderr
