"""Archive scan on Dask: throughput with 1 and 2 workers, memory, candidate recall.

    python benchmarks/bench_scan.py [--articles 200000] [--workers 1 2] [--subset 2000]
                                    [--max-together 50] [--generator unigram|bigram]

The archive is generated from the shared data's news sentences: by default each sentence
draws its words independently from their real frequencies (distinct stories; only short
sentences of common words align by chance), or with --generator bigram, stitched
fragments of real sentences (much shared by chance: reuse grows with the square of the
archive). It holds 50 planted sources of MRPC sentences and their 50 reworded queries
(the other side of MRPC paraphrase pairs). It is scanned against itself on a LocalCluster
of each number of workers (one thread each), printing articles per second, the ratio of
2 to 1 worker, and the peak resident memory of each worker. Recall: the 50 queries
scanned against a subset of the archive, against brute force (the engine's verdict on
every query-document pair, a document never with itself: reused when it is not
independent, as the scan judges); the scan aligns every candidate
with the same engine, so what it misses is what the candidate stage did not let through.
Target: recall at least 0.99. The same brute-force pairs are then looked up in the scan
of the whole archive, where the limits on work (max_together) cut more.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_check import QUERIES_FULL, QUERIES_PARTIAL, PLANTED_SENTENCES, _news_sentences, planted_paraphrases  # noqa: E402

from paraphrase import DEFAULT_OPTIONS  # noqa: E402
from paraphrase.archive.stages import MAX_BUCKET, MAX_TOGETHER  # noqa: E402
from paraphrase.document import prepare  # noqa: E402
from paraphrase.pipeline import compare_documents  # noqa: E402
from paraphrase.verdict import INDEPENDENT  # noqa: E402


class Archive:
    """Generated stories, planted sources and the queries that reword them (all archived)."""

    def __init__(self, data: Path, articles: int, rng: random.Random, generator: str = "bigram"):
        planted, used = planted_paraphrases(data, rng)
        pool = [s for s in _news_sentences(data) if s not in used]
        self.model = _bigrams(pool)
        # The unigram distribution, without sentence ends (each generated sentence gets one).
        self.words = [w.rstrip(".?!") for s in pool for w in s.split() if w.rstrip(".?!")]
        self.lengths = [len(s.split()) for s in pool]
        self.generator = generator
        self.rng = rng
        self.queries: list[tuple[str, str]] = []  # (query text, its source's id)
        self.records: list[tuple[str, str]] = []
        for q in range(QUERIES_FULL + QUERIES_PARTIAL):
            chunk = planted[q * PLANTED_SENTENCES:(q + 1) * PLANTED_SENTENCES]
            reused = [p.second for p in chunk] if q < QUERIES_FULL else [p.second for p in chunk[:4]]
            query = reused + [self.sentence() for _ in range(3 if q < QUERIES_FULL else 10)]
            rng.shuffle(query)
            self.records.append((f"source-{q}", " ".join(p.first for p in chunk)))
            self.records.append((f"query-{q}", " ".join(query)))
            self.queries.append((" ".join(query), f"source-{q}"))
        self.records += [(f"story-{k}", " ".join(self.sentence() for _ in range(rng.randint(12, 24))))
                         for k in range(articles - len(self.records))]
        rng.shuffle(self.records)

    def sentence(self) -> str:
        if self.generator == "unigram":  # distinct stories: words drawn independently
            return " ".join(self.rng.choices(self.words, k=self.rng.choice(self.lengths))) + "."
        words = [self.rng.choice(self.model[""])]
        while len(words) < 40 and not words[-1].endswith((".", "?", "!")):
            words.append(self.rng.choice(self.model.get(words[-1]) or ["."]))
        return " ".join(words)


def _bigrams(sentences) -> dict[str, list[str]]:
    model: dict[str, list[str]] = {}
    for sentence in sentences:
        words = sentence.split()
        for previous, word in zip(["", *words], words):
            model.setdefault(previous, []).append(word)
    return model


def write_jsonl(path: Path, rows: list[tuple[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for key, text in rows:
            out.write(json.dumps({"id": key, "text": text}) + "\n")
    return path


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_scan(archive: Path, workers: int, output: Path, limits: dict[str, float]) -> tuple[float, list[float], set[tuple[str, str]]]:
    from distributed import Client, LocalCluster

    from paraphrase.archive import scan
    from paraphrase.archive.scan import read_results

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        started = time.perf_counter()
        report = scan(archive, output=output, scheduler=cluster.scheduler_address, progress=print, **limits)
        elapsed = time.perf_counter() - started
        memory = list(client.run(peak_rss_mib).values())
    return elapsed, memory, {(r["target"], r["source"]) for r in read_results(report.output)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--subset", type=int, default=2_000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--generator", choices=("bigram", "unigram"), default="unigram",
                        help="unigram: words drawn independently, distinct stories (default); bigram: stitched "
                             "fragments of real sentences, much shared by chance (reuse grows with the square)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to time (default: 1 2)")
    parser.add_argument("--max-bucket", type=int, default=MAX_BUCKET, help=f"scan's max_bucket (default: {MAX_BUCKET})")
    parser.add_argument("--max-together", type=float, default=MAX_TOGETHER,
                        help=f"scan's max_together (default: {MAX_TOGETHER})")
    args = parser.parse_args()
    limits = {"max_bucket": args.max_bucket, "max_together": args.max_together}
    rng = random.Random(0)
    started = time.perf_counter()
    corpus = Archive(args.data, args.articles, rng, args.generator)
    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        archive = write_jsonl(work / "archive.jsonl", corpus.records)
        print(f"archive of {len(corpus.records):,} articles generated in {time.perf_counter() - started:,.0f} s",
              flush=True)
        rates, whole = {}, set()
        for workers in args.workers:
            elapsed, memory, whole = timed_scan(archive, workers, work / f"out-{workers}.jsonl", limits)
            rates[workers] = len(corpus.records) / elapsed
            print(f"{workers} worker(s): {elapsed:,.0f} s, {rates[workers]:,.1f} articles/s, {len(whole):,} reused "
                  f"pairs; peak memory per worker {', '.join(f'{m:,.0f}' for m in memory)} MiB", flush=True)
        if 1 in rates and 2 in rates:
            print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x", flush=True)

        keys = {key for _, key in corpus.queries}
        others = [r for r in corpus.records if r[0] not in keys]
        subset = [r for r in corpus.records if r[0] in keys] + rng.sample(others, args.subset - len(keys))
        sources = write_jsonl(work / "subset.jsonl", subset)
        queries = write_jsonl(work / "queries.jsonl", [(f"query-{q}", text) for q, (text, _) in enumerate(corpus.queries)])
        from paraphrase.archive import scan
        from paraphrase.archive.scan import read_results

        report = scan(queries, sources, output=work / "recall.jsonl", workers=2, **limits)
        found = {(r["target"], r["source"]) for r in read_results(report.output)}
    documents = [prepare(key, text, DEFAULT_OPTIONS) for key, text in subset]
    brute = set()
    for q, (text, _) in enumerate(corpus.queries):
        query = prepare(f"query-{q}", text, DEFAULT_OPTIONS)
        # The scan never pairs a document with itself; the subset may hold the query's archived
        # copy. A pair is reused as the scan judges it: a verdict other than independent.
        brute |= {(query.name, d.name) for d in documents
                  if d.name != query.name and compare_documents(query, d, DEFAULT_OPTIONS).summary.verdict != INDEPENDENT}
    print(f"candidate recall on {len(subset):,} sources x {len(corpus.queries)} queries: "
          f"{len(found & brute) / len(brute):.3f} ({len(brute)} reused pairs by brute force, "
          f"{report.candidate_pairs:,} candidates of {len(subset) * len(corpus.queries):,} pairs)")
    planted = {(f"query-{q}", source) for q, (_, source) in enumerate(corpus.queries)} & brute
    print(f"  of which the planted sources (reworded MRPC sentences): {len(found & planted)}/{len(planted)}; "
          f"the other {len(brute - planted)} pairs align by chance (sentences sharing common words): "
          f"{len((found & brute) - planted)} found")
    if whole:  # the same pairs, as the scan of the whole archive found them (either way round)
        within = {(t, s) for t, s in whole} | {(s, t) for t, s in whole}
        print(f"the same pairs found by the scan of all {len(corpus.records):,} articles: "
              f"{len(within & brute) / len(brute):.3f}; planted sources {len(within & planted)}/{len(planted)}")


if __name__ == "__main__":
    main()
