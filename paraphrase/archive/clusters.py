"""Clusters of reprints: documents joined, directly or through others, by rewordings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

REPRINT_VERDICTS = frozenset({"rewording"})


def clusters(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Connected components of the reworded pairs, each with its origin: the earliest
    dated document, or among undated ones, one that no pair says is derived (a source,
    never a target), as the scan's records give direction."""
    parent: dict[str, str] = {}
    dates: dict[str, Any] = {}
    derived: set[str] = set()

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]  # path halving keeps the trees flat
            x = parent[x]
        return x

    for record in records:
        if record["verdict"] in REPRINT_VERDICTS:
            dates[record["target"]], dates[record["source"]] = record.get("target_date"), record.get("source_date")
            derived.add(record["target"])
            a, b = root(record["target"]), root(record["source"])
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for member in parent:
        groups.setdefault(root(member), []).append(member)
    ordered = [sorted(members, key=lambda m: (dates.get(m) or "9999", m in derived, m)) for members in groups.values()]
    return [{"cluster": k, "size": len(members), "origin": members[0], "members": members,
             "dates": [dates.get(m) for m in members]}
            for k, members in enumerate(sorted(ordered, key=lambda m: (-len(m), m[0])))]


def write_clusters(records: Iterable[dict[str, Any]], path: Path) -> tuple[int, Path]:
    found = clusters(records)
    partial = path.with_name(f".{path.name}.partial")
    if path.suffix == ".parquet":
        pd.DataFrame.from_records(found, columns=["cluster", "size", "origin", "members", "dates"]).to_parquet(partial)
    else:
        partial.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in found), encoding="utf-8")
    partial.replace(path)
    return len(found), path
