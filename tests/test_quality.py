"""Quality gate: the engine's measured accuracy on labelled corpora, with pinned floors.

Each floor is the value measured when it was last set, less NOISE (0.005) for floating
point differences across platforms; the runs are deterministic. Raising a floor is a
normal commit; lowering one needs a written reason in the commit message.

The corpora are read from ../shared/data beside the checkout; CI has them there, and the
gate fails rather than skips when they are missing.
"""

import json
import subprocess
import sys

import pytest

from paraphrase import Options
from paraphrase.options import SCORER_THRESHOLDS
from paraphrase.evaluation.calibrate import calibrate
from paraphrase.evaluation.run import evaluate

from .conftest import SEEDS, SHARED_DATA

NOISE = 0.005
FLOORS = {
    # Lowered on purpose (0.947 -> 0.926, 0.800 -> 0.789, 0.968 -> 0.946): the verdict's
    # shares are now fitted on Clough & Stevenson and PAN-13 together, not on these 95
    # answers alone; the fair, leave-one-task-out figures below rose (0.905 -> 0.926,
    # 0.716 -> 0.758). Lowered again (four-class 0.789 -> 0.779, macro-F1 0.762 -> 0.747,
    # leave one task out 0.926 -> 0.916 and 0.758 -> 0.726): pairs that continue a run of
    # the source's order now count (PAN-13 plagdet 0.788 -> 0.811, seeds link recall
    # 0.792 -> 0.833); their heavier rewording enters the answers' median distance, and
    # one light answer reads as heavy. Raised: one pair of weak evidence no longer makes
    # a text partial (verdict.decide, evidence.is_firm); a phrase either text repeats is
    # the topic's term, not evidence (evidence.repeated_phrases).
    # Raised (binary 0.958 -> 0.968, four-class 0.811 -> 0.821, leave one task out 0.937 ->
    # 0.968 and 0.747 -> 0.779): the calibration takes, of the points within one standard
    # error of the best, the one calling the fewest independent texts derived (calibrate.
    # _fit_verdict), which is two firm pairs (not one) and 45% (not 35%).
    ("clough_stevenson", "binary_accuracy"): 0.968,
    # Raised (four-class 0.821 -> 0.853, macro-F1 0.775 -> 0.821, leave one task out
    # 0.779 -> 0.832): light edit and paraphrase are told apart by the words kept in order
    # (score.order_distance), not by the distance; verdicts unchanged.
    ("clough_stevenson", "four_class_accuracy"): 0.853,
    ("clough_stevenson", "four_class_macro_f1"): 0.821,
    # Lowered (leave one task out 0.947 -> 0.937, 0.758 -> 0.747): a pair beyond the
    # alignment bound now counts when it keeps two of the source's phrases (evidence.
    # judge_related), and firm pairs lie within the bound; the fit leaving task c out
    # then takes two pairs (not three) as enough, and one "non" answer of task c reads
    # as heavy. The shipped fit and the figures above are unchanged; seeds link recall
    # 0.833 -> 1.000, PAN-13 summaries' characters found 0.595 -> 0.686.
    # Lowered (0.968 -> 0.958, 0.832 -> 0.821) when a pair right beside a firm one in both
    # texts became firm (evidence.beside_firm): the fit leaving task b out then takes four
    # pairs (not three) as enough, of the points within one standard error, and one heavy
    # answer of task b reads as non. The shipped fit is unchanged; PAN-13 random and
    # translation pairs found rose (below).
    # Raised (0.958 -> 0.968, 0.821 -> 0.832) when a free sentence keeping the source's
    # phrases in two places far beyond the related bound came to count (evidence.
    # kept_phrasing): the heavy answer of task b reads as heavy again; shipped fit unchanged.
    ("clough_stevenson", "cross_validated", "binary_accuracy"): 0.968,
    ("clough_stevenson", "cross_validated", "four_class_accuracy"): 0.831,
    ("clough_stevenson", "without_missourced", "binary_accuracy"): 0.989,
    ("mrpc", "accuracy"): 0.728,
    ("mrpc", "f1"): 0.808,
    ("stsb", "spearman"): 0.763,
    ("stsb", "news_spearman"): 0.710,
    # PAN-13 training corpus, 40 pairs per subset (seed 13): documents found, passages found.
    # Lowered on purpose (verbatim 1.000 -> 0.950, random 0.925 -> 0.850, translation
    # 0.975 -> 0.850, summary 0.800 -> 0.725): two firm pairs, not one, make a text
    # partial (the one-standard-error fit above). A document whose reuse shows in a single
    # firm pair is called independent, its pair shown as too little; independent answer
    # pairs called derived fall from 5.8% to 1.4% (ceilings). The passages barely move.
    # Lowered (random 0.850 -> 0.825, one pair of 40) when names and numbers stopped
    # weighing more than a pair's other shared words (evidence.shared_information): a
    # shuffled copy of a keyboard review kept "Yamaha", "PSR" and its model numbers, and
    # little else, in its one pair beside the firm one.
    # Raised (verbatim 0.950 -> 0.975) when the same short sentence on both sides became a
    # related pair (align._same_short_sentences), counted inside a reused passage.
    # Raised (random 0.825 -> 0.850, translation 0.850 -> 0.875) when a pair right beside
    # a firm one in both texts became firm: a passage of two sentences carried over.
    ("pan13", "verbatim", "detected"): 0.975,
    ("pan13", "random", "detected"): 0.850,
    # Lowered (0.975 -> 0.925): lines broken at no fixed width are joined again (segment.py);
    # two translated pairs of the sample lost the fragments that aligned (one a list of
    # download keywords now one segment). On all 5,185 pairs translations found rose.
    # Raised (random 0.900 -> 0.925, translation 0.925 -> 0.975) by the quotation fix below.
    ("pan13", "translation", "detected"): 0.875,
    # Lowered (0.850 -> 0.800): a summary whose only link is one pair of weak evidence is
    # no longer called partial; the same rule cut independent answer pairs called
    # derived from 11.9% to 7.4% (ceilings below).
    ("pan13", "summary", "detected"): 0.725,
    # Passages: runs of the source's order traded a little precision (0.899 -> 0.893;
    # verbatim plagdet 0.902 -> 0.901) for recall (0.707 -> 0.743). Lowered (verbatim
    # 0.910 -> 0.883, translation 0.875 -> 0.868, precision 0.898 -> 0.883): pairs that
    # keep two of the source's phrases beyond the alignment bound count; in three pairs of
    # the sample the host text shares such phrasing with the source outside the gold
    # passages ("in the line of duty", "the first training school was held"). Recall
    # 0.743 -> 0.778; on all 5,185 pairs plagdet 0.843 -> 0.848, verbatim 0.897 -> 0.890.
    # Raised with lines joined again (segment.py: PAN-13's documents are broken at no
    # fixed width, mid-sentence): verbatim 0.885 -> 0.894, random 0.807 -> 0.846,
    # translation 0.881 -> 0.890, all pairs 0.829 -> 0.844. Raised when a straight quote
    # after a word stopped opening a quotation (quotes.py: `Park".` had marked the text up
    # to the next mark as quoted, and quoted words are no evidence): verbatim 0.894 ->
    # 0.897, random 0.846 -> 0.861, translation 0.890 -> 0.913, all pairs 0.844 -> 0.856.
    # A related pair inside a passage shown to be reused counts (evidence.in_context):
    # recall traded for precision (0.902 -> 0.889), all pairs unchanged (0.856), summary
    # 0.645 -> 0.674, random 0.861 -> 0.857, translation 0.913 -> 0.908; on 60 other
    # pairs per subset all pairs 0.836 -> 0.843, on all 5,185 0.869 -> 0.871.
    # Lowered with two firm pairs (above): fewer documents show reuse, so fewer related
    # pairs count as its context (summary 0.674 -> 0.657, own characters 0.721 -> 0.712,
    # all pairs 0.856 -> 0.854).
    # Raised when a lone pair far from the passage shown stopped counting (evidence.strays):
    # precision 0.889 -> 0.928, verbatim 0.898 -> 0.955, translation 0.907 -> 0.926, all
    # pairs 0.854 -> 0.872 (suspicious side 0.884 -> 0.903).
    # Lowered with names and numbers capped (above): random 0.857 -> 0.845, all pairs
    # 0.872 -> 0.869; on all 5,185 pairs 0.887 -> 0.886, summary precision 0.969 -> 0.982.
    # Raised when a related pair sharing only names and numbers stopped counting as
    # context (evidence.context_of): precision 0.928 -> 0.938, random 0.845 -> 0.849,
    # summary 0.657 -> 0.663, all pairs 0.869 -> 0.872 (suspicious side 0.900 -> 0.903).
    # Translation lowered (0.926 -> 0.924) when related pairs alike only in quoted words
    # became same-quotation pairs, which no run carries. Random raised (0.849 -> 0.854, all
    # pairs 0.872 -> 0.873, suspicious side 0.903 -> 0.904) when a quotation left open
    # came to count only when it runs on (quotes.py): a stray mark had silenced the
    # reused words after it. Verbatim raised (0.956 -> 0.966, precision 0.932 -> 0.951, all
    # pairs 0.873 -> 0.875) when a sentence's first word before a name became part of it.
    # Lowered (0.966 -> 0.959) when a full stop with no space after it came to end a
    # sentence ("garden.Permaculture"): one more verbatim pair found (97.5% -> 100%), its
    # passage with a stretch of like text the gold does not mark (precision 0.951 -> 0.937).
    # Raised (translation 0.924 -> 0.937, all pairs 0.875 -> 0.877, suspicious side 0.904 ->
    # 0.908) when the windows of runs, context and strays came to count article sentences
    # only (evidence.Places).
    # Raised (random 0.856 -> 0.860, translation 0.937 -> 0.945, summary 0.663 -> 0.665, all
    # pairs 0.877 -> 0.881, suspicious side 0.908 -> 0.911; summaries' own characters 0.712
    # -> 0.716) and verbatim lowered (0.959 -> 0.958, precision 0.937 -> 0.930; all pairs'
    # precision 0.942 -> 0.940) when the free sentence right after or before a counted pair
    # in both texts came to count as the passage's edge (evidence.passage_edges).
    # Raised (random 0.860 -> 0.869, summary 0.665 -> 0.679, all pairs 0.881 -> 0.885,
    # suspicious side 0.911 -> 0.919; summaries' own characters 0.716 -> 0.739) and all
    # pairs' precision lowered (0.940 -> 0.937; random 0.907 -> 0.897) when a free sentence
    # keeping the source's phrases in two places beyond the related bound came to count
    # (evidence.kept_phrasing).
    ("pan13", "verbatim", "plagdet"): 0.958,
    ("pan13", "random", "plagdet"): 0.868,
    ("pan13", "translation", "plagdet"): 0.945,
    ("pan13", "summary", "plagdet"): 0.678,
    ("pan13", "overall", "plagdet"): 0.885,
    ("pan13", "overall", "precision"): 0.936,
    # The suspicious side alone, as #12 states some of its targets.
    ("pan13", "summary", "suspicious_side", "recall"): 0.738,
    ("pan13", "overall", "suspicious_side", "plagdet"): 0.919,
    # Rewording or partial, against the gold passages' share of each text's characters
    # (pan.document_measures): read on each text's length, not its number of sentences,
    # verbatim 0.925 -> 1.000, random 0.811 -> 0.919, translation 0.846 -> 0.923, all
    # 0.862 -> 0.948 (on all 5,185 pairs 0.881 -> 0.939).
    # Lowered with two firm pairs (over the pairs found; random 0.919 -> 0.912, translation
    # 0.923 -> 0.912, all 0.948 -> 0.943).
    ("pan13", "verbatim", "degree_right"): 1.000,
    # Lowered with names and numbers capped (random 0.912 -> 0.909, all 0.943 -> 0.942).
    ("pan13", "random", "degree_right"): 0.909,
    # Raised with a passage's edges (translation 0.914 -> 0.971, all 0.945 -> 0.963).
    ("pan13", "translation", "degree_right"): 0.971,
    ("pan13", "overall", "degree_right"): 0.963,
    # The three verdicts against the gold's, summaries apart (pan.three_way_f1): 0.817 on
    # sentence shares, 0.926 on length; lowered to 0.861 with two firm pairs (documents
    # with one reused passage in one firm pair now read as independent); 0.856 with names
    # and numbers capped (one random pair fewer found); 0.861 with the same short
    # sentences paired (one verbatim pair more); 0.876 with a pair beside a firm one firm;
    # 0.895 with a passage's edges (evidence.passage_edges).
    ("pan13", "overall", "three_way_f1"): 0.895,
    # The counted pairs by the evidence each names (pan.evidence_measures), the share of their
    # characters inside gold passages: the two kinds that can make a pair firm on its own.
    ("pan13", "evidence", "close wording", "precision"): 0.988,
    ("pan13", "evidence", "shared phrases", "precision"): 0.965,
    # Parallel news (WMT newstest2012/2013), 40 articles per language: an edited copy
    # (sentences swapped, words dropped, swapped or re-inflected) must read as a rewording.
    **{("languages", code, "edited_copy_rewording"): 1.0 for code in ("en", "de", "fr", "es", "ru")},
    # Lowered when the quotation rule stopped reading these languages as English (their
    # function words had counted as content, so more quoting sentences counted as reuse):
    # de 0.902 -> 0.887, fr 0.906 -> 0.886, es 0.869 -> 0.842, ru 0.881 -> 0.872.
    # Lowered (en 0.878 -> 0.877, fr 0.903 -> 0.902) when straight single quotes became
    # quotation marks: one article's line is all quotation ('Going to Costa Rica is a dream
    # come true'), a same-quotation pair now, not a link that counts (es 0.845 -> 0.844).
    # Raised (en 0.877 -> 0.918, de 0.887 -> 0.937, fr 0.902 -> 0.943, es 0.842 -> 0.895,
    # ru 0.872 -> 0.926) when the same short sentence on both sides (a headline the copy
    # kept) became a related pair, counted inside the rewording. Lowered (en 0.918 -> 0.915,
    # de 0.937 -> 0.932, fr 0.943 -> 0.940, es 0.895 -> 0.890, ru 0.926 -> 0.922) when a
    # related pair alike only in quoted words became a same-quotation pair, which no run carries.
    # Raised (en 0.915 -> 0.919, de 0.932 -> 0.934, fr 0.940 -> 0.944, es 0.890 -> 0.893,
    # ru 0.922 -> 0.927) when a quotation left open came to count only when the next line
    # reopens or closes it: the copy's reordered lines part a quotation from its close.
    # Moved within the noise (de 0.9345 -> 0.9338, es 0.8931 -> 0.8924) when bylines in
    # these languages came to be set aside, as English's always were: one Spiegel article's
    # "Von ..." and "Por ..." line, which the gold links like every line.
    # Raised (en 0.919 -> 0.930, de 0.934 -> 0.945, fr 0.945 -> 0.952, es 0.892 -> 0.908, ru
    # 0.928 -> 0.935) when the free sentence right after or before a counted pair in both
    # texts came to count as the passage's edge (evidence.passage_edges): a copy's line
    # edited beyond the related bound.
    ("languages", "en", "link_recall"): 0.930,
    ("languages", "de", "link_recall"): 0.945,
    # Raised (0.886 -> 0.903) when a straight quote after a word stopped opening a quotation.
    ("languages", "fr", "link_recall"): 0.952,
    # Raised (es 0.908 -> 0.911) when sentences keeping the source's wording in two places
    # came to count (evidence.kept_phrasing).
    ("languages", "es", "link_recall"): 0.911,
    ("languages", "ru", "link_recall"): 0.935,
    **{("languages", code, "link_precision"): 0.998 for code in ("en", "de", "fr", "es", "ru")},
    # English articles against their translations (translation.py), 40 per language.
    **{("translations", pair, "translation_found"): 1.0 for pair in ("en-de", "en-fr", "en-es", "en-ru")},
    **{("translations", pair, "link_precision"): 0.998 for pair in ("en-de", "en-fr", "en-es", "en-ru")},
    ("translations", "en-de", "link_recall"): 0.870,
    ("translations", "en-fr", "link_recall"): 0.928,
    ("translations", "en-es", "link_recall"): 0.931,
    ("translations", "en-ru", "link_recall"): 0.939,
    # The direction given to texts called derived, where it is right (CEILINGS has where it
    # is wrong): partial reuse read by the specifics left out, PAN-13 0.065 -> 0.362 and
    # Clough 0.741 -> 0.648 (more of its partial answers unsaid, one fewer wrong).
    ("clough_stevenson", "direction", "right"): 0.648,
    ("pan13", "overall", "direction", "right"): 0.362,
    # Translated articles checked against an index of the 151 English ones (corpus/across.py).
    **{("check_across", pair, measure): 1.0 for pair in ("de-en", "fr-en", "es-en")
       for measure in ("source_found", "source_first")},
    ("check_across", "ru-en", "source_found"): 0.975,
    ("check_across", "ru-en", "source_first"): 0.975,
}
# Measures where lower is better, with their ceilings.
CEILINGS = {
    ("pan13", "none", "false_positives"): 0.0,
    # The direction given to texts called derived, where it is wrong (the derived text is
    # the answer, the suspicious document): the shares name the text mostly made of the
    # other, which a short answer is and a long host text of a PAN-13 passage is not;
    # measured when first reported (2026-12-06), a ceiling so that no change adds to it.
    # Clough 0.352 -> 0.093 when texts each mostly in the other were told apart by the
    # specifics one left out (verdict._direction), not by the material of its own.
    ("clough_stevenson", "direction", "wrong"): 0.075,
    # PAN-13 0.837 -> 0.846 with that verbatim pair found (its direction read wrong);
    # 0.848 with two more pairs found (a pair beside a firm one), one read wrong.
    # Partial reuse read by the specifics left out, not the shares (which name the shorter
    # text, the source of a passage set into a longer one; 2026-12-07, fourteenth
    # session): PAN-13 0.848 -> 0.392, Clough 0.093 -> 0.075.
    ("pan13", "overall", "direction", "wrong"): 0.392,
    # Texts written independently on one topic (Clough & Stevenson answer pairs, one or
    # both written without the source): the share the verdict calls derived.
    # Lowered (0.058 -> 0.014, 0.124 -> 0.031, leave one task out 0.072 -> 0.014) with
    # the one-standard-error fit: two firm pairs make a text partial, not one. Lowered
    # (0.014 -> 0.009) when one pair that is not firm stopped making a text derived
    # whatever share it covers (verdict.decide).
    ("clough_stevenson", "independent_pairs", "called_derived"): 0.009,
    ("clough_stevenson", "independent_pairs", "both_non_called_derived"): 0.031,
    # Raised (0.009 -> 0.013, 5 -> 7 of 555) with names and numbers capped: the shipped fit
    # and the pairs it calls derived are unchanged; the fits leaving task a or e out take
    # a 30% share (not 45%), and two more pairs of task e read as partial. Lowered back
    # (0.013 -> 0.009) with the same short sentences paired: the folds take 45% again.
    ("clough_stevenson", "cross_validated", "independent_pairs_called_derived"): 0.009,
    # ...and the closest other article of the set must not read as derived.
    **{("languages", code, "other_article_called_derived"): 0.0 for code in ("en", "de", "fr", "es", "ru")},
    # ...nor the translation of the closest other article (lowered from one of 40 in French
    # to none: translated pairs count only with a firm pair, translation_firm_cosine)...
    **{("translations", pair, "other_article_called_derived"): 0.0 for pair in ("en-de", "en-fr", "en-es", "en-ru")},
    # ...and the wire check of a translation reports no other article as its source (were
    # 1, 2, 1, 0 of 40, on the same event, before the firm pair).
    **{("check_across", pair, "other_source_reported"): 0.0 for pair in ("de-en", "fr-en", "es-en", "ru-en")},
}
# The semantic scorer (paraphrase/scorers.py), with its own calibrated thresholds. It
# gains on sentence pairs (MRPC, STS-B); it loses PAN-13 passage precision and calls
# more independent texts derived. README, "Scorers", has the whole table.
SEMANTIC_FLOORS = {
    # Raised (binary 0.937 -> 0.968, four-class 0.800 -> 0.832, leave one task out 0.947
    # -> 0.968 and 0.758 -> 0.779): the calibration's fit of min_firm_pairs had flipped
    # between one and two on 0.001 of accuracy; the one-standard-error rule (calibrate.
    # _fit_verdict) settles it at two, the point calling fewer independent texts derived.
    ("clough_stevenson", "binary_accuracy"): 0.968,
    # Raised (0.831 -> 0.852, leave one task out 0.800 -> 0.821): the edit classes are read
    # in words whatever the scorer (pipeline._pair, Pair.word_distance); the blend's own
    # near-verbatim bound, 0.024, had called copied answers light.
    ("clough_stevenson", "four_class_accuracy"): 0.852,
    # Lowered (leave one task out 0.968 -> 0.958, 0.778 -> 0.768): with the line-joining,
    # unit and short-sentence changes of 2026-12-06 the folds' refits call one more heavy
    # answer independent; the shipped fit and every shipped figure are unchanged, and the
    # folds call fewer independent answer pairs derived (2.3% -> 2.0%).
    # Raised again (0.958 -> 0.968, 0.821 -> 0.831) when related pairs alike only in quoted
    # words became same-quotation pairs: the folds' refits find that heavy answer again
    # (their independent answer pairs called derived 2.0% -> 2.3%, the ceiling's value).
    # Lowered again (0.968 -> 0.958, 0.831 -> 0.821) when a pair right beside a firm one
    # became firm: as with the lexical scorer (FLOORS), the fold without task b takes four
    # pairs as enough and one heavy answer reads as non; the shipped fit is unchanged.
    ("clough_stevenson", "cross_validated", "binary_accuracy"): 0.958,
    # Raised (0.768 -> 0.800): light edit and paraphrase told apart by word order (FLOORS).
    ("clough_stevenson", "cross_validated", "four_class_accuracy"): 0.821,
    ("mrpc", "accuracy"): 0.738,
    # Raised (0.801 -> 0.854, news 0.739 -> 0.746): pairs beyond the lexical related bound
    # are ranked by the blend, still beyond that bound (scorers.SemanticScorer.rescore).
    ("stsb", "spearman"): 0.854,
    ("stsb", "news_spearman"): 0.746,
    # Lowered with two firm pairs (above: random 0.825 -> 0.725, summary 0.875 -> 0.750;
    # summary plagdet 0.644 -> 0.631, own characters 0.741 -> 0.721, all pairs 0.815 ->
    # 0.814, three-way F1 0.869 -> 0.829): what one firm pair had bought. Independent
    # answer pairs called derived fall from 10.6% to 2.9% (ceilings).
    # 0.725 before the name and quotation changes (2026-12-05), 0.750 after; 0.725 again
    # when a lone pair far from the passage shown stopped counting (evidence.strays): one
    # random pair's third counted pair was such a stray. Raised (0.725 -> 0.775) with the
    # changes of 2026-12-07 (eighth session: run-on full stops, first names, spelt numbers,
    # topic words): two more random pairs found. Raised (0.775 -> 0.800, translation
    # found 0.825 -> 0.850) when a pair right beside a firm one became firm. Raised
    # (translation 0.850 -> 0.875, summary 0.750 -> 0.800) when a free sentence keeping the
    # source's phrases in two places came to count (evidence.kept_phrasing).
    ("pan13", "random", "detected"): 0.800,
    ("pan13", "translation", "detected"): 0.875,
    ("pan13", "summary", "detected"): 0.800,
    # A related pair inside a passage shown to be reused counts (evidence.in_context).
    # Lowered (0.631 -> 0.629, the summaries' own characters 0.721 -> 0.718) when a related
    # pair sharing only names and numbers stopped counting as context (evidence.context_of):
    # a summary's sentence may keep only its source's names; precision rose 0.925 -> 0.928,
    # random 0.814 -> 0.819.
    # Raised (0.637 -> 0.708) with the source's phrases kept in two places (below).
    ("pan13", "summary", "plagdet"): 0.708,
    # Raised with the strays set apart: precision 0.855 -> 0.925, all pairs 0.816 -> 0.842
    # (verbatim 0.865 -> 0.946), suspicious side 0.850 -> 0.878.
    # Raised with a passage's edges (evidence.passage_edges; 2026-12-07, thirteenth session):
    # all pairs 0.847 -> 0.854 (random 0.824 -> 0.835, translation 0.896 -> 0.908), suspicious
    # side 0.882 -> 0.888, summaries' own characters 0.723 -> 0.728; precision 0.924 either way.
    # Raised (all pairs 0.854 -> 0.870, random 0.835 -> 0.849, translation 0.908 -> 0.912,
    # summary 0.637 -> 0.709, suspicious side 0.888 -> 0.907, summaries' own characters
    # 0.728 -> 0.788) and precision lowered (0.924 -> 0.921) when a free sentence keeping
    # the source's phrases in two places beyond the related bound came to count
    # (evidence.kept_phrasing; fifteenth session).
    ("pan13", "overall", "plagdet"): 0.870,  # 0.841 before 2026-12-07 (eighth session)
    ("pan13", "overall", "precision"): 0.920,
    ("pan13", "summary", "suspicious_side", "recall"): 0.787,
    ("pan13", "overall", "suspicious_side", "plagdet"): 0.907,
    # Rewording or partial read on length (as FLOORS): 0.880 -> 0.954; 0.950 with two firm pairs;
    # 0.942 with the two more random pairs found on 2026-12-07 (eighth session; random
    # 0.931 -> 0.903 of the pairs found).
    # 0.953 with a passage's edges.
    ("pan13", "overall", "degree_right"): 0.953,
    # 0.833 before the strays (the random pair above); 0.829 -> 0.844 on 2026-12-07 (eighth
    # session); 0.855 with a pair beside a firm one firm; 0.865 with a passage's edges;
    # 0.876 with the source's phrases kept in two places.
    ("pan13", "overall", "three_way_f1"): 0.875,
    ("seeds", "link_precision"): 0.958,
    ("seeds", "link_recall"): 0.958,
    ("seeds", "verdict_accuracy"): 1.0,
    # The direction, where it is right (FLOORS): partial reuse read by the specifics left
    # out, Clough 0.727 -> 0.654 (more unsaid), PAN-13 0.066 -> 0.360.
    ("clough_stevenson", "direction", "right"): 0.654,
    ("pan13", "overall", "direction", "right"): 0.360,
    **{("languages", code, "edited_copy_rewording"): 1.0 for code in ("en", "de", "fr", "es", "ru")},
    **{("translations", pair, "translation_found"): 1.0 for pair in ("en-de", "en-fr", "en-es", "en-ru")},
}
SEMANTIC_CEILINGS = {
    ("pan13", "none", "false_positives"): 0.0,
    # The direction, where it is wrong (CEILINGS), with this scorer's verdicts (Clough
    # 0.382 -> 0.055 with the direction of 2026-12-07). Partial reuse read by the specifics
    # left out (fourteenth session): Clough 0.055 -> 0.073 (3 to 4 of 55), PAN-13 0.824 -> 0.412.
    ("clough_stevenson", "direction", "wrong"): 0.073,
    # 0.809 before the pairs found on 2026-12-07; 0.824 with two more found (a pair beside a firm one).
    ("pan13", "overall", "direction", "wrong"): 0.412,
    # Lowered (0.106 -> 0.029, 0.217 -> 0.070, 0.081 -> 0.027) by the fit of two firm pairs
    # (SEMANTIC_FLOORS).
    # 0.027 -> 0.029 (16 of 555, one more) after the name and quotation changes of 2026-12-05;
    # 0.027 with the strays set apart (evidence.strays), 0.023 (13 of 555; both "non" 0.070 ->
    # 0.054) when one pair that is not firm stopped making a text derived (verdict.decide);
    # 0.020 (11 of 555; both "non" 0.054 -> 0.039) on 2026-12-07 (eighth session: words a
    # text uses throughout are no shared information, among other changes).
    ("clough_stevenson", "independent_pairs", "called_derived"): 0.020,
    ("clough_stevenson", "independent_pairs", "both_non_called_derived"): 0.039,
    ("clough_stevenson", "cross_validated", "independent_pairs_called_derived"): 0.020,
    ("seeds", "related_outside_gold"): 5,
    **{("languages", code, "other_article_called_derived"): 0.0 for code in ("en", "de", "fr", "es", "ru")},
    **{("translations", pair, "other_article_called_derived"): 0.0 for pair in ("en-de", "en-fr", "en-es", "en-ru")},
}


pytestmark = pytest.mark.shared_data

# Articles per language of the parallel news: the semantic scorer embeds every sentence
# (0.5-1.8 s a comparison there), so it is gated on fewer.
LANGUAGE_SAMPLES = {"lexical": 40, "semantic": 10}


# Each scorer's floors and ceilings.
GATES = {"lexical": (FLOORS, CEILINGS), "semantic": (SEMANTIC_FLOORS, SEMANTIC_CEILINGS)}


@pytest.fixture(scope="module")
def evaluated():
    """Each scorer's measures, evaluated once when first asked for."""
    assert SHARED_DATA.is_dir(), f"the quality gate needs the labelled corpora in {SHARED_DATA}"
    done = {}

    def results(scorer):
        if scorer not in done:
            done[scorer] = evaluate(SHARED_DATA, Options.for_scorer(scorer), SEEDS,
                                    language_sample=LANGUAGE_SAMPLES[scorer])
        return done[scorer]

    return results


def _gate(which):
    cases = [(scorer, key) for scorer, gate in GATES.items() for key in gate[which]]
    return pytest.mark.parametrize("scorer, key", cases, ids=[f"{s}:{'.'.join(k)}" for s, k in cases])


@_gate(0)
def test_measure_stays_above_its_floor(evaluated, scorer, key):
    value, floor = _measure(evaluated(scorer), key), GATES[scorer][0][key]
    assert value >= floor - NOISE, f"{scorer}: {'.'.join(key)} = {value:.4f}, floor {floor}"


@_gate(1)
def test_measure_stays_below_its_ceiling(evaluated, scorer, key):
    value, ceiling = _measure(evaluated(scorer), key), GATES[scorer][1][key]
    assert value <= ceiling + NOISE, f"{scorer}: {'.'.join(key)} = {value:.4f}, ceiling {ceiling}"


def _measure(results, key):
    for part in key:
        results = results[part]
    return results


@pytest.mark.parametrize("scorer", SCORER_THRESHOLDS)
def test_shipped_thresholds_are_what_the_calibration_procedure_fits(scorer):
    fitted = calibrate(SHARED_DATA, scorer).options
    assert fitted == Options.for_scorer(scorer)


def test_eval_command_prints_the_documented_json_keys():
    done = subprocess.run(
        [sys.executable, "-m", "paraphrase.cli", "eval", "--data", str(SHARED_DATA), "--format", "json"],
        capture_output=True, text=True, timeout=1800,  # a guard against a hang: alone, it takes about 3 minutes
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    for corpus, key in [("clough_stevenson", "binary_accuracy"), ("clough_stevenson", "four_class_accuracy"),
                        ("mrpc", "accuracy"), ("mrpc", "f1"), ("stsb", "spearman")]:
        assert 0.0 <= data[corpus][key] <= 1.0
    assert "Clough & Stevenson" in done.stderr  # progress goes to standard error


def test_eval_without_corpora_is_a_clear_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "paraphrase.cli", "eval", "--data", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("not found (give the folder holding the labelled corpora with --data)")


def test_shipped_translation_bounds_are_what_their_fits_give():
    from paraphrase.evaluation.languages import fit_translation_cosine, fit_translation_firm_cosine

    shipped = Options()
    assert fit_translation_cosine(SHARED_DATA, shipped) == shipped.translation_min_cosine
    assert fit_translation_firm_cosine(SHARED_DATA, shipped) == shipped.translation_firm_cosine
