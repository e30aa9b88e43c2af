"""Read an article: a ``str`` is its text, a ``pathlib.Path`` a file, ``bytes`` an upload.

The kind of an input is given by its Python type, never guessed from its content: a
pasted "/etc/passwd" is six letters of article text, and only a ``Path`` is ever opened.
Bytes are read by the format table in ``paraphrase.readers`` (PDF, .docx, HTML, plain
text in any common encoding). Whatever cannot be compared (empty, binary, undecodable,
unreadable) is an ``InputError`` that names the input and the problem; nothing is ever
silently read as empty.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union

from .errors import InputError
from .readers import display_name, known_suffix, reader_for
from .readers.text import unframe_wire

Source = Union[str, bytes, "os.PathLike[str]"]

MAX_BYTES = 50 * 1024 * 1024  # larger inputs are refused rather than read into memory


def load(source: Source, name: str) -> tuple[str, str]:
    """The (name, text) of an input: article text (``str``), a file (``os.PathLike``) or
    the bytes of an upload whose file name is ``name`` (its suffix helps pick the reader).

    >>> load("/etc/passwd", "A")
    ('A', '/etc/passwd')
    """
    if isinstance(source, str):
        return name, _nonempty(unframe_wire(source), name)
    if isinstance(source, bytes):
        return name, decode(source, name, known_suffix(name))
    if isinstance(source, os.PathLike):
        path = Path(source)
        return display_name(path.name), read_file(path)
    raise TypeError(f"an article is text (str), a file (pathlib.Path) or bytes, not {type(source).__name__}")


def read_file(path: str | os.PathLike[str]) -> str:
    """The article text of the file at ``path``, in any format the readers take."""
    path = Path(path)
    return decode(read_bytes(path), str(path), known_suffix(path.name))


def read_bytes(path: Path) -> bytes:
    """The bytes of the file at ``path``; an ``InputError`` when it cannot be read or holds
    more than ``MAX_BYTES``."""
    try:
        with path.open("rb") as file:
            # One byte past the limit, never more: a device or pipe (/dev/zero, a FIFO)
            # has no size to check beforehand and may never end.
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from error
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // 2**20} MB")
    return data


def decode(data: bytes, name: str, suffix: str = "") -> str:
    """The article text in ``data``, by the reader its leading bytes or ``suffix`` select."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 2**20} MB")
    if not data.strip():
        raise InputError(f"{name}: empty")
    return _nonempty(reader_for(data, suffix).extract(data, name), name)


def _nonempty(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name}: empty")
    return text
