"""An embedded SQLite index of corpus documents, for finding what an article may reuse.

The candidate search (``search.py``) is exact for the engine's single-sentence bound
and approximate beyond it; the engine's exact alignment re-ranks what it finds.

Storage: each batch of documents is one transaction that stores their compressed texts,
updates document frequencies and appends, per content term, one packed array of the
sentences holding it (each a key packing document id, sentence number and the sentence's
count of distinct terms). A killed run leaves the last complete batch; running the same
command again skips what is stored (documents are identified by a hash of their text)
and carries on. Removing documents (``remove``, ``prune``) is one transaction too: their
sentences leave the postings and their terms' document frequencies drop.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from array import array
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Day
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

import numpy as np

from ..errors import InputError
from ..languages import detect
from ..options import DEFAULT_OPTIONS, Options
from ..overlap import sentence_terms
from .across import anchors, rank_across
from .records import Record
from .search import DOCUMENT_SHIFT, Query, rank, sentence_key

# 2: postings list sentences, not documents (an index of version 1 must be rebuilt)
# 3: each document's language (a version 2 index gains it when next written to; read
#    only, its documents' language is unknown, and they take part in both searches)
# 4: terms and sentences as the engine now reads them (numbers spelt out are their digits,
#    a full stop with no space after it ends a sentence): an older index is read again
#    from its stored texts when next written to; read only, it is searched as it was built
SCHEMA_VERSION = 4
READABLE_VERSIONS = ("2", "3", "4")
# Told of an older index's upgrade: its version, documents read again so far, all of them.
Upgrading = Callable[[str, int, int], None]
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, hash BLOB NOT NULL UNIQUE,
    date TEXT, source TEXT, text BLOB NOT NULL, language TEXT);
CREATE INDEX IF NOT EXISTS documents_key ON documents (key);
CREATE INDEX IF NOT EXISTS documents_language ON documents (language);
CREATE TABLE IF NOT EXISTS terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings (term_id INTEGER NOT NULL, sentences BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS postings_term ON postings (term_id);
"""


# A date that names a day (records.calendar_day): it starts with YYYY-MM-DD.
_DATED = "coalesce(date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*', 0)"

# Documents per transaction: what a killed run can lose (a few seconds of work), and how
# many posting rows a term gains per batch.
DEFAULT_BATCH = 2000
# A term whose postings reach this many rows has them merged into one, so that a query
# reads few rows however many batches built the index.
MERGE_ROWS = 8


@dataclass(frozen=True)
class IndexStats:
    documents: int
    terms: int
    sources: dict[str, int]
    first_date: str | None
    last_date: str | None
    bytes_on_disk: int
    languages: dict[str, int]  # documents per language code ("unknown": indexed before languages were kept)


@dataclass(frozen=True)
class AddReport:
    added: int
    unchanged: int  # already in the index with the same text


@dataclass(frozen=True)
class Candidate:
    id: int
    score: float  # sentence evidence plus the share of the article's term weight it holds (see search.py)


@dataclass(frozen=True)
class StoredDocument:
    id: int
    key: str
    text: str
    date: str | None
    source: str | None
    language: str | None = None  # detected when indexed (None: indexed before languages were kept)


class CorpusIndex:
    """An index file; created on first use.

    >>> index = CorpusIndex(":memory:")
    >>> index.add([Record("w1", "Rebels stormed Aleppo on Thursday, residents said.")]).added
    1
    >>> [c.id for c in index.candidates("Insurgents stormed into Aleppo on Thursday.")]
    [1]

    ``max_df_share``: terms in more documents than this share are left out of the
    whole-article score (the sentence filter reads them when its bound needs them).
    ``upgrading`` hears of an older index brought to this version as it is opened to be
    written (its version, the documents read again so far, and their number): that can
    take minutes on a large one.
    """

    def __init__(self, path: str | Path, *, batch_size: int = DEFAULT_BATCH, max_df_share: float = 0.05,
                 read_only: bool = False, upgrading: Upgrading = lambda version, done, total: None):
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be a whole number of at least 1, got {batch_size}")
        if not 0.0 < max_df_share <= 1.0:
            raise InputError(f"max_df_share must be within (0, 1], got {max_df_share}")
        self.path = str(path)
        self.batch_size = batch_size
        self.max_df_share = max_df_share
        self.db = _open_existing(self.path) if read_only else _connect(self.path, upgrading)
        self._languages_kept = "language" in _columns(self.db, "documents")

    # --- building --------------------------------------------------------------------
    def add(self, records: Iterable[Record], progress: Callable[[int], None] = lambda n: None) -> AddReport:
        """Store new documents; ``progress`` is called with the count read so far.

        Another process adding to the same index is waited for (up to ``BUSY_SECONDS``
        per batch); readers (``check``, ``stats``) go on reading the last complete batch.
        """
        added = unchanged = read = 0
        for batch in _batches(records, self.batch_size):
            new = self._new_records(batch)
            with _busy_is_an_error(self.path), self.db:  # one transaction: the whole batch or nothing
                self._store(new)
            added += len(new)
            unchanged += len(batch) - len(new)
            read += len(batch)
            progress(read)
        return AddReport(added, unchanged)

    def _new_records(self, batch: list[Record]) -> list[tuple[Record, bytes]]:
        hashed = {_hash(r.text): r for r in batch}  # also drops repeats within the batch
        stored = self._existing_hashes(list(hashed))
        return [(r, h) for h, r in hashed.items() if h not in stored]

    def _existing_hashes(self, hashes: list[bytes]) -> set[bytes]:
        found: set[bytes] = set()
        for chunk in _chunks(hashes, 500):
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self.db.execute(f"SELECT hash FROM documents WHERE hash IN ({marks})", chunk))
        return found

    def _store(self, new: list[tuple[Record, bytes]]) -> None:
        documents = []
        for record, digest in new:
            code = detect(record.text)
            cursor = self.db.execute(
                "INSERT INTO documents (key, hash, date, source, text, language) VALUES (?, ?, ?, ?, ?, ?)",
                (record.key, digest, record.date, record.source, zlib.compress(record.text.encode("utf-8"), 6), code),
            )
            documents.append((int(cursor.lastrowid or 0), record.text, code))
        _post(self.db, documents)

    # --- removing --------------------------------------------------------------------
    def remove(self, keys: Iterable[str]) -> int:
        """Remove the documents with these ids (as indexed), in one transaction; the count removed.

        Their sentences leave every term's postings and their terms' document frequencies
        drop, so the candidate search stays exact for what is left.
        """
        with _busy_is_an_error(self.path), self.db:
            found = self._ids_where("key IN ({marks})", list(keys))
            self._forget(found)
        return len(found)

    def prune(self, older_than: Day, undated: bool = False) -> int:
        """Remove, in one transaction, the documents dated before ``older_than`` (and the
        undated ones when ``undated``); the count removed."""
        with _busy_is_an_error(self.path), self.db:
            found = [row[0] for row in self.db.execute(
                f"SELECT id FROM documents WHERE ({_DATED} AND substr(date, 1, 10) < ?) OR (? AND NOT {_DATED})",
                (older_than.isoformat(), undated))]
            self._forget(found)
        return len(found)

    def _ids_where(self, condition: str, values: list[str]) -> list[int]:
        ids: list[int] = []
        for chunk in _chunks(values, 500):
            marks = ",".join("?" * len(chunk))
            ids += [row[0] for row in self.db.execute(f"SELECT id FROM documents WHERE {condition.format(marks=marks)}",
                                                      chunk)]
        return ids

    def _forget(self, document_ids: list[int]) -> None:
        gone = set(document_ids)
        df: dict[str, int] = {}
        for document_id in gone:
            for term in set().union(*sentence_terms(self.document(document_id).text)):
                df[term] = df.get(term, 0) + 1
        ids = _term_ids(self.db, list(df))
        removed = np.fromiter(gone, dtype=np.uint64, count=len(gone))
        for term_id, keys in self._postings_by_id(list(ids.values())).items():
            kept = keys[~np.isin(keys >> np.uint64(DOCUMENT_SHIFT), removed)]
            self.db.execute("DELETE FROM postings WHERE term_id = ?", (term_id,))
            if len(kept):
                self.db.execute("INSERT INTO postings (term_id, sentences) VALUES (?, ?)", (term_id, kept.tobytes()))
        self.db.executemany("UPDATE terms SET df = df - ? WHERE id = ?", ((df[t], i) for t, i in ids.items()))
        self.db.execute("DELETE FROM terms WHERE df <= 0")
        self.db.executemany("DELETE FROM documents WHERE id = ?", ((i,) for i in gone))

    def _postings_by_id(self, term_ids: list[int]) -> dict[int, np.ndarray]:
        parts: dict[int, list[bytes]] = {}
        for term_id, keys in _postings(self.db, term_ids):
            parts.setdefault(term_id, []).append(keys)
        return {term_id: np.frombuffer(b"".join(blobs), dtype=np.uint64) for term_id, blobs in parts.items()}

    # --- querying --------------------------------------------------------------------
    def candidates(self, text: str, limit: int = 10, min_score: float = 0.1,
                   options: Options = DEFAULT_OPTIONS, until: Day | None = None, since: Day | None = None,
                   language: str | None = None) -> list[Candidate]:
        """The documents most likely reused in ``text``, best first.

        Documents holding a sentence that may be within ``options``' alignment bound of
        one of the article's come first (see ``search.py``); others follow when they
        hold at least ``min_score`` of the article's term weight. Documents in another
        language than the article's (``language``, detected when not given) are then
        ranked by the names and numbers they share with it (see ``across.py``), up to
        ``limit`` more. With ``until`` (the article's day), documents dated later are left
        out; with ``since`` too, only documents dated from ``since`` to ``until`` compete
        (undated ones are left out).
        """
        total = self.document_count()
        if not total:
            return []
        code = language or detect(text)
        size = self._max_document_id() + 1
        eligible = self._published(until, since, size) if until is not None else np.ones(size, dtype=bool)
        ranked: list[tuple[int, float]] = []
        sentences = [terms for terms in sentence_terms(text, code) if terms]
        if sentences:
            query = Query(sentences, dict(self._term_frequencies(set().union(*sentences))), total,
                          min_dice=options.min_content_dice,
                          min_terms=options.min_content_words, max_df_share=self.max_df_share)
            ranked = rank(query, self._postings_by_term, size, limit, min_score, eligible)
        other = self._in_other_languages(code, size) & eligible
        if other.any():
            found = {i for i, _ in ranked}
            ranked += [(i, score) for i, score in self._rank_across(text, code, total, size, limit, other)
                       if i not in found]
        return [Candidate(i, score) for i, score in ranked]

    def _rank_across(self, text: str, code: str, total: int, size: int, limit: int,
                     eligible: np.ndarray) -> list[tuple[int, float]]:
        article_anchors = anchors(text, code)
        df = dict(self._term_frequencies(set().union(*article_anchors))) if article_anchors else {}
        return rank_across(article_anchors, df, total, self._postings_by_term, size, limit, eligible,
                           self.max_df_share)

    def _in_other_languages(self, code: str, size: int) -> np.ndarray:
        """Which document ids are in another language than ``code``, or in one not known."""
        other = np.zeros(size, dtype=bool)
        if not self._languages_kept:  # a version 2 index, read only: any document may be
            other[:] = True
            return other
        # Three probes of the language index (O(log n) each), not a scan of it, for the
        # common case of an index all in the article's language.
        probes = (("language < ?", (code,)), ("language > ?", (code,)), ("language IS NULL", ()))
        if not any(self.db.execute(f"SELECT 1 FROM documents WHERE {where} LIMIT 1", args).fetchone()
                   for where, args in probes):
            return other
        rows = self.db.execute("SELECT id FROM documents WHERE language IS NOT ?", (code,))
        other[[row[0] for row in rows]] = True
        return other

    def _published(self, until: Day, since: Day | None, size: int) -> np.ndarray:
        """Which document ids may be the source of an article of day ``until``."""
        if since is None:  # undated documents stay; dated ones after the article go
            rows = self.db.execute(f"SELECT id FROM documents WHERE NOT ({_DATED} AND substr(date, 1, 10) > ?)",
                                   (until.isoformat(),))
        else:
            rows = self.db.execute(f"SELECT id FROM documents WHERE {_DATED} AND substr(date, 1, 10) BETWEEN ? AND ?",
                                   (since.isoformat(), until.isoformat()))
        eligible = np.zeros(size, dtype=bool)
        eligible[[row[0] for row in rows]] = True
        return eligible

    def _term_frequencies(self, terms: set[str]) -> Iterator[tuple[str, int]]:
        for chunk in _chunks(sorted(terms), 500):
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", chunk)

    def _postings_by_term(self, terms: Iterable[str]) -> dict[str, np.ndarray]:
        ids = {term_id: term for term, term_id in _term_ids(self.db, list(terms)).items()}
        return {ids[term_id]: keys for term_id, keys in self._postings_by_id(list(ids)).items()}

    def document(self, document_id: int) -> StoredDocument:
        language = "language" if self._languages_kept else "NULL"
        row = self.db.execute(f"SELECT id, key, text, date, source, {language} FROM documents WHERE id = ?",
                              (document_id,)).fetchone()
        if row is None:
            raise KeyError(document_id)
        return StoredDocument(row[0], row[1], zlib.decompress(row[2]).decode("utf-8"), row[3], row[4], row[5])

    def all_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM documents ORDER BY id")]

    # --- describing ------------------------------------------------------------------
    def document_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    @property
    def schema(self) -> str:
        """The schema version the index was built with (an older one is read as built)."""
        return str(_schema(self.db))

    def _max_document_id(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])

    def stats(self) -> IndexStats:
        sources = dict(self.db.execute(
            "SELECT coalesce(source, '(none)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"))
        first, last = self.db.execute("SELECT min(date), max(date) FROM documents").fetchone()
        size = Path(self.path).stat().st_size if self.path != ":memory:" else 0
        languages = dict(self.db.execute(
            "SELECT coalesce(language, 'unknown'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
        )) if self._languages_kept else {"unknown": self.document_count()}
        return IndexStats(self.document_count(), self.db.execute("SELECT count(*) FROM terms").fetchone()[0],
                          sources, first, last, size, languages)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _post(db: sqlite3.Connection, documents: list[tuple[int, str, str]]) -> None:
    """Add the terms of ``documents`` (id, text, language) to the postings and document
    frequencies: per term, one row of the sentences holding it."""
    postings: dict[str, array[int]] = {}
    df: dict[str, int] = {}
    for document_id, text, code in documents:
        in_document: set[str] = set()
        for number, terms in enumerate(sentence_terms(text, code)):
            key = sentence_key(document_id, number, len(terms))
            for term in terms:
                postings.setdefault(term, array("Q")).append(key)
            in_document |= terms
        for term in in_document:
            df[term] = df.get(term, 0) + 1
    if not postings:
        return
    db.executemany(
        "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
        df.items(),
    )
    ids = _term_ids(db, list(postings))
    db.executemany("INSERT INTO postings (term_id, sentences) VALUES (?, ?)",
                   ((ids[term], keys.tobytes()) for term, keys in postings.items()))
    _merge_postings(db, list(ids.values()))


def _merge_postings(db: sqlite3.Connection, term_ids: list[int]) -> None:
    """Merge the rows of each of ``term_ids`` that has MERGE_ROWS or more, keeping key order."""
    for chunk in _chunks(term_ids, 500):
        marks = ",".join("?" * len(chunk))
        crowded = [row[0] for row in db.execute(
            f"SELECT term_id FROM postings WHERE term_id IN ({marks}) GROUP BY term_id HAVING count(*) >= ?",
            (*chunk, MERGE_ROWS))]
        merged = [(term_id, b"".join(blob for _, blob in _postings(db, [term_id]))) for term_id in crowded]
        db.executemany("DELETE FROM postings WHERE term_id = ?", ((t,) for t in crowded))
        db.executemany("INSERT INTO postings (term_id, sentences) VALUES (?, ?)", merged)


def _term_ids(db: sqlite3.Connection, terms: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for chunk in _chunks(terms, 500):
        marks = ",".join("?" * len(chunk))
        ids.update(db.execute(f"SELECT term, id FROM terms WHERE term IN ({marks})", chunk))
    return ids


def _postings(db: sqlite3.Connection, term_ids: list[int]) -> Iterator[tuple[int, bytes]]:
    for chunk in _chunks(term_ids, 500):
        marks = ",".join("?" * len(chunk))
        # Rows in insertion order: each term's keys come out ascending (document ids only grow).
        yield from db.execute(
            f"SELECT term_id, sentences FROM postings WHERE term_id IN ({marks}) ORDER BY term_id, rowid", chunk)


# How long a writer waits for another writer's batch before giving up with a message.
BUSY_SECONDS = 60.0


@contextmanager
def _busy_is_an_error(path: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise InputError(f"{path}: cannot write the index ({error})") from None
        raise InputError(f"{path}: another process has been writing the index for {BUSY_SECONDS:.0f} s; "
                         "try again when it is done") from None


def _open_existing(path: str) -> sqlite3.Connection:
    """An index opened read-only: it must exist, hold our schema and pass a quick check."""
    if not Path(path).is_file():
        raise InputError(f"{path}: no such index (build one with 'paraphrase index add {path} FILES...')")
    try:
        db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        _check_integrity(db, path)
        version = _schema(db)
    except sqlite3.DatabaseError as error:
        raise InputError(f"{path}: not a paraphrase corpus index ({error})") from None
    _check_version(path, version)
    return db


def _check_integrity(db: sqlite3.Connection, path: str) -> None:
    # A file that is not SQLite fails at the first read; a damaged one fails quick_check
    # (every page read once: about a second per few hundred MB).
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = {"meta", "documents", "terms", "postings"} - tables
    if missing:
        raise InputError(f"{path}: not a paraphrase corpus index (no table {', '.join(sorted(missing))})")
    problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        details = " ".join("; ".join(problems).split())
        raise InputError(f"{path}: the index is damaged ({details}); build it again")


def _schema(db: sqlite3.Connection) -> str | None:
    """The schema version an index records, None when it records none."""
    row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return str(row[0]) if row else None


def _check_version(path: str, version: str | None) -> None:
    if version not in READABLE_VERSIONS:
        readable = f"{', '.join(READABLE_VERSIONS[:-1])} or {READABLE_VERSIONS[-1]}"
        raise InputError(f"{path}: index schema {version}, this version reads {readable}; "
                         "build a new index from the same files with 'paraphrase index add'")


def _connect(path: str, upgrading: Upgrading) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(path, timeout=BUSY_SECONDS)
        db.execute("PRAGMA journal_mode=WAL" if path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        db.execute("PRAGMA synchronous=NORMAL")
        if path != ":memory:" and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            _check_integrity(db, path)  # an existing file: ours and whole, before writing to it
        with _busy_is_an_error(path), db:
            _upgrade(db, upgrading)
            db.executescript(_SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        version = _schema(db)
    except sqlite3.DatabaseError as error:
        raise InputError(f"{path}: not a paraphrase corpus index ({error})") from None
    _check_version(path, version)
    return db


def _upgrade(db: sqlite3.Connection, upgrading: Upgrading) -> None:
    """Bring an older index to this version, once, at its first write: a version 2 index
    gains each document's language, detected from its text (about 2 ms a document); a
    version 2 or 3 index has its terms read again from the stored texts (about 3 ms a
    document). ``upgrading`` is told the version and the documents done, as they are."""
    version = _schema(db) if _columns(db, "meta") else None
    if version not in ("2", "3"):
        return
    total, done = db.execute("SELECT count(*) FROM documents").fetchone()[0], 0
    upgrading(version, done, total)
    if version == "2":
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT")
        for rows in _stored_texts(db):
            db.executemany("UPDATE documents SET language = ? WHERE id = ?", ((detect(text), i) for i, text, _ in rows))
    db.execute("DELETE FROM postings")
    db.execute("DELETE FROM terms")
    for rows in _stored_texts(db):
        _post(db, [(i, text, code or detect(text)) for i, text, code in rows])
        done += len(rows)
        upgrading(version, done, total)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))


def _stored_texts(db: sqlite3.Connection) -> Iterator[list[tuple[int, str, str | None]]]:
    """The stored documents' ids, texts and languages, a thousand at a time."""
    last = 0
    while rows := db.execute("SELECT id, text, language FROM documents WHERE id > ? ORDER BY id LIMIT 1000",
                             (last,)).fetchall():
        yield [(i, zlib.decompress(text).decode("utf-8"), code) for i, text, code in rows]
        last = rows[-1][0]


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _hash(text: str) -> bytes:
    # Identity of a document: its text with white space folded, so re-saving a file with
    # other line endings does not store it twice.
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).digest()[:16]


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


T = TypeVar("T")


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
