"""An embedded SQLite index of corpus documents, for finding what an article may reuse.

The candidate search is approximate; the engine's exact alignment re-ranks what it finds.
It scores documents by the rarity (inverse document frequency) of the content words they
share with the article and with each of its sentences: a rewrite keeps names, numbers and
specific nouns even when every sentence is reworded, so it is found as well as verbatim
copy is. Words in more than ``max_df_share`` of the documents are not looked up (they say
little and their posting lists are long), which keeps queries fast; a sentence that shares
only such words with a document (formulaic market lines, say) can be missed.

Storage: each batch of documents is one transaction that stores their compressed texts,
updates document frequencies and appends, per term, one packed array of document ids. A
killed run leaves the last complete batch; running the same command again skips what is
stored (documents are identified by a hash of their text) and carries on.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

import numpy as np

from ..errors import InputError
from ..segment import segments
from ..tokens import content_terms
from .records import Record

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, hash BLOB NOT NULL UNIQUE,
    date TEXT, source TEXT, text BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS documents_key ON documents (key);
CREATE TABLE IF NOT EXISTS terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings (term_id INTEGER NOT NULL, docs BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS postings_term ON postings (term_id);
"""


@dataclass(frozen=True)
class IndexStats:
    documents: int
    terms: int
    sources: dict[str, int]
    first_date: str | None
    last_date: str | None
    bytes_on_disk: int


@dataclass(frozen=True)
class AddReport:
    added: int
    unchanged: int  # already in the index with the same text


@dataclass(frozen=True)
class Candidate:
    id: int
    score: float  # shares of the article's term weight this document holds (see candidates)


@dataclass(frozen=True)
class StoredDocument:
    id: int
    key: str
    text: str
    date: str | None
    source: str | None


class CorpusIndex:
    """An index file; created on first use.

    >>> index = CorpusIndex(":memory:")
    >>> index.add([Record("w1", "Rebels stormed Aleppo on Thursday, residents said.")]).added
    1
    >>> [c.id for c in index.candidates("Insurgents stormed into Aleppo on Thursday.")]
    [1]
    """

    def __init__(self, path: str | Path, *, batch_size: int = 500, max_df_share: float = 0.05):
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if not 0.0 < max_df_share <= 1.0:
            raise ValueError(f"max_df_share must be within (0, 1], got {max_df_share}")
        self.path = str(path)
        self.batch_size = batch_size
        self.max_df_share = max_df_share
        self.db = _connect(self.path)

    # --- building --------------------------------------------------------------------
    def add(self, records: Iterable[Record], progress: Callable[[int], None] = lambda n: None) -> AddReport:
        """Store new documents; ``progress`` is called with the count read so far."""
        added = unchanged = read = 0
        for batch in _batches(records, self.batch_size):
            new = self._new_records(batch)
            with self.db:  # one transaction: the whole batch or nothing
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
        postings: dict[str, array[int]] = {}
        for record, digest in new:
            cursor = self.db.execute(
                "INSERT INTO documents (key, hash, date, source, text) VALUES (?, ?, ?, ?, ?)",
                (record.key, digest, record.date, record.source, zlib.compress(record.text.encode("utf-8"), 6)),
            )
            document_id = int(cursor.lastrowid or 0)
            for term in content_terms(record.text):
                postings.setdefault(term, array("I")).append(document_id)
        if not postings:
            return
        self.db.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            ((term, len(ids)) for term, ids in postings.items()),
        )
        ids = self._term_ids(list(postings))
        self.db.executemany("INSERT INTO postings (term_id, docs) VALUES (?, ?)",
                            ((ids[term], docs.tobytes()) for term, docs in postings.items()))

    # --- querying --------------------------------------------------------------------
    def candidates(self, text: str, limit: int = 10, min_score: float = 0.1) -> list[Candidate]:
        """The documents most likely reused in ``text``, best first (approximate).

        A document's score adds the share of the article's term weight it holds (a
        rewrite holds much of it) to the squared shares of each article sentence's
        weight it holds (one lifted sentence counts, several count more, and a sentence
        sharing a few words counts little).
        """
        total = self.document_count()
        sentences = [terms for terms in _sentence_terms(text) if terms]
        if not sentences or not total:
            return []
        every = set().union(*sentences)
        known = dict(self._term_frequencies(every))
        weight = {t: math.log((total + 1) / known.get(t, 0.5)) for t in every}
        usable = {t for t, df in known.items() if df <= max(1, self.max_df_share * total)}
        postings = self._postings_by_term(self._ids(usable))
        size = self._max_document_id() + 1  # document ids start at 1; slot 0 stays 0
        score = _share_held(every, weight, postings, size)
        for terms in sentences:
            score += _share_held(terms, weight, postings, size) ** 2
        best = np.argpartition(-score, min(limit, size - 1))[:limit]
        ranked = sorted(best, key=lambda i: (-score[i], i))
        return [Candidate(int(i), float(score[i])) for i in ranked if score[i] >= min_score and score[i] > 0]

    def _term_frequencies(self, terms: set[str]) -> Iterator[tuple[str, int]]:
        for chunk in _chunks(sorted(terms), 500):
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", chunk)

    def _ids(self, terms: Iterable[str]) -> dict[int, str]:
        return {term_id: term for term, term_id in self._term_ids(list(terms)).items()}

    def _postings_by_term(self, ids: dict[int, str]) -> dict[str, np.ndarray]:
        parts: dict[str, list[bytes]] = {}
        for term_id, docs in self._postings(list(ids)):
            parts.setdefault(ids[term_id], []).append(docs)
        return {term: np.frombuffer(b"".join(blobs), dtype=np.uint32) for term, blobs in parts.items()}

    def _term_ids(self, terms: list[str]) -> dict[str, int]:
        ids: dict[str, int] = {}
        for chunk in _chunks(terms, 500):
            marks = ",".join("?" * len(chunk))
            ids.update(self.db.execute(f"SELECT term, id FROM terms WHERE term IN ({marks})", chunk))
        return ids

    def _postings(self, term_ids: list[int]) -> Iterator[tuple[int, bytes]]:
        for chunk in _chunks(term_ids, 500):
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"SELECT term_id, docs FROM postings WHERE term_id IN ({marks})", chunk)

    def document(self, document_id: int) -> StoredDocument:
        row = self.db.execute("SELECT id, key, text, date, source FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            raise KeyError(document_id)
        return StoredDocument(row[0], row[1], zlib.decompress(row[2]).decode("utf-8"), row[3], row[4])

    def all_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM documents ORDER BY id")]

    # --- describing ------------------------------------------------------------------
    def document_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def _max_document_id(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])

    def stats(self) -> IndexStats:
        sources = dict(self.db.execute(
            "SELECT coalesce(source, '(none)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"))
        first, last = self.db.execute("SELECT min(date), max(date) FROM documents").fetchone()
        size = Path(self.path).stat().st_size if self.path != ":memory:" else 0
        return IndexStats(self.document_count(), self.db.execute("SELECT count(*) FROM terms").fetchone()[0],
                          sources, first, last, size)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: str) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(path)
        db.execute("PRAGMA journal_mode=WAL" if path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        db.execute("PRAGMA synchronous=NORMAL")
        with db:
            db.executescript(_SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise InputError(f"{path}: not a paraphrase corpus index ({error})") from error
    if version != str(SCHEMA_VERSION):
        raise InputError(f"{path}: index schema {version}, this version reads {SCHEMA_VERSION}")
    return db


def _share_held(terms: set[str], weight: dict[str, float], postings: dict[str, np.ndarray], size: int) -> np.ndarray:
    """Per document, the share of ``terms``' weight it holds.

    Common terms are not looked up (their postings are long and say little) but still
    count in the whole, so a document holding only them scores low.
    """
    held = np.zeros(size)
    for term in terms & postings.keys():
        held[postings[term]] += weight[term]
    return held / sum(weight[t] for t in terms)


def _sentence_terms(text: str) -> Iterator[set[str]]:
    for start, end in segments(text):
        yield content_terms(text[start:end])


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
