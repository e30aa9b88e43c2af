"""Check an article against a corpus: which documents it reuses, how much, and whether
that breaks the policy.

Two stages: the index's candidate search (approximate, fast) picks a few documents
(``check_candidates``; while at least half of them are sources, twice as many, up to
``MORE_CANDIDATES`` times as many); the engine aligns the article with each of them
exactly. A corpus document with the article's own text (the same article text after
white space, case and page furniture) is the article itself, indexed: it is reported as
the same document, never as reuse.
Reuse is then sorted into accepted (allowlist), credited (the article credits the agency,
or attributes the sentence to a statement) and the rest, which is what fails an article.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date as Day, timedelta
from typing import Any, NamedTuple

from .. import translation
from ..comparison import Comparison
from ..document import Document, prepare
from ..languages import AUTO, LANGUAGES
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import compare_documents
from ..scorers import SCORERS
from ..read import Source, load
from ..tokens import normalize
from ..verdict import INDEPENDENT
from .allowlist import Allowlist, Entry
from .credits import Credits, attributes_statement, find_credits
from .index import CorpusIndex, StoredDocument

CHECK_SCHEMA = "paraphrase.check/1"
# While at least half the candidates compared are sources (an article drawn from many
# documents), the check compares twice as many, up to this many times check_candidates.
MORE_CANDIDATES = 8


@dataclass(frozen=True)
class Policy:
    """What fails an article: more than ``max_share`` of its sentences from the corpus
    (``check_max_share`` in the options, unless a policy says otherwise). With a
    ``window``, only corpus documents dated that far before a dated article count."""

    max_share: float
    exempt_credited: bool = False
    allowlist: Allowlist = field(default_factory=Allowlist)
    window: timedelta | None = None


@dataclass(frozen=True)
class Period:
    """The corpus documents an article was checked against, by date."""

    day: Day | None  # the article's: documents dated after it are never its source
    since: Day | None  # with a window: the earliest day counted (undated documents left out)
    window: timedelta | None  # asked for; not applied when the article has no date

    def describe(self) -> str | None:
        if self.day is None:
            return "undated article: the window is not applied, every corpus document counts" if self.window else None
        if self.since is None or self.window is None:
            return f"dated {self.day}: corpus documents dated after it left out"
        return (f"dated {self.day}: corpus documents dated {self.since} to {self.day} only "
                f"(window {self.window.days}d; undated ones left out)")

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day and self.day.isoformat(), "window_days": self.window and self.window.days,
                "since": self.since and self.since.isoformat(), "window_applied": self.since is not None}


@dataclass(frozen=True)
class SourceMatch:
    document: StoredDocument
    comparison: Comparison  # the article is A, the corpus document B
    share: float  # of the article's counted sentences, aligned with this document
    accepted: str | None  # why the allowlist accepts this reuse, or None
    credited: bool  # the article credits this document's agency
    accepted_by: Entry | None = None  # the allowlist entry that accepts it

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {"id": d.key, "source": d.source, "date": d.date, "share": round(self.share, 4),
                "accepted": self.accepted, "credited": self.credited, "comparison": self.comparison.to_dict()}


@dataclass(frozen=True)
class ArticleCheck:
    name: str
    label: str  # how the article was named on the command line (its path), for reports
    document: Document
    sources: tuple[SourceMatch, ...]  # ranked, largest share first
    share: float  # of the article's counted sentences found in any corpus document
    failing_share: float  # the same, without accepted and (when exempt) credited reuse
    credited_share: float
    credits: Credits
    failed: bool
    period: Period = Period(None, None, None)
    same_as: tuple[StoredDocument, ...] = ()  # corpus documents that are this article itself
    allowlisted: frozenset[Entry] = frozenset()  # allowlist entries that accepted some of its reuse
    scorer: str = "lexical"  # what scored its sentence pairs (paraphrase/scorers.py)
    notes: tuple[str, ...] = ()  # what the check could not do, for a warning

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.label, "language": self.document.language,
                "failed": self.failed, "share": round(self.share, 4),
                "failing_share": round(self.failing_share, 4), "credited_share": round(self.credited_share, 4),
                "credits": sorted(self.credits.agencies), "sentences": len(self.document.counted),
                "same_as": [d.key for d in self.same_as], "look_alikes": self.document.look_alikes,
                "scorer": self.scorer,
                # whether the candidate search provably misses no pair the scorer would align
                "exact_search": SCORERS[self.scorer].exact, **self.period.to_dict(),
                "sources": [s.to_dict() for s in self.sources], "notes": list(self.notes)}


def check_article(article: Source, index: CorpusIndex, *, policy: Policy | None = None,
                  options: Options | None = None, name: str | None = None, label: str | None = None,
                  day: Day | None = None) -> ArticleCheck:
    """Find what ``article`` (published on ``day``, if known) reuses from the corpus in
    ``index``, and judge it by ``policy``."""
    options = options or DEFAULT_OPTIONS
    policy = policy or Policy(max_share=options.check_max_share)
    document = prepare(*load(article, name or "article"), options)
    credits = find_credits(document.text)
    period = Period(day, day - policy.window if day and policy.window else None, policy.window)
    label = label or document.name
    compared = _compared(document, label, index, credits, policy, options, period)
    matches = sorted(compared.matches, key=lambda m: (-m.share, m.document.key))
    notes = _not_compared(document, [other for _, other in compared.prepared])
    if not document.counted:  # nothing to check: passing says nothing of the article
        notes += (f"no article text: all {len(document.sentences)} of its sentences are set aside, so nothing "
                  "was checked",)
    if compared.more:
        notes += (f"{len(matches)} of the {len(compared.prepared)} corpus documents compared are sources; more may "
                  "be: raise check_candidates in an --options file",)
    return replace(_judge(document, label, tuple(matches), credits, policy), same_as=tuple(compared.same),
                   period=period, scorer=options.scorer, notes=notes)


class Compared(NamedTuple):
    prepared: list[tuple[StoredDocument, Document]]  # the candidates compared
    same: list[StoredDocument]  # those that are the article itself
    matches: list[SourceMatch]  # the sources among the others
    more: bool  # more sources may lie beyond the last candidate compared


def _compared(document: Document, label: str, index: CorpusIndex, credits: Credits, policy: Policy,
              options: Options, period: Period) -> Compared:
    """The candidates compared, with the sources among them (``Compared``).

    ``check_candidates`` first; while at least half of the candidates compared are sources
    (an article drawn from many documents, whose next-ranked candidates are likely
    sources too), twice as many, up to ``MORE_CANDIDATES`` times as many.
    """
    own_text = article_text(document)
    prepared: list[tuple[StoredDocument, Document]] = []
    same: list[StoredDocument] = []
    matches: list[SourceMatch] = []
    limit = options.check_candidates
    while True:
        ranked = index.candidates(document.text, limit=limit, options=options, until=period.day,
                                  since=period.since, language=document.language)
        known = {stored.key for stored, _ in prepared}
        found = [stored for stored in map(index.document, (c.id for c in ranked)) if stored.key not in known]
        batch = [(stored, prepare(stored.key, stored.text, _as_indexed(stored, options))) for stored in found]
        prepared += batch
        same += [stored for stored, other in batch if article_text(other) == own_text]
        # A corpus document is a source when the comparison finds reuse: pairs too weak to be
        # evidence with it (an independent verdict) do not add up across documents either.
        matches += [m for m in (_match(document, label, stored, other, credits, policy, options)
                                for stored, other in batch if stored not in same)
                    if m.comparison.summary.verdict != INDEPENDENT]
        if 2 * len(matches) < limit or len(ranked) < limit:  # few sources, or no more candidates
            return Compared(prepared, same, matches, False)
        if limit >= options.check_candidates * MORE_CANDIDATES:
            return Compared(prepared, same, matches, True)
        limit *= 2


def _not_compared(document: Document, candidates: list[Document]) -> tuple[str, ...]:
    """Why candidates in other languages were compared by their shared words only."""
    reasons: dict[str, int] = {}
    for other in candidates:
        reason = translation.unavailable(document, other)
        if reason:
            reasons[reason] = reasons.get(reason, 0) + 1
    return tuple(f"{n} corpus document(s) in another language compared by shared names and numbers only, "
                 f"not by meaning: {reason}" for reason, n in reasons.items())


def _as_indexed(stored: StoredDocument, options: Options) -> Options:
    """The options to read a corpus document with: a language given for the article
    (``--language``) is not the corpus documents'; theirs was detected when indexed."""
    if options.language == AUTO:
        return options
    return replace(options, language=stored.language if stored.language in LANGUAGES else AUTO)


def article_text(document: Document) -> str:
    """What makes two documents the same article: their counted sentences' words, in order."""
    return " ".join(" ".join(normalize(s.text).split()) for s in document.counted)


def _match(document: Document, label: str, stored: StoredDocument, other: Document, credits: Credits,
           policy: Policy, options: Options) -> SourceMatch:
    comparison = compare_documents(document, other, options)
    reason, entry = policy.allowlist.accepts(document.name, label, stored.key, stored.source) or (None, None)
    return SourceMatch(stored, comparison, comparison.summary.a_reused, reason,
                       credits.covers(stored.source, stored.key), entry)


def _judge(document: Document, label: str, matches: tuple[SourceMatch, ...], credits: Credits, policy: Policy) -> ArticleCheck:
    counted = max(1, len(document.counted))
    reused, credited, failing = set(), set(), set()
    applied = {m.accepted_by for m in matches if m.accepted_by}
    for match in matches:
        for pair in match.comparison.pairs:
            for i in pair.a:
                reused.add(i)
                is_credited = match.credited or attributes_statement(document.sentences[i].text)
                if is_credited:
                    credited.add(i)
                boilerplate = policy.allowlist.accepts_sentence(document.sentences[i].text)
                if boilerplate:
                    applied.add(boilerplate)
                if match.accepted or boilerplate:
                    continue
                if not (is_credited and policy.exempt_credited):
                    failing.add(i)
    failing_share = len(failing) / counted
    return ArticleCheck(document.name, label, document, matches, len(reused) / counted, failing_share,
                        len(credited) / counted, credits, failing_share > policy.max_share,
                        allowlisted=frozenset(applied))


def unused_entries(checks: list[ArticleCheck], policy: Policy) -> list[Entry]:
    """The allowlist's entries that accepted nothing in any of ``checks``."""
    return policy.allowlist.unused(entry for check in checks for entry in check.allowlisted)


def failing_matches(checks: list[ArticleCheck]) -> list[tuple[str, str]]:
    """(article as printed, corpus id) of each unaccepted source of each failing article."""
    return [(check.label, match.document.key) for check in checks if check.failed
            for match in check.sources if not match.accepted]
