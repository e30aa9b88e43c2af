"""The one table of input formats: which bytes each reader takes and how it gets the text.

Every adapter derives its list of formats from ``READERS`` (the CLI's help, the viewer's
file chooser, the corpus's folder walk, the pre-commit hook), so adding a format is one
module here and one row below. A reader is chosen by the data's leading bytes first
(a PDF named ``.txt`` is still a PDF), then by the file's suffix, then by sniffing the
content; whatever is left is read as plain text, and binary data is refused there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import docx, html, pdf, text


@dataclass(frozen=True)
class Reader:
    """One input format."""

    name: str
    suffixes: tuple[str, ...]  # lower-case, with the dot
    extract: Callable[[bytes, str], str]  # (data, name) -> article text; raises InputError
    sniff: Callable[[bytes], bool] = lambda data: False  # does the content say it is this format?


READERS: tuple[Reader, ...] = (
    Reader("PDF", (".pdf",), pdf.extract, pdf.sniff),
    Reader("Word document", (".docx",), docx.extract, docx.sniff),
    Reader("HTML page", (".html", ".htm", ".xhtml"), html.extract, html.sniff),
    Reader("plain text", (".txt", ".text", ".md"), text.extract),
)
PLAIN_TEXT = READERS[-1]
SUFFIXES: tuple[str, ...] = tuple(s for reader in READERS for s in reader.suffixes)


def reader_for(data: bytes, suffix: str = "") -> Reader:
    """The reader for ``data``, whose file name ends in ``suffix`` ('' when unknown)."""
    for reader in READERS:
        if reader.sniff(data):
            return reader
    for reader in READERS:
        if suffix.lower() in reader.suffixes:
            return reader
    return PLAIN_TEXT


def known_suffix(name: str) -> str:
    """The suffix of ``name`` when it is one a reader names, else ''.

    >>> known_suffix("story.HTML"), known_suffix("LGPL-2.1"), known_suffix("notes")
    ('.html', '', '')
    """
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    return suffix if suffix in SUFFIXES else ""


def display_name(file_name: str) -> str:
    """A file's name without a known suffix; other dots are part of the name.

    >>> display_name("000_story.txt"), display_name("Apache-2.0"), display_name("LGPL-2.1")
    ('000_story', 'Apache-2.0', 'LGPL-2.1')
    """
    suffix = known_suffix(file_name)
    return file_name[: len(file_name) - len(suffix)] if suffix else file_name


def suffix_pattern() -> str:
    r"""A regular expression for file names with a suffix a reader names (for pre-commit).

    >>> suffix_pattern()
    '\\.(pdf|docx|html|htm|xhtml|txt|text|md)$'
    """
    return r"\.(" + "|".join(s[1:] for s in SUFFIXES) + ")$"


def describe() -> str:
    """The formats for a help text: '.txt, .html, .docx or .pdf files'."""
    main = [reader.suffixes[0] for reader in reversed(READERS)]
    return ", ".join(main[:-1]) + " or " + main[-1]
