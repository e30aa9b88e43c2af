"""``compare()``: the engine's stages in order."""

from __future__ import annotations

from functools import partial

from .align import align, joined
from .group import Group
from .collector import paused
from .evidence import (AT_EDGE, BY_MEANING, COUNTED, IN_PASSAGE, context_of, derived_content, dropped_specifics,
                       judge_alignment, partner_stems, passage_edges)
from .alphabet import Alphabet, shared as shared_alphabet
from .comparison import Changes, Comparison, Pair
from .diff import Opcode, word_diff
from .document import Document, prepare
from .options import DEFAULT_OPTIONS, Options
from .read import Source, load
from . import translation
from .score import (RELATED, TRANSLATION, ChangedFact, changed_facts, edit_class, numbers_in_order,
                    order_distance)
from .verdict import INDEPENDENT, Shares, across_languages, decide, summarize, with_look_alikes


@paused  # across reading and both preparations too: no collection walks the first text mid-call
def compare(
    a: Source, b: Source, *, options: Options | None = None, names: tuple[str | None, str | None] | None = None
) -> Comparison:
    """Compare two articles sentence by sentence.

    ``a`` and ``b`` are each article text (``str``, never opened as a file name), a file
    (``pathlib.Path``) or the bytes of an upload; files and bytes may be plain text in any
    common encoding, HTML, .docx or PDF (``paraphrase.readers``). ``names`` label the two
    texts in messages (for bytes, the file name, whose suffix helps pick the format); by
    default a file's name without its format suffix, else "A" and "B".

    >>> result = compare("The army lost dozens of soldiers on Saturday. It rained.",
    ...                  "On Saturday the army lost dozens of its soldiers. Prices rose.")
    >>> result.summary.verdict, [(p.a, p.b) for p in result.pairs], result.unaligned_b
    ('rewording', [((0,), (0,))], [1])
    """
    options = options or DEFAULT_OPTIONS
    name_a, name_b = names or (None, None)
    doc_a = prepare(*load(a, name_a or "A"), options)  # read, segment, clean
    doc_b = prepare(*load(b, name_b or "B"), options)
    return compare_documents(doc_a, doc_b, options)


@paused  # its objects hold no cycles (collector.py)
def compare_documents(doc_a: Document, doc_b: Document, options: Options) -> Comparison:
    """Align, score, diff and judge two prepared documents (one prepared text, many partners)."""
    if translation.applies(doc_a, doc_b):
        return _compare_translated(doc_a, doc_b, options)
    alphabet = shared_alphabet()  # a document compared again is encoded already
    alignment = align(doc_a, doc_b, options, alphabet)
    judgement = judge_alignment(doc_a, doc_b, alignment, options, alphabet)  # evidence of reuse, or only a topic
    labels, evidence = judgement.labels, judgement.evidence
    counted = [g for g, label in labels.items() if label == COUNTED]
    firm = len(judgement.firm)
    context: set[Group] = set()
    if _reuse_shown(doc_a, doc_b, counted, firm, options):  # then its context counts too, never firm
        context = set(context_of(doc_a, doc_b, counted, [g for g, label in labels.items() if label == RELATED]))
        evidence.update(dict.fromkeys(context, IN_PASSAGE))
        edges = passage_edges(doc_a, doc_b, [*counted, *context], labels, options, alphabet)
        evidence.update(dict.fromkeys(edges, AT_EDGE))
        context.update(edges)
        labels.update((g, COUNTED) for g in context)
        counted += context
    partners = partner_stems(doc_a, doc_b, [(g.a, g.b) for g in counted])
    shares = _shares(doc_a, doc_b, counted, derived_content(doc_a, doc_b, partners), firm,
                     dropped_specifics(doc_a, doc_b, partners))
    counted.sort(key=_in_order)
    moved = _moved(counted)
    pairs = tuple(_pair(doc_a, doc_b, g, g in moved, labels[g], options, alphabet, g in context,
                        evidence=evidence[g], firm=g in judgement.firm) for g in counted)
    shown = sorted((g for g, label in labels.items() if label != COUNTED), key=_in_order)
    related = tuple(_pair(doc_a, doc_b, g, False, labels[g], options, alphabet) for g in shown)
    summary = summarize((doc_a.name, doc_b.name), shares, [p.edit_class for p in pairs], options,
                        [p.edit_class for p in related], [p.evidence for p in pairs if p.evidence])
    if doc_a.language != doc_b.language:
        summary = across_languages(summary, (doc_a.name, doc_b.name), (doc_a.language, doc_b.language))
    summary = with_look_alikes(summary, (doc_a.name, doc_b.name), (doc_a.look_alikes, doc_b.look_alikes))
    return Comparison(doc_a, doc_b, pairs, summary, related, options.scorer)


def _compare_translated(doc_a: Document, doc_b: Document, options: Options) -> Comparison:
    """Two texts in different languages: pairs by meaning (translation.py), no word diffs;
    the changed facts are the numbers, which a translation keeps."""
    aligned = translation.aligned(doc_a, doc_b, options)
    # Without one firm pair, the pairs are what two articles on one event share: shown, not counted.
    groups, shown = (aligned, []) if translation.firm(aligned, options) else ([], aligned)
    moved = _moved(groups)
    firm_groups = set(translation.firm(groups, options))
    pairs = tuple(_translated_pair(doc_a, doc_b, g, g in moved, TRANSLATION, g in firm_groups) for g in groups)
    related = tuple(_translated_pair(doc_a, doc_b, g, False, RELATED) for g in shown)
    firm = len(firm_groups)
    # No specifics: a translation's names are inflected and spelt in another language.
    shares = _shares(doc_a, doc_b, groups, translation.content_shares(doc_a, doc_b, groups), firm)
    summary = summarize((doc_a.name, doc_b.name), shares, [p.edit_class for p in pairs], options,
                        [p.edit_class for p in related], [p.evidence for p in pairs if p.evidence])
    return Comparison(doc_a, doc_b, pairs, summary, related, options.scorer)


def _translated_pair(a: Document, b: Document, group: Group, moved: bool, label: str, firm: bool = False) -> Pair:
    return Pair(group.a, group.b, group.distance, label, moved, partial(_translated_changes, a, b, group),
                evidence=BY_MEANING if label == TRANSLATION else None, firm=firm)


def _translated_changes(a: Document, b: Document, group: Group) -> Changes:
    sa, sb = a.sentences[group.a[0]], b.sentences[group.b[0]]
    facts = changed_facts(sa.features, sb.features, a.text, b.text)
    numbers = numbers_in_order([c for c in facts if c.kind == "number"])
    return (Opcode("replace", sa.start, sa.end, sb.start, sb.end),), numbers


def _in_order(group: Group) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return group.a, group.b


def _reuse_shown(a: Document, b: Document, groups: list[Group], firm: int, options: Options) -> bool:
    """Whether the groups with evidence of their own make the verdict reuse."""
    shares = Shares((len(a.counted), len(b.counted)), _aligned(groups))
    return decide(*shares.reused, len(groups), options, firm) != INDEPENDENT


def _shares(a: Document, b: Document, groups: list[Group], content: tuple[float, float], firm: int,
            specifics: tuple[float, float] = (0.0, 0.0)) -> Shares:
    """Sentences counted and aligned on each side and the share of each side's length they
    hold, with the share of informative words (``content``), the firm pairs and the
    ``specifics`` each side's pairs hold that the other's lack."""
    in_a, in_b = _sentences_in(groups)
    return Shares((len(a.counted), len(b.counted)), (len(in_a), len(in_b)), content, firm,
                  (_length_share(a, in_a), _length_share(b, in_b)), specifics)


def _aligned(groups: list[Group]) -> tuple[int, int]:
    """How many sentences of A and of B the groups hold."""
    in_a, in_b = _sentences_in(groups)
    return len(in_a), len(in_b)


def _sentences_in(groups: list[Group]) -> tuple[set[int], set[int]]:
    """Sentences of A and of B in the groups (a sentence may feed several, and counts once)."""
    return {i for g in groups for i in g.a}, {j for g in groups for j in g.b}


def _length_share(doc: Document, aligned: set[int]) -> float:
    """The share of a text's counted length (characters) in the ``aligned`` sentences."""
    total = sum(s.end - s.start for s in doc.counted)
    return sum(s.end - s.start for s in doc.counted if s.index in aligned) / total if total else 0.0


def _pair(a: Document, b: Document, group: Group, moved: bool, label: str, options: Options, alphabet: Alphabet,
          context: bool = False, evidence: str | None = None, firm: bool = False) -> Pair:
    """The pair of a group: a counted one with its edit class, read in words (the lexical
    distance and the order of the words, whatever the scorer: closeness in meaning says
    nothing of how the words were changed), with its ``evidence`` (why it counts) and
    whether that is ``firm``."""
    order = order_distance(joined(a, group.a), joined(b, group.b), alphabet)
    label = edit_class(group.word_distance, order, options) if label == COUNTED else label
    return Pair(group.a, group.b, group.distance, label, moved, partial(_changes, a, b, group), context, order,
                group.word_distance, evidence, firm)


def _changes(a: Document, b: Document, group: Group) -> Changes:
    # An alphabet of its own: a pair's diff may be read in any thread, long after compare().
    fa, fb = joined(a, group.a), joined(b, group.b)
    diff = tuple(word_diff(fa.tokens, _runs(a, group.a), fb.tokens, _runs(b, group.b), Alphabet()))
    facts = changed_facts(fa, fb, a.text, b.text, diff)
    if group.cover:  # the covering side's other facts feed other sentences: not changes
        covered = "b" if len(group.a) > 1 else "a"
        facts = tuple(c for c in facts if getattr(c, covered) is not None)
    return diff, tuple(c for c in facts if not _said_elsewhere(c, a, b))


def _said_elsewhere(change: ChangedFact, a: Document, b: Document) -> bool:
    """A name or date one sentence lacks that the other text mentions elsewhere: written
    another way here ("the following day" for "Thursday", "the country" for "Syria"),
    not changed; a number one sentence lacks that each text states as often: moved to
    another sentence ("caught at 104mph" one sentence on), not dropped. Paired
    substitutions are always reported."""
    one_sided = change.a if change.b is None else change.b if change.a is None else None
    if one_sided is None:
        return False
    if change.kind == "number":
        return a.numbers_stated[one_sided.key] == b.numbers_stated[one_sided.key]
    other = b if change.b is None else a
    return all(part in other.mentions for part in one_sided.key.split())


def _runs(document: Document, indexes: tuple[int, ...]) -> list[tuple[int, int]]:
    """The spans of the runs of consecutive sentences among ``indexes``."""
    runs: list[tuple[int, int]] = []
    for i in indexes:
        sentence = document.sentences[i]
        if runs and i - 1 in indexes:
            runs[-1] = (runs[-1][0], sentence.end)
        else:
            runs.append((sentence.start, sentence.end))
    return runs


def _moved(groups: list[Group]) -> set[Group]:
    """Groups outside the longest run that keeps the same order in both texts."""
    keep = _longest_increasing([g.b[0] for g in groups])
    return {g for k, g in enumerate(groups) if k not in keep}


def _longest_increasing(values: list[int]) -> set[int]:
    # O(n log n) patience sorting; returns the positions of one longest increasing run.
    import bisect

    tails: list[int] = []
    tail_pos: list[int] = []
    parent = [-1] * len(values)
    for k, v in enumerate(values):
        at = bisect.bisect_left(tails, v)
        parent[k] = tail_pos[at - 1] if at else -1
        tails[at:at + 1] = [v]
        tail_pos[at:at + 1] = [k]
    run, k = set(), tail_pos[-1] if tail_pos else -1
    while k >= 0:
        run.add(k)
        k = parent[k]
    return run
