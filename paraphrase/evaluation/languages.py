"""Monolingual comparison in each language of the parallel news (WMT newstest2012/2013).

Two tests per article and language, the same in every language:

* an **edited copy**: the article with every fourth pair of neighbouring sentences
  swapped and two light edits in each sentence of six words or more (a word dropped, two
  neighbours swapped, or a long word's ending cut as a change of inflection would; seeded). It must read as a rewording, and its sentence links
  are known: precision and recall of the aligned pairs against them;
* the **closest other article** of the same set (most long words in common, a rival
  story on a related topic, written and translated apart): it must read as independent.
"""

from __future__ import annotations

import random
import time
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..comparison import Comparison
from ..document import Document
from ..options import Options
from ..pipeline import compare
from ..verdict import INDEPENDENT, REWORDING
from .corpora import PARALLEL_LANGUAGES, Article, parallel_articles
from .seeds import links

SEED = 13
# Every article of both sets; CI gates a seeded sample of this many per language.
CI_SAMPLE = 40


@dataclass(frozen=True)
class EditedCopy:
    text: str
    links: frozenset[tuple[int, int]]  # (sentence of the article, sentence of the copy)


def edited_copy(article: Article, seed: int = SEED) -> EditedCopy:
    """The article reordered and lightly edited, with the links back to the original."""
    rng = random.Random(f"{seed}/{article.docid}")
    order = list(range(len(article.sentences)))
    for k in range(1, len(order) - 1, 4):
        order[k], order[k + 1] = order[k + 1], order[k]
    copy = [_light_edit(article.sentences[i], rng) for i in order]
    return EditedCopy("\n".join(copy), frozenset((i, position) for position, i in enumerate(order)))


def _light_edit(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    if len(words) < 6:
        return sentence
    for _ in range(2):
        k, edit = rng.randrange(1, len(words) - 2), rng.randrange(3)
        if edit == 0:
            del words[k]
        elif edit == 1:
            words[k], words[k + 1] = words[k + 1], words[k]
        elif len(words[k]) >= 6 and words[k].isalpha():
            words[k] = words[k][:-1]  # "Parlaments" -> "Parlament", "décidées" -> "décidée"
    return " ".join(words)


def closest_other(article: Article, others: list[Article]) -> Article:
    """The other article sharing the most distinct long words (seven letters or more)."""
    mine = _long_words(article.text)
    return max((o for o in others if o.docid != article.docid), key=lambda o: len(mine & _long_words(o.text)))


def _long_words(text: str) -> set[str]:
    return {w.casefold() for w in text.split() if len(w) >= 7 and w.isalpha()}


def evaluate_language(data: Path, language: str, options: Options, sample: int | None = CI_SAMPLE) -> dict[str, Any]:
    """Rewording and independence in one language, on ``sample`` articles (None: all 151)."""
    articles = parallel_articles(data, language)
    chosen = articles if sample is None else random.Random(SEED).sample(articles, min(sample, len(articles)))
    rewordings = found = others_derived = 0
    hit = shown = gold = 0
    languages: dict[str, int] = {}
    started = time.perf_counter()
    for article in chosen:
        copy = edited_copy(article)
        result = compare(article.text, copy.text, options=options)
        rewordings += result.summary.verdict == REWORDING
        found += result.summary.verdict != INDEPENDENT
        found_links = _line_links(result)
        hit, shown, gold = hit + len(found_links & copy.links), shown + len(found_links), gold + len(copy.links)
        other = compare(article.text, closest_other(article, articles).text, options=options)
        others_derived += other.summary.verdict != INDEPENDENT
        for detected in (result.a.language, other.b.language):
            languages[detected] = languages.get(detected, 0) + 1
    n = len(chosen)
    return {"articles": n, "edited_copy_rewording": rewordings / n, "edited_copy_found": found / n,
            "link_precision": hit / shown if shown else 1.0, "link_recall": hit / gold,
            "other_article_called_derived": others_derived / n,
            "ms_per_comparison": 1000 * (time.perf_counter() - started) / (2 * n),
            "detected_languages": languages}


def evaluate_languages(data: Path, options: Options, sample: int | None = CI_SAMPLE) -> dict[str, Any]:
    return {language: evaluate_language(data, language, options, sample) for language in PARALLEL_LANGUAGES}


def _line_links(result: Comparison) -> frozenset[tuple[int, int]]:
    """The aligned pairs as links between lines (one line per sentence of the corpus)."""
    line_a, line_b = _line_of(result.a), _line_of(result.b)
    return frozenset((line_a[i], line_b[j]) for i, j in links(result.pairs))


def _line_of(document: Document) -> list[int]:
    breaks = [k for k, c in enumerate(document.text) if c == "\n"]
    return [bisect_right(breaks, s.start) for s in document.sentences]


# Texts in two languages: each English article against its translation, and against the
# translation of the closest other English article. The threshold is fitted on
# newstest2012 (fit_translation_cosine); newstest2013 is held out.
TRANSLATED = ("de", "fr", "es", "ru")
FIT_SET, HELD_OUT_SET = "newstest2012", "newstest2013"


def evaluate_translations(data: Path, options: Options, sample: int | None = CI_SAMPLE,
                          setid: str | None = None) -> dict[str, Any]:
    """Per language, English articles against their translations (found, sentence links)
    and against another article's translation (called derived), on ``sample`` articles
    of ``setid`` (None: both sets)."""
    english = [a for a in parallel_articles(data, "en") if setid is None or a.docid.startswith(setid)]
    chosen = english if sample is None else random.Random(SEED).sample(english, min(sample, len(english)))
    return {f"en-{code}": _translations(english, chosen, parallel_articles(data, code), options) for code in TRANSLATED}


def _translations(english: list[Article], chosen: list[Article], translated: list[Article],
                  options: Options) -> dict[str, Any]:
    by_id = {a.docid: a for a in translated}
    found = others_derived = hit = shown = gold = 0
    started = time.perf_counter()
    for article in chosen:
        _start_cold()  # each comparison as one pair compared alone: both texts encoded
        result = compare(article.text, by_id[article.docid].text, options=options)
        found += result.summary.verdict != INDEPENDENT
        found_links = _line_links(result)
        gold_links = {(k, k) for k in range(len(article.sentences))}
        hit, shown, gold = hit + len(found_links & gold_links), shown + len(found_links), gold + len(gold_links)
        other = by_id[closest_other(article, english).docid]
        _start_cold()
        others_derived += compare(article.text, other.text, options=options).summary.verdict != INDEPENDENT
    n = len(chosen)
    return {"articles": n, "translation_found": found / n, "link_precision": hit / shown if shown else 1.0,
            "link_recall": hit / gold, "other_article_called_derived": others_derived / n,
            "ms_per_comparison": 1000 * (time.perf_counter() - started) / (2 * n)}


def evaluate_check_across(data: Path, options: Options, sample: int | None = CI_SAMPLE) -> dict[str, Any]:
    """Per language, the wire check of translated articles against an index of every English
    article: is the original found (and ranked first), and what else is reported as a source.
    The time per check is of one run checking a language's articles in turn, from cold
    (no sentence encoded yet: the corpus documents' sentences are encoded as they are met)."""
    from ..corpus import CorpusIndex
    from ..corpus.check import check_article
    from ..corpus.records import Record

    english = parallel_articles(data, "en")
    chosen = english if sample is None else random.Random(SEED).sample(english, min(sample, len(english)))
    results = {}
    with CorpusIndex(":memory:") as index:
        index.add(Record(a.docid, a.text) for a in english)
        for code in TRANSLATED:
            by_id = {a.docid: a for a in parallel_articles(data, code)}
            found = first = wrong = 0
            _start_cold()
            started = time.perf_counter()
            for article in chosen:
                sources = [m.document.key for m in check_article(by_id[article.docid].text, index, options=options,
                                                                 name=article.docid).sources]
                found += article.docid in sources
                first += sources[:1] == [article.docid]
                wrong += any(key != article.docid for key in sources)
            n = len(chosen)
            results[f"{code}-en"] = {"articles": n, "corpus": len(english), "source_found": found / n,
                                     "source_first": first / n, "other_source_reported": wrong / n,
                                     "ms_per_check": 1000 * (time.perf_counter() - started) / n}
    return results


def _start_cold() -> None:
    """Forget the sentences encoded so far, so that a timing does not depend on what ran before."""
    from ..translation import CACHE

    CACHE.clear()


COSINE_GRID = tuple(k / 100 for k in range(40, 81))


def fit_translation_cosine(data: Path, options: Options, grid: tuple[float, ...] = COSINE_GRID) -> float:
    """The lowest cosine bound at which at most 1% of the fit set's other-article pairs
    (all four languages) would be called derived, by the verdict's own counts."""
    from ..translation import embed

    english = [a for a in parallel_articles(data, "en") if a.docid.startswith(FIT_SET)]
    vectors = {a.docid: embed(list(a.sentences)) for a in english}
    negatives = []
    for code in TRANSLATED:
        translated = {a.docid: a for a in parallel_articles(data, code)}
        for article in english:
            other = translated[closest_other(article, english).docid]
            negatives.append(vectors[article.docid] @ embed(list(other.sentences)).T)
    for bound in grid:
        derived = sum(_would_be_derived(cosine, bound, options) for cosine in negatives)
        if derived <= 0.01 * len(negatives):
            return bound
    return grid[-1]


def _would_be_derived(cosine: Any, bound: float, options: Options) -> bool:
    rows, columns = cosine.argmax(axis=1), cosine.argmax(axis=0)
    pairs = sum(columns[c] == r and cosine[r, c] >= bound for r, c in enumerate(rows))
    share = pairs / min(cosine.shape)
    return bool(pairs >= options.min_partial_pairs or share >= options.partial_share)


def fit_translation_firm_cosine(data: Path, options: Options, grid: tuple[float, ...] = COSINE_GRID) -> float:
    """The highest cosine bound at which every translated article of the fit set (all four
    languages) keeps a firm pair: its best pair of mutual nearest sentences within
    ``translation_min_cosine`` reaches the bound."""
    from ..translation import embed

    english = [a for a in parallel_articles(data, "en") if a.docid.startswith(FIT_SET)]
    best = []
    for code in TRANSLATED:
        translated = {a.docid: a for a in parallel_articles(data, code)}
        for article in english:
            cosine = embed(list(article.sentences)) @ embed(list(translated[article.docid].sentences)).T
            rows, columns = cosine.argmax(axis=1), cosine.argmax(axis=0)
            best.append(max((float(cosine[r, c]) for r, c in enumerate(rows) if columns[c] == r), default=0.0))
    return max((bound for bound in grid if bound <= min(best) + 1e-9), default=grid[0])
