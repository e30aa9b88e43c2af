"""Read an archive as a Dask DataFrame of documents: folders, JSON Lines or Parquet files."""

from __future__ import annotations

from pathlib import Path

import dask.dataframe as dd
import pandas as pd

from ..corpus.records import read_records
from ..errors import InputError

COLUMNS = {"id": "string", "text": "string", "date": "string", "source": "string"}
PARTITION_ROWS = 1000  # documents per partition: what one task holds in memory


def read_documents(path: str | Path, partition_rows: int = PARTITION_ROWS) -> dd.DataFrame:
    """Documents with columns id, text, date and source (date and source may be missing)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: not found")
    if path.suffix.lower() == ".parquet" or (path.is_dir() and any(path.glob("*.parquet"))):
        frame = dd.read_parquet(str(path))
        missing = {"id", "text"} - set(frame.columns)
        if missing:
            raise InputError(f"{path}: Parquet needs columns id and text (missing {', '.join(sorted(missing))})")
        for column in ("date", "source"):
            if column not in frame.columns:
                frame[column] = None
        return frame[list(COLUMNS)].astype(COLUMNS)
    records = [{"id": r.key, "text": r.text, "date": r.date, "source": r.source} for r in read_records([path])]
    if not records:
        raise InputError(f"{path}: no documents")
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS)).astype(COLUMNS)
    return dd.from_pandas(frame, chunksize=partition_rows, sort=False)
