"""The comparison laid out for the page: rows in reading order, marked-up fragments, heatmap.

Presentation only: every number and alignment comes from the engine's ``Comparison``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence, TypeVar

import numpy as np

from paraphrase import Comparison, Pair, translation
from paraphrase.document import Document
from paraphrase.quotes import overlapping
from paraphrase.reading import LOOK_ALIKE_LETTERS
from paraphrase.score import EDIT_CLASSES
from paraphrase.segment import lines

T = TypeVar("T")
HEATMAP_MAX_CELLS = 300  # per side; larger matrices are max-pooled into blocks
FOLD_MIN = 4  # this many identical pairs in a row are folded under one line


# What a marked piece of text is, said on hover.
TITLES = {"fact": "changed fact", "look-alike": f"written with {LOOK_ALIKE_LETTERS}"}


@dataclass(frozen=True)
class Fragment:
    text: str
    marks: tuple[str, ...] = ()  # "del" or "ins", and "fact" or "look-alike" (TITLES)

    @property
    def tag(self) -> str | None:
        """The element that shows it: a removed or added word, a marked one, or none."""
        if "del" in self.marks or "ins" in self.marks:
            return "del" if "del" in self.marks else "ins"
        return "mark" if self.kinds else None

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(m for m in self.marks if m in TITLES)

    @property
    def title(self) -> str:
        return "; ".join(TITLES[m] for m in self.kinds)


@dataclass(frozen=True)
class Cell:
    indexes: tuple[int, ...]
    fragments: tuple[Fragment, ...]
    set_aside: str | None = None


@dataclass
class Row:
    id: str
    kind: str  # "pair", "related", "new", "aside", or "fold" (the line over a folded run)
    a: Cell | None = None
    b: Cell | None = None
    pair: Pair | None = None
    classes: list[str] = field(default_factory=list)  # what the class filter matches
    fold: str | None = None  # the id of the fold this row is folded under
    size: int = 0  # of a fold: the rows under it


def rows(result: Comparison) -> list[Row]:
    """Every sentence of both texts, once, in A's reading order with B's placed after its
    nearest preceding partner. Related pairs are rows like aligned ones, of class "related"."""
    shown = (*result.pairs, *result.related)
    pairs_at: dict[int, list[Pair]] = {}  # a sentence may feed several pairs (covers)
    for pair in sorted(shown, key=lambda p: (p.a, p.b)):
        pairs_at.setdefault(pair.a[0], []).append(pair)
    in_pair_a = {i for p in shown for i in p.a}
    laid_out = [row for s in result.a.sentences for row in _rows_for_a(result, s.index, pairs_at, in_pair_a)]
    for j, extra in _b_only_rows(result, shown):
        laid_out.insert(_position_for_b(laid_out, j), extra)
    return _folded(laid_out)


def _folded(laid_out: list[Row]) -> list[Row]:
    """Runs of FOLD_MIN or more identical pairs folded under one line: unchanged text is not
    what an editor reads first, and a copied article would otherwise be all rows."""
    result: list[Row] = []
    run: list[Row] = []
    for row in [*laid_out, None]:
        if row is not None and row.kind == "pair" and row.classes == ["identical"]:
            run.append(row)
            continue
        if len(run) >= FOLD_MIN:
            fold = f"fold-{run[0].id}"
            result.append(Row(fold, "fold", classes=["identical"], size=len(run)))
            for folded in run:
                folded.fold = fold
        result += run
        run = []
        if row is not None:
            result.append(row)
    return result


def _rows_for_a(result: Comparison, i: int, pairs_at: dict[int, list[Pair]], in_pair_a: set[int]) -> Iterator[Row]:
    sentence = result.a.sentences[i]
    # Across languages (a translation) words are not compared, only numbers.
    words = not translation.applies(result.a, result.b)
    for k, pair in enumerate(pairs_at.get(i, ())):
        kind = "pair" if pair.edit_class in EDIT_CLASSES else "related"
        yield Row(f"pair-{i}" + (f"-{k}" if k else ""), kind, _pair_cell(result.a, pair, "a", words),
                  _pair_cell(result.b, pair, "b", words), pair, [pair.edit_class] + (["moved"] if pair.moved else []))
    if i not in in_pair_a:
        kind = "aside" if sentence.set_aside else "new"
        yield Row(f"a-{i}", kind, a=_plain_cell(result.a, i), classes=["set aside" if sentence.set_aside else "new material"])


def _b_only_rows(result: Comparison, shown: tuple[Pair, ...]) -> Iterator[tuple[int, Row]]:
    in_pair_b = {j for p in shown for j in p.b}
    for sentence in result.b.sentences:
        if sentence.index not in in_pair_b:
            kind = "aside" if sentence.set_aside else "new"
            yield sentence.index, Row(f"b-{sentence.index}", kind, b=_plain_cell(result.b, sentence.index),
                                      classes=["set aside" if sentence.set_aside else "new material"])


def _position_for_b(laid_out: list[Row], j: int) -> int:
    # After the last row holding a B sentence before j; at the top when there is none.
    position = 0
    for k, row in enumerate(laid_out):
        if row.b is not None and row.b.indexes[-1] < j:
            position = k + 1
    return position


def _plain_cell(document: Document, index: int) -> Cell:
    sentence = document.sentences[index]
    spans = [(sentence.start, sentence.end)]
    marked = _look_alikes(document, sentence.start, sentence.end)
    return Cell((index,), tuple(_fragments(document.text, spans, [()], marked)), sentence.set_aside)


def _pair_cell(document: Document, pair: Pair, side: str, words: bool) -> Cell:
    indexes = pair.a if side == "a" else pair.b
    changed = "del" if side == "a" else "ins"
    spans = [(op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end) for op in pair.diff]
    marks: list[tuple[str, ...]] = [(changed,) if words and op.tag != "equal" else () for op in pair.diff]
    facts = [getattr(c, side) for c in pair.changed_facts if getattr(c, side) is not None]
    reach = (min(s for s, _ in spans), max(e for _, e in spans)) if spans else (0, 0)
    marked = {"fact": [(f.start, f.end) for f in facts], **_look_alikes(document, *reach)}
    return Cell(indexes, tuple(_fragments(document.text, spans, marks, marked)))


def _look_alikes(document: Document, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """The look-alike words between ``start`` and ``end`` (not all the document's: every
    sentence of a long disguised text is cut at its own)."""
    found = overlapping(document.look_alike_spans, start, end)
    return {"look-alike": list(found)} if found else {}


def _fragments(text: str, spans: list[tuple[int, int]], marks: list[tuple[str, ...]],
               marked: dict[str, list[tuple[int, int]]]) -> Iterator[Fragment]:
    """The spans' text cut where a ``marked`` span (a changed fact, a look-alike word) starts
    or ends, each piece with its marks."""
    cuts = sorted({p for found in marked.values() for span in found for p in span})
    reach = None
    for (start, end), mark in zip(spans, marks):
        if reach is not None and start > reach:
            yield Fragment(" … ")  # sentences of one side that are not adjacent (a cover)
        reach = end if end > start else reach
        points = [start, *(c for c in cuts if start < c < end), end]
        for lo, hi in zip(points, points[1:]):
            kinds = tuple(kind for kind, found in marked.items() if any(f0 <= lo and hi <= f1 for f0, f1 in found))
            piece = text[lo:hi]
            body = piece.rstrip()
            # Marks cover words, not the space after them.
            yield Fragment(body, mark + kinds)
            if len(body) < len(piece):
                yield Fragment(piece[len(body):])


def heatmap(result: Comparison, laid_out: list[Row]) -> dict[str, Any]:
    """The similarity of the counted sentences (set-aside text left out), pooled to at most
    HEATMAP_MAX_CELLS a side, with each row's and column's sentence numbers, first words and
    click targets."""
    rows_a, rows_b = [s.index for s in result.a.counted], [s.index for s in result.b.counted]
    matrix = result.similarity()[np.ix_(rows_a, rows_b)] if rows_a and rows_b else np.zeros((0, 0))
    block_a = max(1, -(-matrix.shape[0] // HEATMAP_MAX_CELLS))
    block_b = max(1, -(-matrix.shape[1] // HEATMAP_MAX_CELLS))
    pooled = _max_pool(matrix, block_a, block_b)
    row_of_a = {i: row.id for row in laid_out if row.a for i in row.a.indexes}
    row_of_b = {j: row.id for row in laid_out if row.b for j in row.b.indexes}
    return {
        "values": np.round(pooled, 2).tolist(), "block": [block_a, block_b],
        "a": [_first_words(result.a.sentences[i].text) for i in rows_a], "b": [_first_words(result.b.sentences[j].text) for j in rows_b],
        "a_index": rows_a, "b_index": rows_b, "row_of_a": row_of_a, "row_of_b": row_of_b,
    }


def _first_words(text: str, words: int = 6) -> str:
    """A sentence's first words, for a hover or a list."""
    first = text.split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def _max_pool(matrix: np.ndarray, block_a: int, block_b: int) -> np.ndarray:
    if matrix.size == 0:
        return matrix
    rows_, cols = -(-matrix.shape[0] // block_a), -(-matrix.shape[1] // block_b)
    padded = np.zeros((rows_ * block_a, cols * block_b), dtype=matrix.dtype)
    padded[:matrix.shape[0], :matrix.shape[1]] = matrix
    return padded.reshape(rows_, block_a, cols, block_b).max(axis=(1, 3))


@dataclass(frozen=True)
class Match:
    id: str
    a: tuple[int, ...]
    b: tuple[int, ...]
    pair: Pair
    excerpt: str  # the first words of A's first sentence, for the match list


@dataclass(frozen=True)
class WrittenSentence:
    index: int
    text: str
    set_aside: str | None
    matches: tuple[str, ...]  # ids of the matches it is in (a sentence may feed several)
    edit_class: str | None  # of its first match
    fragments: tuple[Fragment, ...] = ()  # its text, look-alike words marked


def as_written(result: Comparison) -> dict[str, Any]:
    """Both texts in their own order and paragraphs, each sentence with its matches: the
    second reading view."""
    ordered = sorted((*result.pairs, *result.related), key=lambda p: (p.a, p.b))
    matches = [Match(f"m{k}", p.a, p.b, p, _first_words(result.a.sentences[p.a[0]].text, 8)) for k, p in enumerate(ordered)]
    return {"matches": matches, "a": _written(result.a, matches, "a"), "b": _written(result.b, matches, "b")}


def _written(document: Document, matches: list[Match], side: str) -> list[list[WrittenSentence]]:
    found: dict[int, list[Match]] = {}
    for match in matches:
        for i in getattr(match, side):
            found.setdefault(i, []).append(match)
    sentences = [WrittenSentence(s.index, s.text, s.set_aside, tuple(m.id for m in found.get(s.index, ())),
                                 found[s.index][0].pair.edit_class if s.index in found else None,
                                 _plain_cell(document, s.index).fragments)
                 for s in document.sentences]
    return paragraphs(document, sentences)


def paragraphs(document: Document, items: Sequence[T]) -> list[list[T]]:
    """``items``, one per sentence of ``document``, grouped by the paragraphs the engine
    read it in (``segment.lines``: blank lines, a line a paragraph, hard-wrapped lines
    joined); a sentence never crosses one."""
    starts = [start for start, _ in lines(document.reading or document.text)]
    grouped: dict[int, list[T]] = {}
    for sentence, item in zip(document.sentences, items):
        grouped.setdefault(bisect_right(starts, sentence.start), []).append(item)
    return list(grouped.values())
