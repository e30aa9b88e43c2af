"""HTML pages: the article's main text, found by trafilatura; scripts never reach it."""

from __future__ import annotations

import re

from ..errors import InputError
from .text import extract as decode_text

_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


def sniff(data: bytes) -> bool:
    return bool(_HTML.match(data[:1024]))


def extract(data: bytes, name: str) -> str:
    import trafilatura

    text = trafilatura.extract(decode_text(data, name), include_comments=False, include_tables=False,
                               favor_recall=True)
    if not text:
        raise InputError(f"{name}: no article text found in the HTML page")
    return str(text)
