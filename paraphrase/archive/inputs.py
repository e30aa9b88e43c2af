"""Read an archive as a Dask DataFrame of documents: folders, JSON Lines or Parquet files.

Reading is lazy: the client only finds where each partition starts (a line offset in a
JSON Lines file, a slice of a folder's file list), and each task reads its own
documents, so no process ever holds the whole archive.

A document file that cannot be read (binary, empty, a broken .docx) must not keep the
rest of the archive out: its row carries the reader's message in ``error`` and no text,
and ``readable`` leaves it out. (A bad line of a JSON Lines file still raises: the
export itself is broken.)
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import dask.dataframe as dd
import pandas as pd

from ..corpus.records import folder_files, json_lines, read_records
from ..errors import InputError

COLUMNS = {"id": "string", "text": "string", "date": "string", "source": "string", "error": "string"}
Row = tuple[str, str | None, str | None, str | None, str | None]  # the COLUMNS, in order
PARTITION_ROWS = 1000  # documents per partition: what one task holds in memory


class Part(NamedTuple):
    """One partition's documents: ``lines`` lines of a JSON Lines file from a byte offset,
    or (``offset`` None) the listed document files."""

    paths: tuple[str, ...]
    offset: int | None = None
    first_line: int = 1
    lines: int = 0


def read_documents(path: str | Path, partition_rows: int = PARTITION_ROWS) -> dd.DataFrame:
    """Documents with columns id, text, date, source and error (date and source may be
    missing; error holds the message for a file that could not be read)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: not found")
    if path.suffix.lower() == ".parquet" or (path.is_dir() and any(path.glob("*.parquet"))):
        return _parquet(path)
    parts = _parts(path, partition_rows)
    if not parts:
        raise InputError(f"{path}: no documents")
    return dd.from_map(read_part, parts, meta=_empty(), enforce_metadata=False)


def read_part(part: Part) -> pd.DataFrame:
    """The documents of one partition, as a pandas frame."""
    rows: list[Row]
    if part.offset is not None:
        records = json_lines(Path(part.paths[0]), part.offset, part.first_line, part.lines)
        rows = [(r.key, r.text, r.date, r.source, None) for r in records]
    else:
        rows = [row for path in part.paths for row in _file_rows(path)]
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS)).astype(COLUMNS)


def _file_rows(path: str) -> list[Row]:
    unreadable: list[InputError] = []
    rows: list[Row] = [(r.key, r.text, r.date, r.source, None) for r in read_records([path], unreadable=unreadable.append)]
    return rows + [(path, None, None, None, str(error)) for error in unreadable]


def readable(documents: dd.DataFrame) -> dd.DataFrame:
    """The documents that could be read."""
    return documents[documents["error"].isnull()]


def unreadable(documents: dd.DataFrame) -> dd.DataFrame:
    """The id (path) and message of each file that could not be read."""
    return documents[documents["error"].notnull()][["id", "error"]]


def _parts(path: Path, partition_rows: int) -> list[Part]:
    if path.suffix.lower() == ".jsonl":
        return _line_parts(path, partition_rows)
    if not path.is_dir():  # one document file
        return [Part((str(path),))]
    files = folder_files(path)
    documents = [str(p) for p in files if p.suffix.lower() != ".jsonl"]
    parts = [Part(tuple(documents[start:start + partition_rows])) for start in range(0, len(documents), partition_rows)]
    for lines in (p for p in files if p.suffix.lower() == ".jsonl"):
        parts.extend(_line_parts(lines, partition_rows))
    return parts


def _line_parts(path: Path, partition_rows: int) -> list[Part]:
    """Where each run of ``partition_rows`` non-blank lines starts (one streaming pass)."""
    parts, offset, start, count, first = [], 0, 0, 0, 1
    with open(path, "rb") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                if count == 0:
                    start, first = offset, number
                count += 1
                if count == partition_rows:
                    parts.append(Part((str(path),), start, first, count))
                    count = 0
            offset += len(line)
    if count:
        parts.append(Part((str(path),), start, first, count))
    return parts


def _parquet(path: Path) -> dd.DataFrame:
    frame = dd.read_parquet(str(path))
    missing = {"id", "text"} - set(frame.columns)
    if missing:
        raise InputError(f"{path}: Parquet needs columns id and text (missing {', '.join(sorted(missing))})")
    for column in ("date", "source", "error"):
        if column not in frame.columns:
            frame[column] = None
    return frame[list(COLUMNS)].astype(COLUMNS)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in COLUMNS.items()})
