"""Paraphrase distance, edit class and changed facts of an aligned pair.

The distance blends two similarities, each in [0, 1]:

* content overlap: Dice coefficient of content-word stems, numbers and names counted
  ``fact_weight`` times. It survives reordering and most rewording;
* word sequence: the Indel (LCS-based) similarity of the full word sequences, which
  tells a verbatim copy from the same facts rewritten.

0 means the same words in the same order after normalisation; 1 means nothing shared.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Iterable, Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .alphabet import Alphabet
from .diff import Opcode
from .options import DEFAULT_OPTIONS, Options
from .places import same_place
from .scorers import scorer_for
from .tokens import Fact, Features, concatenated, features, stopwords

# What may stand between two words of one name: "Jabhat al-Nusra", "Bashar Assad".
_NAME_LINK = re.compile(r"[\s\-]{1,2}(?:(?:al|el|bin|ibn|de|del|da|van|von|der|la|le)[\s\-])?")
# ...and between two numbers of one figure: a vote "7 to 2", a score "3-1", "4 of 10".
_NUMBER_LINK = re.compile(r"\s?[-–—]\s?|\s(?:to|of|out of|in)\s")
_LINKS = {"name": _NAME_LINK, "number": _NUMBER_LINK, "date": _NAME_LINK}

# A replaced run this short is one fact standing in for another; a longer one is a rewrite.
SWAP_MAX_WORDS = 4

IDENTICAL, NEAR_VERBATIM, LIGHT_EDIT, PARAPHRASE = "identical", "near-verbatim", "light edit", "paraphrase"
# A sentence of a text in another language, the same in meaning (translation.py); its
# distance is 1 - cosine in the multilingual embedding, not the words' distance.
TRANSLATION = "translation"
EDIT_CLASSES = (IDENTICAL, NEAR_VERBATIM, LIGHT_EDIT, PARAPHRASE, TRANSLATION)
# Not edit classes: pairs shown to an editor but never counted as reuse. A "same
# quotation" pair is alike only in words inside quotation marks; a "related" pair shares
# some details (a fact retold) without evidence that one was written from the other
# (see align.py and evidence.py).
QUOTATION, RELATED = "same quotation", "related"
SHOWN_NOT_COUNTED = (QUOTATION, RELATED)
PAIR_CLASSES = EDIT_CLASSES + SHOWN_NOT_COUNTED


@dataclass(frozen=True)
class ChangedFact:
    """A number or name on one side of a pair with no counterpart on the other."""

    kind: str
    a: Fact | None
    b: Fact | None


def distance(s1: str, s2: str, *, options: Options | None = None) -> float:
    """Paraphrase distance of two sentences by the options' scorer: 0 identical, 1 unrelated.

    >>> distance("The army lost dozens of soldiers.", "The army lost dozens of soldiers!")
    0.0
    >>> distance("Russia intervened in 2015.", "The weather was mild.")
    1.0
    """
    options = options or DEFAULT_OPTIONS
    lexical = feature_distance(features(s1), features(s2), options, Alphabet())
    return float(scorer_for(options).rescore([((s1,), (s2,))], np.array([lexical]), options, every_pair=True)[0])


def feature_distance(a: Features, b: Features, options: Options, alphabet: Alphabet) -> float:
    """Distance of two sentences already turned into features."""
    # Facts found on either side weigh on both, so that weighting never depends on
    # which side happened to capitalise a name.
    facts = fact_keys(a) | fact_keys(b)
    weight = options.fact_weight
    overlap = Indel.normalized_similarity(content_bag(a, alphabet, weight, facts), content_bag(b, alphabet, weight, facts))
    sequence = Indel.normalized_similarity(alphabet.encode(a.words), alphabet.encode(b.words))
    share = options.content_weight
    return share * (1.0 - overlap) + (1.0 - share) * (1.0 - sequence)


def group_distances(
    groups: Sequence[tuple[Sequence[Features], Sequence[Features]]], options: Options, alphabet: Alphabet,
    joined: JoinedCodes | None = None,
) -> np.ndarray:
    """``feature_distance`` of many pairs at once, each side one or more consecutive
    sentences read as one (``concatenated``).

    The candidate search scores hundreds of pairs per comparison; here each side's codes
    are joined once (``joined``: pass one to share it between calls) and rapidfuzz scores
    every pair in two vectorised calls, with the same result as one ``feature_distance``
    per pair.
    """
    if not groups:
        return np.zeros(0)
    if round(options.fact_weight) != 1:  # the bags then depend on both sides' facts
        return np.array([feature_distance(_read_as_one(x), _read_as_one(y), options, alphabet) for x, y in groups])
    joined = joined or JoinedCodes(alphabet)
    (bags_a, words_a), (bags_b, words_b) = (zip(*map(joined, side)) for side in zip(*groups))
    overlap = process.cpdist(bags_a, bags_b, scorer=Indel.normalized_similarity, dtype=np.float64)
    sequence = process.cpdist(words_a, words_b, scorer=Indel.normalized_similarity, dtype=np.float64)
    share = options.content_weight
    return share * (1.0 - overlap) + (1.0 - share) * (1.0 - sequence)


class JoinedCodes:
    """The bag and word codes of sentence groups read as one, each group joined once: a
    sentence is the side of several candidates, and its neighbours' joined groups too."""

    def __init__(self, alphabet: Alphabet) -> None:
        self._alphabet = alphabet
        self._codes: dict[tuple[int, ...], tuple[str, str]] = {}

    def __call__(self, parts: Sequence[Features]) -> tuple[str, str]:
        key = tuple(map(id, parts))  # the documents hold their sentences' features throughout
        codes = self._codes.get(key)
        if codes is None:
            codes = self._codes[key] = (_joined_bag(parts, self._alphabet), _joined_words(parts, self._alphabet))
        return codes


def _read_as_one(parts: Sequence[Features]) -> Features:
    return parts[0] if len(parts) == 1 else concatenated(parts)


def _joined_bag(parts: Sequence[Features], alphabet: Alphabet) -> str:
    # A bag is sorted codes: the bag of several sentences is their bags' codes, re-sorted.
    if len(parts) == 1:
        return alphabet.bag(parts[0].content)
    return "".join(sorted("".join(alphabet.bag(p.content) for p in parts)))


def _joined_words(parts: Sequence[Features], alphabet: Alphabet) -> str:
    return "".join(alphabet.encode(p.words) for p in parts)


def fact_keys(f: Features) -> set[str]:
    return {fact.key for fact in f.facts}


def content_bag(f: Features, alphabet: Alphabet, fact_weight: float, facts: set[str] | None = None) -> str:
    """Content stems, those in ``facts`` (default: the sentence's own) counted ``fact_weight`` times."""
    extra = round(fact_weight) - 1
    if not extra:
        return alphabet.bag(f.content)
    facts = fact_keys(f) if facts is None else facts
    return alphabet.bag((*f.content, *(word for word in f.content if word in facts for _ in range(extra))))


def edit_class(d: float, order: float, options: Options = DEFAULT_OPTIONS) -> str:
    """The edit class an editor reads for a pair at lexical distance ``d`` whose words, in
    order, are ``order`` apart (``order_distance``): beyond near-verbatim, a pair that keeps
    its source's words in order is a light edit, one retold in new words or a new order a
    paraphrase."""
    if d == 0.0:
        return IDENTICAL
    if d <= options.near_verbatim_max:
        return NEAR_VERBATIM
    if order <= options.light_edit_order_max:
        return LIGHT_EDIT
    return PARAPHRASE


def order_distance(a: Features, b: Features, alphabet: Alphabet) -> float:
    """How far apart two sentences' words are in order, every word counted (the
    distance's word-sequence part): 0 the same words in the same order, 1 none shared."""
    return 1.0 - Indel.normalized_similarity(alphabet.encode(a.words), alphabet.encode(b.words))


def changed_facts(
    a: Features, b: Features, text_a: str, text_b: str, diff: Sequence[Opcode] = ()
) -> tuple[ChangedFact, ...]:
    """Numbers and names present on one side only.

    A fact on one side is paired with one on the other ("1,000 fighters" → "600
    militants") when both sit in the same short ``replace`` region of the word diff,
    where one stands in for the other, or when both follow the same word or count the
    same unit ("voted 7 to 2" → "voted 6 to 3", "$2.3 million" → "$3.2 million");
    otherwise each is reported alone. ``text_a`` and ``text_b`` are the documents the
    offsets point into; adjacent missing names ("Jabhat al-Nusra") and linked numbers
    ("7 to 2") are reported as one.
    """
    changed: list[ChangedFact] = []
    for kind in ("number", "name", "date"):
        only_a = _joined(_missing(a.facts, b, kind, text_a), text_a)
        only_b = _joined(_missing(b.facts, a, kind, text_b), text_b)
        swaps = [op for op in diff if op[0] == "replace" and _short(text_a[op[1]:op[2]]) and _short(text_b[op[3]:op[4]])]
        changed += _paired(kind, only_a, only_b, swaps, (a, b))
    changed = [c for c in changed if not _one_place(c, (a, b), (text_a, text_b))]
    changed = [_day_of_date(c, (a, b), (text_a, text_b)) for c in changed]
    return tuple(sorted(changed, key=_reading_order))


def _day_of_date(change: ChangedFact, sides: tuple[Features, Features], texts: tuple[str, str]) -> ChangedFact:
    """A day or a year one side adds to (or drops from) a month both sides name is a
    change of the date, "June 2007" -> "29 June 2007": ``changed date: June → 29 June``
    ("in March 2023" / "in March last year": ``March 2023 → March``), not a number that
    stands alone."""
    if change.kind != "number" or (change.a is None) == (change.b is None):
        return change
    side = 0 if change.a is not None else 1
    day, text = change.a or change.b, texts[side]
    assert day is not None
    for month in (f for f in sides[side].facts if f.kind == "date"):
        start, end = min(day.start, month.start), max(day.end, month.end)
        between = text[day.end:month.start] if day.start < month.start else text[month.end:day.start]
        other = next((f for f in sides[1 - side].facts if f.kind == "date" and f.key == month.key), None)
        if other is not None and between in ("", " "):  # beside it: "29 June", "June 29", "March 2023"
            dated = Fact("date", f"{day.key} {month.key}", text[start:end], start, end)
            return ChangedFact("date", dated, other) if side == 0 else ChangedFact("date", other, dated)
    return change


def _one_place(change: ChangedFact, sides: tuple[Features, Features], texts: tuple[str, str]) -> bool:
    """A country named another way in English copy (``places``): "Russia" -> "Moscow", or
    "Kyiv" on one side where the other sentence says "Ukrainian"."""
    if change.kind != "name" or any(f.language != "en" for f in sides):
        return False
    if change.a is not None and change.b is not None:
        return same_place(change.a.key, change.b.key)
    for fact, other in ((change.a, 1), (change.b, 0)):  # the one side that has it
        if fact is not None:
            names = [f for f in sides[other].facts if f.kind == "name"]
            return any(same_place(fact.key, f.key) for f in (*names, *_joined(names, texts[other])))
    return False


def _paired(kind: str, only_a: list[Fact], only_b: list[Fact], replaced: list[Opcode],
            sides: tuple[Features, Features]) -> list[ChangedFact]:
    pairs: list[ChangedFact] = []
    for op in replaced:
        in_a = [f for f in only_a if op[1] <= f.start < op[2]]
        in_b = [f for f in only_b if op[3] <= f.start < op[4]]
        pairs += _take(kind, zip(in_a, in_b), only_a, only_b)
    context_a = {f: _context(f, sides[0]) for f in only_a}
    context_b = {f: _context(f, sides[1]) for f in only_b}
    same_context = [(fa, fb) for fa in only_a for fb in only_b if context_a[fa] & context_b[fb]]
    pairs += _take(kind, same_context, only_a, only_b)
    return pairs + [ChangedFact(kind, f, None) for f in only_a] + [ChangedFact(kind, None, f) for f in only_b]


def _take(kind: str, candidates: Iterable[tuple[Fact, Fact]], only_a: list[Fact], only_b: list[Fact]) -> list[ChangedFact]:
    # In order, each fact once.
    taken = []
    for fa, fb in candidates:
        if fa in only_a and fb in only_b:
            taken.append(ChangedFact(kind, fa, fb))
            only_a.remove(fa)
            only_b.remove(fb)
    return taken


def _context(fact: Fact, f: Features) -> set[str]:
    """The content word before a fact and the unit after it ("voted", "million")."""
    words = [t for t in f.tokens if t.kind != "punct"]
    before = [t.norm for t in words if t.end <= fact.start][-1:]
    after = [t.norm for t in words if fact.end - len(t.norm) <= t.start < fact.end and t.kind == "word"][-1:]
    return {w for w in (*before, *after) if w not in stopwords(f.language)}


def _short(text: str) -> bool:
    return len(text.split()) <= SWAP_MAX_WORDS


def _reading_order(change: ChangedFact) -> tuple[int, int]:
    return (change.a.start if change.a else 1 << 62, change.b.start if change.b else 1 << 62)


def _missing(facts: tuple[Fact, ...], other: Features, kind: str, text: str) -> list[Fact]:
    # A name counts as present when its stem is among the other side's content words:
    # "Syrian" in one and "syrian" in the other is not a changed fact. And a name written
    # longer or shorter on the other side ("Jabhat al-Nusra" / "al-Nusra", "Bashar Assad"
    # / "Assad") is the same name: a part present makes the whole present.
    if kind == "number":
        return _missing_numbers([f for f in facts if f.kind == kind], other)
    present = {f.key for f in other.facts} | set(other.content)
    missing = []
    for whole in _runs_of(kind, [f for f in facts if f.kind == kind], text):
        if not any(f.key in present for f in whole):
            missing += whole
    return missing


def _missing_numbers(numbers: list[Fact], other: Features) -> list[Fact]:
    """The numbers the other side holds fewer times: "jailed for six years ... on the A6"
    against "seven years ... on the A6" misses one 6, "six years", not the road's (a number
    written the same way on both sides is matched first)."""
    theirs = [f for f in other.facts if f.kind == "number"]
    present = ({f.key for f in other.facts} | set(other.content)) - {f.key for f in theirs}  # not counted
    unmatched = [f for f in numbers if f.key not in present]
    for same_text in (True, False):
        for fact in list(unmatched):
            match = next((f for f in theirs if f.key == fact.key and (f.text == fact.text or not same_text)), None)
            if match is not None:
                theirs.remove(match)
                unmatched.remove(fact)
    return unmatched


def _runs_of(kind: str, facts: list[Fact], text: str) -> list[list[Fact]]:
    """The facts in runs of one name (or one linked figure), as ``_joined`` would join them."""
    runs: list[list[Fact]] = []
    for fact in facts:
        if runs and _LINKS[kind].fullmatch(text[runs[-1][-1].end:fact.start]):
            runs[-1].append(fact)
        else:
            runs.append([fact])
    return runs


def _joined(facts: list[Fact], text: str) -> list[Fact]:
    joined: list[Fact] = []
    for fact in facts:
        previous = joined[-1] if joined else None
        if previous and _LINKS[fact.kind].fullmatch(text[previous.end:fact.start]):
            fact = Fact(fact.kind, f"{previous.key} {fact.key}", text[previous.start:fact.end], previous.start, fact.end)
            joined.pop()
        joined.append(fact)
    return joined


def numbers_in_order(changes: list[ChangedFact]) -> tuple[ChangedFact, ...]:
    """One-sided numbers of a translated pair, paired in reading order when both sides
    miss as many (a translation keeps its numbers in place: "2,3 millions" -> "3.2 million")."""
    only_a, only_b = [c.a for c in changes if c.b is None], [c.b for c in changes if c.a is None]
    if len(only_a) != len(only_b) or len(only_a) + len(only_b) != len(changes):
        return tuple(changes)
    return tuple(ChangedFact("number", fa, fb) for fa, fb in zip(only_a, only_b))
