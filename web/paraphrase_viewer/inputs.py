"""Turn the two request fields into inputs for the engine, or say what is wrong with them.

An upload is bytes with its file name (the library picks the format from the bytes and
the name); pasted text is a ``str``, which the library always reads as article text.
Nothing here can reach the server's file system.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import FileStorage


class UnsupportedInput(Exception):
    """A request body the API does not read (HTTP 415)."""


class MissingInput(Exception):
    """A field with neither a file nor text (HTTP 400)."""


@dataclass(frozen=True)
class Article:
    name: str
    source: bytes | str  # bytes from an upload, str when pasted


def from_form(field: str, files: Any, form: Any) -> Article:
    """The article in multipart field ``field``: an uploaded file, else pasted text."""
    upload: FileStorage | None = files.get(field)
    if upload is not None and upload.filename:
        return Article(upload.filename, upload.read())
    return from_text(field, form.get(field, ""))


def from_text(field: str, text: Any) -> Article:
    """Pasted or JSON text for ``field``."""
    if not isinstance(text, str):
        raise MissingInput(f"article {field.upper()}: expected text")
    if not text.strip():
        raise MissingInput(f"article {field.upper()}: choose a file or paste the text")
    return Article(f"article {field.upper()}", text)
