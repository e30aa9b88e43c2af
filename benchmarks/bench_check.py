"""The wire-copy check at scale: build an index of a synthetic corpus and check against it.

    python benchmarks/bench_check.py [--articles 100000] [--subset 2000] [--data ../shared/data] [--semantic] [--across]

The corpus (for timing only) is made of news sentences from the shared data (STS-B train,
MRPC, the seeds): each synthetic sentence joins the first half of one real sentence to the
second half of another, and names and numbers are swapped at random, so that the
vocabulary is real news vocabulary but sentences do not recur across thousands of
articles as drawing them whole from a pool of ten thousand would make them. Planted among them are
the sources of 50 query articles: a source holds MRPC sentences labelled "paraphrase",
and its query the other side of those pairs (real rewordings), all of them (30 queries)
or four (20 queries, partial reuse), with filler from STS-B dev. No generated sentence and
no filler shares a run of five words with a planted sentence or the pool (STS-B repeats
MRPC's sentences, slightly reworded), so each query reuses its planted source only.

Reports build throughput, index size, check latency (p50/p95 over the queries), and on a
subset: brute force (the engine aligning the query with every document) against the
two-stage check, in time and in recall (the sources brute force finds, documents whose
comparison with the query finds reuse, that the two-stage check also reports). Targets: check p50 under 100 ms at 100,000 articles, build
at least 500 articles per second, candidate recall at least 0.99.

With ``--semantic``, the checks run again with the semantic scorer (model loaded first;
embeddings cached within the run, as in one ``paraphrase check`` of many articles), its
p50 printed against the lexical p50 of the same run (target: at most 3x).

With ``--across``, the 151 English WMT news articles join the corpus, and 40 of their
German translations are checked against it (the search by names and numbers, then the
comparison by meaning; sentences encoded once per run, as in one ``paraphrase check``):
p50 against the lexical p50 of the same run, and how often the original is the first source.

Last, the rolling window: articles are dated over the 120 days before DAY (the planted
sources on DAY itself); ``prune --older-than 90d`` then removes about a quarter of the
index in one transaction, timed against adding (per document), and the checks run again.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paraphrase import DEFAULT_OPTIONS, Options  # noqa: E402
from paraphrase.corpus import CorpusIndex, Record  # noqa: E402
from paraphrase.corpus.check import check_article  # noqa: E402
from paraphrase.document import prepare  # noqa: E402
from paraphrase.evaluation.corpora import mrpc_pairs, stsb_pairs  # noqa: E402
from paraphrase.pipeline import compare_documents  # noqa: E402
from paraphrase.verdict import INDEPENDENT  # noqa: E402

QUERIES_FULL, QUERIES_PARTIAL, PLANTED_SENTENCES = 30, 20, 10
DAY, SPAN_DAYS, KEEP_DAYS = date(2024, 12, 1), 120, 90
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
# The seeds cut into sentences by a fixed rule, not the engine's: the corpus must not change
# when the engine's sentence splitting does (it did: 47 planted sources found, then 46, with
# the same verdicts on the same texts).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def planted_paraphrases(data: Path, rng: random.Random) -> tuple[list, set[str]]:
    """MRPC paraphrase pairs to plant (sources get the first side, queries the second),
    and every sentence they use, which the generated text must not contain."""
    paraphrases = [p for p in mrpc_pairs(data) if p.label == 1]
    rng.shuffle(paraphrases)
    planted = paraphrases[: (QUERIES_FULL + QUERIES_PARTIAL) * PLANTED_SENTENCES]
    return planted, {p.first for p in planted} | {p.second for p in planted}


class Corpus:
    """The synthetic corpus, its planted sources and the queries that reuse them."""

    def __init__(self, data: Path, articles: int, rng: random.Random):
        planted, used = planted_paraphrases(data, rng)
        # STS-B repeats MRPC's sentences (MSRpar), reworded slightly: only sentences that share
        # no five words with a planted one, so a query reuses its planted source and no other.
        pool = _unseen([s for s in _news_sentences(data) if s not in used], sorted(used))
        names = sorted({m.group() for s in pool for m in _NAME.finditer(s)})
        filler = _unseen([p.first for p in stsb_pairs(data, "dev")], pool + sorted(used))
        days = random.Random(1)  # its own stream: the texts stay those of earlier runs
        self.records = [Record(f"syn-{k}", _article(pool, names, rng), _day(days))
                        for k in range(articles - len(planted) // PLANTED_SENTENCES)]
        self.queries: list[tuple[str, str]] = []  # (query text, key of its planted source)
        for q in range(QUERIES_FULL + QUERIES_PARTIAL):
            chunk = planted[q * PLANTED_SENTENCES:(q + 1) * PLANTED_SENTENCES]
            key = f"source-{q}"
            self.records.insert(rng.randrange(len(self.records) + 1),
                                Record(key, " ".join(p.first for p in chunk), DAY.isoformat()))
            reused = [p.second for p in chunk] if q < QUERIES_FULL else [p.second for p in chunk[:4]]
            text = reused + rng.sample(filler, 3 if q < QUERIES_FULL else 10)
            rng.shuffle(text)
            self.queries.append(("\n".join(text), key))


def _unseen(sentences: list[str], pool: list[str], n: int = 5) -> list[str]:
    """The sentences that share no run of ``n`` words with the pool: half of one spliced into
    hundreds of corpus articles would make every one of them a source of the query holding it."""
    seen = {gram for s in pool for gram in _grams(s, n)}
    return [s for s in sentences if seen.isdisjoint(_grams(s, n))]


def _grams(sentence: str, n: int) -> set[tuple[str, ...]]:
    words = sentence.lower().split()
    return {tuple(words[k:k + n]) for k in range(len(words) - n + 1)}


def _day(rng: random.Random) -> str:
    return (DAY - timedelta(days=rng.randrange(SPAN_DAYS))).isoformat()


def _news_sentences(data: Path) -> list[str]:
    sentences = [p.first for p in mrpc_pairs(data)]
    sentences += [s for p in stsb_pairs(data, "train") if p.genre == "news" for s in (p.first, p.second)]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s for s in _SENTENCE_END.split(text) if s.strip()]
    return sorted(set(sentences))


def _article(pool: list[str], names: list[str], rng: random.Random) -> str:
    swap_name = lambda m: rng.choice(names)  # noqa: E731
    swap_number = lambda m: str(rng.randint(2, 9999))  # noqa: E731
    sentences = (_splice(*rng.sample(pool, 2)) for _ in range(rng.randint(12, 24)))
    return "\n".join(_NUMBER.sub(swap_number, _NAME.sub(swap_name, s)) for s in sentences)


def _splice(first: str, second: str) -> str:
    head, tail = first.split(), second.split()
    return " ".join(head[: len(head) // 2] + tail[len(tail) // 2:])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def build(records: list[Record], path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with CorpusIndex(path) as index:
        index.add(records)
        index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    elapsed = time.perf_counter() - started
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return len(records) / elapsed, size


def timed_checks(index: CorpusIndex, queries: list[tuple[str, str]],
                 options: Options = DEFAULT_OPTIONS) -> tuple[list[float], list[list[str]]]:
    times, found = [], []
    for text, _ in queries:
        started = time.perf_counter()
        result = check_article(text, index, options=options)
        times.append(time.perf_counter() - started)
        found.append([m.document.key for m in result.sources])  # ranked
    return times, found


def translated_queries(data: Path, corpus: Corpus, count: int = 41) -> list[tuple[str, str]]:
    """German translations of WMT articles whose English originals join the corpus."""
    from paraphrase.evaluation.corpora import parallel_articles

    english = parallel_articles(data, "en")
    corpus.records += [Record(f"wmt/{a.docid}", a.text, DAY.isoformat()) for a in english]
    german = random.Random(1).sample(parallel_articles(data, "de"), count)
    return [(a.text, f"wmt/{a.docid}") for a in german]


def brute_force(records: list[Record], queries: list[tuple[str, str]]):
    """The engine on every (query, document) pair; documents are prepared once.

    Returns times, the documents the engine calls sources (a verdict of reuse, as the check
    reports them), and those of them with two or more aligned pairs.
    """
    documents = [prepare(r.key, r.text, DEFAULT_OPTIONS) for r in records]
    times, found, strong = [], [], []
    for text, _ in queries:
        started = time.perf_counter()
        query = prepare("query", text, DEFAULT_OPTIONS)
        sources = {d.name: len(c.pairs) for d in documents
                   if (c := compare_documents(query, d, DEFAULT_OPTIONS)).summary.verdict != INDEPENDENT}
        times.append(time.perf_counter() - started)
        found.append(set(sources))
        strong.append({name for name, n in sources.items() if n >= 2})
    return times, found, strong


def prune(path: Path, add_rate: float, queries: list[tuple[str, str]]) -> str:
    """Prune the index to the last KEEP_DAYS days; the cost, and the checks after it."""
    with CorpusIndex(path) as index:
        started = time.perf_counter()
        removed = index.prune(DAY - timedelta(days=KEEP_DAYS))
        elapsed = time.perf_counter() - started
        left = index.document_count()
        times, found = timed_checks(index, queries)
    planted = sum(key in hits for (_, key), hits in zip(queries, found))
    rate = removed / elapsed
    return (f"prune --older-than {KEEP_DAYS}d: {removed:,} documents removed in {elapsed:.1f} s ({rate:,.0f} per second, "
            f"{add_rate / rate:.2f}x the time per document of adding), {left:,} left; check after it: p50 "
            f"{percentile(times, 0.5) * 1000:.0f} ms, planted source found for {planted}/{len(found)} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--subset", type=int, default=2_000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--semantic", action="store_true", help="also time the check with the semantic scorer")
    parser.add_argument("--across", action="store_true", help="also time German translations of indexed articles")
    args = parser.parse_args()
    rng = random.Random(0)
    started = time.perf_counter()
    corpus = Corpus(args.data, args.articles, rng)
    translated = translated_queries(args.data, corpus) if args.across else []
    print(f"generated {len(corpus.records):,} articles and {len(corpus.queries)} queries "
          f"in {time.perf_counter() - started:.0f} s", flush=True)

    with tempfile.TemporaryDirectory() as workdir:
        full = Path(workdir) / "wire.db"
        rate, size = build(corpus.records, full)
        print(f"build: {rate:,.0f} articles/s on one core; index {size / 2**20:,.0f} MiB on disk "
              f"({size / len(corpus.records) / 1024:.1f} KiB per article)", flush=True)
        with CorpusIndex(full) as index:
            check_article(corpus.queries[0][0], index)  # warm the lazy imports
            times, found = timed_checks(index, corpus.queries)
        planted = sum(key in hits for (_, key), hits in zip(corpus.queries, found))
        print(f"check at {len(corpus.records):,} articles: p50 {percentile(times, 0.5) * 1000:.0f} ms, "
              f"p95 {percentile(times, 0.95) * 1000:.0f} ms; planted source found for {planted}/{len(found)} queries",
              flush=True)
        if args.semantic:
            semantic = Options.for_scorer("semantic")
            with CorpusIndex(full) as index:
                check_article(corpus.queries[0][0], index, options=semantic)  # load the model
                semantic_times, semantic_found = timed_checks(index, corpus.queries[1:], semantic)
            found_semantic = sum(key in hits for (_, key), hits in zip(corpus.queries[1:], semantic_found))
            print(f"semantic scorer: p50 {percentile(semantic_times, 0.5) * 1000:.0f} ms "
                  f"({percentile(semantic_times, 0.5) / percentile(times, 0.5):.1f}x the lexical p50), "
                  f"p95 {percentile(semantic_times, 0.95) * 1000:.0f} ms; planted source found for "
                  f"{found_semantic}/{len(semantic_found)} queries", flush=True)

        if translated:
            with CorpusIndex(full) as index:
                check_article(translated[0][0], index)  # load the encoder
                across_times, across_found = timed_checks(index, translated[1:])
            first = sum(hits[:1] == [key] for (_, key), hits in zip(translated[1:], across_found))
            print(f"German translations: p50 {percentile(across_times, 0.5) * 1000:.0f} ms "
                  f"({percentile(across_times, 0.5) / percentile(times, 0.5):.1f}x the lexical p50), "
                  f"p95 {percentile(across_times, 0.95) * 1000:.0f} ms; original first for "
                  f"{first}/{len(across_found)}", flush=True)

        keys = {key for _, key in corpus.queries}
        others = [r for r in corpus.records if r.key not in keys]
        subset = [r for r in corpus.records if r.key in keys] + rng.sample(others, args.subset - len(keys))
        small = Path(workdir) / "subset.db"
        build(subset, small)
        with CorpusIndex(small) as index:
            indexed_times, indexed_found = timed_checks(index, corpus.queries)
        brute_times, brute_found, brute_strong = brute_force(subset, corpus.queries)
        pruned = prune(full, rate, corpus.queries)
    wanted = sum(len(b) for b in brute_found)
    strong = sum(len(b) for b in brute_strong)
    strong_recall = sum(len(b & set(c)) for b, c in zip(brute_strong, indexed_found)) / strong if strong else 1.0
    recall = sum(len(b & set(c)) for b, c in zip(brute_found, indexed_found)) / wanted if wanted else 1.0
    brute_p50, indexed_p50 = percentile(brute_times, 0.5), percentile(indexed_times, 0.5)
    print(f"subset of {len(subset):,}: brute force p50 {brute_p50 * 1000:,.0f} ms, two-stage p50 "
          f"{indexed_p50 * 1000:.0f} ms, ratio {brute_p50 / indexed_p50:,.0f}x; candidate recall "
          f"{recall:.3f} ({wanted} sources found by brute force); for sources with two or more "
          f"aligned pairs {strong_recall:.3f} ({strong})")
    scale = len(corpus.records) / len(subset)
    print(f"brute force extrapolated to {len(corpus.records):,} articles: {brute_p50 * scale:,.0f} s per article, "
          f"{brute_p50 * scale / percentile(times, 0.5):,.0f}x the two-stage check "
          f"(cores: {len(os.sched_getaffinity(0))})")
    print(pruned)


if __name__ == "__main__":
    main()
