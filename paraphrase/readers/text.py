"""Plain text in any common encoding; agency wire framing read as paragraphs.

The encoding is found from a byte-order mark, else UTF-8, else by charset-normalizer's
detection (Windows-1252, Cyrillic code pages, UTF-16 without a mark...). Text keeps a few
control characters (NUL bytes in old corpora, the 0x19 that opens every paragraph of an
IPTC 7901 / ANPA wire feed): each becomes one space, so offsets are those of the text as
decoded. Only data that is mostly not text is refused as binary.
"""

from __future__ import annotations

import codecs
import re

from ..errors import UnsupportedFormatError

# Data whose decoded characters are more than this share control characters (or bytes
# its encoding cannot read) is binary.
MAX_CONTROL_SHARE = 0.1

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # not \t \n \v \f \r, nor \x1c-\x1f (Python's white space)
_UNREADABLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\ufffd]")  # control characters, or bytes no encoding read
# IPTC 7901 / ANPA 1312 feeds close each paragraph with "<" at the end of its last line.
_WIRE_PARAGRAPH_END = re.compile(r"<[ \t]*$", re.MULTILINE)
_WIRE_PARAGRAPH_START = "\x19"


def extract(data: bytes, name: str) -> str:
    """The text of ``data``, decoded and with control characters read as spaces."""
    decoded = _decoded(data)
    if decoded is None:
        raise UnsupportedFormatError(f"{name}: binary data, not text")
    return unframe_wire(decoded)


def _decoded(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):  # a few bad bytes are read as U+FFFD; mostly bad, binary
            text = data.decode(encoding, errors="replace")
            return None if _mostly_unreadable(text) else text
    try:
        text = data.decode("utf-8")
        if not _mostly_unreadable(text):
            return text
    except UnicodeDecodeError:
        pass
    return _detected(data)


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    # Among the guesses that read the bytes equally cleanly, Windows-1252 wins: it is what
    # Western newsrooms and older corpora write, and a short text fits many code pages.
    least_chaos = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= least_chaos + 0.01]
    if any("cp1252" in m.could_be_from_charset for m in clean):
        text = data.decode("cp1252", errors="replace")
    else:
        text = str(min(clean, key=lambda m: (m.chaos, -m.coherence)))
    return None if _mostly_unreadable(text) else text


def _mostly_unreadable(text: str) -> bool:
    return len(_UNREADABLE.findall(text)) > MAX_CONTROL_SHARE * len(text)


def unframe_wire(text: str) -> str:
    """Agency framing read as layout, character for character: a paragraph's closing "<"
    becomes a line break (so paragraphs are separated by a blank line) and control
    characters become spaces. Text without the framing is returned unchanged.

    >>> unframe_wire("\\x19The court heard.<\\n\\x19He denied it.<\\n")
    ' The court heard.\\n\\n He denied it.\\n\\n'
    """
    if _WIRE_PARAGRAPH_START in text:
        text = _WIRE_PARAGRAPH_END.sub(lambda m: "\n" + m.group()[1:], text)
    return _CONTROL.sub(" ", text)
