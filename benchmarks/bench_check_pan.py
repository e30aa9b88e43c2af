"""The wire-copy check on real reuse: PAN-13's suspicious documents against all its sources.

    python benchmarks/bench_check_pan.py [--data ../shared/data] [--per-subset 40]

An index of every PAN-13 training source document (3,230 web pages; the few binary ones
are skipped) stands for the wire; each suspicious document of the quality gate's sample
(``--per-subset`` pairs per subset, seed 13) is checked against it with the shipped
options. For each pair with gold reuse, the pair's source should be among the sources the
check reports (``found``; ``first`` when it ranks first, which a document built from
many sources rarely allows); for each no-plagiarism pair, it should not be (``reported``).
The pairwise verdict of the same pairs (``paraphrase eval``) is the ceiling: the check
adds the candidate search, which must find the source among thousands of pages on the
same topics.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from paraphrase.corpus import CorpusIndex, read_records
from paraphrase.cores import usable_cores
from paraphrase.corpus.check import check_article
from paraphrase.errors import InputError
from paraphrase.evaluation.corpora import PAN13_SUBSETS, PanPair, pan13_pairs
from paraphrase.evaluation.pan import sample

_INDEX: CorpusIndex | None = None


def _open(path: str) -> None:
    global _INDEX
    _INDEX = CorpusIndex(path, read_only=True)


def _ranked_sources(pair: PanPair) -> list[str] | None:
    """The names of the sources the check reports for the pair's suspicious document, best
    first; None when the document cannot be read."""
    assert _INDEX is not None
    try:
        found = check_article(pair.suspicious, _INDEX)
    except InputError:
        return None
    return [Path(s.document.key).name for s in found.sources]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--per-subset", type=int, default=40)
    args = parser.parse_args()
    corpus = pan13_pairs(args.data)
    pairs = sample(corpus, args.per_subset)
    workers = usable_cores()
    with tempfile.TemporaryDirectory() as folder:
        index_path = str(Path(folder) / "pan13-sources.db")
        started = time.perf_counter()
        skipped: list[InputError] = []
        with CorpusIndex(index_path) as index:
            index.add(read_records(sorted({p.source for p in corpus}), unreadable=skipped.append))
            documents = index.document_count()
        built = time.perf_counter() - started
        started = time.perf_counter()
        with ProcessPoolExecutor(workers, initializer=_open, initargs=(index_path,)) as pool:
            reported = list(pool.map(_ranked_sources, pairs))
        checked = time.perf_counter() - started
    counts: Counter[tuple[str, str]] = Counter()
    for pair, names in zip(pairs, reported):
        counts[pair.subset, "pairs"] += 1
        if names is None:
            counts[pair.subset, "unreadable"] += 1
        elif pair.source.name in names:
            counts[pair.subset, "found"] += 1
            counts[pair.subset, "first"] += names[0] == pair.source.name
    print(f"index of {documents:,} source documents ({len(skipped)} unreadable skipped) built in {built:.0f} s")
    for kind in PAN13_SUBSETS.values():
        n = counts[kind, "pairs"]
        if kind == "none":
            print(f"{kind:12s} {n} pairs: source reported {counts[kind, 'found'] / n:.1%}")
        else:
            print(f"{kind:12s} {n} pairs: source found {counts[kind, 'found'] / n:.1%}, "
                  f"ranked first {counts[kind, 'first'] / n:.1%}")
    print(f"({len(pairs)} checks in {checked:.0f} s on {workers} cores: {checked * workers / len(pairs):.1f} s of "
          "CPU per check)")


if __name__ == "__main__":
    main()
