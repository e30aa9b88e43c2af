"""The two stages as functions on pandas partitions, so Dask can run them anywhere.

Stage 1 counts the sentences holding each content term, then turns documents into (key,
sentence) rows, a key for each pair of a sentence's rarest terms (see ``keys.py``); a
shuffle on the key brings each bucket's rows into one partition, where every two rows of
different documents are kept if their role, date order and window allow and their
sentences may be within the bound. Stage 2 aligns each candidate pair with the engine,
exactly as ``paraphrase.compare``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise
from typing import Any, Iterator, NamedTuple

import numpy as np
import pandas as pd

from ..corpus.across import anchor_keys
from ..corpus.records import calendar_day
from ..document import Document, prepare
from ..languages import detect
from ..options import Options
from ..pipeline import compare_documents
from ..verdict import B_FROM_A, INDEPENDENT
from .keys import SIGNATURE_WORDS, TermCounts, anchor_key, most_shared, sentence_keys, term_counts

TERM_COLUMNS = {"term": "string", "sentences": "int64"}
ALL_SENTENCES = ""  # the row of terms_partition that counts every sentence (no term is empty)
SIGNATURE = tuple(f"w{n}" for n in range(SIGNATURE_WORDS))
KEY_COLUMNS = {"key": "int64", "id": "string", "day": "float64", "source": "bool", "size": "int64",
               **dict.fromkeys(SIGNATURE, "uint64")}
PAIR_COLUMNS = {"target": "string", "source": "string"}
RESULT_COLUMNS = {
    "target": "string", "source": "string", "target_date": "string", "source_date": "string",
    "target_reused": "float64", "source_reused": "float64", "verdict": "string", "pairs": "string",
}


# A bucket's work grows with the square of its rows. Guards on work, not similarity
# thresholds, and the one approximation of stage 1 (see keys.py): a pair of terms
# expected in more than MAX_TOGETHER sentences makes no key, and a bucket that still
# holds more than MAX_BUCKET documents (terms that go together, or boilerplate:
# "Reporting by ...") is skipped.
MAX_TOGETHER = 10
MAX_BUCKET = 200


@dataclass(frozen=True)
class Keying:
    # The Dice bound of the engine's alignment (Options.min_content_dice).
    min_dice: float
    max_bucket: int = MAX_BUCKET
    min_terms: int = 3
    max_together: float | None = MAX_TOGETHER


def terms_partition(documents: pd.DataFrame) -> pd.DataFrame:
    """Per content term, the number of this partition's sentences holding it; and the
    number of its sentences, as the row of term ``ALL_SENTENCES``."""
    counts = term_counts(str(text) for text in documents["text"])
    frequency = {**counts.frequency, ALL_SENTENCES: counts.sentences}
    return pd.DataFrame({"term": list(frequency), "sentences": list(frequency.values())}).astype(TERM_COLUMNS)


def keys_partition(documents: pd.DataFrame, role: str, counts: TermCounts, keying: Keying) -> pd.DataFrame:
    """One row per (key, sentence) for every key of every sentence of every document, with the
    document's id, day and role and the sentence's signature, to check the sentences that meet."""
    days = _days(documents["date"]).tolist()
    rows = [(key, doc_id, day, role == "source", sign.size, *sign.words)
            for doc_id, text, day in zip(documents["id"], documents["text"], days)
            for keys, sign in sentence_keys(str(text), counts, keying.min_dice, keying.min_terms, keying.max_together)
            for key in keys]
    return pd.DataFrame.from_records(rows, columns=list(KEY_COLUMNS)).astype(KEY_COLUMNS)


def pairs_partition(rows: pd.DataFrame, window: timedelta | None, self_join: bool, keying: Keying) -> pd.DataFrame:
    """(target, source) pairs of documents with sentences that met on a key and may be within
    the bound, from a partition holding every row of its keys (after the shuffle by key).

    A bucket of more than ``max_bucket`` documents (boilerplate that escaped the cut on
    common pairs: "Reporting by ...") is skipped. The pairs of a bucket are checked as
    arrays, a block of rows at a time, so memory follows the block, not the buckets.
    """
    rows = rows[rows["key"].duplicated(keep=False)]
    documents = rows.groupby("key")["id"].transform("nunique")
    rows = rows[(documents >= 2) & (documents <= keying.max_bucket)].sort_values("key", kind="stable")
    codes, ids = pd.factorize(rows["id"], sort=True)  # code order is id order
    side = Sides(codes, rows["day"].to_numpy(float), rows["source"].to_numpy(bool),
                 rows["size"].to_numpy(np.int64), rows[list(SIGNATURE)].to_numpy(np.uint64))
    found = [_pairs(side, left, right, self_join, window, keying.min_dice) for left, right in _bucket_pairs(rows["key"])]
    pairs = np.unique(np.concatenate(found or [np.empty((0, 2), np.int64)]), axis=0)
    return pd.DataFrame({"target": ids[pairs[:, 0]], "source": ids[pairs[:, 1]]}).astype(PAIR_COLUMNS)


class Sides(NamedTuple):
    """The rows of a partition as arrays: document code, day, role, sentence size and signature."""

    code: np.ndarray
    day: np.ndarray
    source: np.ndarray
    size: np.ndarray
    words: np.ndarray


def _bucket_pairs(keys: pd.Series, block: int = 1 << 21) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every two rows (i < j) of sorted ``keys`` with the same key, as index arrays of
    about ``block`` pairs at a time."""
    values = keys.to_numpy()
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    partners = np.repeat(ends, ends - starts) - np.arange(len(values)) - 1  # the rows after i in its bucket
    total = np.cumsum(partners)
    cuts = np.searchsorted(total, np.arange(block, total[-1] + block, block), side="right") if len(total) else ()
    for first, last in pairwise(np.unique(np.r_[0, cuts, len(values)]).astype(int)):
        count = partners[first:last]
        left = np.repeat(np.arange(first, last), count)
        after = np.arange(len(left)) - np.repeat(np.cumsum(count) - count, count)
        yield left, left + 1 + after


def _pairs(side: Sides, x: np.ndarray, y: np.ndarray, self_join: bool, window: timedelta | None,
           min_dice: float) -> np.ndarray:
    """(target, source) document codes of the row pairs (x, y) to keep."""
    keep = side.code[x] != side.code[y]
    if self_join:  # the later document is the target; without two dates, the larger id
        dx, dy = side.day[x], side.day[y]
        dated = ~np.isnan(dx) & ~np.isnan(dy) & (dx != dy)
        x_target = np.where(dated, dx > dy, side.code[x] > side.code[y])
    else:
        keep &= side.source[x] != side.source[y]
        x_target = ~side.source[x]
    target, source = np.where(x_target, x, y), np.where(x_target, y, x)
    if window is not None:
        with np.errstate(invalid="ignore"):
            age = side.day[target] - side.day[source]
            keep &= (age >= 0) & (age <= window.days)
    sizes = side.size[x] + side.size[y]
    shared = most_shared(side.words[x], side.size[x], side.words[y], side.size[y])
    keep &= 2 * shared >= min_dice * sizes - 1e-9
    return np.column_stack([side.code[target[keep]], side.code[source[keep]]])


def _days(dates: pd.Series) -> pd.Series:
    """Days since 1970 of each date (NaN when undated)."""
    parsed = pd.to_datetime(dates.astype("string").str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    return (parsed - pd.Timestamp(0)).dt.days.astype(float)


# Across languages (scan --across-languages): documents meet on the names and numbers a
# translation keeps (corpus/across.py, anchor_keys), one row per document and key.
ANCHOR_COLUMNS = {"key": "int64", "id": "string", "language": "string", "day": "float64", "source": "bool",
                  "anchors": "int64"}
ACROSS_COLUMNS = {"target": "string", "source": "string", "smaller": "int64"}
# Two documents in different languages are a candidate pair when they share this many of
# their keys, and this share of the smaller document's: on the WMT news, the translation
# of an article shares 0.2 of its keys or more with it in 94-99% of articles (by language),
# and 0.2-0.4 other articles of 150 reach it.
MIN_SHARED_ANCHORS = 3
MIN_ANCHOR_SHARE = 0.2


def anchors_partition(documents: pd.DataFrame, role: str) -> pd.DataFrame:
    """One row per (anchor key, document), with the document's language, day and role."""
    days = _days(documents["date"]).tolist()
    rows = []
    for doc_id, text, day in zip(documents["id"], documents["text"], days):
        code = detect(str(text))
        keys = anchor_keys(str(text), code)
        rows += [(anchor_key(key), doc_id, code, day, role == "source", len(keys)) for key in keys]
    return pd.DataFrame.from_records(rows, columns=list(ANCHOR_COLUMNS)).astype(ANCHOR_COLUMNS)


def across_partition(rows: pd.DataFrame, window: timedelta | None, self_join: bool, max_bucket: int) -> pd.DataFrame:
    """(target, source, smaller key count) once per key two documents of different languages
    share, from a partition holding every row of its keys; buckets over ``max_bucket`` skipped."""
    size = rows.groupby("key")["id"].transform("size")
    rows = rows[(size >= 2) & (size <= max_bucket)]
    met = rows.merge(rows, on="key", suffixes=("_x", "_y"))
    met = met[met["language_x"] != met["language_y"]]
    if self_join:  # the later document is the target; without two dates, the larger id
        dated = met["day_x"].notna() & met["day_y"].notna() & (met["day_x"] != met["day_y"])
        met = met[(dated & (met["day_x"] > met["day_y"])) | (~dated & (met["id_x"] > met["id_y"]))]
    else:
        met = met[~met["source_x"] & met["source_y"]]
    if window is not None:
        age = met["day_x"] - met["day_y"]
        met = met[(age >= 0) & (age <= window.days)]
    return pd.DataFrame({"target": met["id_x"], "source": met["id_y"],
                         "smaller": np.minimum(met["anchors_x"], met["anchors_y"])}).astype(ACROSS_COLUMNS)


def enough_shared(counted: pd.DataFrame) -> pd.DataFrame:
    """The (target, source) pairs whose shared keys (column ``shared``) pass both bounds."""
    keep = (counted["shared"] >= MIN_SHARED_ANCHORS) & (counted["shared"] >= MIN_ANCHOR_SHARE * counted["smaller"])
    return counted.loc[keep, ["target", "source"]].astype(PAIR_COLUMNS)


def align_partition(pairs: pd.DataFrame, options: Options, self_join: bool = False) -> pd.DataFrame:
    """The engine's comparison of each candidate pair; pairs with nothing aligned are dropped.

    Within one archive (``self_join``), a pair whose dates do not say which came first
    (one undated, or the same day) takes the engine's direction, as ``compare`` does: the
    derived document is the target.

    Preparing a document (cleaning, sentences, terms) costs several times a comparison,
    and a document is often in several pairs: each is prepared once per partition.
    """
    prepared: dict[str, Document] = {}

    def document(name: str, text: str) -> Document:
        if name not in prepared:
            prepared[name] = prepare(name, text, options)
        return prepared[name]

    records = [align_pair(document(str(row.target), str(row.target_text)), document(str(row.source), str(row.source_text)),
                          row, options, self_join) for row in pairs.itertuples(index=False)]
    return pd.DataFrame.from_records([r for r in records if r], columns=list(RESULT_COLUMNS)).astype(RESULT_COLUMNS)


def align_pair(target: Document, source: Document, row: Any, options: Options,
               self_join: bool = False) -> dict[str, Any] | None:
    result = compare_documents(target, source, options)
    if result.summary.verdict == INDEPENDENT:  # no pairs, or too little evidence of reuse
        return None
    dates = _text_or_none(row.target_date), _text_or_none(row.source_date)
    record = {
        "target": row.target, "source": row.source, "target_date": dates[0], "source_date": dates[1],
        "target_reused": round(result.summary.a_reused, 4), "source_reused": round(result.summary.b_reused, 4),
        "verdict": result.summary.verdict,
        "pairs": [[list(p.a), list(p.b), round(p.distance, 4)] for p in result.pairs],
    }
    undecided = None in map(calendar_day, dates) or calendar_day(dates[0]) == calendar_day(dates[1])
    if self_join and undecided and result.summary.direction == B_FROM_A:
        record = _swapped(record)
    return {**record, "pairs": json.dumps(record["pairs"])}


def _swapped(record: dict[str, Any]) -> dict[str, Any]:
    """The record with target and source exchanged."""
    return {"target": record["source"], "source": record["target"], "target_date": record["source_date"],
            "source_date": record["target_date"], "target_reused": record["source_reused"],
            "source_reused": record["target_reused"], "verdict": record["verdict"],
            "pairs": [[b, a, d] for a, b, d in record["pairs"]]}


def _text_or_none(value: Any) -> str | None:
    return None if pd.isna(value) else str(value)
