"""The derivation table: every sentence of the derived text, in its order, with where it came from.

Each counted sentence of the derived text (B when the direction says B is derived, else
A) is a row with its source sentence(s) in the other text, the class and distance of the
pair that links them and why it counts (its evidence), or "own material" when nothing links it. Related and same-quotation
pairs are listed with their class too (they link, but do not count as reuse). A sentence
in two pairs (one sentence feeding two) has one row per pair.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .comparison import Comparison, Pair
from .verdict import B_FROM_A

OWN_MATERIAL = "own material"
COLUMNS = ("derived", "sentence", "text", "source", "source_sentences", "source_text", "class", "distance", "evidence")


@dataclass(frozen=True)
class Row:
    sentence: int  # index in the derived text
    text: str
    sources: tuple[int, ...]  # indexes in the other text; empty for own material
    source_text: str
    edit_class: str  # an edit class, "related", "same quotation" or OWN_MATERIAL
    distance: float | None
    evidence: str = ""  # why a counted pair counts (evidence.EVIDENCE); empty for the others


def derivation(result: Comparison) -> tuple[str, str, list[Row]]:
    """The derived text's name, the other's, and one row per link of each counted sentence."""
    derived_is_b = result.summary.direction == B_FROM_A
    derived, other = (result.b, result.a) if derived_is_b else (result.a, result.b)
    links: dict[int, list[Pair]] = {}
    for pair in (*result.pairs, *result.related):
        for i in (pair.b if derived_is_b else pair.a):
            links.setdefault(i, []).append(pair)
    rows = []
    for sentence in derived.counted:
        for pair in links.get(sentence.index, []):
            sources = pair.a if derived_is_b else pair.b
            rows.append(Row(sentence.index, sentence.text, sources, " ".join(other.sentences[j].text for j in sources),
                            pair.edit_class, round(pair.distance, 4), pair.evidence or ""))
        if sentence.index not in links:
            rows.append(Row(sentence.index, sentence.text, (), "", OWN_MATERIAL, None))
    return derived.name, other.name, rows


def derivation_csv(result: Comparison) -> str:
    """The derivation table as CSV, one row per link."""
    derived, other, rows = derivation(result)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([derived, row.sentence, row.text, other, " ".join(map(str, row.sources)), row.source_text,
                         row.edit_class, "" if row.distance is None else f"{row.distance:.4f}", row.evidence])
    return out.getvalue()
