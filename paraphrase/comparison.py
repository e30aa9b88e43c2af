"""The result of comparing two documents, and its JSON form (schema below)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

from .diff import Opcode
from .document import Document
from .score import ChangedFact
from .tokens import Fact
from .verdict import Shares, Summary

if TYPE_CHECKING:
    import numpy as np

SCHEMA = "paraphrase.comparison/1"
Changes = tuple[tuple[Opcode, ...], tuple[ChangedFact, ...]]  # a pair's word diff and changed facts


@dataclass(frozen=True)
class Pair:
    """Sentences of A and of B that say the same thing (or, when related, share details), and how they differ."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    distance: float
    edit_class: str
    moved: bool  # out of order relative to the other aligned pairs
    # Works out how the sentences differ, when first read (``diff``, ``changed_facts``):
    # the check, the scan and the evaluation read only which sentences align.
    changes: Callable[[], Changes] = field(repr=False, compare=False)
    context: bool = False  # counted only as the context of reuse other pairs show (evidence.py)
    # How far apart the two sides' words are in order (score.order_distance), which tells a
    # light edit from a paraphrase; None for a translation.
    order_distance: float | None = None
    # The lexical distance, whatever the scorer (``distance`` is the scorer's), which tells
    # a near-verbatim copy: a class says how the words differ; None for a translation.
    word_distance: float | None = None
    # Why a counted pair counts (a kind of evidence.EVIDENCE; None for a pair shown, not
    # counted), and whether that is evidence of reuse on its own (the verdict counts these).
    evidence: str | None = None
    firm: bool = False

    @cached_property
    def _changes(self) -> Changes:
        return self.changes()

    @property
    def diff(self) -> tuple[Opcode, ...]:
        """Word-level opcodes from A's sentences to B's (``diff.py``)."""
        return self._changes[0]

    @property
    def changed_facts(self) -> tuple[ChangedFact, ...]:
        """Numbers, names and dates one side changed, dropped or added (``score.py``)."""
        return self._changes[1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": list(self.a), "b": list(self.b), "distance": round(self.distance, 4),
            "word_distance": None if self.word_distance is None else round(self.word_distance, 4),
            "order_distance": None if self.order_distance is None else round(self.order_distance, 4),
            "class": self.edit_class, "moved": self.moved, "context": self.context,
            "evidence": self.evidence, "firm": self.firm,
            "diff": [list(op) for op in self.diff],
            "changed_facts": [_fact_pair(c) for c in self.changed_facts],
        }


@dataclass(frozen=True)
class Comparison:
    a: Document
    b: Document
    pairs: tuple[Pair, ...]  # aligned: what the shares and the verdict count
    summary: Summary
    # Unaligned sentences of A and B that share some details (class "related"): shown,
    # never counted as reuse; their sentences stay in ``unaligned_a``/``unaligned_b``.
    related: tuple[Pair, ...] = ()
    scorer: str = "lexical"  # what scored the pairs (paraphrase/scorers.py)

    @property
    def unaligned_a(self) -> list[int]:
        """Counted sentences of A with no partner in B: A's new material."""
        return _unaligned(self.a, {i for p in self.pairs for i in p.a})

    @property
    def unaligned_b(self) -> list[int]:
        return _unaligned(self.b, {j for p in self.pairs for j in p.b})

    def own_evidence(self) -> tuple[float, float, int]:
        """What decided between reuse and independence: the shares of A's and B's counted
        sentences in pairs that count without their context, and how many such pairs
        (the calibration fits the verdict's thresholds on these)."""
        own = [p for p in self.pairs if not p.context]
        aligned = len({i for p in own for i in p.a}), len({j for p in own for j in p.b})
        return (*Shares((self.summary.a_counted, self.summary.b_counted), aligned).reused, len(own))

    def similarity(self) -> "np.ndarray":
        """Content overlap of every sentence of A (rows) with every sentence of B (columns).

        A rewording shows as a bright diagonal; reordered passages as bright cells off it.
        """
        from .align import overlap_matrix

        return overlap_matrix(self.a, self.b)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form, versioned by its ``schema`` field."""
        return {
            "schema": SCHEMA,
            "scorer": self.scorer,
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "pairs": [p.to_dict() for p in self.pairs],
            "unaligned": {"a": self.unaligned_a, "b": self.unaligned_b},
            "related": [p.to_dict() for p in self.related],
            "summary": self.summary.to_dict(),
        }


def _unaligned(document: Document, aligned: set[int]) -> list[int]:
    return [s.index for s in document.sentences if s.counts and s.index not in aligned]


def _fact_pair(change: ChangedFact) -> dict[str, Any]:
    return {"kind": change.kind, "a": _fact(change.a), "b": _fact(change.b)}


def _fact(fact: Fact | None) -> dict[str, Any] | None:
    return None if fact is None else {"text": fact.text, "start": fact.start, "end": fact.end}
