"""Read an article from text, a path or bytes: plain text in any common encoding, HTML, .docx.

Whatever cannot be compared (empty, binary, undecodable, unreadable) is an ``InputError``
that names the input and the problem; nothing is ever silently read as empty.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Union

from .errors import InputError

Source = Union[str, "os.PathLike[str]", bytes]

MAX_BYTES = 50 * 1024 * 1024  # larger inputs are refused rather than read into memory
_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def load(source: Source, name: str) -> tuple[str, str]:
    """The (name, text) of an input.

    ``source`` is a path (``os.PathLike``, or a one-line ``str`` naming an existing file),
    raw bytes, or else the article text itself. ``name`` is the default name; a path's
    own name (without extension) is used instead.
    """
    if isinstance(source, bytes):
        return name, decode(source, name)
    if isinstance(source, os.PathLike) or _names_file(source):
        path = Path(source)
        return path.stem, read_file(path)
    return name, _nonempty(source, name)


def _names_file(text: str) -> bool:
    return "\n" not in text and len(text) < 4096 and Path(text).is_file()


def read_file(path: Path) -> str:
    """The article text of a file of any kind ``decode`` reads."""
    return decode(_read_bytes(path), str(path), suffix=path.suffix.lower())


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: larger than {MAX_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from error


def decode(data: bytes, name: str, suffix: str = "") -> str:
    """The article text in ``data``: a .docx, an HTML page or plain text."""
    if not data.strip():
        raise InputError(f"{name}: empty")
    if suffix == ".docx" or data[:4] == b"PK\x03\x04":
        return _nonempty(_docx_text(data, name), name)
    text = _plain_text(data, name)
    if suffix in (".html", ".htm") or _HTML.match(data[:1024]):
        return _nonempty(_html_text(text, name), name)
    return _nonempty(text, name)


def _plain_text(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        raise InputError(f"{name}: binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _windows_1252(data, name)
    if _control_share(text) > 0.01:
        raise InputError(f"{name}: binary data, not text")
    return text


def _windows_1252(data: bytes, name: str) -> str:
    # Not UTF-8: Windows-1252 is what news systems and older corpora write; bytes it
    # leaves undefined mean the data is not text in any encoding we can tell.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not text in UTF-8 or Windows-1252 (byte {error.start})") from error


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(text)


def _html_text(html: str, name: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        raise InputError(f"{name}: no article text found in the HTML page")
    return text


def _docx_text(data: bytes, name: str) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{name}: not a readable .docx file ({error})") from error
    return "\n\n".join(p.text for p in document.paragraphs if p.text.strip())


def _nonempty(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name}: empty")
    return text
