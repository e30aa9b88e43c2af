"""Word diffs of an aligned pair, in difflib's opcode vocabulary, with document offsets.

Each distinct token is encoded as one character before diff-match-patch runs, so an
edit never splits a word. The C++ diff-match-patch runs with no time limit (a deadline
makes the result depend on machine load); the work is bounded instead by the
segment length cap, since a pair is at most a few segments.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, NamedTuple, Sequence

import fast_diff_match_patch

from .alphabet import Alphabet
from .tokens import Token

_OPS = {"=": "equal", "-": "delete", "+": "insert"}
Span = tuple[int, int]


class Opcode(NamedTuple):
    """``tag`` applies to ``a_text[a_start:a_end]`` and ``b_text[b_start:b_end]`` (document offsets)."""

    tag: str  # "equal", "replace", "delete" or "insert"
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def word_diff(
    a_tokens: tuple[Token, ...], a_runs: Sequence[Span],
    b_tokens: tuple[Token, ...], b_runs: Sequence[Span],
    alphabet: Alphabet,
) -> list[Opcode]:
    """Opcodes that tile the runs of text on each side exactly, white space included.

    Each side is a list of spans, in order: one, or several for sentences that are not
    adjacent; the tokens lie inside them. A token's trailing white space belongs to the token's
    opcode, so concatenating the a-sides of all opcodes gives back the runs' text
    unchanged; no opcode crosses from one run to the next.
    """
    encoded_a = alphabet.encode(t.norm for t in a_tokens)
    encoded_b = alphabet.encode(t.norm for t in b_tokens)
    raw = fast_diff_match_patch.diff(encoded_a, encoded_b, timelimit=0, checklines=False, cleanup="No")
    a_side, b_side = _Side(a_tokens, a_runs), _Side(b_tokens, b_runs)
    return [
        Opcode(tag, *a_side.bounds(i1, i2), *b_side.bounds(j1, j2))
        for op in token_opcodes(raw) for tag, i1, i2, j1, j2 in _split(op, a_side.breaks, b_side.breaks)
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


class _Side:
    """The tokens of one side and the runs of text they lie in."""

    def __init__(self, tokens: tuple[Token, ...], runs: Sequence[Span]) -> None:
        self.runs = list(runs)
        if len(self.runs) == 1:  # most pairs: one sentence, or adjacent ones, a side
            (start, end), = self.runs
            inner = [t.start for t in tokens[1:]]  # a token's span reaches the next token
            self.starts = [start, *inner] if tokens else []
            self.ends = [*inner, end] if tokens else []
            self.breaks: set[int] = set()
            return
        starts = [s for s, _ in self.runs]
        run_of = [bisect_right(starts, t.start) - 1 for t in tokens]
        # Token k opens a run, or follows a token of the same run.
        self.starts = [self.runs[r][0] if k == 0 or run_of[k - 1] != r else tokens[k].start
                       for k, r in enumerate(run_of)]
        self.ends = [self.runs[r][1] if k + 1 == len(tokens) or run_of[k + 1] != r else tokens[k + 1].start
                     for k, r in enumerate(run_of)]
        self.breaks = {k for k in range(1, len(tokens)) if run_of[k] != run_of[k - 1]}

    def bounds(self, i1: int, i2: int) -> Span:
        if i1 < i2:
            return self.starts[i1], self.ends[i2 - 1]
        at = self.starts[i1] if i1 < len(self.starts) else self.runs[-1][1]  # an empty range
        return at, at


def _split(op: tuple[str, int, int, int, int], breaks_a: set[int], breaks_b: set[int]) -> Iterator[tuple[str, int, int, int, int]]:
    """An opcode cut where either side passes from one run of text to the next."""
    tag, i1, i2, j1, j2 = op
    if not breaks_a and not breaks_b:
        yield op
        return
    if tag == "equal":
        cuts = sorted({0, i2 - i1} | {k - i1 for k in breaks_a if i1 < k < i2} | {k - j1 for k in breaks_b if j1 < k < j2})
        for x, y in zip(cuts, cuts[1:]):
            yield tag, i1 + x, i1 + y, j1 + x, j1 + y
        return
    pieces_a, pieces_b = _pieces(i1, i2, breaks_a), _pieces(j1, j2, breaks_b)
    for k in range(max(len(pieces_a), len(pieces_b))):
        a1, a2 = pieces_a[k] if k < len(pieces_a) else (i2, i2)
        b1, b2 = pieces_b[k] if k < len(pieces_b) else (j2, j2)
        yield ("replace" if a1 < a2 and b1 < b2 else "delete" if a1 < a2 else "insert"), a1, a2, b1, b2


def _pieces(i1: int, i2: int, breaks: set[int]) -> list[tuple[int, int]]:
    cuts = [i1, *sorted(k for k in breaks if i1 < k < i2), i2]
    return [(x, y) for x, y in zip(cuts, cuts[1:]) if x < y]
