"""The documents a corpus is built from: files of any readable kind, or JSON Lines records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

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


def read_records(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Records from files, directories (searched recursively) and ``.jsonl`` files."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from read_records(folder_files(path))
        elif path.suffix.lower() == ".jsonl":
            yield from json_lines(path)
        else:
            yield Record(str(path), read_file(path))


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
