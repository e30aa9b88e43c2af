"""``compare()``: the engine's stages in order."""

from __future__ import annotations

from .align import Group, align, joined
from .alphabet import Alphabet
from .comparison import Comparison, Pair
from .diff import word_diff
from .document import Document, prepare
from .options import DEFAULT_OPTIONS, Options
from .read import Source, load
from .score import RELATED, changed_facts, edit_class
from .verdict import summarize


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


def compare_documents(doc_a: Document, doc_b: Document, options: Options) -> Comparison:
    """Align, score, diff and judge two prepared documents (one prepared text, many partners)."""
    alphabet = Alphabet()
    alignment = align(doc_a, doc_b, options, alphabet)
    moved = _moved(alignment.groups)
    pairs = tuple(_pair(doc_a, doc_b, g, g in moved, edit_class(g.distance, options), alphabet)  # score, diff
                  for g in alignment.groups)
    related = tuple(_pair(doc_a, doc_b, g, False, RELATED, alphabet) for g in alignment.related)
    summary = summarize(
        (doc_a.name, doc_b.name),
        (len(doc_a.counted), len(doc_b.counted)),
        (sum(len(p.a) for p in pairs), sum(len(p.b) for p in pairs)),
        [p.edit_class for p in pairs],
        options,
        len(related),
    )
    return Comparison(doc_a, doc_b, pairs, summary, related)


def _pair(a: Document, b: Document, group: Group, moved: bool, label: str, alphabet: Alphabet) -> Pair:
    fa, fb = joined(a, group.a), joined(b, group.b)
    span_a = (a.sentences[group.a[0]].start, a.sentences[group.a[-1]].end)
    span_b = (b.sentences[group.b[0]].start, b.sentences[group.b[-1]].end)
    diff = tuple(word_diff(fa.tokens, span_a, fb.tokens, span_b, alphabet))
    return Pair(
        group.a, group.b, group.distance, label, moved,
        diff, changed_facts(fa, fb, a.text, b.text, diff),
    )


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
