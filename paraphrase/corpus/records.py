"""The documents a corpus is built from: files of any readable kind, or JSON Lines records.

A file's date and source come from its front matter, when its text starts with one:

    ---
    date: 2024-11-30
    source: Reuters
    ---

(other keys are ignored, and the block is not part of the text); a JSON Lines record's
from its ``date`` and ``source`` fields. A date counts as a day when it starts with one
in ISO form (``2024-11-30``, ``2024-11-30T14:05Z``); other dates are kept but undated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date as Day
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from ..read import read_file
from ..readers import SUFFIXES

DOCUMENT_SUFFIXES = SUFFIXES  # the formats paraphrase.readers reads


@dataclass(frozen=True)
class Record:
    """One corpus document: its id, its text, and optionally its date and source."""

    key: str
    text: str
    date: str | None = None
    source: str | None = None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n((?:[A-Za-z_][\w-]*:[^\n]*\r?\n){1,20})---[ \t]*(?:\r?\n|\Z)")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_records(paths: Iterable[str | Path], date: str | None = None, source: str | None = None,
                 unreadable: Callable[[InputError], None] | None = None) -> Iterator[Record]:
    """Records from files, directories (searched recursively) and ``.jsonl`` files;
    ``date`` and ``source`` stand in where a record does not give its own.

    A document file that cannot be read raises its InputError; with ``unreadable``, the
    error is handed to it and the file skipped, since one bad file in a folder of wire
    copy must not keep the rest out. (A bad line of a JSON Lines file always raises: the
    export itself is broken.)
    """
    for path in map(Path, paths):
        if path.is_dir():
            found: Iterable[Record] = read_records(folder_files(path), unreadable=unreadable)
        elif path.suffix.lower() == ".jsonl":
            found = json_lines(path)
        else:
            found = _readable(path, unreadable)
        for record in found:
            yield replace(record, date=record.date or date, source=record.source or source)


def _readable(path: Path, unreadable: Callable[[InputError], None] | None) -> list[Record]:
    try:
        return [file_record(path)]
    except InputError as error:
        if unreadable is None:
            raise
        unreadable(error)
        return []


def file_record(path: Path) -> Record:
    """The record of one document file, its front matter (if any) read and taken off."""
    text = read_file(path)
    match = _FRONT_MATTER.match(text)
    if not match:
        return Record(str(path), text)
    fields = dict(line.split(":", 1) for line in match.group(1).splitlines())
    meta = {key.strip().lower(): value.strip().strip("\"'") or None for key, value in fields.items()}
    body = text[match.end():]
    if not body.strip():
        raise InputError(f"{path}: empty after its front matter")
    return Record(str(path), body, meta.get("date"), meta.get("source"))


def calendar_day(value: str | None) -> Day | None:
    """The day a date names, when it starts with an ISO day; else None (undated)."""
    if value is None or not _ISO_DAY.match(value):
        return None
    try:
        return Day.fromisoformat(value[:10])
    except ValueError:  # 2024-02-30
        return None


def folder_files(folder: Path) -> list[Path]:
    """The documents and JSON Lines files under ``folder`` (recursively), in name order."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (*DOCUMENT_SUFFIXES, ".jsonl"))


def json_lines(path: Path, offset: int = 0, first_line: int = 1, limit: int | None = None) -> Iterator[Record]:
    """The records of a JSON Lines file; from byte ``offset`` (line ``first_line``), and at
    most ``limit`` of them, to read one part of a large file."""
    with open(path, "rb") as lines:
        lines.seek(offset)
        for number, line in enumerate(lines, first_line):
            if line.strip():
                if limit is not None and limit <= 0:
                    return
                yield _record_from_line(line, f"{path}:{number}")
                limit = None if limit is None else limit - 1


def _record_from_line(line: bytes, where: str) -> Record:
    """The record of one JSON Lines line; ``where`` (file:line) starts any error."""
    try:
        fields = json.loads(line.decode("utf-8"))
    except ValueError as error:  # not UTF-8, or not JSON
        raise InputError(f"{where}: not a line of UTF-8 JSON ({error})") from None
    return _record(fields, where)


def _record(fields: object, where: str) -> Record:
    if not isinstance(fields, dict) or not isinstance(fields.get("id"), (str, int)) or not isinstance(fields.get("text"), str):
        raise InputError(f'{where}: each line needs "id" and "text" (and optionally "date", "source")')
    if not fields["text"].strip():
        raise InputError(f"{where}: empty text")
    date, source = fields.get("date"), fields.get("source")
    return Record(str(fields["id"]), fields["text"], None if date is None else str(date), None if source is None else str(source))
