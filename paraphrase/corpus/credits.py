"""Recognise credited wire copy: datelines and credit lines naming an agency, and
sentences that attribute their words to a statement."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..agencies import AGENCIES, AGENCY_NAMES
_DATELINE = re.compile(rf"\((?P<agency>{AGENCY_NAMES})\)")
_CREDIT_LINE = re.compile(
    rf"(?:(?P<a1>{AGENCY_NAMES})[^.\n]{{0,60}}contributed to this report|additional reporting by (?P<a2>{AGENCY_NAMES})"
    rf"|(?:source|via|courtesy of|copyright)\s*:?\s*(?P<a3>{AGENCY_NAMES})\b)",
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"\b(?:according to|said in|in) (?:a|the|its|their) (?:joint )?statement\b", re.IGNORECASE)


@dataclass(frozen=True)
class Credits:
    agencies: frozenset[str]  # agencies the article credits, as written in AGENCIES

    def covers(self, source: str | None, key: str) -> bool:
        """Whether copy from a corpus document with this source (or id) is credited."""
        named = f"{source or ''} {key}".casefold()
        return any(_mentions(named, agency) for agency in self.agencies)


def find_credits(text: str) -> Credits:
    """The agencies an article credits in a dateline or a credit line."""
    found = {m.group("agency") for m in _DATELINE.finditer(text)}
    for match in _CREDIT_LINE.finditer(text):
        found.add(next(g for g in match.group("a1", "a2", "a3") if g))
    return Credits(frozenset(_canonical(a) for a in found))


def attributes_statement(sentence: str) -> bool:
    """Whether a sentence says its words come from a statement (quoted, so credited)."""
    return bool(_STATEMENT.search(sentence))


def _canonical(agency: str) -> str:
    return next(a for a in AGENCIES if a.casefold() == agency.casefold())


def _mentions(named: str, agency: str) -> bool:
    return re.search(rf"\b{re.escape(agency.casefold())}\b", named) is not None
