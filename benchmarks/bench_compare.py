"""Time and peak memory of ``paraphrase.compare``, against difflib in the same process.

    python benchmarks/bench_compare.py [--data ../shared/data] [--cores 1] [--semantic]

Cases: the seed rewording pair (000, 001), and long documents of 500, 2,000 and 5,000
sentences each, made of the two sides of MRPC's sentence pairs, then STS-B train's news
pairs (real paraphrases and near-paraphrases, in shuffled order on one side). The
baseline is ``difflib.SequenceMatcher`` over the two texts' words: what a naive tool would
run. The growth exponent is that of compare's time from 500 to 5,000 sentences (1 is
linear). Targets: the 2,000 x 2,000 case in under 2 seconds on one core; 5,000 x 5,000 in
3 seconds and 250 MB; a growth exponent of at most 1.2.

Memory, two ways: "peak MiB" is tracemalloc's peak over one run in this process (Python's
allocations only, not buffers that rapidfuzz or numpy allocate in C); "max RSS" is the
resident high-water mark of a new process that imports the engine, builds the cases and
makes one run (everything, the interpreter and the cases included): what #14's 250 MB
bounds.

With ``--semantic``, the seeds and the 2,000 x 2,000 case again with the semantic scorer
(its extra installed), against the lexical compare of the same run: once with the model
loaded but no sentence embedded yet ("cold cache": a new pair of articles), and once with
both texts' embeddings cached in the process ("warm": the same articles again, as when
one text is compared with many).

Every timed run prepares both texts anew (``forget_prepared``): the engine keeps the
documents it prepared last, and a best-of-three over the same texts would otherwise time
the second and third runs without preparation. The seeds are also timed with their
documents kept, as when the same pair is compared again in one process, and so once
more reading every pair's word diff (``compare`` works a diff out when it is first read).
"""

from __future__ import annotations

import argparse
import difflib
import math
import multiprocessing
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Callable

SIZES = (500, 2000, 5000)  # sentences per document in the long cases
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import paraphrase  # noqa: E402
from read_diffs import read_diffs  # noqa: E402  (beside this script)
from paraphrase.document import forget_prepared  # noqa: E402
from paraphrase.evaluation.corpora import mrpc_pairs, stsb_pairs  # noqa: E402


def measure(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall time of ``repeat`` runs, and peak traced memory (MiB) of one run."""
    best = min(_timed(run) for _ in range(repeat))
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak


def resident_peak(tool: str, data: Path, case: str) -> float:
    """The peak resident set (MiB) of a new process that imports the engine, builds the
    cases and runs ``tool`` ("compare" or "difflib") once on ``case``.

    tracemalloc sees Python's allocations only (not rapidfuzz's or numpy's buffers in C);
    the resident peak sees everything, the interpreter and its imports included.
    """
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return float(pool.apply(_run_in_new_process, (tool, data, case)))


def _run_in_new_process(tool: str, data: Path, case: str) -> float:
    a, b = build_cases(data)[case]
    anew(a, b) if tool == "compare" else difflib_words(a, b)()
    # VmHWM, not getrusage's ru_maxrss: Linux carries the latter over from the parent
    # that forked this process, exec or not.
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def anew(a: str, b: str) -> object:
    """``compare`` with both texts prepared again."""
    forget_prepared()
    return paraphrase.compare(a, b)


def difflib_words(a: str, b: str) -> Callable[[], object]:
    return lambda: difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).get_opcodes()


def long_documents(data: Path, sentences: int) -> tuple[str, str]:
    """The two sides of the first ``sentences`` sentence pairs as two documents, one side
    shuffled: MRPC's 4,076 pairs, then STS-B train's news pairs."""
    pairs = [(p.first, p.second) for p in mrpc_pairs(data)]
    pairs += [(p.first, p.second) for p in stsb_pairs(data, "train") if p.genre == "news"]
    left = [first for first, _ in pairs[:sentences]]
    right = [second for _, second in pairs[:sentences]]
    random.Random(0).shuffle(right)
    return "\n".join(left), "\n".join(right)


def build_cases(data: Path) -> dict[str, tuple[str, str]]:
    seeds = sorted((ROOT / "seeds").glob("00[01]_*.txt"))
    cases = {"seeds 000 x 001": (seeds[0].read_text(encoding="utf-8"), seeds[1].read_text(encoding="utf-8"))}
    for n in SIZES:
        cases[f"{n:,} x {n:,} sentences"] = long_documents(data, n)
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cores", type=int, default=1, help="CPU cores to pin the process to (default 1)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--semantic", action="store_true", help="also time the semantic scorer")
    args = parser.parse_args()
    os.sched_setaffinity(0, set(range(args.cores)))
    cases = build_cases(args.data)
    paraphrase.compare("Warm up the lazy imports.", "Warm up the lazy imports.")
    print(f"{'case':26} {'compare s':>10} {'peak MiB':>9} {'max RSS':>8} {'difflib s':>10} {'peak MiB':>9} "
          f"{'max RSS':>8} {'ratio':>7}")
    times = {}
    for name, (a, b) in cases.items():
        ours, our_peak = measure(lambda: anew(a, b), args.repeat)
        base, base_peak = measure(difflib_words(a, b), args.repeat)
        our_rss, base_rss = (resident_peak(tool, args.data, name) for tool in ("compare", "difflib"))
        times[name] = ours
        print(f"{name:26} {ours:10.3f} {our_peak:9.1f} {our_rss:8.0f} {base:10.3f} {base_peak:9.1f} "
              f"{base_rss:8.0f} {ours / base:6.2f}x")
    small, large = SIZES[0], SIZES[-1]
    growth = math.log(times[f"{large:,} x {large:,} sentences"] / times[f"{small:,} x {small:,} sentences"]) \
        / math.log(large / small)
    print(f"(cores: {args.cores}; ratio = compare time / difflib time; best of {args.repeat}; peak MiB: "
          f"tracemalloc, one run; max RSS: MiB, a new process making one run; growth exponent "
          f"of compare time, {small:,} to {large:,} sentences: {growth:.2f})")
    a, b = cases["seeds 000 x 001"]
    again = min(_timed(lambda: paraphrase.compare(a, b)) for _ in range(args.repeat * 10))
    read = min(_timed(lambda: read_diffs(paraphrase.compare(a, b))) for _ in range(args.repeat * 10))
    print(f"seeds 000 x 001 again, both documents kept: {again * 1000:.1f} ms "
          f"({again / times['seeds 000 x 001']:.2f}x the first comparison); every diff read: {read * 1000:.1f} ms")
    if args.semantic:
        semantic(cases, times, args.repeat)


def semantic(cases: dict[str, tuple[str, str]], lexical: dict[str, float], repeat: int) -> None:
    from paraphrase.scorers import installed, scorer_for

    options = paraphrase.Options.for_scorer("semantic")
    if "semantic" not in installed():
        print("semantic scorer skipped: pip install '.[semantic]'")
        return
    scorer = scorer_for(options)
    start = time.perf_counter()
    scorer.embed({"Load the model before the clock starts."})  # type: ignore[attr-defined]
    print(f"\nsemantic scorer (model load {time.perf_counter() - start:.2f} s):")
    print(f"{'case':26} {'cold cache s':>12} {'warm s':>8} {'lexical s':>10} {'cold ratio':>10} {'warm ratio':>10}")
    for name in ("seeds 000 x 001", "2,000 x 2,000 sentences"):
        a, b = cases[name]

        def cold() -> object:
            scorer.cache.clear()  # type: ignore[attr-defined]
            forget_prepared()
            return paraphrase.compare(a, b, options=options)

        def warm() -> object:
            forget_prepared()
            return paraphrase.compare(a, b, options=options)

        runs = repeat if name.startswith("seeds") else 1
        cold_s = min(_timed(cold) for _ in range(runs))
        warm_s = min(_timed(warm) for _ in range(runs))
        print(f"{name:26} {cold_s:12.3f} {warm_s:8.3f} {lexical[name]:10.3f} "
              f"{cold_s / lexical[name]:9.1f}x {warm_s / lexical[name]:9.1f}x")


if __name__ == "__main__":
    main()
