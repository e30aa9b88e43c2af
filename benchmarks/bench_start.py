"""Start-up: wall time of a new ``paraphrase`` process, against the interpreter's own start.

    python benchmarks/bench_start.py [--runs 10]

Each command runs ``--runs`` times in a new process (the best time is printed, with its
ratio to ``python -c pass`` measured in the same run):

* ``python -c pass``: the baseline, the interpreter alone;
* ``import nltk``: the whole of NLTK, for reference: the engine loads Punkt and the Porter
  stemmer without it (``paraphrase/nltk_parts.py``);
* ``paraphrase --help``;
* ``paraphrase compare`` on the seeds 000/001 (a rewording: every word of both texts is
  weighed, so wordfreq's English table is read) and 002/004 (independent: no pair to weigh).

Target (issue #14): a cold ``compare`` of the seeds in 0.4 s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("0*.txt"))
COMMAND = [sys.executable, "-m", "paraphrase.cli"]


def best(command: list[str], runs: int) -> float:
    """Best wall time of ``runs`` runs of ``command`` in a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    cases = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("import nltk", [sys.executable, "-c", "import nltk"]),
        ("paraphrase --help", [*COMMAND, "--help"]),
        ("compare seeds 000 001", [*COMMAND, "compare", str(SEEDS[0]), str(SEEDS[1])]),
        ("compare seeds 002 004", [*COMMAND, "compare", str(SEEDS[2]), str(SEEDS[4])]),
    ]
    baseline = None
    print(f"{'new process':24} {'best s':>7} {'ratio':>7}")
    for name, command in cases:
        seconds = best(command, args.runs)
        baseline = baseline or seconds
        print(f"{name:24} {seconds:7.3f} {seconds / baseline:6.1f}x")
    print(f"(best of {args.runs}; ratio to the interpreter's own start in this run; #14's target: compare 0.4 s)")


if __name__ == "__main__":
    main()
