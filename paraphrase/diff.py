"""Word diffs of an aligned pair, in difflib's opcode vocabulary, with document offsets.

Each distinct token is encoded as one character before diff-match-patch runs, so an
edit never splits a word. The C++ diff-match-patch runs with no time limit (a deadline
makes the result depend on machine load); the work is bounded instead by the
segment length cap, since a pair is at most a few segments.
"""

from __future__ import annotations

from typing import NamedTuple

import fast_diff_match_patch

from .alphabet import Alphabet
from .tokens import Token

_OPS = {"=": "equal", "-": "delete", "+": "insert"}


class Opcode(NamedTuple):
    """``tag`` applies to ``a_text[a_start:a_end]`` and ``b_text[b_start:b_end]`` (document offsets)."""

    tag: str  # "equal", "replace", "delete" or "insert"
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def word_diff(
    a_tokens: tuple[Token, ...], a_span: tuple[int, int],
    b_tokens: tuple[Token, ...], b_span: tuple[int, int],
    alphabet: Alphabet,
) -> list[Opcode]:
    """Opcodes that tile ``a_span`` and ``b_span`` exactly, white space included.

    A token's trailing white space belongs to the token's opcode, so concatenating
    the a-sides of all opcodes gives back the a-span's text unchanged.
    """
    encoded_a = alphabet.encode(t.norm for t in a_tokens)
    encoded_b = alphabet.encode(t.norm for t in b_tokens)
    raw = fast_diff_match_patch.diff(encoded_a, encoded_b, timelimit=0, checklines=False, cleanup="No")
    a_bounds = _bounds(a_tokens, a_span)
    b_bounds = _bounds(b_tokens, b_span)
    return [
        Opcode(tag, a_bounds[i1], a_bounds[i2], b_bounds[j1], b_bounds[j2])
        for tag, i1, i2, j1, j2 in token_opcodes(raw)
    ]


def token_opcodes(raw: list[tuple[str, int]]) -> list[tuple[str, int, int, int, int]]:
    """diff-match-patch (op, length) runs as difflib opcodes over token indexes.

    A deletion next to an insertion becomes one ``replace``.
    """
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for op, length in raw:
        tag = _OPS[op]
        i2, j2 = i + (length if op != "+" else 0), j + (length if op != "-" else 0)
        if opcodes and tag != "equal" and opcodes[-1][0] in ("delete", "insert", "replace") and opcodes[-1][0] != tag:
            _, i1, _, j1, _ = opcodes.pop()
            opcodes.append(("replace", i1, i2, j1, j2))
        else:
            opcodes.append((tag, i, i2, j, j2))
        i, j = i2, j2
    return opcodes


def _bounds(tokens: tuple[Token, ...], span: tuple[int, int]) -> list[int]:
    # Boundary k is where token k starts; the first is the span's start, the last its end.
    if not tokens:
        return [span[0], span[1]]
    return [span[0], *(t.start for t in tokens[1:]), span[1]]
