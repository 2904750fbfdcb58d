"""Training the named-entity tagger (``khabar train ner``): a CRF fitted with CRFsuite's L-BFGS.

CRFsuite (python-crfsuite, MIT; CRFsuite itself BSD) is needed for training only, in the ``train`` extra; the
fitted weights are exported to the numpy model of :mod:`khabar.ner.model`, which is all tagging needs.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khabar.errors import KhabarError
from khabar.ner.bio import TaggedSentence, score
from khabar.ner.consistency import propagate
from khabar.ner.features import FeatureExtractor
from khabar.ner.model import NerModel

LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")


@dataclass(frozen=True)
class TrainingOptions:
    """CRFsuite settings: L1 and L2 penalties, iterations, and features seen fewer times than ``min_freq``."""

    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 200
    min_freq: int = 1


def _crfsuite():
    try:
        import pycrfsuite
    except ImportError:
        raise KhabarError("training needs python-crfsuite: pip install 'khabar[train]'") from None
    return pycrfsuite


def train(
    sentences: Sequence[TaggedSentence],
    options: TrainingOptions = TrainingOptions(),
    *,
    extractor: FeatureExtractor | None = None,
    log: Callable[[str], None] = print,
) -> NerModel:
    """Fit a tagger on ``sentences`` and return it (call ``save`` to keep it)."""
    pycrfsuite = _crfsuite()
    extractor = extractor or FeatureExtractor()
    started = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(extractor.window_features(sentence.tokens), list(sentence.labels))
    trainer.set_params(
        {
            "c1": options.c1,
            "c2": options.c2,
            "max_iterations": options.max_iterations,
            "feature.minfreq": options.min_freq,
            "feature.possible_transitions": True,
        }
    )
    log(f"features extracted for {len(sentences)} sentences in {time.time() - started:.0f} s; fitting")
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "ner.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    label_index = {label: i for i, label in enumerate(LABELS)}
    names = sorted({name for name, _ in info.state_features})
    feature_index = {name: i for i, name in enumerate(names)}
    weights = np.zeros((len(names), len(LABELS)), dtype=np.float32)
    for (name, label), weight in info.state_features.items():
        weights[feature_index[name], label_index[label]] = weight
    transitions = np.zeros((len(LABELS), len(LABELS)), dtype=np.float32)
    for (source, target), weight in info.transitions.items():
        transitions[label_index[source], label_index[target]] = weight
    meta = {
        "c1": str(options.c1),
        "c2": str(options.c2),
        "iterations": str(options.max_iterations),
        "sentences": str(len(sentences)),
        "context_features": "yes" if extractor.uses_context else "no",
        "trained_seconds": f"{time.time() - started:.0f}",
    }
    log(f"fitted in {time.time() - started:.0f} s: {len(names)} features with a weight")
    return NerModel(LABELS, names, weights, transitions, extractor, meta)


def evaluate(model: NerModel, sentences: Sequence[TaggedSentence], *, context: int = 1):
    """Entity-level scores of ``model`` on ``sentences``.

    With ``context`` > 1, runs of that many consecutive sentences are treated as one document for the
    document-level passes of the entities stage (names glued to an organisation, consistency; BIO files have no
    document boundaries); 1 scores sentences alone.
    """
    tokens = [s.tokens for s in sentences]
    predicted = model.tag(tokens)
    if context > 1:
        keys = [[model.key(token) for token in s.tokens] for s in sentences]
        for first in range(0, len(sentences), context):
            window = slice(first, first + context)
            labels = model.separate_people(keys[window], tokens[window], predicted[window])
            labels = propagate(keys[window], labels)
            labels = model.name_speakers(keys[window], tokens[window], labels)
            predicted[window] = model.trim_names(keys[window], tokens[window], labels)
    return score([s.labels for s in sentences], predicted)
