"""Accepted reuse: sources, documents, single matches and boilerplate sentences (TOML).

    sources = ["Reuters"]                        # licensed syndication
    documents = ["wire/2024-11-30-001.txt"]      # corpus ids (as indexed)
    sentences = ["Reporting by our staff."]      # standard boilerplate, anywhere
    [[matches]]                                  # one article may reuse one document
    article = "000_86711bc330f5b00f"             # its path as printed, its name, or a glob
    document = "seeds/001_c5228a29931e7031.txt"
    reason = "our own archive"

Every value's type is checked when the file is read, and each acceptance names its
entry, so that a check can say which entries applied to nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Iterable

from ..errors import OptionsError
from ..options import read_toml
from ..tokens import normalize

_LISTS = ("sources", "documents", "sentences")
_KEYS = {*_LISTS, "matches"}
_MATCH_KEYS = {"article": True, "document": True, "reason": False}  # key: required

Entry = tuple[str, str]  # (kind, value): ("sources", "Reuters"), ("matches", "article -> document")


@dataclass(frozen=True)
class Match:
    article: str  # the article's path as printed, its name (file name without suffix), or a glob of either
    document: str
    reason: str

    def applies(self, article_name: str, article_label: str, document: str) -> bool:
        return document == self.document and any(
            fnmatchcase(candidate, self.article) for candidate in (article_name, article_label))

    @property
    def entry(self) -> Entry:
        return "matches", f"{self.article} -> {self.document}"


@dataclass(frozen=True)
class Allowlist:
    sources: dict[str, str] = field(default_factory=dict)  # case-folded -> as written
    documents: frozenset[str] = frozenset()
    sentences: dict[str, str] = field(default_factory=dict)  # normalised -> as written
    matches: tuple[Match, ...] = ()

    @classmethod
    def of(cls, sources: Iterable[str] = (), documents: Iterable[str] = (), sentences: Iterable[str] = (),
           matches: Iterable[Match] = ()) -> Allowlist:
        return cls({s.casefold(): s for s in sources}, frozenset(documents),
                   {_sentence_key(s): s for s in sentences}, tuple(matches))

    @classmethod
    def load(cls, path: str | Path) -> Allowlist:
        data = read_toml(path, "allowlist")
        unknown = set(data) - _KEYS
        if unknown:
            raise OptionsError(f"allowlist {path}: unknown key(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(_KEYS))}")
        lists = {key: _strings(data.get(key, []), key, path) for key in _LISTS}
        matches = [_match(m, k, path) for k, m in enumerate(_tables(data.get("matches", []), path))]
        return cls.of(**lists, matches=matches)

    def entries(self) -> list[Entry]:
        """Every entry, as written in the file."""
        return ([("sources", s) for s in sorted(self.sources.values())]
                + [("documents", d) for d in sorted(self.documents)]
                + [("sentences", s) for s in sorted(self.sentences.values())] + [m.entry for m in self.matches])

    def accepts(self, article_name: str, article_label: str, document: str, source: str | None) -> tuple[str, Entry] | None:
        """Why reuse of this document in this article is accepted, and by which entry, or None."""
        for match in self.matches:
            if match.applies(article_name, article_label, document):
                return match.reason, match.entry
        if document in self.documents:
            return "accepted document", ("documents", document)
        if source and source.casefold() in self.sources:
            return f"accepted source {source}", ("sources", self.sources[source.casefold()])
        return None

    def accepts_sentence(self, sentence: str) -> Entry | None:
        """The entry accepting this sentence wherever it appears, or None."""
        written = self.sentences.get(_sentence_key(sentence))
        return ("sentences", written) if written is not None else None

    def unused(self, used: Iterable[Entry]) -> list[Entry]:
        """The entries, as written, that accepted nothing."""
        applied = set(used)
        return [e for e in self.entries() if e not in applied]


def accepted_matches(pairs: Iterable[tuple[str, str]], today: date | None = None) -> str:
    """TOML ``[[matches]]`` entries accepting each (article, document) pair, to append to an allowlist."""
    stamp = (today or date.today()).isoformat()
    return "".join(f'\n[[matches]]\narticle = {_quoted(a)}\ndocument = {_quoted(d)}\nreason = "accepted {stamp}"\n'
                   for a, d in pairs)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _strings(value: Any, key: str, path: str | Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OptionsError(f"allowlist {path}: {key} must be a list of strings, got {value!r}")
    return value


def _tables(value: Any, path: str | Path) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise OptionsError(f"allowlist {path}: matches must be [[matches]] tables, got {value!r}")
    return value


def _match(table: dict[str, Any], k: int, path: str | Path) -> Match:
    where = f"allowlist {path}: matches[{k}]"
    unknown = set(table) - set(_MATCH_KEYS)
    if unknown:
        raise OptionsError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; use article, document, reason")
    for key, required in _MATCH_KEYS.items():
        if required and key not in table:
            raise OptionsError(f"{where}: {key} is missing")
        if key in table and not isinstance(table[key], str):
            raise OptionsError(f"{where}: {key} must be a string, got {table[key]!r}")
    return Match(table["article"], table["document"], table.get("reason", "accepted match"))


def _sentence_key(sentence: str) -> str:
    return " ".join(normalize(sentence).split())
