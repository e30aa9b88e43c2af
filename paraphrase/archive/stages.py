"""The two stages as functions on pandas partitions, so Dask can run them anywhere.

Stage 1 counts each content term's documents, then turns documents into (key,
document) rows, a key for each pair of a sentence's rarest terms (see ``keys.py``); a
merge of those rows with themselves on the key (a shuffle) brings each bucket's documents
together, and the pairs are filtered by role, date order and window as column operations.
Stage 2 aligns each candidate pair with the engine, exactly as ``paraphrase.compare``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pandas as pd

from ..document import prepare
from ..options import Options
from ..pipeline import compare_documents
from .keys import dice, document_frequencies, sentence_keys

TERM_COLUMNS = {"term": "string", "df": "int64"}
KEY_COLUMNS = {"key": "int64", "id": "string", "date": "string", "role": "string", "terms": "string"}
PAIR_COLUMNS = {"target": "string", "source": "string"}
RESULT_COLUMNS = {
    "target": "string", "source": "string", "target_date": "string", "source_date": "string",
    "target_reused": "float64", "source_reused": "float64", "verdict": "string", "pairs": "string",
}


# A key shared by more documents is boilerplate ("Reporting by ..."), and a bucket's rows
# grow with its square: such keys are skipped (the one approximation of stage 1). A guard
# on work, not a similarity threshold: the benchmark's recall scan of 1,050 documents
# has no bucket over 95.
MAX_BUCKET = 200


@dataclass(frozen=True)
class Keying:
    # The Dice bound of the engine's alignment (Options.min_content_dice).
    min_dice: float
    max_bucket: int = MAX_BUCKET
    min_terms: int = 3


def terms_partition(documents: pd.DataFrame) -> pd.DataFrame:
    """Per content term, the number of this partition's documents holding it."""
    counts = document_frequencies(str(text) for text in documents["text"])
    return pd.DataFrame({"term": list(counts), "df": list(counts.values())}).astype(TERM_COLUMNS)


def keys_partition(documents: pd.DataFrame, role: str, df: dict[str, int], keying: Keying) -> pd.DataFrame:
    """One row per (key, sentence) for every key of every sentence of every document, with
    the sentence's terms, so that documents meeting on a key can be checked sentence to sentence."""
    rows = [(key, doc_id, doc_date, role, terms) for doc_id, text, doc_date in
            zip(documents["id"], documents["text"], documents["date"])
            for key, terms in set(sentence_keys(str(text), df, keying.min_dice, keying.min_terms))]
    return pd.DataFrame.from_records(rows, columns=list(KEY_COLUMNS)).astype(KEY_COLUMNS)


def pairs_partition(joined: pd.DataFrame, window: timedelta | None, self_join: bool,
                    min_dice: float = 0.0) -> pd.DataFrame:
    """(target, source) pairs from rows of two documents whose sentences met on a key and
    are within ``min_dice`` of each other.

    ``joined`` holds the self-merge of key rows (columns suffixed _x and _y). Across two
    collections, targets meet sources; within one archive, the earlier document is the
    source (without dates, the order of ids decides, so each pair comes once).
    """
    x_day, y_day = _days(joined["date_x"]), _days(joined["date_y"])
    if self_join:
        dated = x_day.notna() & y_day.notna() & (x_day != y_day)
        x_later = (dated & (x_day > y_day)) | (~dated & (joined["id_x"] > joined["id_y"]))
        keep = x_later & (joined["id_x"] != joined["id_y"])
    else:
        keep = (joined["role_x"] == "target") & (joined["role_y"] == "source") & (joined["id_x"] != joined["id_y"])
    if window is not None:
        age = x_day - y_day
        keep &= age.notna() & (age >= pd.Timedelta(0)) & (age <= pd.Timedelta(window))
    if min_dice > 0 and keep.any():
        close = [dice(a, b) >= min_dice - 1e-9 for a, b in zip(joined.loc[keep, "terms_x"], joined.loc[keep, "terms_y"])]
        keep.loc[keep] = close
    pairs = joined.loc[keep, ["id_x", "id_y"]]
    return pairs.set_axis(list(PAIR_COLUMNS), axis=1).astype(PAIR_COLUMNS)


def _days(dates: pd.Series) -> pd.Series:
    return pd.to_datetime(dates.astype("string").str.slice(0, 10), errors="coerce", format="%Y-%m-%d")


def align_partition(pairs: pd.DataFrame, options: Options) -> pd.DataFrame:
    """The engine's comparison of each candidate pair; pairs with nothing aligned are dropped."""
    records = [r for r in map(lambda row: align_pair(row, options), pairs.itertuples(index=False)) if r]
    return pd.DataFrame.from_records(records, columns=list(RESULT_COLUMNS)).astype(RESULT_COLUMNS)


def align_pair(row: Any, options: Options) -> dict[str, Any] | None:
    target = prepare(str(row.target), str(row.target_text), options)
    source = prepare(str(row.source), str(row.source_text), options)
    result = compare_documents(target, source, options)
    if not result.pairs:
        return None
    return {
        "target": row.target, "source": row.source,
        "target_date": _text_or_none(row.target_date), "source_date": _text_or_none(row.source_date),
        "target_reused": round(result.summary.a_reused, 4), "source_reused": round(result.summary.b_reused, 4),
        "verdict": result.summary.verdict,
        "pairs": json.dumps([[list(p.a), list(p.b), round(p.distance, 4)] for p in result.pairs]),
    }


def _text_or_none(value: Any) -> str | None:
    return None if pd.isna(value) else str(value)
