"""PDF: the text of every page in reading order, by pdfminer.six's layout analysis.

pdfminer.six was chosen over pypdf because it orders text by its place on the page:
on a two-column page whose generator wrote the lines across both columns, pypdf gives
each line of the left column followed by the line beside it, pdfminer.six gives the
left column, then the right (tests/test_readers.py builds such a page). It is about 4x
slower (45 ms against 10 ms for a one-page article), which is small beside the rest.
"""

from __future__ import annotations

import functools
import io
import logging
import zlib
from typing import Any

from ..errors import InputError

MAX_PAGES = 200
MAX_STREAM_BYTES = 64 * 2**20  # one inflated content stream; a larger one is a decompression bomb


def sniff(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def extract(data: bytes, name: str) -> str:
    """The text of the pages, paragraphs separated by blank lines."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfexceptions import PDFException

    _bound_inflation()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on odd files are not ours to print
    try:
        # line_margin: lines closer than this many line heights form one paragraph box.
        text = extract_text(io.BytesIO(data), maxpages=MAX_PAGES, laparams=LAParams(line_margin=0.8))
    except _BombError:
        raise InputError(f"{name}: a PDF stream inflates to more than {MAX_STREAM_BYTES // 2**20} MB; refused") from None
    except (PDFException, ValueError, KeyError, TypeError, AssertionError, zlib.error, RecursionError) as error:
        raise InputError(f"{name}: not a readable PDF ({type(error).__name__}: {error})") from None
    if not text.strip():
        raise InputError(f"{name}: the PDF holds no text (a scan? paraphrase does not read images)")
    return text.replace("\x0c", "\n")


class _BombError(Exception):
    pass


class _BoundedZlib:
    """zlib for pdfminer with a cap on what one stream may inflate to."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, MAX_STREAM_BYTES)
        if inflater.unconsumed_tail or len(out) >= MAX_STREAM_BYTES:
            raise _BombError()
        return out


@functools.cache
def _bound_inflation() -> None:
    # pdfminer inflates streams with zlib.decompress and no limit; give its module ours, once.
    import pdfminer.pdftypes

    pdfminer.pdftypes.zlib = _BoundedZlib  # type: ignore[attr-defined,assignment]
