"""A document as the engine sees it: its text and its segments, kept or set aside."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .alphabet import renew_shared
from .clean import paragraphs_of, reasons
from .collector import paused
from .errors import InputError
from .languages import AUTO
from .options import Options
from .quotes import quotation_spans
from .reading import holds_look_alikes, look_alike, reading
from .segment import segments
from .tokens import Features, features, invisible_removed


@dataclass(frozen=True)
class Sentence:
    """One segment with its exact span in the document text."""

    index: int
    start: int
    end: int
    text: str
    set_aside: str | None  # why it does not count, or None for article text
    features: Features = field(repr=False, compare=False)

    @property
    def counts(self) -> bool:
        return self.set_aside is None

    @cached_property
    def informative_words(self) -> tuple[tuple[str, float], ...]:
        """Stem and informativeness of each content word outside quotations (``evidence.py``);
        computed once, however many comparisons the document is in."""
        from .evidence import informative_words  # evidence reads documents

        return informative_words(self.features)

    @cached_property
    def specifics(self) -> tuple[tuple[str, float], ...]:
        """Stem and informativeness of each distinct name or number word (``evidence.py``)."""
        from .evidence import specifics

        return specifics(self.features)

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text, "set_aside": self.set_aside}


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    sentences: tuple[Sentence, ...]
    language: str = "en"  # its code in the table of ``languages.py``, as detected or given
    # The text as matched (``tokens.reading``: look-alike letters, words hyphenated at line
    # ends), character for character; None when it is the text itself.
    reading: str | None = field(default=None, repr=False, compare=False)

    def read(self, index: int) -> str:
        """Sentence ``index`` as a scorer reads it: matched as read, with no invisible
        characters (a model sees the words, as the matching does)."""
        sentence = self.sentences[index]
        return invisible_removed((self.reading or self.text)[sentence.start:sentence.end])

    @property
    def counted(self) -> list[Sentence]:
        """The sentences that are article text."""
        return [s for s in self.sentences if s.counts]

    @cached_property
    def counted_neighbours(self) -> tuple[tuple[int | None, ...], tuple[int | None, ...]]:
        """For each sentence, the counted sentence before it and the one after it (None at
        either end): set-aside text between two sentences (an advertisement, a caption, a
        share prompt) does not part them, so a rewrite that joins them still aligns."""
        before: list[int | None] = []
        last: int | None = None
        for sentence in self.sentences:
            before.append(last)
            last = sentence.index if sentence.counts else last
        after: list[int | None] = []
        last = None
        for sentence in reversed(self.sentences):
            after.append(last)
            last = sentence.index if sentence.counts else last
        return tuple(before), tuple(reversed(after))

    @cached_property
    def counted_place(self) -> tuple[int, ...]:
        """For each sentence, how many counted sentences come before it: where it stands in
        the article text, set-aside text (an advertisement, a caption) not counted."""
        places, seen = [], 0
        for sentence in self.sentences:
            places.append(seen)
            seen += sentence.counts
        return tuple(places)

    @cached_property
    def repeated_phrases(self) -> frozenset[tuple[str, ...]]:
        """Phrases found in two or more of its counted sentences: the topic's terms, which are
        no evidence of reuse (``evidence.py``); found once, however many comparisons."""
        from .evidence import repeated_phrases  # evidence reads documents

        return repeated_phrases(self)

    @cached_property
    def words_throughout(self) -> frozenset[str]:
        """Descriptive stems found in half its counted sentences or more: the topic's
        words, which are no evidence of reuse (``evidence.py``)."""
        from .evidence import words_throughout

        return words_throughout(self)

    @cached_property
    def mentions(self) -> frozenset[str]:
        """The content stems and fact keys of its counted sentences: what the text mentions
        anywhere, whichever sentence a comparison pairs."""
        return frozenset(key for s in self.counted for key in (*s.features.content, *(f.key for f in s.features.facts)))

    @cached_property
    def numbers_stated(self) -> Counter[str]:
        """How often its counted sentences state each number (its key)."""
        return Counter(f.key for s in self.counted for f in s.features.facts if f.kind == "number")

    @cached_property
    def look_alike_spans(self) -> tuple[tuple[int, int], ...]:
        """The words of its counted sentences written with letters of another script that
        look like Latin ones: matched as the Latin letters (``reading.py``), and shown."""
        if not holds_look_alikes(self.text):
            return ()
        return tuple((t.start, t.end) for s in self.counted for t in s.features.word_tokens
                     if look_alike(self.text[t.start:t.end]))

    @property
    def look_alikes(self) -> int:
        return len(self.look_alike_spans)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "language": self.language, "sentences": [s.to_dict() for s in self.sentences]}


def same_text(a: Document, b: Document) -> bool:
    """Whether two documents are copies of one text: the same words, sentence by sentence,
    however wrapped or spaced (read until the first difference)."""
    counted_a, counted_b = a.counted, b.counted
    return len(counted_a) == len(counted_b) and \
        all(x.text.split() == y.text.split() for x, y in zip(counted_a, counted_b))


def prepare(name: str, text: str, options: Options) -> Document:
    """Find its language, segment ``text``, set boilerplate aside and compute each sentence's features.

    A document is immutable, so the last ones prepared are kept (``KEPT_CHARACTERS`` of
    text in all) and one asked for again is not prepared again: a source compared with
    many rewrites, a wire story checked against many articles, an upload sent twice.
    """
    key = (name, text, options)
    with _kept_lock:
        document = _kept.get(key)
        if document is not None:
            _kept.move_to_end(key)
            return document
    document = _prepared(name, text, options)
    _keep(key, document)
    return document


# About 100 news articles' text, about 30 MiB of prepared documents (some 55 bytes per
# character of text): beyond it the oldest are freed. A longer text is not kept.
KEPT_CHARACTERS = 500_000
_kept: OrderedDict[tuple[str, str, Options], Document] = OrderedDict()
_kept_lock = threading.Lock()


def _keep(key: tuple[str, str, Options], document: Document) -> None:
    if len(document.text) > KEPT_CHARACTERS:
        return
    with _kept_lock:
        _kept[key] = document
        held = sum(len(kept.text) for kept in _kept.values())
        while held > KEPT_CHARACTERS:
            _, oldest = _kept.popitem(last=False)
            held -= len(oldest.text)


def forget_prepared() -> None:
    """Drop the kept documents and their sentences' codes (a benchmark timing preparation itself)."""
    with _kept_lock:
        _kept.clear()
    renew_shared()


@paused  # its objects hold no cycles (collector.py)
def _prepared(name: str, text: str, options: Options) -> Document:
    # Matched as read (look-alike letters, words hyphenated at line ends), shown as written.
    read, code = reading(text, None if options.language == AUTO else options.language)
    paragraphs = paragraphs_of(read, code)
    spans = segments(read, options.max_segment_chars, paragraphs, code)
    if options.max_sentences is not None and len(spans) > options.max_sentences:
        raise InputError(f"{name}: {len(spans):,} sentences, more than the {options.max_sentences:,} compared at most")
    why = reasons(read, spans, paragraphs, code)
    quoted = quotation_spans(read, paragraphs)
    sentences = tuple(
        Sentence(i, start, end, text[start:end], why[i], features(read[start:end], start, quoted, code))
        for i, (start, end) in enumerate(spans)
    )
    return Document(name, text, sentences, code, read if read != text else None)
