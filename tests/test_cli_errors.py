"""Every failure of the command is one line on standard error and exit 2, never a traceback."""

import sqlite3
import subprocess
import sys

import pytest

from .conftest import seed


def paraphrase(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "paraphrase.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=180, cwd=cwd)


@pytest.fixture(scope="module")
def wire(tmp_path_factory):
    path = tmp_path_factory.mktemp("wire") / "wire.db"
    assert paraphrase("index", "add", path, seed("001"), seed("002")).returncode == 0
    return path


def bad_options(tmp_path, text):
    path = tmp_path / "options.toml"
    path.write_text(text, encoding="utf-8")
    return path


CASES = {
    "check --output in a missing folder": lambda t, w: ("check", seed("000"), "--against", w, "--output", t / "no" / "r.txt"),
    "options value of the wrong type": lambda t, w: ("compare", seed("000"), seed("001"), "--options",
                                                     bad_options(t, 'align_max_distance = "x"\n')),
    "options whole number as text": lambda t, w: ("compare", seed("000"), seed("001"), "--options",
                                                  bad_options(t, 'max_group = "3"\n')),
    "index add --batch-size 0": lambda t, w: ("index", "add", t / "x.db", seed("001"), "--batch-size", "0"),
    "malformed docx": lambda t, w: ("compare", _file(t, "story.docx", b"PK\x03\x04 not a zip"), seed("001")),
    "docx with bad XML": lambda t, w: ("compare", _docx(t, b"<w:document><w:body>"), seed("001")),
    "scan --max-together -1": lambda t, w: ("scan", t, "-o", t / "o.jsonl", "--max-together", "-1"),
    "scan --workers 0": lambda t, w: ("scan", t, "-o", t / "o.jsonl", "--workers", "0"),
    "scan --clusters in a missing folder": lambda t, w: ("scan", seed("000").parent, "-o", t / "o.jsonl",
                                                         "--clusters", t / "no" / "c.jsonl"),
    "zero-byte index": lambda t, w: ("check", seed("000"), "--against", _file(t, "zero.db", b"")),
    "garbled index": lambda t, w: ("check", seed("000"), "--against", _garbled(t, w)),
    "stats of a garbled index": lambda t, w: ("index", "stats", _garbled(t, w)),
    "add to a garbled index": lambda t, w: ("index", "add", _garbled(t, w), seed("003")),
    "not an index at all": lambda t, w: ("index", "stats", seed("000")),
    "missing article": lambda t, w: ("compare", t / "missing.txt", seed("001")),
    "serve --port 70000": lambda t, w: ("serve", "--port", "70000"),
}


def _file(folder, name, data):
    path = folder / name
    path.write_bytes(data)
    return path


def _docx(folder, xml):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return _file(folder, "bad.docx", buffer.getvalue())


def _garbled(folder, wire):
    data = bytearray(wire.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 4096] = b"\xa5" * 4096  # a page of garbage in the middle
    return _file(folder, "garbled.db", bytes(data))


@pytest.mark.parametrize("case", CASES)
def test_failure_is_one_line_and_exit_2(case, tmp_path, wire):
    done = paraphrase(*CASES[case](tmp_path, wire))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("paraphrase: "), done.stderr


def test_a_failed_scan_leaves_no_output(tmp_path):
    paraphrase("scan", seed("000").parent, "-o", tmp_path / "o.jsonl", "--clusters", tmp_path / "no" / "c.jsonl")
    assert not (tmp_path / "o.jsonl").exists()


def test_readers_work_while_an_index_is_being_written(wire, tmp_path):
    # Regression: check and stats opened the index for writing and failed with "database is locked".
    writer = sqlite3.connect(wire)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO meta VALUES ('busy', 'yes')")
    try:
        assert paraphrase("index", "stats", wire).returncode == 0
        assert paraphrase("check", seed("000"), "--against", wire).returncode == 1  # 000 reuses 001
    finally:
        writer.rollback()
        writer.close()


def test_a_second_writer_gets_a_clear_message(wire, monkeypatch):
    from paraphrase import InputError
    from paraphrase.corpus import index as index_module
    from paraphrase.corpus.records import Record

    monkeypatch.setattr(index_module, "BUSY_SECONDS", 0.2)
    writer = sqlite3.connect(wire)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(InputError, match="another process has been writing the index"):
            index_module.CorpusIndex(wire).add([Record("new", "A new story about the storm that hit the coast.")])
    finally:
        writer.rollback()
        writer.close()


def _wire_folder(folder):
    """Two readable wire stories and one binary file, as a real export folder may hold."""
    wire = folder / "wire"
    wire.mkdir()
    (wire / "001.txt").write_bytes(seed("001").read_bytes())
    (wire / "002.txt").write_bytes(seed("002").read_bytes())
    (wire / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return wire


def test_index_add_skips_an_unreadable_file_and_adds_the_others(tmp_path):
    index = tmp_path / "wire.db"
    done = paraphrase("index", "add", index, _wire_folder(tmp_path))
    assert done.returncode == 2
    assert "added 2 document(s)" in done.stdout and "1 unreadable file(s) skipped" in done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("paraphrase: ") and "photo.txt" in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert paraphrase("check", seed("000"), "--against", index).returncode == 1  # the stories were indexed


def test_check_against_a_folder_with_an_unreadable_file_checks_and_exits_2(tmp_path):
    done = paraphrase("check", seed("000"), "--against", _wire_folder(tmp_path))
    assert done.returncode == 2  # checked against part of the corpus: not a pass
    assert "FAIL" in done.stdout and "001.txt" in done.stdout
    assert [line for line in done.stderr.splitlines() if "photo.txt" in line]


def test_reading_a_folder_in_the_library_raises_on_an_unreadable_file(tmp_path):
    from paraphrase import InputError
    from paraphrase.corpus import read_records

    with pytest.raises(InputError, match="photo.txt"):
        list(read_records([_wire_folder(tmp_path)]))
