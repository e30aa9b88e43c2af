"""Quoted speech: the spans of a text inside quotation marks.

Every reporter who heard a speaker has the speaker's words, so shared words inside
quotation marks are not evidence that one article was written from another (see
``evidence.py``). A quotation opens and closes within one paragraph: newsroom style
reopens a quote that runs on at the next paragraph, so an unclosed quote ends with its
paragraph, and covers ``OPEN_QUOTE_CHARS`` at most: a stray mark (inches, a scraping slip)
must not silence a whole paragraph, nor two strays far apart all that lies between them,
and text whose lines are joined again makes long paragraphs. A quotation left open
counts only when it runs on: the next paragraph opens with a quotation mark (the
newsroom's way) or closes it first (text cut mid-quotation, one sentence a line, whose
next line is then quoted up to the closing mark); otherwise the mark is a stray.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Sequence

Span = tuple[int, int]

# Opening mark -> the marks that close it. Straight double quotes open and close alike,
# so one opens only where an opening mark stands (``_can_open``); a single curly quote
# opens only before a word (it is also the apostrophe).
_CLOSING = {"“": "”\"", "„": "“”\"", "«": "»", "»": "«", "‹": "›", "\"": "\"“”"}
# The straight apostrophe also quotes, in British copy typed or stored as plain text
# ('I am sorry,' he said). Before a letter, not inside a word, it opens; after a word or a mark
# and before none it closes; inside a word ("Assad's") it does neither. An elision looks
# like an opening ("the '90s", "'em"), so a straight single quotation counts only when
# it closes within its paragraph.
_STRAIGHT_SINGLE = "'"
_SINGLE_CLOSING = {"‘": "’", _STRAIGHT_SINGLE: _STRAIGHT_SINGLE}
# 99% of the 2,446 closed quotations in 800 web pages (PAN-13 sources) are shorter; the
# seeds' longest is 276 characters.
OPEN_QUOTE_CHARS = 500
# A straight quote before a space or one of these closes a quotation; it never opens one.
_CLOSING_PUNCTUATION = ".,;:!?)]}"
_MARKS = re.compile(r"[“”„«»‹›\"]|(?<![^\W_])[‘'](?=\w)|(?<=\S)['’](?![^\W_])")


_Open = tuple[int, int, str]  # where a quotation opened, where its paragraph ends it, its closing marks


def quotation_spans(text: str, paragraphs: Iterable[Span]) -> list[Span]:
    """The quoted spans of ``text`` (marks included), paragraph by paragraph.

    >>> text = 'The judge said: "He is a danger to the public." He was jailed.'
    >>> [text[s:e] for s, e in quotation_spans(text, [(0, len(text))])]
    ['"He is a danger to the public."']
    """
    spans: list[Span] = []
    left_open: _Open | None = None  # a quotation the paragraph before left open
    for start, end in paragraphs:
        resume = start
        if left_open is not None:
            at, stop, closers = left_open
            close = _closing_mark(text, start, end, closers)
            if _reopens(text, start) or close is not None:  # it ran on; else a stray mark
                spans.append((at, stop))
            if close is not None:
                spans.append((start, min(close, start + OPEN_QUOTE_CHARS)))
                resume = close
        found, left_open = _quoted(text, resume, end)
        spans += found
    return spans


def _reopens(text: str, start: int) -> bool:
    """Whether the paragraph at ``start`` opens with a quotation mark: the newsroom's sign
    that the quotation left open in the paragraph before runs on."""
    first = text[start:start + 1]
    return first in _CLOSING or first in _SINGLE_CLOSING


def _closing_mark(text: str, start: int, end: int, closers: str) -> int | None:
    """The end of the paragraph's first mark when it closes a quotation the paragraph before
    left open (text cut mid-quotation: one sentence a line), else None."""
    match = _MARKS.search(text, start, end)
    if match is None or match.group() not in closers:
        return None
    mark, at = match.group(), match.start()
    opens = _can_open(text, at, end) if mark == "\"" else mark == _STRAIGHT_SINGLE and _opens_single(text, at, end)
    return None if opens else match.end()


def _quoted(text: str, start: int, end: int) -> tuple[list[Span], _Open | None]:
    """The quotations closed within ``start``-``end``, and the one left open, if any."""
    spans: list[Span] = []
    opened: tuple[int, str] | None = None
    for match in _MARKS.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if opened is None:
            if mark == "\"" and not _can_open(text, at, end):
                continue
            if mark in _CLOSING or _opens_single(text, at, end):
                opened = (at, _CLOSING.get(mark) or _SINGLE_CLOSING[mark])
        elif mark in opened[1] and not (mark == _STRAIGHT_SINGLE and _opens_single(text, at, end)):
            spans.append((opened[0], min(match.end(), opened[0] + OPEN_QUOTE_CHARS)))
            opened = None
    if opened is None or text[opened[0]] == _STRAIGHT_SINGLE:
        return spans, None
    return spans, (opened[0], min(end, opened[0] + OPEN_QUOTE_CHARS), opened[1])


def _opens_single(text: str, at: int, end: int) -> bool:
    """Whether the single mark at ``at`` opens: before a word (a straight one, before a
    letter: "the '90s" is an elision; the pattern has seen to what comes before)."""
    after = text[at + 1] if at + 1 < end else " "
    return text[at] == "‘" and after.isalnum() or text[at] == _STRAIGHT_SINGLE and after.isalpha()


def _can_open(text: str, at: int, end: int) -> bool:
    """Whether the straight quote at ``at`` stands where a quotation opens: not right after
    a letter or digit (``Park".``, ``12" pans``), nor before a space or closing
    punctuation (``said:"We`` opens). A closing mark taken for an opening one would mark
    the text up to the next quote as quoted."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < end else " "
    return not before.isalnum() and not (after.isspace() or after in _CLOSING_PUNCTUATION)


def _start(span: Span) -> int:
    return span[0]


def overlapping(spans: Sequence[Span], start: int, end: int) -> Sequence[Span]:
    """The ``spans`` (sorted, disjoint) that overlap ``start``-``end``."""
    first = max(bisect_right(spans, start, key=_start) - 1, 0)
    last = bisect_right(spans, end - 1, key=_start)
    return [s for s in spans[first:last] if s[1] > start]


def inside(spans: Sequence[Span], positions: Iterable[int]) -> tuple[bool, ...]:
    """For each position (ascending or not), whether it lies inside one of ``spans`` (sorted)."""
    flags = []
    for position in positions:
        k = bisect_right(spans, position, key=_start) - 1
        flags.append(k >= 0 and position < spans[k][1])
    return tuple(flags)
