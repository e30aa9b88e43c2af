"""Accepted reuse: sources, documents, single matches and boilerplate sentences (TOML).

    sources = ["Reuters"]                        # licensed syndication
    documents = ["wire/2024-11-30-001.txt"]      # corpus ids (as indexed)
    sentences = ["Reporting by our staff."]      # standard boilerplate, anywhere
    [[matches]]                                  # one article may reuse one document
    article = "000_86711bc330f5b00f"             # name (file name without extension)
    document = "seeds/001_c5228a29931e7031.txt"
    reason = "our own archive"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OptionsError
from ..options import read_toml
from ..tokens import normalize

_KEYS = {"sources", "documents", "sentences", "matches"}


@dataclass(frozen=True)
class Allowlist:
    sources: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    sentences: frozenset[str] = frozenset()  # normalised
    matches: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, document) -> reason

    @classmethod
    def load(cls, path: str | Path) -> Allowlist:
        data = read_toml(path, "allowlist")
        unknown = set(data) - _KEYS
        if unknown:
            raise OptionsError(f"allowlist {path}: unknown key(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(_KEYS))}")
        matches = {(m["article"], m["document"]): m.get("reason", "accepted match") for m in data.get("matches", [])}
        return cls(frozenset(s.casefold() for s in data.get("sources", [])), frozenset(data.get("documents", [])),
                   frozenset(_sentence_key(s) for s in data.get("sentences", [])), matches)

    def accepts(self, article: str, document: str, source: str | None) -> str | None:
        """Why reuse of this document in this article is accepted, or None."""
        if (article, document) in self.matches:
            return self.matches[(article, document)]
        if document in self.documents:
            return "accepted document"
        if source and source.casefold() in self.sources:
            return f"accepted source {source}"
        return None

    def accepts_sentence(self, sentence: str) -> bool:
        return _sentence_key(sentence) in self.sentences


def _sentence_key(sentence: str) -> str:
    return " ".join(normalize(sentence).split())
