"""The document verdict: how much of each text reappears in the other, and which is derived.

Shares count sentences that are article text (set-aside boilerplate and repeats do not
count), by number and by length. Whether one text is mostly made of the other (a
rewording) is read by length: a share of sentences undercounts a text whose reused
sentences are long and whose own are short (headings, captions, list items); on PAN-13's
gold passages, the share of length decides "most of a text" right far more often (README,
"Verdict"). Which text is derived is read from the texts, which carry no reliable dates:
a text mostly made of the other's sentences, the other not mostly made of it, is derived
from it, by the shares. Otherwise the shares do not tell: when each text is mostly made of
the other's, a rewrite may add a lede or cut its source; when they share passages, the
shares say which text is shorter (a passage set into a longer text is a larger share of
its source). Then the derived text is the one whose aligned sentences left out more of
the other's names and numbers (``Shares.specifics``): a rewrite condenses its source's
specifics more often than it adds its own to the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence

from .evidence import EVIDENCE
from .options import Options
from .reading import LOOK_ALIKE_LETTERS
from .score import EDIT_CLASSES, IDENTICAL, QUOTATION, RELATED, TRANSLATION

REWORDING, PARTIAL, INDEPENDENT = "rewording", "partial", "independent"
A_FROM_B, B_FROM_A = "a_from_b", "b_from_a"


@dataclass(frozen=True)
class Shares:
    """What the verdict reads, per side (A, B)."""

    counted: tuple[int, int]  # sentences that are article text
    aligned: tuple[int, int]  # of those, sentences in aligned pairs
    content: tuple[float, float] = (0.0, 0.0)  # share of informative words derived (evidence.py)
    firm: int = 0  # aligned pairs that are evidence of reuse on their own (evidence.is_firm)
    text: tuple[float, float] | None = None  # share of the counted text's length aligned (default: by sentences)
    # Names and numbers of each side's aligned sentences that the other side lacks, weighed
    # by informativeness (evidence.dropped_specifics): the source holds what its rewording dropped.
    specifics: tuple[float, float] = (0.0, 0.0)

    @property
    def reused(self) -> tuple[float, float]:
        """The share of each side's counted sentences that are aligned."""
        a, b = (n / total if total else 0.0 for n, total in zip(self.aligned, self.counted))
        return a, b

    @property
    def length(self) -> tuple[float, float]:
        """The share of each side's counted text, by length, that is aligned."""
        return self.text if self.text is not None else self.reused


@dataclass(frozen=True)
class Summary:
    verdict: str
    direction: str | None  # A_FROM_B, B_FROM_A, or None when the texts do not say (_direction)
    a_reused: float  # share of A's counted sentences that reappear in B
    b_reused: float
    a_counted: int
    b_counted: int
    a_aligned: int
    b_aligned: int
    classes: dict[str, int]  # aligned pairs per edit class
    message: str
    related: int = 0  # related pairs: sentences sharing some details, not counted
    quotations: int = 0  # pairs alike only in quoted words, not counted
    a_content: float = 0.0  # share of A's informative words derived from B
    b_content: float = 0.0
    headline: str = ""  # the verdict in a few words: "000 is a rewording of 001"
    details: str = ""  # the shares and pairs behind it; message = headline + ". " + details
    identical: bool = False  # every counted sentence of both in an identical pair
    firm: int = 0  # aligned pairs that are evidence of reuse on their own
    a_text: float = 0.0  # share of A's counted text, by length, that reappears in B: what "rewording" reads
    b_text: float = 0.0
    # Words of each text written with look-alike letters of another script (reading.py): read
    # as the Latin letters, so a copy disguised that way is still found, and told.
    look_alikes: tuple[int, int] = (0, 0)
    evidence: dict[str, int] = field(default_factory=dict)  # counted pairs per kind of evidence.EVIDENCE

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict, "direction": self.direction,
            "a_reused": round(self.a_reused, 4), "b_reused": round(self.b_reused, 4),
            "a_sentences": self.a_counted, "b_sentences": self.b_counted,
            "a_aligned": self.a_aligned, "b_aligned": self.b_aligned,
            "a_content_reused": round(self.a_content, 4), "b_content_reused": round(self.b_content, 4),
            "a_text_reused": round(self.a_text, 4), "b_text_reused": round(self.b_text, 4),
            "classes": dict(self.classes), "evidence": dict(self.evidence), "firm_pairs": self.firm, "related": self.related, "quotations": self.quotations,
            "identical": self.identical, "a_look_alikes": self.look_alikes[0], "b_look_alikes": self.look_alikes[1],
            "headline": self.headline, "details": self.details, "message": self.message,
        }


def summarize(
    names: tuple[str, str], shares: Shares, pair_classes: Sequence[str], options: Options,
    shown_classes: Sequence[str] = (), pair_evidence: Sequence[str] = (),
) -> Summary:
    """The verdict for the given shares and aligned pairs' classes (pairs shown but not
    counted, of ``shown_classes``, are mentioned in the message) and kinds of evidence."""
    a_share, b_share = shares.reused
    verdict = decide(a_share, b_share, len(pair_classes), options, shares.firm, shares.length)
    direction = _direction(shares, options, verdict) if verdict != INDEPENDENT else None
    classes = _tally(pair_classes, EDIT_CLASSES)
    identical = a_share == b_share == 1.0 and set(pair_classes) == {IDENTICAL}
    summary = Summary(verdict, direction, a_share, b_share, *shares.counted, *shares.aligned, classes, "",
                      list(shown_classes).count(RELATED), list(shown_classes).count(QUOTATION), *shares.content,
                      identical=identical, firm=shares.firm, a_text=shares.length[0], b_text=shares.length[1],
                      evidence=_tally(pair_evidence, EVIDENCE))
    return _with_message(summary, names, options)


def _tally(values: Sequence[str], vocabulary: Iterable[str]) -> dict[str, int]:
    """How many of ``values`` are each word of ``vocabulary``, in its order, those found only."""
    counts = {word: list(values).count(word) for word in vocabulary}
    return {word: n for word, n in counts.items() if n}


def decide(a_share: float, b_share: float, pairs: int, options: Options, firm: int = 0,
           length: tuple[float, float] | None = None) -> str:
    """The verdict for the given shares of each text's sentences reused, number of aligned
    pairs, number of them that are firm evidence on their own, and shares of each text's
    length reused (by default, the sentence shares).

    Whether there is reuse at all is read on sentences: ``min_firm_pairs`` firm pairs (two,
    as shipped: one is what independent reports of one event share now and then) show
    it; pairs whose evidence is weaker (one shared phrase, shared information, a run)
    must be ``min_partial_pairs`` or cover ``partial_share`` (or
    ``rewording_share``) of a text's sentences: one such pair is what two writers on one
    topic produce now and then, and never enough alone, whatever it covers (three
    sentences read as one, restating the names, ages and numbers of one of the other's,
    cover half of a short text).
    Its degree is read on length: a rewording when ``rewording_share`` or more of one
    text's length reappears in the other, else partial.
    """
    share = max(a_share, b_share)
    if pairs < 2 and not firm:
        return INDEPENDENT
    if share < options.partial_share and share < options.rewording_share and pairs < options.min_partial_pairs \
            and firm < options.min_firm_pairs:
        return INDEPENDENT
    return REWORDING if max(length or (a_share, b_share)) >= options.rewording_share else PARTIAL


def _direction(shares: Shares, options: Options, verdict: str) -> str | None:
    if _by_specifics(verdict, shares.length, options):
        # The derived text is the one that dropped more of the other's specifics; less than
        # one word's weight (1) apart, neither.
        only_a, only_b = shares.specifics  # what each side gives and the other left out
        if abs(only_a - only_b) < 1.0:
            return None
        return A_FROM_B if only_a < only_b else B_FROM_A
    a_share, b_share = shares.reused
    if abs(a_share - b_share) < 0.02:
        return None
    return A_FROM_B if a_share > b_share else B_FROM_A


def _by_specifics(verdict: str, length: tuple[float, float], options: Options) -> bool:
    """Whether the direction is read from the specifics each side left out, not the shares:
    for passages shared, and for texts each mostly made of the other."""
    return verdict == PARTIAL or _each_mostly_the_other(length, options)


def across_languages(s: Summary, names: tuple[str, str], codes: tuple[str, str]) -> Summary:
    """The summary of two texts in different languages, saying what such a comparison can see."""
    from .languages import language

    a, b = (f"{name} ({language(code).name})" for name, code in zip(names, codes))
    details = f"{s.details}. {a} and {b} are in different languages: only words both share (names, numbers) are compared; a translation is not detected"
    return replace(s, details=details, message=f"{s.headline}. {details}")


def with_look_alikes(s: Summary, names: tuple[str, str], counts: tuple[int, int]) -> Summary:
    """The summary saying which text spells words with look-alike letters of another script:
    a way to hide copying from matching, which the engine reads through."""
    if not any(counts):
        return s
    told = " and ".join(f"{name} writes {n} {'word' if n == 1 else 'words'}" for name, n in zip(names, counts) if n)
    details = f"{s.details}. {told} with {LOOK_ALIKE_LETTERS} (a way to hide copying); they are read as the Latin letters"
    return replace(s, look_alikes=counts, details=details, message=f"{s.headline}. {details}")


def names_derived(s: Summary, options: Options) -> bool:
    """Whether the headline names which text is the rewording ("B is a rewording of A"):
    only when each text is mostly made of the other and the direction says which is derived."""
    return s.verdict == REWORDING and not s.identical and s.direction is not None and _mutual(s, options)


def _mutual(s: Summary, options: Options) -> bool:
    return _each_mostly_the_other((s.a_text, s.b_text), options)


def _each_mostly_the_other(length: tuple[float, float], options: Options) -> bool:
    """Whether most of each text's length is in the other: the direction reads the
    specifics then, and the headline names the rewording."""
    return min(length) >= options.rewording_share


def _with_message(s: Summary, names: tuple[str, str], options: Options) -> Summary:
    specifics = _by_specifics(s.verdict, (s.a_text, s.b_text), options)
    headline, details = _headline(s, names, options), _details(s, names, _mutual(s, options), specifics,
                                                               options.min_firm_pairs)
    return replace(s, headline=headline, details=details, message=f"{headline}. {details}")


def _headline(s: Summary, names: tuple[str, str], options: Options) -> str:
    a, b = names
    if s.identical:
        return f"{a} and {b} are the same text"
    if s.verdict == INDEPENDENT:
        return f"{a} and {b} are independent"
    if s.verdict == PARTIAL:
        # Partial reuse: the shares say how much is shared, not who took it from whom.
        return f"{a} and {b} share passages"
    kind = "translation" if set(s.classes) == {TRANSLATION} else "rewording"  # across languages
    if s.direction is None:
        return f"{a} and {b} are {kind}s of each other"
    derived, source = (a, b) if s.direction == A_FROM_B else (b, a)
    if names_derived(s, options):
        return f"{derived} is a {kind} of {source}"
    # Most of one text inside a longer one: cut down from it, or the other built up from it
    # (GPL-2 inside GPL-3); the shares cannot tell which.
    share = s.a_text if s.direction == A_FROM_B else s.b_text
    return f"{'All' if round(share, 2) == 1.0 else 'Most'} of {derived} reappears in {source}"


def _details(s: Summary, names: tuple[str, str], mutual: bool, by_specifics: bool, needed: int) -> str:
    a, b = names
    if s.identical:
        return f"Each of the {s.a_counted} sentences of each is in the other, word for word"
    if s.verdict == INDEPENDENT:
        empty = [name for name, counted in ((a, s.a_counted), (b, s.b_counted)) if not counted]
        if empty:  # all furniture: nothing of it to compare
            return f"{' and '.join(empty)} {'has' if len(empty) == 1 else 'have'} no article text: every sentence is set aside"
        # By length first, as the gauges show it, then by sentences.
        text = (f"{s.a_text:.0%} of {a}'s text ({s.a_reused:.0%} of its sentences) and {s.b_text:.0%} of {b}'s "
                f"({s.b_reused:.0%} of its sentences) reappear in the other")
        if s.classes:  # pairs with some evidence, but neither firm nor enough of them
            n = sum(s.classes.values())
            text += f"; {n} aligned {'pair' if n == 1 else 'pairs'} with too little evidence of reuse ({_firm(s, needed)})"
        return text + _shown(s)
    first, second = ((a, s.a_text, s.a_reused, s.a_content, b), (b, s.b_text, s.b_reused, s.b_content, a))
    if s.direction == B_FROM_A:  # the derived text first
        first, second = second, first
    # "Comes from" only when each text is mostly the other's: else the shares say where
    # the text is found, and which way it went by the specifics left out or "by the shares".
    text = _reused(*first, "comes from" if mutual else "reappears in") + "; " + _reused(*second, "reappears in")
    if s.direction is not None and by_specifics:
        text += f"; {first[0]} leaves out more of {first[-1]}'s names and numbers than the reverse"
    elif s.direction is not None:
        text += f"; by the shares, {first[0]} looks drawn from {first[-1]}"
        if s.verdict == REWORDING:  # most of it in a longer text, which may have grown from it
            text += f", or {first[-1]} built up from it"
    if s.classes:
        text += ". Pairs: " + ", ".join(f"{n} {c}" for c, n in s.classes.items())
    return text + _shown(s)


def _reused(name: str, length: float, sentences: float, words: float, other: str, verb: str) -> str:
    return (f"{length:.0%} of {name}'s text ({sentences:.0%} of its sentences, {words:.0%} of its "
            f"informative words) {verb} {other}")


def _firm(s: Summary, needed: int) -> str:
    """How many of an independent verdict's pairs were firm, against the ``needed``, and what firm is."""
    if set(s.classes) == {TRANSLATION}:  # firm by meaning (translation.firm)
        return f"{s.firm or 'none'} firm of the {needed} needed: as close in meaning as a translation"
    if not s.firm:  # then no pair was beside a firm one either
        return "none firm: in close wording or sharing two phrases"
    return (f"{s.firm} firm of the {needed} needed: in close wording or sharing two phrases, "
            "or right beside such a pair in both texts")


def _shown(s: Summary) -> str:
    shown = [f"{s.quotations} sharing only a quotation" if s.quotations else "",
             f"{s.related} related (sharing some details)" if s.related else ""]
    return ". Shown, not counted: " + " and ".join(filter(None, shown)) if any(shown) else ""
