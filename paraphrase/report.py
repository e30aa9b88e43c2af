"""The comparison as a terminal report: the verdict, then the aligned table.

Each aligned pair is a row: its sentence indexes, distance and edit class, then the two
sides next to each other with the words that differ marked. With colour, deletions are
red and struck through on A's side, insertions green and underlined on B's; without, a
last line spells the diff as ``[-deleted-]{+inserted+}``.
"""

from __future__ import annotations

import textwrap

import re
from typing import Iterator, NamedTuple

from .comparison import Comparison, Pair
from .document import Document
from .score import SHOWN_NOT_COUNTED

_STYLE = {"del": "\x1b[31;9m", "ins": "\x1b[32;4m", "dim": "\x1b[2m", "bold": "\x1b[1m"}
_RESET = "\x1b[0m"
_GUTTER = " │ "


class Word(NamedTuple):
    """A run of non-space characters, possibly in several styles ("" is plain)."""

    fragments: tuple[tuple[str, str], ...]

    @property
    def width(self) -> int:
        return sum(len(text) for text, _ in self.fragments)

    @classmethod
    def plain(cls, text: str) -> Word:
        return cls(((text, ""),))


def words(fragments: list[tuple[str, str]]) -> list[Word]:
    """Styled fragments regrouped into words at white space, however they were cut."""
    result: list[Word] = []
    current: list[tuple[str, str]] = []
    for text, style in fragments:
        for k, piece in enumerate(re.split(r"(\s+)", text)):
            if k % 2:  # white space: a word boundary
                if current:
                    result.append(Word(tuple(current)))
                current = []
            elif piece:
                current.append((piece, style))
    if current:
        result.append(Word(tuple(current)))
    return result


def render_text(result: Comparison, *, color: bool = False, width: int = 100) -> str:
    """The whole report as one string."""
    return "\n".join(_lines(result, color, max(width, 60))) + "\n"


def _lines(result: Comparison, color: bool, width: int) -> Iterator[str]:
    yield _paint(result.summary.headline, "bold", color)
    yield from textwrap.wrap(result.summary.details + ".", width)
    if result.scorer != "lexical":  # the default goes without saying
        yield f"Scored by the {result.scorer} scorer (its own thresholds)."
    yield ""
    a, b = result.a, result.b
    for pair in result.pairs:
        yield from _pair_rows(a, b, pair, color, width)
    if result.related:
        yield _paint(f"Shown, not counted as reuse: {len(result.related)} pair(s) sharing only some details"
                     " or a quotation", "bold", color)
        yield ""
    for pair in result.related:
        yield from _pair_rows(a, b, pair, color, width)
    shown_a = {i for p in result.related for i in p.a}
    shown_b = {j for p in result.related for j in p.b}
    for side, doc, indexes in (("A", a, [i for i in result.unaligned_a if i not in shown_a]),
                               ("B", b, [j for j in result.unaligned_b if j not in shown_b])):
        if indexes:
            yield _paint(f"Only in {doc.name} ({side}): {len(indexes)} sentence(s), new material", "bold", color)
            for i in indexes:
                yield from _wrap(words([(doc.sentences[i].text, "")]), width - 6, f"  {side}{i:<3} ", color)
            yield ""
    yield from _set_aside_lines(a, "A", color)
    yield from _set_aside_lines(b, "B", color)


def _pair_rows(a: Document, b: Document, pair: Pair, color: bool, width: int) -> Iterator[str]:
    moved = "   moved" if pair.moved else ""
    evidence = f"   evidence: {pair.evidence}{', firm' if pair.firm else ''}" if pair.evidence else ""
    link = "~" if pair.edit_class in SHOWN_NOT_COUNTED else "↔"
    head = (f"A {_indexes(pair.a)} {link} B {_indexes(pair.b)}   distance {pair.distance:.2f}   {pair.edit_class}"
            f"{moved}{evidence}")
    yield _paint(head, "bold", color)
    left, right = _sides(a.text, b.text, pair)
    column = (width - len(_GUTTER)) // 2
    left_lines = list(_wrap(left, column, "", color, pad=column))
    right_lines = list(_wrap(right, column, "", color))
    blank = " " * column
    for k in range(max(len(left_lines), len(right_lines))):
        yield (left_lines[k] if k < len(left_lines) else blank) + _GUTTER + (right_lines[k] if k < len(right_lines) else "")
    if not color and pair.edit_class != "identical":
        yield from _wrap(words(list(_inline_diff(a.text, b.text, pair))), width - 6, "diff: ", False)
    for change in pair.changed_facts:
        said_a = change.a.text if change.a else "—"
        said_b = change.b.text if change.b else "—"
        yield _paint(f"  changed {change.kind}: {said_a} → {said_b}", "bold", color)
    yield ""


def _indexes(indexes: tuple[int, ...]) -> str:
    return "+".join(str(i) for i in indexes)


def _sides(text_a: str, text_b: str, pair: Pair) -> tuple[list[Word], list[Word]]:
    left = _with_gaps(text_a, [(a1, a2, "" if tag == "equal" else "del") for tag, a1, a2, _, _ in pair.diff])
    right = _with_gaps(text_b, [(b1, b2, "" if tag == "equal" else "ins") for tag, _, _, b1, b2 in pair.diff])
    return words(left), words(right)


def _with_gaps(text: str, pieces: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    # Sentences of one side that are not adjacent (a cover) are shown apart: " … ".
    shown: list[tuple[str, str]] = []
    reach = None
    for start, end, style in pieces:
        if reach is not None and start > reach:
            shown.append((" … ", ""))
        shown.append((text[start:end], style))
        reach = end if end > start else reach
    return shown


def _inline_diff(text_a: str, text_b: str, pair: Pair) -> Iterator[tuple[str, str]]:
    for tag, a1, a2, b1, b2 in pair.diff:
        if tag == "equal":
            yield text_a[a1:a2], ""
            continue
        deleted, inserted = " ".join(text_a[a1:a2].split()), " ".join(text_b[b1:b2].split())
        yield " " + (f"[-{deleted}-]" if deleted else "") + (f"{{+{inserted}+}}" if inserted else "") + " ", ""


def _wrap(items: list[Word], width: int, prefix: str, color: bool, pad: int = 0) -> Iterator[str]:
    # Greedy fill by visible width; styles are applied after measuring.
    line: list[Word] = []
    used = 0
    lead = prefix
    for word in items:
        if line and used + 1 + word.width > width:
            yield lead + _join(line, color, pad - len(prefix), used)
            line, used, lead = [], 0, " " * len(prefix)
        used += word.width + (1 if line else 0)
        line.append(word)
    if line or lead == prefix:
        yield lead + _join(line, color, pad - len(prefix), used)


def _join(line: list[Word], color: bool, pad: int, used: int) -> str:
    text = " ".join("".join(_paint(t, style, color) for t, style in w.fragments) for w in line)
    return text + " " * max(0, pad - used)


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color and style else text


def _set_aside_lines(doc: Document, side: str, color: bool) -> Iterator[str]:
    reasons: dict[str, int] = {}
    for s in doc.sentences:
        if s.set_aside:
            key = "repeated sentence" if s.set_aside.startswith("repeat of") else s.set_aside
            reasons[key] = reasons.get(key, 0) + 1
    if reasons:
        listed = ", ".join(f"{reason} ×{n}" for reason, n in reasons.items())
        yield _paint(f"Set aside in {doc.name} ({side}), not counted: {listed}", "dim", color)
