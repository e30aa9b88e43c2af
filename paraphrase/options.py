"""Every threshold of the engine, in one frozen object.

The defaults below are the shipped, calibrated values (see ``benchmarks/calibrate.py``);
a user's TOML file overlays only the keys it names (``Options.from_file``).
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import OptionsError
from .languages import AUTO, LANGUAGES


# Weights and sums, not shares or distances: not bound to [0, 1].
_UNBOUNDED = frozenset({"fact_weight", "min_shared_information"})

# The scorers (paraphrase/scorers.py) and the thresholds each was calibrated with, over the
# defaults below: a distance's scale depends on what it is made of, so each scorer has its
# own bounds (``python -m paraphrase.evaluation.calibrate --scorer NAME`` fits them).
SCORER_THRESHOLDS: dict[str, dict[str, Any]] = {
    "lexical": {},
    "semantic": {
        "semantic_weight": 0.2, "align_max_distance": 0.319, "related_max_distance": 0.501,
        "partial_share": 0.45, "min_partial_pairs": 3, "min_firm_pairs": 2, "near_verbatim_max": 0.047,
        "light_edit_order_max": 0.309, "close_wording_max": 0.155,
    },
}


@dataclass(frozen=True, kw_only=True)
class Options:
    # --- Alignment -------------------------------------------------------------------
    # A sentence pair is a candidate when its content-word overlap (weighted Dice, 0-1)
    # reaches this; cheap prefilter, the distance below decides.
    candidate_overlap: float = 0.2
    # An aligned pair must have a paraphrase distance at most this. Above it, two
    # sentences on the same event are "related", not one derived from the other.
    align_max_distance: float = 0.475
    # Unaligned sentences this close are shown as "related": STS-B annotators mostly
    # judge such pairs as sharing some details (a fact retold), not as one statement.
    # A related pair counts as reuse only when it continues a run of pairs that count, in
    # the same order in both texts (evidence.py); this is also the bound for that.
    related_max_distance: float = 0.633
    # Sentences with fewer content words than this never align on their own: "on" or
    # "Headlines" would otherwise match any sentence containing that word.
    min_content_words: int = 3
    # A neighbour joins an aligned pair (one sentence rewritten as two, or two as one)
    # when it lowers the pair's distance by at least this much.
    merge_gain: float = 0.03
    # At most this many sentences on one side of an aligned pair.
    max_group: int = 3
    # The sentences that cover one sentence (cover.py) lie within this many sentences of
    # each other: a rewritten sentence draws on one passage of its source, while in a
    # long text, sentences far apart that happen to share its words are chance.
    cover_span: int = 10

    # --- Evidence of reuse (evidence.py) ---------------------------------------------
    # A pair within this distance is evidence of reuse on its own ("close wording": words
    # swapped, clauses kept; fitted as the distance that best tells Clough & Stevenson's
    # light revisions from heavy ones).
    close_wording_max: float = 0.168
    # Beyond it, an aligned pair counts as reuse only with a shared phrase outside
    # quotations or shared content words whose informativeness (1 for "the", about 2.6
    # for "court", 4.5 for "asbestos", 8 for a word never seen) adds up to this.
    min_shared_information: float = 15.0

    # --- Distance --------------------------------------------------------------------
    # What scores a sentence pair: "lexical" (the words) or "semantic" (the words blended
    # with a sentence embedding; paraphrase/scorers.py). Choosing one in a file or on the
    # command line starts from that scorer's calibrated thresholds (SCORER_THRESHOLDS).
    scorer: str = "lexical"
    # In the semantic blend, the lexical distance's share; the rest is 1 - cosine. Never
    # 0: an embedding alone links different sentences on the same event. (Read only by
    # the semantic scorer; its calibrated value is in SCORER_THRESHOLDS.)
    semantic_weight: float = 0.2
    # Weight of content-word overlap in the distance; the rest is word-sequence
    # similarity, which separates verbatim copy from reworded text.
    content_weight: float = 0.9
    # Numbers and proper names count this many times in the content overlap: shared
    # facts are strong evidence of a shared source, changed facts matter to editors.
    fact_weight: float = 1.0

    # --- Edit classes --------------------------------------------------------------
    near_verbatim_max: float = 0.047  # on the lexical distance, whatever the scorer: punctuation, a word or two
    # Beyond near-verbatim, a pair is a light edit (words swapped, clauses and order kept)
    # when its words, every one in order, are at most this far apart (score.order_distance),
    # else a paraphrase.
    light_edit_order_max: float = 0.333

    # --- Verdict ---------------------------------------------------------------------
    # A text whose sentences reappear in the other at this share or more is "covered".
    rewording_share: float = 0.5
    # Below the rewording share, at least this share, or min_partial_pairs pairs, or
    # min_firm_pairs pairs that are firm evidence on their own (close wording or two
    # shared phrases: evidence.is_firm) make the verdict "partial". Fitted by the
    # calibration's one-standard-error rule (README, "Calibration").
    partial_share: float = 0.45
    min_partial_pairs: int = 3
    min_firm_pairs: int = 2

    # --- Corpus check ----------------------------------------------------------------
    # An article fails `paraphrase check` when more than this share of its sentences
    # comes from the corpus. A newsroom policy, not a measurement: set it to yours.
    check_max_share: float = 0.3
    # Corpus documents the candidate search hands to the exact alignment, per article
    # (twice as many while at least half of them are sources: corpus/check.py).
    check_candidates: int = 10

    # --- Language ----------------------------------------------------------------------
    # "auto": each text's own, detected (paraphrase/languages.py); or one code of the
    # table there ("de"), for both texts, when detection cannot tell (short texts).
    language: str = "auto"
    # Two texts in different languages: a pair of sentences, each the other's nearest in
    # the multilingual embedding, is a translation at this cosine or more (translation.py).
    translation_min_cosine: float = 0.56
    # ...and such pairs count as reuse only if one reaches this cosine (a firm pair): on
    # one event, two articles' sentences align at 0.56-0.67 now and then; every translated
    # article of newstest2012 has a pair at 0.77 or more (fit_translation_firm_cosine,
    # evaluation/languages.py, rounds that down to its grid).
    translation_firm_cosine: float = 0.76

    # --- Bounds ----------------------------------------------------------------------
    # Segments longer than this (characters) are cut at whitespace, which bounds the
    # work of every later stage on text with no sentence punctuation.
    max_segment_chars: int = 2000
    # Articles with more segments than this are refused (an InputError saying so); None
    # compares any length. The viewer sets it per request to bound a request's work.
    max_sentences: int | None = None

    def __post_init__(self) -> None:
        self._check_types()
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, float) and not 0.0 <= value <= 1.0 and field.name not in _UNBOUNDED:
                raise OptionsError(f"{field.name} must be within [0, 1], got {value}")
        if self.min_shared_information < 0.0:
            raise OptionsError(f"min_shared_information must be at least 0, got {self.min_shared_information}")
        if self.fact_weight < 1.0:
            raise OptionsError(f"fact_weight must be at least 1, got {self.fact_weight}")
        if not self.near_verbatim_max <= self.close_wording_max <= self.align_max_distance <= self.related_max_distance:
            raise OptionsError("distance bounds must rise: near_verbatim_max <= close_wording_max"
                               " <= align_max_distance <= related_max_distance")
        counts = ("max_group", "cover_span", "min_content_words", "check_candidates", "min_partial_pairs", "min_firm_pairs")
        if any(getattr(self, name) < 1 for name in counts):
            raise OptionsError(f"{', '.join(counts[:-1])} and {counts[-1]} must be at least 1")
        if self.max_sentences is not None and self.max_sentences < 1:
            raise OptionsError(f"max_sentences must be at least 1, got {self.max_sentences}")
        if self.scorer not in SCORER_THRESHOLDS:
            raise OptionsError(f"scorer must be one of {', '.join(SCORER_THRESHOLDS)}, got {self.scorer!r}")
        if self.semantic_weight <= 0.0:
            raise OptionsError(f"semantic_weight must be above 0, got {self.semantic_weight}")
        if self.language != AUTO and self.language not in LANGUAGES:
            raise OptionsError(f"language must be {AUTO} or one of {', '.join(LANGUAGES)}, got {self.language!r}")
        if self.max_segment_chars < 100:
            raise OptionsError(f"max_segment_chars must be at least 100, got {self.max_segment_chars}")

    def _check_types(self) -> None:
        # A TOML file can hold any type: say which key is wrong before any comparison.
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value is None and field.default is None:  # optional, and not set
                continue
            kinds: dict[type, type | tuple[type, ...]] = {float: (int, float), str: str}
            wanted = kinds.get(type(field.default), int)
            if isinstance(value, bool) or not isinstance(value, wanted):
                kind = "a name" if wanted is str else "a whole number" if wanted is int else "a number"
                raise OptionsError(f"{field.name} must be {kind}, got {value!r}")

    @property
    def min_content_dice(self) -> float:
        """The content-term Dice any pair within the lexical ``align_max_distance`` reaches
        (word order can make up at most the rest of the distance). The candidate stages
        search with it whatever the scorer (paraphrase/scorers.py says what that means)."""
        lexical = self.lexical()
        return 1.0 - lexical.align_max_distance / lexical.content_weight

    def lexical(self) -> Options:
        """These options with the lexical scorer's bounds, for the stages that read words only."""
        if self.scorer == "lexical":
            return self
        shipped = {name: getattr(DEFAULT_OPTIONS, name) for name in SCORER_THRESHOLDS[self.scorer]}
        return self.replace(scorer="lexical", **shipped)

    def with_max_distance(self, distance: float) -> Options:
        """A copy aligning only pairs within ``distance``, edit-class bounds capped to it."""
        return self.replace(align_max_distance=distance, close_wording_max=min(self.close_wording_max, distance),
                            near_verbatim_max=min(self.near_verbatim_max, distance),
                            related_max_distance=max(self.related_max_distance, distance))

    def replace(self, **changes: Any) -> Options:
        """A copy with ``changes`` applied and validated."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise OptionsError(f"unknown option(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    @classmethod
    def for_scorer(cls, scorer: str = "lexical", **changes: Any) -> Options:
        """The thresholds calibrated for ``scorer``, overlaid with ``changes``."""
        if not isinstance(scorer, str) or scorer not in SCORER_THRESHOLDS:
            raise OptionsError(f"scorer must be one of {', '.join(SCORER_THRESHOLDS)}, got {scorer!r}")
        return cls(scorer=scorer, **SCORER_THRESHOLDS[scorer]).replace(**changes)

    @classmethod
    def from_file(cls, path: str | Path, scorer: str | None = None) -> Options:
        """The defaults of the file's scorer (or ``scorer``, which wins) overlaid with the
        keys the TOML file names."""
        keys = read_toml(path, "options file")
        return cls.for_scorer(scorer or keys.pop("scorer", "lexical"), **{k: v for k, v in keys.items() if k != "scorer"})


def read_toml(path: str | Path, what: str) -> dict[str, Any]:
    """A TOML file's contents; any failure is an OptionsError naming ``what`` and ``path``."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise OptionsError(f"cannot read {what} {path}: {error}") from error


DEFAULT_OPTIONS = Options()
