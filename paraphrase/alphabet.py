"""Encode words as single characters, so character-level C code works on whole words.

rapidfuzz and diff-match-patch compare characters. Giving every distinct word its own
code point makes their edit operations word operations: a diff never splits a word, and
the Indel similarity of two sorted word bags is exactly their Dice overlap.
"""

from __future__ import annotations

from typing import Iterable

_FIRST = 0x100  # leave ASCII and Latin-1 alone; nothing here is ever shown
_SURROGATES = range(0xD800, 0xE000)


class Alphabet:
    """A growing map from words to code points, one per distinct word."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        # A sentence is encoded once however many candidates it is scored against.
        self._encoded: dict[tuple[str, ...], str] = {}
        self._bags: dict[tuple[str, ...], str] = {}

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
        for word in words:
            if word not in codes:
                n = _FIRST + len(codes)
                codes[word] = chr(n + len(_SURROGATES) if n >= _SURROGATES.start else n)
        return "".join(map(codes.__getitem__, words))  # a C loop: this runs for every sentence
