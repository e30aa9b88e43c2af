"""``scan()``: candidate pairs from sentence keys (a Dask shuffle), then the engine on each."""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Iterator

import dask
import dask.dataframe as dd
import pandas as pd
from dask.base import compute
from dask.delayed import delayed

from ..cores import usable_cores
from ..errors import InputError
from ..options import DEFAULT_OPTIONS, Options
from .clusters import write_clusters
from .inputs import read_documents, readable, unreadable
from .keys import TermCounts
from .stages import (ACROSS_COLUMNS, ALL_SENTENCES, ANCHOR_COLUMNS, KEY_COLUMNS, MAX_BUCKET, MAX_TOGETHER,
                     PAIR_COLUMNS, RESULT_COLUMNS, TERM_COLUMNS, Keying, across_partition, align_partition,
                     anchors_partition, enough_shared, keys_partition, pairs_partition, terms_partition)

FORMATS = (".jsonl", ".parquet", ".csv")


@dataclass(frozen=True)
class ScanReport:
    output: Path
    targets: int
    sources: int
    candidate_pairs: int
    reused_pairs: int
    clusters: int | None = None
    clusters_output: Path | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    unreadable: tuple[str, ...] = ()  # a message for each file skipped, naming it


def scan(
    articles: str | Path, against: str | Path | None = None, *, output: str | Path,
    window: timedelta | None = None, clusters: str | Path | None = None, scheduler: str | None = None,
    workers: int | None = None, options: Options | None = None, max_bucket: int = MAX_BUCKET,
    max_together: float | None = MAX_TOGETHER, across_languages: bool = False,
    progress: Callable[[str], None] = lambda message: None,
) -> ScanReport:
    """Find every reused pair between ``articles`` and ``against`` (or within ``articles``).

    ``scheduler`` is a Dask scheduler address (``tcp://host:8786``); without one the job
    runs on this machine's cores with Dask's local process scheduler. ``max_together`` and
    ``max_bucket`` bound the candidate stage's work (see ``stages.py``); ``max_together=None``
    makes its keys exact, at a cost that grows with the square of the archive. With
    ``across_languages``, documents in different languages that share enough names and
    numbers are paired too, and compared by meaning (``corpus/across.py``). A file that
    cannot be read is skipped and named in the report's ``unreadable``.
    """
    options = options or DEFAULT_OPTIONS
    keying = Keying(options.min_content_dice, max_bucket, options.min_content_words, max_together)
    output = _checked_output(output)
    inputs = [read_documents(articles)] + ([read_documents(against)] if against is not None else [])
    targets, sources = readable(inputs[0]), readable(inputs[1]) if against is not None else None
    with _scheduler(scheduler, workers):
        progress("stage 1/2: term frequencies, sentence keys and candidate pairs (shuffle by key)")
        pairs, skipped = _candidate_pairs(targets, sources, window, keying, dd.concat([unreadable(d) for d in inputs]))
        if across_languages:
            pairs = dd.concat([pairs, _pairs_across_languages(targets, sources, window, keying)]).drop_duplicates()
        pairs = pairs.persist()
        candidate_count = len(pairs)
        progress(f"stage 2/2: aligning {candidate_count:,} candidate pairs with the engine")
        results = _aligned(pairs, targets if sources is None else dd.concat([targets, sources]), options,
                           self_join=sources is None)
        reused = _write(results, output)
    report = ScanReport(output, len(targets), 0 if sources is None else len(sources), candidate_count, reused,
                        settings={"window_days": window.days if window else None, "min_dice": keying.min_dice,
                                  "max_bucket": keying.max_bucket, "max_together": keying.max_together,
                                  "across_languages": across_languages},
                        unreadable=skipped)
    if clusters is not None:
        count, where = write_clusters(read_results(output), _checked_output(clusters))
        report = ScanReport(**{**report.__dict__, "clusters": count, "clusters_output": where})
    return report


def _candidate_pairs(targets: dd.DataFrame, sources: dd.DataFrame | None, window: timedelta | None,
                     keying: Keying, unread: dd.DataFrame) -> tuple[dd.DataFrame, tuple[str, ...]]:
    """The candidate pairs, and the message (naming it) of each file that could not be read."""
    everything = targets if sources is None else dd.concat([targets, sources])
    sums = everything.map_partitions(terms_partition, meta=_meta(TERM_COLUMNS)).groupby("term")["sentences"].sum()
    # Computed together, the term counts and the unreadable files share one reading of the archive.
    counted, skipped = compute(sums, unread)
    frequency = {str(term): int(n) for term, n in counted.items()}
    # The counts, for every worker: one object in the graph, not a copy per task.
    counts = delayed(TermCounts(frequency, frequency.pop(ALL_SENTENCES, 0)), pure=True)
    keys = targets.map_partitions(keys_partition, "target", counts, keying, meta=_meta(KEY_COLUMNS))
    if sources is not None:
        keys = dd.concat([keys, sources.map_partitions(keys_partition, "source", counts, keying,
                                                       meta=_meta(KEY_COLUMNS))])
    buckets = keys.shuffle("key")  # every row of a key in one partition
    pairs = buckets.map_partitions(pairs_partition, window, sources is None, keying, meta=_meta(PAIR_COLUMNS))
    return pairs.drop_duplicates(), tuple(str(error) for error in skipped.sort_values("id")["error"])


def _pairs_across_languages(targets: dd.DataFrame, sources: dd.DataFrame | None, window: timedelta | None,
                            keying: Keying) -> dd.DataFrame:
    anchors = targets.map_partitions(anchors_partition, "target", meta=_meta(ANCHOR_COLUMNS))
    if sources is not None:
        anchors = dd.concat([anchors, sources.map_partitions(anchors_partition, "source", meta=_meta(ANCHOR_COLUMNS))])
    met = anchors.shuffle("key").map_partitions(across_partition, window, sources is None, keying.max_bucket,
                                                meta=_meta(ACROSS_COLUMNS))
    counted = met.groupby(["target", "source", "smaller"]).size().to_frame("shared").reset_index()
    return counted.map_partitions(enough_shared, meta=_meta(PAIR_COLUMNS))


def _aligned(pairs: dd.DataFrame, documents: dd.DataFrame, options: Options, self_join: bool) -> dd.DataFrame:
    texts = documents[["id", "text", "date"]].drop_duplicates(subset="id")
    as_target = texts.rename(columns={"id": "target", "text": "target_text", "date": "target_date"})
    as_source = texts.rename(columns={"id": "source", "text": "source_text", "date": "source_date"})
    joined = pairs.merge(as_target, on="target").merge(as_source, on="source")
    return joined.map_partitions(align_partition, options, self_join, meta=_meta(RESULT_COLUMNS))


def _meta(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def _write(results: dd.DataFrame, output: Path) -> int:
    """Write every partition from the workers, then put the whole in place at once."""
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        if output.suffix == ".parquet":
            results.to_parquet(str(staging), write_index=False)
            count = len(pd.read_parquet(staging, columns=["target"]))
            _replace(staging, output)
            return count
        results.to_json(str(staging / "part-*.jsonl"), orient="records", lines=True, force_ascii=False)
        partial = output.with_name(f".{output.name}.partial")
        parts = sorted(staging.glob("part-*.jsonl"), key=_part_number)
        count = (_as_csv if output.suffix == ".csv" else _concatenate)(parts, partial)
        os.replace(partial, output)
        return count
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _concatenate(parts: list[Path], destination: Path) -> int:
    count = 0
    with open(destination, "w", encoding="utf-8") as out:
        for part in parts:
            with open(part, encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        record = json.loads(line)
                        record["pairs"] = json.loads(record["pairs"])
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        count += 1
    return count


def _as_csv(parts: list[Path], destination: Path) -> int:
    """The records as CSV rows, for a spreadsheet: ``pairs`` stays a JSON list in one cell."""
    count = 0
    with open(destination, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(RESULT_COLUMNS))
        writer.writeheader()
        for part in parts:
            with open(part, encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        writer.writerow(json.loads(line))
                        count += 1
    return count


def _part_number(path: Path) -> int:
    return int(path.stem.split("-")[-1])


def _replace(staging: Path, output: Path) -> None:
    if output.is_dir():
        shutil.rmtree(output)
    elif output.exists():
        output.unlink()
    os.replace(staging, output)


def _checked_output(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix not in FORMATS:
        raise InputError(f"{path}: the output must end in .jsonl, .parquet or .csv")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder for the output")
    return path


def read_results(path: str | Path) -> Iterator[dict[str, Any]]:
    """The reused-pair records of a scan's output, JSON Lines, Parquet or CSV."""
    path = Path(path)
    if path.suffix == ".parquet":
        for record in pd.read_parquet(path).to_dict("records"):
            yield {**record, "pairs": json.loads(record["pairs"])}
        return
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as rows:
            for row in csv.DictReader(rows):
                yield {**row, "target_date": row["target_date"] or None, "source_date": row["source_date"] or None,
                       "target_reused": float(row["target_reused"]),
                       "source_reused": float(row["source_reused"]), "pairs": json.loads(row["pairs"])}
        return
    with open(path, encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


@contextlib.contextmanager
def _scheduler(address: str | None, workers: int | None) -> Iterator[None]:
    """Run on the cluster at ``address``, or on this machine's cores.

    Shuffles go through disk, so a worker holds about a partition at a time rather than
    its share of every bucket: peer to peer on a cluster, through partd files on the local
    scheduler.
    """
    if address:
        from distributed import Client

        with Client(address), dask.config.set({"dataframe.shuffle.method": "p2p"}):
            yield
    else:
        with dask.config.set({"scheduler": "processes", "num_workers": workers or usable_cores(),
                              "dataframe.shuffle.method": "disk", "multiprocessing.initializer": functools.partial(die_with_parent, os.getpid())}):
            yield


def die_with_parent(parent: int) -> None:
    """In a local worker process: exit when ``parent``, the scan that started it, is gone.

    A scan killed with SIGKILL cannot stop its pool, whose workers would otherwise wait
    for work forever; each worker watches its parent instead (from before it started, as
    the scan may die while the worker is still starting).
    """
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()
