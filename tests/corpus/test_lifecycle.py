"""The wire check over time: a rolling index (remove, prune) and date windows, through the real CLI."""

import json
import sqlite3

from paraphrase.corpus import CorpusIndex, Record

from ..conftest import seed
from .conftest import run

SOURCE = seed("001")  # the story seed 000 was rewritten from


def dated(tmp_path, number, day, source=None):
    """A copy of a seed with front matter giving its date (and source)."""
    path = tmp_path / f"{number}.txt"
    matter = f"---\ndate: {day}\n" + (f"source: {source}\n" if source else "") + "---\n"
    path.write_text(matter + seed(number).read_text(encoding="utf-8"), encoding="utf-8")
    return path


def sources_of(done):
    (article,) = json.loads(done.stdout)["articles"]
    return [s["id"] for s in article["sources"]], article


def test_a_pruned_source_is_no_longer_found(tmp_path):
    index = tmp_path / "wire.db"
    assert run("index", "add", index, dated(tmp_path, "001", "2024-06-01"), dated(tmp_path, "004", "2024-11-29"),
               cwd=tmp_path).returncode == 0
    before = run("check", seed("000"), "--against", index, "--format", "json")
    assert before.returncode == 1 and sources_of(before)[0][0].endswith("001.txt")
    pruned = run("index", "prune", index, "--older-than", "90d", "--as-of", "2024-12-01")
    assert pruned.returncode == 0
    assert "removed 1 document(s) dated before 2024-09-02, undated ones kept; 1 in all" in pruned.stdout
    after = run("check", seed("000"), "--against", index, "--format", "json")
    assert after.returncode == 0 and not any(s.endswith("001.txt") for s in sources_of(after)[0])


def test_remove_leaves_the_index_as_if_the_document_had_never_been_added(tmp_path):
    texts = {n: seed(n).read_text(encoding="utf-8") for n in ("001", "002", "003")}
    full, without = tmp_path / "full.db", tmp_path / "without.db"
    with CorpusIndex(full) as index:
        index.add([Record(n, t) for n, t in texts.items()])
    with CorpusIndex(without) as index:
        index.add([Record(n, t) for n, t in texts.items() if n != "002"])
    done = run("index", "remove", full, "002", "no-such-id")
    assert done.returncode == 0 and "removed 1 document(s); 2 in all" in done.stdout
    assert "1 of the ids given are not in" in done.stderr
    assert _terms(full) == _terms(without)
    assert _postings(full) == _postings(without)


def _terms(path):
    return dict(sqlite3.connect(path).execute("SELECT term, df FROM terms"))


def _postings(path):
    with CorpusIndex(path, read_only=True) as index:
        by_term = index._postings_by_term(_terms(path))
    # Document ids differ between the two indexes (003 is id 3 in one, 2 in the other): compare sentences.
    keys = {}
    for term, found in by_term.items():
        keys[term] = sorted((index_key & 0xFFFFFF) for index_key in found.tolist())
    return keys


def test_a_corpus_document_dated_after_the_article_is_never_its_source(tmp_path):
    index = tmp_path / "wire.db"
    assert run("index", "add", index, dated(tmp_path, "001", "2024-12-02")).returncode == 0
    done = run("check", seed("000"), "--against", index, "--date", "2024-12-01", "--format", "json")
    assert done.returncode == 0
    found, article = sources_of(done)
    assert found == [] and article["date"] == "2024-12-01" and not article["window_applied"]


def test_a_window_counts_documents_dated_within_it_and_says_so(tmp_path):
    index = tmp_path / "wire.db"
    assert run("index", "add", index, dated(tmp_path, "001", "2024-11-29", "AP"), seed("004")).returncode == 0
    article = dated(tmp_path, "000", "2024-12-01")  # the article's date from its front matter
    inside = run("check", article, "--against", index, "--window", "30d", "--format", "json")
    found, report = sources_of(inside)
    assert inside.returncode == 1 and found[0].endswith("001.txt")
    assert report["since"] == "2024-11-01" and report["window_applied"]
    assert not any(s.endswith("004_b08f0c257576d8a8.txt") for s in found)  # undated: left out
    outside = run("check", article, "--against", index, "--window", "1d")
    assert outside.returncode == 0
    assert "dated 2024-12-01: corpus documents dated 2024-11-30 to 2024-12-01 only (window 1d" in outside.stdout


def test_an_undated_article_is_checked_against_everything_with_a_warning(tmp_path):
    index = tmp_path / "wire.db"
    assert run("index", "add", index, dated(tmp_path, "001", "2024-11-29")).returncode == 0
    done = run("check", seed("000"), "--against", index, "--window", "30d")
    assert done.returncode == 1
    assert "no date (front matter or --date): the window is not applied" in done.stderr
    assert "undated article: the window is not applied" in done.stdout


def test_index_add_takes_dates_and_sources_from_front_matter_then_options(tmp_path):
    index = tmp_path / "wire.db"
    done = run("index", "add", index, dated(tmp_path, "001", "2024-11-29", "Reuters"), seed("002"),
               "--date", "2024-11-30", "--source", "AP")
    assert done.returncode == 0
    stats = json.loads(run("index", "stats", index, "--format", "json").stdout)
    assert stats["sources"] == {"Reuters": 1, "AP": 1}
    assert (stats["first_date"], stats["last_date"]) == ("2024-11-29", "2024-11-30")
    stored = dict(sqlite3.connect(index).execute("SELECT date, source FROM documents"))
    assert stored == {"2024-11-29": "Reuters", "2024-11-30": "AP"}


def test_front_matter_is_not_part_of_the_text(tmp_path):
    index = tmp_path / "wire.db"
    run("index", "add", index, dated(tmp_path, "001", "2024-11-29"))
    with CorpusIndex(index, read_only=True) as opened:
        (document_id,) = opened.all_ids()
        assert opened.document(document_id).text == seed("001").read_text(encoding="utf-8")


def test_prune_or_remove_on_a_missing_index_is_an_error(tmp_path):
    for args in (("prune", tmp_path / "none.db", "--older-than", "30d"), ("remove", tmp_path / "none.db", "x")):
        done = run("index", *args)
        assert done.returncode == 2 and done.stderr.strip().endswith("none.db: no such index")
        assert not (tmp_path / "none.db").exists()
