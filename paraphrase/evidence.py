"""Evidence that one sentence was written from another, not merely about the same thing.

Independent reports of one event share its names, numbers and places, and the words of
anyone they quote. What they do not share is the source's own phrasing. So an aligned
pair counts as reuse only when it carries one of:

* **close wording**: a distance within ``close_wording_max`` (words swapped, clauses kept);
* **a shared phrase**: a run of three words in the same order, outside quotation marks,
  holding at least one content word that is not a name or a number ("the halls of", no;
  "roaming the halls", yes; a word hyphen-joined to a name, "al" in "Tahrir-al-Sham", is
  part of the name), and not a term of the topic: a phrase that either text uses in two
  or more of its sentences ("the vector space model") is the topic's vocabulary, which
  every writer on it uses, not one writer's phrasing;
* **much shared information**: content words outside quotations whose informativeness
  (how rare each word is in general English, from the ``wordfreq`` tables) adds up to
  ``min_shared_information``: a summary or heavy rewrite keeps the source's rarer words.
  Names and numbers count only as far as the other shared words go: a sentence restating
  a victim's name, age, road and town is the event's facts, which every report carries.
  A word either text uses throughout (in half its sentences or more: "vector" in a text on
  the vector space model) is its topic's, which every writer on it uses: it does not count.

Some evidence is **firm**: close wording, or at least ``FIRM_PHRASES`` shared phrases, in a
pair within the alignment bound; and a pair with evidence of its own (not only a run)
right after or right before a firm pair in both texts: the source's passage carried
over, its order kept (independent reports of one hearing share the charge in one
sentence and a detail two sentences on; they rarely share the next sentence too). One
pair with only a phrase, shared information or a run is what two writers on one topic
produce now and then; the verdict asks for several such pairs, or for ``min_firm_pairs``
firm ones (two as shipped: independent reports of one event share a charge or a stock
phrase in one sentence now and then; ``verdict.py``).

**The source's phrasing kept in a compressed sentence**: a pair beyond the alignment bound
(only related: within ``related_max_distance``) counts when it shares ``FIRM_PHRASES``
phrases holding ``KEPT_WORDS`` or more words that are not names or numbers. A summary
sentence or a heavy rewrite drops much of its source sentence, and so is too far from it
to align, but keeps runs of its words. Such a pair is never firm on its own (only, as
any pair with evidence of its own, right after or before a firm one): its distance says
that much was changed, so on its own it does not make a text derived. Farther apart still, a
sentence left with no partner at all and a free sentence of the other text count the same
way when their shared phrases lie in ``KEPT_PLACES`` places apart in the sentence
(``kept_phrasing``): a summary sentence keeping two pieces of a long source sentence; PAN's
random obfuscation, which swaps most content words and keeps the frame of function words
around a few. One run of words alone is not enough so far apart: independent reports of
one event share stock runs ("have been killed in the fighting").

Beyond the pair itself, **the source's order carried over** is evidence: a pair with none
of the above (aligned, or only related: within ``related_max_distance``) counts when it
continues a run of pairs that count, next to one of them in both texts and in the same
order. A rewrite keeps its source's order sentence after sentence; independent writers on
one event rarely do, and a run never starts without a pair that counts on its own.

Around reuse already shown, **a passage's context** is evidence too: once the pairs with
evidence make the verdict reuse (partial or rewording), a related pair (aligned or only
related, with none of the above) counts when it lies within ``CONTEXT_WINDOW`` sentences
of a counted pair in both texts, in any order, and shares a word beyond names and numbers
(outside quotations): "Detroit is a city" beside "the Detroit River" shares only what any
two texts about Detroit share. A summary or a heavy rewrite reorders a
passage's sentences and reworks some beyond recognition; independent writers' related
sentences are no nearer to shared wording than anywhere else. A pair so counted is never
firm: context never makes a text derived on its own, and a text found independent keeps
its related pairs apart.

At **a passage's edge**, the same once reuse is shown: the sentence right after (or
before) a counted pair in both texts, in the same order, that no pair holds (not even as
related) counts when it shares a word beyond names and numbers and lies within
``EDGE_MAX_DISTANCE`` (``passage_edges``); each one found extends the passage in turn. A
rewrite reworks a passage's edges most; it keeps their place. Never firm either.

Once a passage shows where the reuse is, a **stray** is set apart (shown as related): a
counted pair, not firm, with no other counted pair within ``CONTEXT_WINDOW`` sentences of
it in A, the text checked. A derived passage is contiguous in the text that derives it
(its source's sentences may lie apart, as a summary's do); one sentence far from it that
shares a phrase or rare words is what two texts on one topic share now and then. When
every counted pair stands alone, none is set apart: the verdict's counts judge them.

A pair whose likeness rests on quoted words (without them it would not align, a related
pair would not be related, or only an attribution such as "Judge Peter Brown said:" is
left; a sentence wholly inside a quotation that runs over several) is a *same quotation* pair; it
never counts, whatever its context, and never continues a run. Other pairs without
evidence are *related*. Both are shown to an editor, and neither is counted as reuse but
a related pair in a run or in the context of reuse shown.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, wraps
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Sequence, TypeVar
from weakref import WeakKeyDictionary

from .align import Alignment, joined
from .alphabet import Alphabet
from .document import Document, same_text
from .frequency import frequency, zipf
from .group import Group
from .languages import LANGUAGES, language
from .options import Options
from .places import same_place
from .score import QUOTATION, RELATED, feature_distance
from .tokens import Features, Token

# wordfreq's Zipf scale: log10 of a word's frequency per billion words. A word's
# informativeness is how far it lies below this (at least 1): "the" (7.7) weighs 1,
# "court" (5.4) 2.6, "asbestos" (3.5) 4.5, a word wordfreq has never seen 8.
ZIPF_TOP = 8.0
# The label of a pair that counts as reuse; which edit class it is, is score.edit_class's.
COUNTED = "counted"
# Why a counted pair counts: the kinds of evidence above, each with the words an editor
# reads (the text report, the viewer; the JSON's "evidence" holds the kind). A pair names
# the first that applies, in this order: its own evidence before its place in a passage.
SAME_TEXT, CLOSE_WORDING, SHARED_PHRASES, RARE_WORDS = "same text", "close wording", "shared phrases", "rare words"
KEPT_PHRASING, SOURCE_ORDER, IN_PASSAGE, AT_EDGE = "kept phrasing", "source order", "reused passage", "passage edge"
BY_MEANING = "translation"  # a pair of sentences in two languages (translation.py)
EVIDENCE: Mapping[str, str] = MappingProxyType({
    SAME_TEXT: "the two texts are one text",
    CLOSE_WORDING: "close wording: a few words changed, the clauses kept",
    SHARED_PHRASES: "the source's phrases: three words in the same order, outside quotations",
    RARE_WORDS: "the source's rarer words, beyond the names and numbers every report of the event has",
    KEPT_PHRASING: "the source's phrases, kept in a sentence changed too much to align",
    SOURCE_ORDER: "little of its own, but it continues a run of reused sentences in the source's order",
    IN_PASSAGE: "little shared wording of its own; counted because it sits inside a passage the other pairs "
                "show was reused",
    AT_EDGE: "little shared wording of its own; counted because it sits at the edge of a passage the other "
             "pairs show was reused, in the same place in both texts",
    BY_MEANING: "the same meaning in another language",
})
PHRASE_WORDS = 3
Phrase = tuple[str, ...]
# The sentences of A and of B that each aligned group holds.
Links = Sequence[tuple[tuple[int, ...], tuple[int, ...]]]
# A pair continues a run when it starts at most this many sentences after (or ends this
# many before) a pair of the run, on both sides. On 750 PAN-13 pairs outside the quality
# gate (150 per subset), 219 of the 225 pairs counted only through a run lie inside a
# reused passage (97%, against 95% of the pairs with evidence of their own); a window of
# 2 finds 189 (4 outside), 5 finds 252 (11 outside).
RUN_WINDOW = 3
# A related pair counts in the context of reuse shown (``in_context``) within this many
# sentences of a counted pair, in A and in B (B, the source, read more widely: a summary
# draws one passage's sentences from a longer stretch of its source). On PAN-13's
# quality-gate sample, plagdet 0.856 either way and the summaries' own characters found
# 0.690 to 0.721 at precision 0.97; on 60 other pairs per subset 0.836 to 0.843 and 0.748
# to 0.767. A window of (3, 5) found 0.699 and 0.762; (6, 10) lost verbatim precision.
CONTEXT_WINDOW = (4, 8)
# The sentence right after (or before) a counted pair in both texts, in the same order,
# that no pair holds (not even as related), counts in the context of reuse up to this
# distance when it shares a word beyond names and numbers: a passage's edge, where a
# rewrite reworks most. Measured (benchmarks/HISTORY.md, 2026-12-07, thirteenth session).
EDGE_MAX_DISTANCE = 0.8
# Shared phrases that make a pair firm evidence on its own. Texts written independently
# on one topic share one phrase now and then (a term used once: "vector space model"),
# two rarely. Measured on Clough & Stevenson's answer pairs and PAN-13 (README,
# "Verdict"), with the verdict's thresholds fitted for it.
FIRM_PHRASES = 2
# The phrases a pair beyond the alignment bound keeps must hold this many descriptive
# words between them: "for years, and the" gives two phrases around one word.
KEPT_WORDS = 2
# A pair beyond the related bound keeps the source's phrasing when its shared phrases lie
# in this many separate runs of words (``kept_phrasing``). Measured (benchmarks/HISTORY.md,
# 2026-12-07, fifteenth session): one run of five words or more as well found more of
# PAN-13's summaries, and paired a stock run in two independent seed articles.
KEPT_PLACES = 2
# A word a text uses in this share of its sentences or more is its topic's: shared
# information leaves it out. Measured (README, "Verdict"): at a half, one pair of Clough &
# Stevenson answers written independently ("vector", "document", "query" in every
# sentence of both) stops reading derived and nothing else moves; at a third, PAN-13's
# summaries lose 0.8 points of recall (a summary repeats its subject's words); any word
# in two sentences, 1.4 points and Clough four-class accuracy 1 point.
THROUGHOUT = 0.5

# The constants above, by name, for whatever reports how a comparison was made (the
# viewer's report lists them beside the calibrated Options). Fixed in a version, not options:
# each was measured with the others (the comments above). Read-only: a caller changing one
# here would change what the report says, not what the engine does.
EVIDENCE_CONSTANTS: Mapping[str, object] = MappingProxyType({
    "phrase_words": PHRASE_WORDS, "firm_phrases": FIRM_PHRASES, "kept_words": KEPT_WORDS, "kept_places": KEPT_PLACES,
    "run_window": RUN_WINDOW, "context_window": CONTEXT_WINDOW, "edge_max_distance": EDGE_MAX_DISTANCE,
    "throughout": THROUGHOUT, "zipf_top": ZIPF_TOP,
})


@dataclass(frozen=True)
class ContentWord:
    stem: str
    weight: float  # informativeness, 1 (common) to ZIPF_TOP (unseen)
    quoted: bool
    fact: bool  # a number or a proper name


def informativeness(word: str, code: str = "en") -> float:
    """How rare a normalised word is in general use of the language ``code``, 1 (common)
    to 8 (never seen).

    >>> informativeness("the") < informativeness("court") < informativeness("asbestos")
    True
    """
    return _informativeness(word, code)


@lru_cache(maxsize=200_000)
def _informativeness(word: str, code: str) -> float:
    if code not in LANGUAGES:
        return ZIPF_TOP / 2  # a language outside the table (Japanese needs MeCab): every word alike
    if language(code).characters:  # one character, looked up as is (wordfreq would segment it)
        share = frequency(word, code)
        return max(ZIPF_TOP - (math.log10(share * 1e9) if share else 0.0), 1.0)
    return max(ZIPF_TOP - zipf(word, code), 1.0)



def content_words(f: Features) -> list[ContentWord]:
    """The content words of a sentence with their weight, quotation and fact flags."""
    fact_starts = {fact.start for fact in f.facts}
    return [ContentWord(stem, informativeness(token.norm, f.language), quoted, token.start in fact_starts)
            for token, quoted, stem in _words(f) if stem is not None]


def informative_words(f: Features) -> tuple[tuple[str, float], ...]:
    """Stem and informativeness of each content word outside quotations."""
    return tuple((stem, informativeness(token.norm, f.language)) for token, quoted, stem in _words(f)
                 if stem is not None and not quoted)


def _words(f: Features) -> Iterable[tuple[Token, bool, str | None]]:
    # Words (not punctuation) with their quoted flag and content stem (None: function word).
    return zip(f.word_tokens, f.quoted or (False,) * len(f.word_tokens), f.stems)


@dataclass(frozen=True)
class Judgement:
    labels: dict[Group, str]  # every aligned and related group: COUNTED, QUOTATION or RELATED
    firm: frozenset[Group]  # the counted groups that are evidence of reuse on their own
    evidence: dict[Group, str]  # why each counted group counts: a kind of ``EVIDENCE``


def judge_alignment(a: Document, b: Document, alignment: Alignment, options: Options,
                    alphabet: Alphabet) -> Judgement:
    """The label of each aligned and related group: COUNTED when it counts as reuse (its
    edit class is ``score.edit_class``'s), else QUOTATION or RELATED; which counted groups
    are firm; and why each counts (a kind of ``EVIDENCE``).

    A group counts when it carries evidence of its own (``pair_evidence``; a related pair, the
    source's phrases: ``judge_related``, found beyond the related bound too:
    ``kept_phrasing``) or continues a run of groups that count (``continued_runs``). In
    two copies of one text every group counts, quoted or not.
    """
    terms = topic_terms(a, b)
    if same_text(a, b):
        labels = {g: COUNTED for g in alignment.groups} | {g: RELATED for g in alignment.related}
        return Judgement(labels, frozenset(g for g in alignment.groups if is_firm_group(a, b, g, options, terms)),
                         dict.fromkeys(alignment.groups, SAME_TEXT))
    words = topic_words(a, b)
    # Each group's kind of evidence, or QUOTATION or RELATED when it carries none.
    found = {g: pair_evidence(joined(a, g.a), joined(b, g.b), g.distance, options, alphabet, terms, words)
             for g in alignment.groups}
    found.update((g, judge_related(joined(a, g.a), joined(b, g.b), options, alphabet, terms))
                 for g in alignment.related)
    found.update(dict.fromkeys(kept_phrasing(a, b, [*alignment.groups, *alignment.related], options,
                                             alphabet, terms), KEPT_PHRASING))
    labels = {g: kind if kind in (QUOTATION, RELATED) else COUNTED for g, kind in found.items()}
    counted = [g for g, label in labels.items() if label == COUNTED]
    firm = {g for g in counted if is_firm_group(a, b, g, options, terms)}
    runs, apart, beside = _passages(Places(a, b, labels), counted,
                                    [g for g, label in labels.items() if label == RELATED], firm)
    labels.update((group, COUNTED) for group in runs)
    found.update(dict.fromkeys(runs, SOURCE_ORDER))
    labels.update((group, RELATED) for group in apart)
    return Judgement(labels, frozenset(firm | set(beside)),
                     {g: kind for g, kind in found.items() if labels[g] == COUNTED})


def _passages(places: Places, counted: list[Group], related: list[Group],
              firm: set[Group]) -> tuple[list[Group], list[Group], list[Group]]:
    """The related groups that continue a run, the counted ones (runs too) that stand
    apart as strays, and the counted ones beside a firm group: read where the sentences
    stand in the article text (``Places``)."""
    placed, placed_firm = places.of(counted), set(places.of(firm))
    runs = continued_runs(placed, places.of(related))
    apart = strays(placed + runs, placed_firm.__contains__)
    return places.back(runs), places.back(apart), places.back(beside_firm(placed_firm, placed))


class Places:
    """The groups with their sentences numbered as they stand among the counted sentences:
    the windows of runs, context and strays count sentences of the article, so set-aside
    text between two sentences (an advertisement, a caption) does not part them."""

    def __init__(self, a: Document, b: Document, groups: Iterable[Group]) -> None:
        # Groups hold counted sentences only, so two groups never take the same places.
        in_a, in_b = a.counted_place.__getitem__, b.counted_place.__getitem__
        self.placed = {g: Group(tuple(map(in_a, g.a)), tuple(map(in_b, g.b)), g.distance, g.cover, g.words)
                       for g in groups}
        self.original = {placed: g for g, placed in self.placed.items()}

    def of(self, groups: Iterable[Group]) -> list[Group]:
        return [self.placed[g] for g in groups]

    def back(self, placed: Iterable[Group]) -> list[Group]:
        return [self.original[g] for g in placed]


def beside_firm(firm: set[Group], counted: Sequence[Group]) -> set[Group]:
    """The ``counted`` groups (with evidence of their own) that come right after or right
    before a firm group in both texts: with it, a passage of the source carried over in its
    order, which is firm too."""
    ends = {(f.a[-1], f.b[-1]) for f in firm}  # a group starting right after one of these follows it
    starts = {(f.a[0], f.b[0]) for f in firm}  # one ending right before one of these precedes it
    return {g for g in counted if g not in firm
            and ((g.a[0] - 1, g.b[0] - 1) in ends or (g.a[-1] + 1, g.b[-1] + 1) in starts)}


def strays(counted: Sequence[Group], firm: Callable[[Group], bool]) -> list[Group]:
    """The counted groups that are not ``firm`` and stand alone in A, the text checked:
    no other counted group within ``CONTEXT_WINDOW`` sentences of it; none when every
    counted group does (no passage shows reuse)."""
    by_sentence = _by_sentence(counted)
    found = [g for g in counted if not _near_in_a(g, by_sentence, CONTEXT_WINDOW[0]) and not firm(g)]
    return found if len(found) < len(counted) else []


def continued_runs(counted: Sequence[Group], candidates: Sequence[Group]) -> list[Group]:
    """The candidates that continue a run of ``counted`` groups, directly or through other
    candidates that do: a candidate continues a group when it follows or precedes it within
    ``RUN_WINDOW`` sentences on both sides, in the same order on both."""
    by_sentence = _by_sentence(candidates)
    free, joined_run, queue = set(candidates), [], list(counted)
    while queue:
        group = queue.pop()
        for i in range(group.a[0] - RUN_WINDOW, group.a[-1] + RUN_WINDOW + 1):
            for near in by_sentence.get(i, ()):
                if near in free and (_follows(group, near) or _follows(near, group)):
                    free.discard(near)
                    joined_run.append(near)
                    queue.append(near)
    return joined_run


def context_of(a: Document, b: Document, counted: Sequence[Group], related: Sequence[Group]) -> list[Group]:
    """The ``related`` groups that count in the context of the ``counted`` ones: near them
    (``in_context``) and sharing a word that is not a name or a number."""
    candidates = [g for g in related if _shares_description(joined(a, g.a), joined(b, g.b))]
    places = Places(a, b, [*counted, *candidates])
    return places.back(in_context(places.of(counted), places.of(candidates)))


def passage_edges(a: Document, b: Document, counted: Sequence[Group], taken: Iterable[Group], options: Options,
                  alphabet: Alphabet) -> list[Group]:
    """Pairs for the sentences right after (or right before) a counted group in both texts,
    in the same order, that no group holds, when they share a word beyond names and numbers
    and lie within ``EDGE_MAX_DISTANCE``; each found extends the passage in turn."""
    taken_a = {i for g in (*taken, *counted) for i in g.a}
    taken_b = {j for g in (*taken, *counted) for j in g.b}
    lexical = options.lexical()
    (before_a, after_a), (before_b, after_b) = a.counted_neighbours, b.counted_neighbours
    found: list[Group] = []
    queue = list(counted)
    while queue:
        group = queue.pop()
        for i, j in ((before_a[group.a[0]], before_b[group.b[0]]), (after_a[group.a[-1]], after_b[group.b[-1]])):
            if i is None or j is None or i in taken_a or j in taken_b:
                continue
            fa, fb = a.sentences[i].features, b.sentences[j].features
            if not _shares_description(fa, fb):
                continue
            distance = feature_distance(fa, fb, lexical, alphabet)
            if distance <= EDGE_MAX_DISTANCE:
                edge = Group((i,), (j,), distance)
                taken_a.add(i)
                taken_b.add(j)
                found.append(edge)
                queue.append(edge)
    return found


def _shares_description(a: Features, b: Features) -> bool:
    stems_b = {stem for _, stem in _descriptive_words(b)}
    return any(stem in stems_b for _, stem in _descriptive_words(a))


def in_context(counted: Sequence[Group], candidates: Sequence[Group]) -> list[Group]:
    """The candidates within ``CONTEXT_WINDOW`` sentences of a counted group in both texts,
    in either order (only next to the counted groups themselves, never through another
    candidate)."""
    window_a, window_b = CONTEXT_WINDOW
    by_sentence = _by_sentence(counted)
    return [c for c in candidates if any(_gap(c.b, g.b) <= window_b for g in _near_in_a(c, by_sentence, window_a))]


def _near_in_a(group: Group, by_sentence: dict[int, list[Group]], window: int) -> set[Group]:
    """The other groups holding a sentence of A within ``window`` sentences of ``group``'s."""
    return {g for i in range(group.a[0] - window, group.a[-1] + window + 1) for g in by_sentence.get(i, ())
            if g is not group}


def _by_sentence(groups: Sequence[Group]) -> dict[int, list[Group]]:
    """The groups holding each sentence of A."""
    index: dict[int, list[Group]] = {}
    for group in groups:
        for i in group.a:
            index.setdefault(i, []).append(group)
    return index


def _gap(x: tuple[int, ...], y: tuple[int, ...]) -> int:
    """Sentences between two sets of indexes (0: they meet or overlap)."""
    return max(0, x[0] - y[-1], y[0] - x[-1])


def _follows(first: Group, then: Group) -> bool:
    return 0 < then.a[0] - first.a[-1] <= RUN_WINDOW and 0 < then.b[0] - first.b[-1] <= RUN_WINDOW


def pair_evidence(a: Features, b: Features, distance: float, options: Options, alphabet: Alphabet,
                  terms: frozenset[Phrase] = frozenset(), words: frozenset[str] = frozenset()) -> str:
    """The evidence of reuse an aligned pair carries (a kind of ``EVIDENCE``), else
    QUOTATION or RELATED; ``terms`` are the topic's phrases and ``words`` its words, which
    are no evidence."""
    if _rests_on_quotation(a, b, options, alphabet):
        return QUOTATION
    if distance <= options.close_wording_max:
        return CLOSE_WORDING
    if shared_phrases(a, b, terms):
        return SHARED_PHRASES
    return RARE_WORDS if shared_information(a, b, words) >= options.min_shared_information else RELATED


def judge_related(a: Features, b: Features, options: Options, alphabet: Alphabet,
                  terms: frozenset[Phrase] = frozenset()) -> str:
    """KEPT_PHRASING for a pair beyond the alignment bound that keeps ``FIRM_PHRASES`` of
    the source's phrases (outside quotations, not the topic's terms) holding between them
    ``KEPT_WORDS`` words that are not names or numbers; QUOTATION when what relates them
    is quoted words; else RELATED."""
    if _rests_on_quotation(a, b, options, alphabet, related=True):
        return QUOTATION
    return KEPT_PHRASING if _keeps_phrasing(a, (_phrases(a) & _phrases(b)) - terms) else RELATED


def _keeps_phrasing(a: Features, shared: frozenset[Phrase]) -> bool:
    """Whether the ``shared`` phrases are ``FIRM_PHRASES`` or more, holding ``KEPT_WORDS``
    of A's descriptive words between them."""
    kept = {word for phrase in shared for word in phrase} & {norm for norm, _ in _descriptive_words(a)}
    return len(shared) >= FIRM_PHRASES and len(kept) >= KEPT_WORDS


def kept_phrasing(a: Document, b: Document, taken: Sequence[Group], options: Options, alphabet: Alphabet,
                  terms: frozenset[Phrase] = frozenset()) -> list[Group]:
    """Pairs of sentences no ``taken`` group holds that keep the source's phrasing though
    too far apart to be related: the phrases ``judge_related`` asks (``_keeps_phrasing``),
    lying in ``KEPT_PLACES`` separate runs of A's words, not resting on a quotation.
    Matched one to one, most shared phrases first; each keeps its lexical distance
    whatever the scorer, since its words found it."""
    taken_a = {i for g in taken for i in g.a}
    taken_b = {j for g in taken for j in g.b}
    holding: dict[Phrase, list[int]] = {}  # the free sentences of B holding each phrase
    for sentence in b.counted:
        if sentence.index not in taken_b:
            for phrase in _phrases(sentence.features) - terms:
                holding.setdefault(phrase, []).append(sentence.index)
    candidates = []
    for sentence in a.counted:
        if sentence.index not in taken_a:
            phrases_with = Counter(j for phrase in _phrases(sentence.features) - terms for j in holding.get(phrase, ()))
            candidates += [(-n, sentence.index, j) for j, n in phrases_with.items() if n >= FIRM_PHRASES]
    found = []
    for _, i, j in sorted(candidates):
        if i in taken_a or j in taken_b:
            continue
        fa, fb = a.sentences[i].features, b.sentences[j].features
        shared = (_phrases(fa) & _phrases(fb)) - terms
        if not _keeps_phrasing(fa, shared) or _runs(fa, shared) < KEPT_PLACES \
                or _rests_on_quotation(fa, fb, options, alphabet, related=True):
            continue
        taken_a.add(i)
        taken_b.add(j)
        found.append(Group((i,), (j,), feature_distance(fa, fb, options.lexical(), alphabet)))
    return found


def _runs(f: Features, phrases: frozenset[Phrase]) -> int:
    """In how many separate runs of the sentence's words ``phrases`` lie: a phrase starting
    one word after another continues its run."""
    norms = [norm for norm, _, _ in _marked_words(f)]
    starts = [k for k in range(len(norms) - PHRASE_WORDS + 1) if tuple(norms[k:k + PHRASE_WORDS]) in phrases]
    return sum(1 for k, start in enumerate(starts) if not k or start - starts[k - 1] > 1)


def _descriptive_words(f: Features) -> list[tuple[str, str]]:
    """The normalised form and stem of each content word outside quotations that is not a
    name or a number (nor part of one, as "al" in "Tahrir-al-Sham"): the words a writer chose."""
    return [(norm, stem) for (norm, descriptive, _), stem in zip(_marked_words(f), f.stems)
            if descriptive and stem is not None]


def is_firm(a: Features, b: Features, words: float, options: Options, terms: frozenset[Phrase] = frozenset()) -> bool:
    """Whether a counted pair is evidence of reuse on its own: close wording, or
    ``FIRM_PHRASES`` shared phrases (``terms``, the topic's, left out).

    Close wording is read in words (``words``, the pair's lexical distance, against the
    lexical bound, whatever the scorer): a scorer that sees meaning brings two sentences
    on one topic close without a word in common.
    """
    return words <= options.lexical().close_wording_max or shared_phrases(a, b, terms) >= FIRM_PHRASES


def shared_phrases(a: Features, b: Features, terms: frozenset[Phrase] = frozenset()) -> int:
    """Word trigrams both sentences hold outside quotations, each with a content word that is
    not a name or a number, leaving out ``terms``."""
    return len((_phrases(a) & _phrases(b)) - terms)


def is_firm_group(a: Document, b: Document, group: Group, options: Options, terms: frozenset[Phrase]) -> bool:
    """Whether a counted group is firm evidence on its own: within the alignment bound
    (beyond it, a pair counts by a run or by phrases it kept, never on its own) and
    ``is_firm``."""
    return group.distance <= options.align_max_distance and \
        is_firm(joined(a, group.a), joined(b, group.b), group.word_distance, options, terms)


def topic_terms(a: Document, b: Document) -> frozenset[Phrase]:
    """The phrases either text repeats: the topic's terms, which are no evidence of reuse."""
    return a.repeated_phrases | b.repeated_phrases


def topic_words(a: Document, b: Document) -> frozenset[str]:
    """The words either text uses throughout: its topic's, which every writer on it uses."""
    return a.words_throughout | b.words_throughout


def words_throughout(doc: Document) -> frozenset[str]:
    """The descriptive stems found in at least ``THROUGHOUT`` of a document's counted
    sentences (and two)."""
    counts: dict[str, int] = {}
    for sentence in doc.counted:
        for stem in {stem for _, stem in _descriptive_words(sentence.features)}:
            counts[stem] = counts.get(stem, 0) + 1
    least = max(2, THROUGHOUT * len(doc.counted))
    return frozenset(stem for stem, n in counts.items() if n >= least)


def repeated_phrases(doc: Document) -> frozenset[Phrase]:
    """The phrases found in two or more counted sentences of a document: its topic's terms."""
    seen: set[Phrase] = set()
    repeated: set[Phrase] = set()
    for sentence in doc.counted:
        found = _phrases(sentence.features)
        repeated |= found & seen
        seen |= found
    return frozenset(repeated)


Derived = TypeVar("Derived")


def _kept_with_sentence(read: Callable[[Features], Derived]) -> Callable[[Features], Derived]:
    """``read`` computed once per sentence's features and kept as long as they live: a
    process comparing many texts (the viewer, a check over a corpus) keeps no dead text's."""
    kept: WeakKeyDictionary[Features, Derived] = WeakKeyDictionary()

    @wraps(read)
    def cached(f: Features) -> Derived:
        try:
            return kept[f]
        except KeyError:
            value = kept[f] = read(f)
            return value

    return cached


@_kept_with_sentence  # asked for by several stages and comparisons
def _phrases(f: Features) -> frozenset[Phrase]:
    words = _marked_words(f)
    if len(words) < PHRASE_WORDS:
        return frozenset()
    norms, descriptive, quoted = zip(*words)
    # Each run of PHRASE_WORDS consecutive words, with its marks, as tuples side by side.
    runs, marks, quotes = (zip(*(column[k:] for k in range(PHRASE_WORDS))) for column in (norms, descriptive, quoted))
    return frozenset(run for run, described, inside in zip(runs, marks, quotes) if any(described) and not any(inside))


@_kept_with_sentence  # read for a sentence's phrases, its topic words and each pair's evidence
def _marked_words(f: Features) -> tuple[tuple[str, bool, bool], ...]:
    """Each word's normalised form, whether it is descriptive (a content word outside
    quotations, not a name or a number) and whether it is quoted."""
    facts = {fact.start for fact in f.facts} | _joined_to_names(f)
    return tuple((token.norm, not quoted and stem is not None and token.start not in facts, quoted)
                 for token, quoted, stem in _words(f))


def _joined_to_names(f: Features) -> set[int]:
    """The starts of words hyphen-joined to a name ("al" in "Tahrir-al-Sham", "pro" in
    "pro-Assad"): part of it, not words a writer chose."""
    facts = {fact.start for fact in f.facts if fact.kind == "name"}
    tokens = f.tokens
    joined: set[int] = set()
    for k in range(len(tokens) - 2):
        left, dash, right = tokens[k], tokens[k + 1], tokens[k + 2]
        if dash.norm == "-" and left.end == dash.start and dash.end == right.start:
            if right.start in facts or right.start in joined:
                joined.add(left.start)
            if left.start in facts:
                joined.add(right.start)
    return joined - facts


def shared_information(a: Features, b: Features, topic: frozenset[str] = frozenset()) -> float:
    """The informativeness of the distinct content words both hold outside quotations
    (``topic`` words left out), names and numbers weighing at most as much as the other
    words together."""
    words_a = {w.stem: w for w in content_words(a) if not w.quoted}
    shared = [words_a[stem] for stem in ({w.stem for w in content_words(b) if not w.quoted} & set(words_a)) - topic]
    facts = sum(w.weight for w in shared if w.fact)
    described = sum(w.weight for w in shared if not w.fact)
    return described + min(facts, described)


def _rests_on_quotation(a: Features, b: Features, options: Options, alphabet: Alphabet,
                        related: bool = False) -> bool:
    # Only pairs where both sides quote can rest on a quotation. Without it, what is left
    # must align (a related pair: still be related) and say something beyond names and
    # numbers: "Judge Peter Brown said:" is the attribution every report of the quote has.
    if not any(a.quoted) or not any(b.quoted):
        return False
    bare_a, bare_b = unquoted(a), unquoted(b)
    if min(len(_descriptive_words(bare_a)), len(_descriptive_words(bare_b))) < options.min_content_words:
        return True
    lexical = options.lexical()  # the words outside quotations, whatever the scorer
    bound = lexical.related_max_distance if related else lexical.align_max_distance
    return feature_distance(bare_a, bare_b, lexical, alphabet) > bound


def unquoted(f: Features) -> Features:
    """The sentence without its quoted words."""
    if not any(f.quoted):
        return f
    kept = [(token, stem) for token, quoted, stem in _words(f) if not quoted]
    starts = {token.start for token, _ in kept}
    return Features(
        tokens=tuple(t for t in f.tokens if t.kind == "punct" or t.start in starts),
        words=tuple(token.norm for token, _ in kept),
        stems=tuple(stem for _, stem in kept),
        facts=tuple(fact for fact in f.facts if fact.start in starts),
        language=f.language,
    )


# Per side (A, B): each aligned sentence's index and its partners' content stems.
Partners = tuple[dict[int, set[str]], dict[int, set[str]]]


def partner_stems(a: Document, b: Document, groups: Links) -> Partners:
    """The content stems of each aligned sentence's partners, over every group it is in
    (a sentence may feed several), for A's sentences and for B's: what the shares of
    derived content and of dropped specifics both read."""
    return _partner_stems(b, groups), _partner_stems(a, [(gb, ga) for ga, gb in groups])


def _partner_stems(other: Document, groups: Links) -> dict[int, set[str]]:
    partners: dict[int, set[str]] = {}
    for mine, theirs in groups:
        stems = {stem for j in theirs for stem in other.sentences[j].features.content}
        for i in mine:
            partners.setdefault(i, set()).update(stems)
    return partners


def dropped_specifics(a: Document, b: Document, partners: Partners) -> tuple[float, float]:
    """The names and numbers of each text's aligned sentences that their partners lack,
    weighed by informativeness: how much of its specifics the other text dropped.

    A rewording condenses its source and loses some of its specifics (a street, an age, a
    group's full name) more often than it adds its own to the same sentences.
    """
    return _dropped(a, partners[0]), _dropped(b, partners[1])


def _dropped(doc: Document, partners: dict[int, set[str]]) -> float:
    total = 0.0
    for i, kept in partners.items():
        total += sum(weight for stem, weight in doc.sentences[i].specifics
                     if stem not in kept and not _named_otherwise(stem, kept, doc.language))
    return total


def _named_otherwise(stem: str, kept: set[str], code: str) -> bool:
    """Whether the partners name the country ``stem`` names another way ("Russia" /
    "Russian", "Moscow"), as changed facts read it: English copy only (``places.py``)."""
    return code == "en" and any(same_place(stem, other) for other in kept)


def specifics(f: Features) -> tuple[tuple[str, float], ...]:
    """Stem and informativeness of each distinct name or number word of a sentence."""
    starts = {fact.start for fact in f.facts}
    if not starts:  # most sentences of a long text: weigh none of their words
        return ()
    return tuple({stem: informativeness(token.norm, f.language) for token, _, stem in _words(f)
                  if stem is not None and token.start in starts}.items())


def derived_content(a: Document, b: Document, partners: Partners) -> tuple[float, float]:
    """The share of each text's informative words that its aligned pairs share with the other.

    Words are weighed by informativeness and counted outside quotations, in sentences
    that are article text; a word of an aligned sentence is derived when its stem is on
    the other side of its pair.
    """
    if not partners[0]:  # nothing derived: no need to weigh every word
        return 0.0, 0.0
    return _derived(a, partners[0]), _derived(b, partners[1])


def _derived(doc: Document, partners: dict[int, set[str]]) -> float:
    total = derived = 0.0
    for sentence in doc.counted:
        shared = partners.get(sentence.index, set())
        for stem, weight in sentence.informative_words:
            total += weight
            derived += weight if stem in shared else 0.0
    return derived / total if total else 0.0
