"""Run every evaluation and lay the numbers out as a table or as nested JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

from ..options import Options
from .calibrate import as_document, clough_cross_validated
from .clough import evaluate_clough, independent_pairs, score_answers, score_independent_pairs
from .corpora import pan13_pairs
from .languages import CI_SAMPLE as LANGUAGE_SAMPLE, evaluate_check_across, evaluate_languages, evaluate_translations
from .pan import CI_SAMPLE, SEED, judge, measure, sample
from .seeds import evaluate_seeds
from .sentences import evaluate_mrpc, evaluate_stsb

# Reference points from the literature, for the text table (MRPC figures are on its test set).
LITERATURE = {
    "mrpc": "majority class 66.5% / F1 79.9; lexical and knowledge-based systems 70.3-77.4% / 81.3-84.1 "
            "(Mihalcea 2006 to Madnani 2012); BERT-base about 84% / 89; human agreement 83%",
    "clough_stevenson": "word-trigram overlap, binary: 94.5%",
}


def evaluate(data: Path, options: Options, seeds: Path | None = None,
             progress: Callable[[str], None] = lambda stage: None,
             pan_sample: int | None = CI_SAMPLE, language_sample: int | None = LANGUAGE_SAMPLE) -> dict[str, Any]:
    """All the numbers, as nested dicts whose leaves are mostly shares in [0, 1].

    PAN-13 is judged on ``pan_sample`` pairs per subset (None: all 5,185 pairs), each
    language of the parallel news on ``language_sample`` articles (None: all 151)."""
    pairs = "all 5,185 pairs" if pan_sample is None else f"{pan_sample} pairs per subset, seed {SEED}"
    progress(f"PAN-13 text alignment training corpus: {pairs}")
    corpus = pan13_pairs(data)
    chosen, gate = sample(corpus, pan_sample), sample(corpus, CI_SAMPLE)
    judged = {p: judge(p, options) for p in dict.fromkeys([*chosen, *gate])}  # each pair once
    progress("Clough & Stevenson: comparing 95 answers with their sources")
    scored = score_answers(data, options)
    clough = evaluate_clough(data, options, scored)
    # Cross-validated as calibrated: the PAN-13 quality-gate sample joins each training fold.
    documents = [as_document(judged[p]) for p in gate]
    progress("Clough & Stevenson: comparing answers to one task, one or both written independently")
    answer_pairs = score_independent_pairs(data, options)
    clough["independent_pairs"] = independent_pairs(answer_pairs, options)
    clough["cross_validated"] = clough_cross_validated(scored, options, documents, answer_pairs)
    progress("MRPC train: 4,076 sentence pairs, 10-fold cross-validation")
    results = {"clough_stevenson": clough, "mrpc": evaluate_mrpc(data, options)}
    progress("STS Benchmark dev: 1,500 sentence pairs")
    results["stsb"] = evaluate_stsb(data, options)
    results["pan13"] = measure([judged[p] for p in chosen], pan_sample)
    articles = "all 151 articles" if language_sample is None else f"{language_sample} articles"
    progress(f"parallel news: {articles} per language against an edited copy and the closest other article")
    results["languages"] = evaluate_languages(data, options, language_sample)
    progress(f"parallel news: {articles} in English against their translations and another article's")
    results["translations"] = evaluate_translations(data, options, language_sample)
    progress(f"parallel news: {articles} per language checked against an index of the 151 English ones")
    results["check_across"] = evaluate_check_across(data, options, language_sample)
    if seeds is not None:
        progress("seeds: 10 article pairs against the hand-labelled alignment")
        scores = evaluate_seeds(seeds, options)
        results["seeds"] = {"link_precision": scores.precision, "link_recall": scores.recall,
                            "link_recall_with_related": scores.recall_with_related,
                            "related_outside_gold": scores.related_outside_gold,
                            "verdict_accuracy": scores.verdict_accuracy}
    return results


def render(results: dict[str, Any]) -> str:
    return "\n".join(_table(results)) + "\n"


def _table(r: dict[str, Any]) -> Iterator[str]:
    yield f"{'corpus':24} {'measure':44} {'value':>7}"
    yield from clough_rows(r["clough_stevenson"])
    yield from sentence_rows(r["mrpc"], r["stsb"])
    yield from pan_rows(r["pan13"])
    yield from language_rows(r["languages"])
    yield from translation_rows(r["translations"])
    yield from check_across_rows(r["check_across"])
    if "seeds" in r:
        yield from seed_rows(r["seeds"])
    yield ""
    yield from confusion_lines(r["clough_stevenson"]["confusion"])
    yield ""
    yield f"Literature, MRPC test: {LITERATURE['mrpc']}."
    yield f"Literature, Clough & Stevenson: {LITERATURE['clough_stevenson']}."


def clough_rows(c: dict[str, Any]) -> Iterator[str]:
    cv, clean = c["cross_validated"], c["without_missourced"]
    yield from _rows("Clough & Stevenson", [
        ("binary accuracy (plagiarised or not)", c["binary_accuracy"]),
        ("binary F1", c["binary_f1"]),
        ("four-class accuracy (cut/light/heavy/non)", c["four_class_accuracy"]),
        ("four-class macro-F1", c["four_class_macro_f1"]),
        ("binary accuracy, leave one task out", cv["binary_accuracy"]),
        ("four-class accuracy, leave one task out", cv["four_class_accuracy"]),
        ("binary accuracy, 2 mis-sourced answers out", clean["binary_accuracy"]),
        ("four-class accuracy, 2 mis-sourced out", clean["four_class_accuracy"]),
        (f"{c['independent_pairs']['pairs']} answer pairs, one independent: derived",
         c["independent_pairs"]["called_derived"]),
        (f"{c['independent_pairs']['both_non_pairs']} pairs of independent answers: derived",
         c["independent_pairs"]["both_non_called_derived"]),
        ("answer pairs derived, leave one task out", cv["independent_pairs_called_derived"]),
        *direction_rows("answers called derived", c["direction"]),
    ])


def sentence_rows(m: dict[str, Any], s: dict[str, Any]) -> Iterator[str]:
    """MRPC (``m``) and STS-B (``s``): sentence pairs."""
    yield from _rows("MRPC train", [
        ("accuracy, 10-fold cross-validated threshold", m["accuracy"]),
        ("F1, 10-fold cross-validated threshold", m["f1"]),
        ("majority class accuracy", m["majority_accuracy"]),
    ])
    yield from _rows("STS-B dev", [
        ("Spearman, 1 - distance vs gold", s["spearman"]), ("Pearson", s["pearson"]),
        ("Spearman, news genre", s["news_spearman"]), ("Pearson, news genre", s["news_pearson"]),
    ])


def seed_rows(seeds: dict[str, Any]) -> Iterator[str]:
    yield from _rows("seeds (gold.json)", [
        ("alignment link precision", seeds["link_precision"]),
        ("alignment link recall", seeds["link_recall"]),
        ("link recall, aligned or related", seeds["link_recall_with_related"]),
        ("related pairs the gold set does not link", seeds["related_outside_gold"]),
        ("expected verdicts", seeds["verdict_accuracy"]),
    ])


def confusion_lines(confusion: dict[str, dict[str, int]]) -> Iterator[str]:
    yield "Clough & Stevenson confusion (rows gold, columns predicted):"
    labels = list(confusion)
    yield " " * 8 + "".join(f"{label:>7}" for label in labels)
    for gold in labels:
        yield f"{gold:>8}" + "".join(f"{confusion[gold][p]:>7}" for p in labels)


def direction_rows(called: str, d: dict[str, Any]) -> list[tuple[str, float | int | str]]:
    """The direction the verdict gives the texts it calls derived (metrics.direction_measures)."""
    if not d["called_derived"]:
        return []
    named = f"{d['headline_right']:.3f} of {d['headline_names']}" if d["headline_names"] else "none named"
    return [(f"{called}: direction right/wrong/none",
             f"{d['right']:.2f} / {d['wrong']:.2f} / {d['unsaid']:.2f}"),
            ("  headline names the rewording: right", named)]


def pan_rows(pan: dict[str, Any]) -> Iterator[str]:
    sample = pan["sample_per_subset"]
    rows: list[tuple[str, float | int | str]] = [("no plagiarism: pairs called reuse", pan["none"]["false_positives"])]
    for kind in ("verbatim", "random", "translation", "summary"):
        m = pan[kind]
        side = m["suspicious_side"]
        rows += [(f"{kind}: pairs detected", m["detected"]),
                 (f"{kind}: recall / precision", f"{m['recall']:.3f} / {m['precision']:.3f}"),
                 (f"{kind}: granularity / plagdet", f"{m['granularity']:.3f} / {m['plagdet']:.3f}"),
                 (f"{kind}: suspicious side recall / prec.", f"{side['recall']:.3f} / {side['precision']:.3f}")]
        if "degree_right" in m:
            rows.append((f"{kind}: rewording/partial right", m["degree_right"]))
    o = pan["overall"]
    side = o["suspicious_side"]
    rows += [("all pairs: recall / precision", f"{o['recall']:.3f} / {o['precision']:.3f}"),
             ("all pairs: granularity / plagdet", f"{o['granularity']:.3f} / {o['plagdet']:.3f}"),
             ("all pairs: suspicious side plagdet", side["plagdet"])]
    if "degree_right" in o:
        rows += [("not summary: rewording/partial right", o["degree_right"]),
                 ("not summary: 3-verdict macro-F1", o["three_way_f1"])]
    rows += direction_rows("pairs called reuse", o["direction"])
    rows += [(f"evidence {kind}: n (firm) / prec.", f"{m['pairs']} ({m['firm']}) / {m['precision']:.3f}")
             for kind, m in pan["evidence"].items()]
    yield from _rows("PAN-13 train" + (f", {sample}/subset" if sample else ", all"), rows)


def language_rows(languages: dict[str, Any]) -> Iterator[str]:
    yield from _per_language(languages, [
        ("edited copy: a rewording", "edited_copy_rewording"),
        ("edited copy: sentence links precision / recall", "links"),
        ("closest other article: called derived", "other_article_called_derived")])


def translation_rows(translations: dict[str, Any]) -> Iterator[str]:
    yield from _per_language(translations, [
        ("translation found (not independent)", "translation_found"),
        ("sentence links precision / recall", "links"),
        ("another article's translation: derived", "other_article_called_derived")])


def check_across_rows(checks: dict[str, Any]) -> Iterator[str]:
    for pair, m in checks.items():
        yield from _rows(f"WMT check, {pair}, {m['articles']} art.", [
            (f"source found among {m['corpus']} / ranked first", f"{m['source_found']:.3f} / {m['source_first']:.3f}"),
            ("another document reported as a source", m["other_source_reported"]),
            ("ms per check", f"{m['ms_per_check']:7.0f}")])


def _per_language(results: dict[str, Any], measures: list[tuple[str, str]]) -> Iterator[str]:
    for code, m in results.items():
        links = f"{m['link_precision']:.3f} / {m['link_recall']:.3f}"
        rows: list[tuple[str, float | int | str]] = [(label, links if key == "links" else m[key]) for label, key in measures]
        yield from _rows(f"WMT news, {code}, {m['articles']} art.", [*rows, ("ms per comparison", f"{m['ms_per_comparison']:7.0f}")])


def _rows(corpus: str, rows: list[tuple[str, float | int | str]]) -> Iterator[str]:
    for k, (name, value) in enumerate(rows):
        # Counts stay whole; a pair of measures is shown as written.
        shown = value if isinstance(value, str) else f"{value:7d}" if isinstance(value, int) else f"{value:7.3f}"
        yield f"{corpus if k == 0 else '':24} {name:44} {shown}"
