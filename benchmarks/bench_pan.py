"""The whole PAN-13 text alignment training corpus (5,185 pairs), on every core.

    python benchmarks/bench_pan.py [--data ../shared/data]

The quality gate judges 40 pairs per subset; this runs all of them and prints the same
table as ``paraphrase eval``, with the time per pair.
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from paraphrase import DEFAULT_OPTIONS
from paraphrase.cores import usable_cores
from paraphrase.evaluation.corpora import PanPair, pan13_pairs
from paraphrase.evaluation.pan import Judged, judge, measure
from paraphrase.evaluation.run import pan_rows


def _judge(pair: PanPair) -> Judged:
    return judge(pair, DEFAULT_OPTIONS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    pairs = pan13_pairs(parser.parse_args().data)
    workers = usable_cores()
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        judged = list(pool.map(_judge, pairs, chunksize=16))
    elapsed = time.perf_counter() - started
    for line in pan_rows(measure(judged, None)):
        print(line)
    print(f"({len(pairs):,} pairs in {elapsed:.0f} s on {workers} cores: {1000 * elapsed * workers / len(pairs):.0f} ms "
          "of CPU per pair)")


if __name__ == "__main__":
    main()
