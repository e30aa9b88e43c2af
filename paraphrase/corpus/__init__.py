"""Check articles against a corpus of wire copy: an SQLite index, candidate search, policy."""

from .index import CorpusIndex, IndexStats
from .records import Record, read_records

__all__ = ["CorpusIndex", "IndexStats", "Record", "read_records"]
