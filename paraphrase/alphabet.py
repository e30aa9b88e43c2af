"""Encode words as single characters, so character-level C code works on whole words.

rapidfuzz and diff-match-patch compare characters. Giving every distinct word its own
code point makes their edit operations word operations: a diff never splits a word, and
the Indel similarity of two sorted word bags is exactly their Dice overlap.
"""

from __future__ import annotations

import threading
from typing import Iterable

_FIRST = 0x100  # leave ASCII and Latin-1 alone; nothing here is ever shown
_SURROGATES = range(0xD800, 0xE000)
# One alphabet serves the comparisons of a process (``shared``): a document compared again
# (``document.prepare`` keeps the last ones) finds its sentences encoded, a sixth of a
# warm comparison of the seeds. It is renewed past these bounds, so that a long run (the
# viewer, a check over a corpus) keeps no text it no longer compares and never runs out
# of code points (1,112,064 in all).
MAX_WORDS = 200_000
MAX_ENCODED = 20_000  # sentences; the kept documents hold about 4,000


class Alphabet:
    """A growing map from words to code points, one per distinct word."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        # A sentence is encoded once however many candidates it is scored against.
        self._encoded: dict[tuple[str, ...], str] = {}
        self._bags: dict[tuple[str, ...], str] = {}
        self._adding = threading.Lock()

    @property
    def full(self) -> bool:
        return len(self._codes) > MAX_WORDS or max(len(self._encoded), len(self._bags)) > MAX_ENCODED

    def encode(self, words: Iterable[str]) -> str:
        """The words as a string of one character each, in order."""
        if not isinstance(words, tuple):
            return self._join(words)
        code = self._encoded.get(words)
        if code is None:
            code = self._encoded[words] = self._join(words)
        return code

    def bag(self, words: Iterable[str]) -> str:
        """The words as a sorted string: order-free, repeats kept."""
        if not isinstance(words, tuple):
            return "".join(sorted(self.encode(words)))
        code = self._bags.get(words)
        if code is None:
            code = self._bags[words] = "".join(sorted(self.encode(words)))
        return code

    def _join(self, words: Iterable[str]) -> str:
        words = tuple(words)
        codes = self._codes
        if not all(map(codes.__contains__, words)):  # C loops: this runs for every sentence
            self._add(words)
        return "".join(map(codes.__getitem__, words))

    def _add(self, words: tuple[str, ...]) -> None:
        codes = self._codes
        with self._adding:  # two threads (the viewer's) never give one code to two words
            for word in words:
                if word not in codes:
                    n = _FIRST + len(codes)
                    codes[word] = chr(n + len(_SURROGATES) if n >= _SURROGATES.start else n)


_shared = Alphabet()
_renewing = threading.Lock()


def shared() -> Alphabet:
    """The process's alphabet, renewed once past its bounds (a comparison keeps the one it
    started with: every code it reads comes from one alphabet)."""
    global _shared
    current = _shared
    if current.full:
        with _renewing:
            if _shared is current:
                _shared = Alphabet()
    return _shared


def renew_shared() -> None:
    """Start the process's alphabet anew (with the kept documents: ``forget_prepared``)."""
    global _shared
    with _renewing:
        _shared = Alphabet()
