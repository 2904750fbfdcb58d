"""Features of the named-entity tagger.

Every feature of a token depends on its surface form only (its key, stem, clitics, shape, affixes, corpus
frequency, distributional clusters, lexicon memberships and how a first-pass tagger labelled its stem across
unlabeled news: :func:`context_features`), so the features of a form are computed once and the
tagger can precompute, per form, the score it contributes at each window position. The only features that
depend on the sentence are the multi-word place names (:meth:`FeatureExtractor.gazetteer`).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from khabar.caching import BoundedCache
from khabar.document import Token
from khabar.errors import ResourceError
from khabar.resources import data_path
from khabar.stages.tokenise import Tokeniser
from khabar.text.clitics import LEXICON_FOLD, WordFrequencies
from khabar.text.normalise import MATCHING, fold

_DIGIT = re.compile(r"\d")
WINDOW = (-2, -1, 0, 1, 2)
DENSE_WINDOW = (-1, 0, 1)
BOUNDARY = {-2: "BOS2", -1: "BOS", 1: "EOS", 2: "EOS2"}
CACHE_LIMIT = 300_000
CONTEXT_FILE = "models/ner_context.tsv.gz"
# columns of the context statistics: occurrences, first-pass tags, article and pronoun-suffix counts
# and how often the word before it is a title, an organisation word or a place word (ner_triggers.json)
CONTEXT_COLUMNS = (
    "n",
    "B-PER",
    "I-PER",
    "B-LOC",
    "I-LOC",
    "B-ORG",
    "I-ORG",
    "B-MISC",
    "I-MISC",
    "det",
    "enc",
    "after-title",
    "after-orgw",
    "after-locw",
)
CONTEXT_TYPES = ("PER", "LOC", "ORG", "MISC")
# bucket edges of a share (of a word's occurrences tagged with a type, carrying the article, ...)
SHARE_EDGES = (0.02, 0.1, 0.3, 0.6, 0.9)
SMOOTHING = 2.0


def _key(text: str) -> str:
    return _DIGIT.sub("0", fold(text, MATCHING)).lower()


def word_key(token: Token) -> str:
    """The key of a token for clusters and lexicons: its stem (clitics off), folded, digits as 0."""
    return _key(token.base.text)


@dataclass(frozen=True)
class WordSpace:
    """Distributional clusters (three granularities) and short dense vectors of stem keys."""

    clusters: dict[str, tuple[str, str, str]]
    rows: dict[str, int]
    vectors: np.ndarray


@cache
def word_space() -> WordSpace:
    """The packaged clusters and vectors (scripts/build_word_clusters.py)."""
    clusters: dict[str, tuple[str, str, str]] = {}
    rows: dict[str, int] = {}
    vectors: list[str] = []
    with data_path("models/word_clusters.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, small, medium, large, *vector = line.rstrip("\n").split("\t")
            clusters[word] = (small, medium, large)
            if vector:
                rows[word] = len(vectors)
                vectors.append(vector[0])
    if vectors:  # one parse of all the numbers at once: several times faster than a list of lists
        numbers = np.array(" ".join(vectors).split(), dtype=np.float32)
        array = numbers.reshape(len(vectors), -1)
    else:
        array = np.zeros((0, 0), np.float32)
    return WordSpace(clusters, rows, array)


@cache
def context_statistics() -> dict[str, tuple[int, ...]]:
    """Per stem key, how the first-pass tagger labelled it in unlabeled news (scripts/build_ner_context.py);
    empty when the file is not there (a model trained without context features does not need it)."""
    try:
        source = data_path(CONTEXT_FILE)
    except ResourceError:
        return {}
    statistics: dict[str, tuple[int, ...]] = {}
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                key, _, counts = line.rstrip("\n").partition("\t")
                statistics[key] = tuple(map(int, counts.split()))
    return statistics


def _bucket(share: float) -> int:
    """How many of the (ascending) edges ``share`` reaches."""
    return bisect_right(SHARE_EDGES, share)


def context_features(row: tuple[int, ...] | None) -> list[str]:
    """Features of a word from its context statistics: bucketed shares of each type, of all names, of B- among
    its name tags, of the article and of pronoun suffixes; ``a=none`` for a word seen too rarely."""
    if row is None:
        return ["a=none"]
    n = row[0] + SMOOTHING
    features = []
    named = 0
    begins = 0
    for t, name in enumerate(CONTEXT_TYPES):
        b, i = row[1 + 2 * t], row[2 + 2 * t]
        named += b + i
        begins += b
        bucket = _bucket((b + i) / n)
        if bucket:
            features.append(f"a{name}={bucket}")
    features.append(f"aE={_bucket(named / n)}")
    if named >= 3:
        features.append(f"aB={round(2 * begins / named)}")
    features.append(f"ad={_bucket(row[9] / n)}")
    features.append(f"ae={_bucket(row[10] / n)}")
    for column, name in ((11, "at"), (12, "ao"), (13, "al")):
        bucket = _bucket(row[column] / n)
        if bucket:
            features.append(f"{name}={bucket}")
    return features


@cache
def _lexicon_json(name: str) -> dict:
    with data_path(f"lexicons/{name}").open(encoding="utf-8") as handle:
        return json.load(handle)


class FeatureExtractor:
    """Computes and caches the features of token forms, and finds place names in sentences."""

    def __init__(self, tokeniser: Tokeniser | None = None, *, context: bool = True) -> None:
        self._tokeniser = tokeniser or Tokeniser()
        self._context = context_statistics() if context else {}
        self._frequencies = WordFrequencies.load()
        space = word_space()
        self._clusters = space.clusters
        self._vector_rows = space.rows
        self._vectors = space.vectors
        self.dimensions = space.vectors.shape[1]
        self._keys_cache: BoundedCache[str, str] = BoundedCache(CACHE_LIMIT)
        triggers = _lexicon_json("ner_triggers.json")
        self._word_sets = {
            "title": self._stem_keys(triggers["person_titles"]),
            "orgw": self._stem_keys(triggers["organisation_words"]),
            "locw": self._stem_keys(triggers["location_words"]),
        }
        # words that make a name a body's or a place's (جامعة، حزب، مدينة), whatever the tagger read
        self.body_and_place_keys = self._word_sets["orgw"] | self._word_sets["locw"]
        # for the apposition rule: one-word titles and ranks that may open it (the tagger does not read them as a set)
        self.honorific_keys = self._stem_keys(triggers["apposition_honorifics"])
        self.title_keys = self._word_sets["title"] | self.honorific_keys
        self.not_name_keys = self._stem_keys(triggers["not_name_words"])
        romanisation = _lexicon_json("romanisation.json")
        self.given_name_keys = self._stem_keys([*romanisation["given_names"], *romanisation["foreign_given_names"]])
        places = _lexicon_json("places.json")
        # known names by their first key: (the keys after it, label), longest first
        self._places: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        names = [
            (name, "LOC") for name in [*places["countries"].values(), *places["regions"].values(), *places["cities"]]
        ]
        names += [(name, "ORG") for actor in _lexicon_json("actors.json")["organisations"] for name in actor["names"]]
        for name, label in names:
            first, *rest = self._keys(name)
            self._places.setdefault(first, []).append((tuple(rest), label))
        for entries in self._places.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self._cache: BoundedCache[str, tuple[str, ...]] = BoundedCache(CACHE_LIMIT)
        self._stem_cache: BoundedCache[tuple[str, str], tuple[str, tuple[str, ...]]] = BoundedCache(CACHE_LIMIT)

    def person_share(self, key: str) -> float | None:
        """The share of a stem's occurrences in unlabeled news that the tagger began a person name with (None for a
        stem seen fewer than 3 times, or without context statistics)."""
        counts = self._context.get(key)
        return counts[1] / counts[0] if counts else None

    def person_counts(self, key: str) -> tuple[int, int] | None:
        """How often unlabeled news has a stem, and how often inside a person name (None for a stem seen fewer than
        3 times, or without context statistics)."""
        counts = self._context.get(key)
        return (counts[0], counts[1] + counts[2]) if counts else None

    def known_name(self, keys: Sequence[str]) -> str | None:
        """The label (LOC, ORG) of a known place or organisation whose keys are exactly ``keys``."""
        first, *rest = keys
        return next((label for after, label in self._places.get(first, ()) if list(after) == rest), None)

    @property
    def uses_context(self) -> bool:
        """Whether forms get the context features (the statistics are loaded)."""
        return bool(self._context)

    def _keys(self, text: str) -> list[str]:
        return [word_key(t) for t in self._tokeniser.tokenise(text) if t.kind != "punct"]

    def _stem_keys(self, words: Sequence[str]) -> frozenset[str]:
        return frozenset(key for word in words for key in self._keys(word))

    def key(self, surface: str) -> str:
        """The stem key of a surface form (cached)."""
        key = self._keys_cache.get(surface)
        if key is None:
            analysis = self._tokeniser.analysis(surface)
            stem = surface[analysis.stem[0] : analysis.stem[1]] if analysis.stem is not None else surface
            key = self._keys_cache[surface] = _key(stem)
        return key

    def keys(self, surfaces: Sequence[str]) -> list[str]:
        """The stem keys of several surface forms (:meth:`key`, the cached ones read at once)."""
        cached = self._keys_cache.get
        return [cached(s) or self.key(s) for s in surfaces]

    def vector(self, surface: str) -> np.ndarray | None:
        """The dense vector of a form's stem, when the word space has one."""
        row = self._vector_rows.get(self.key(surface))
        return None if row is None else self._vectors[row]

    def features(self, surface: str) -> tuple[str, ...]:
        """The features of one token form (cached)."""
        cached = self._cache.get(surface)
        if cached is None:
            cached = self._cache[surface] = self.compute(surface)
        return cached

    def compute(self, surface: str) -> tuple[str, ...]:
        """The features of one token form, not cached (the tagger caches what they add up to instead); what depends
        on the stem alone is cached per stem, which many forms share (حكومة، الحكومة، والحكومة، لحكومة)."""
        analysis = self._tokeniser.analysis(surface)
        stem = surface[analysis.stem[0] : analysis.stem[1]] if analysis.stem is not None else surface
        stem_part = self._stem_cache.get((stem, analysis.kind))
        if stem_part is None:
            stem_part = self._stem_cache[(stem, analysis.kind)] = self._stem_features(stem, analysis.kind)
        key_feature, rest = stem_part
        features = [f"w={_key(surface)}", key_feature, f"k={analysis.kind}"]
        if analysis.proclitics:
            features.append("pc=" + "+".join(form for _, _, form, _ in analysis.proclitics))
            if analysis.proclitics[-1][3] == "det":
                features.append("det")
        if analysis.enclitic is not None:
            features.append("enc")
        return (*features, *rest)

    def _stem_features(self, stem: str, kind: str) -> tuple[str, tuple[str, ...]]:
        """The features of a stem (as a token of ``kind``): its key feature, and the ones that follow the clitic
        features."""
        key = _key(stem)
        features = []
        if kind == "word" or kind == "foreign":
            features += [f"p2={key[:2]}", f"p3={key[:3]}", f"x1={key[-1:]}", f"x2={key[-2:]}", f"x3={key[-3:]}"]
            features.append(f"len={min(len(key), 9)}")
            count = self._frequencies[fold(stem, LEXICON_FOLD)]
            features.append(f"f={min(int(math.log2(count + 1)), 14)}")
        clusters = self._clusters.get(key)
        if clusters is not None:
            features += [f"c6={clusters[0]}", f"c8={clusters[1]}", f"c10={clusters[2]}"]
        elif kind == "word":
            features.append("c=none")
        features += [name for name, words in self._word_sets.items() if key in words]
        if self._context and (kind == "word" or kind == "foreign"):
            features += context_features(self._context.get(key))
        return f"s={key}", tuple(features)

    def gazetteer(self, keys: Sequence[str]) -> list[str | None]:
        """Per token, ``B-X``/``I-X`` where a known place (LOC) or organisation (ORG) name covers it (longest
        match), else None."""
        marks: list[str | None] = [None] * len(keys)
        places = self._places
        resume = 0
        for i in [i for i, key in enumerate(keys) if key in places]:
            if i < resume:
                continue
            for rest, label in places[keys[i]]:
                end = i + 1 + len(rest)
                if tuple(keys[i + 1 : end]) == rest:
                    marks[i] = f"B-{label}"
                    for j in range(i + 1, end):
                        marks[j] = f"I-{label}"
                    resume = end
                    break
        return marks

    def window_features(self, surfaces: Sequence[str]) -> list[dict[str, float]]:
        """Training view: for each token, every feature of its window, prefixed with its offset."""
        forms = [self.features(s) for s in surfaces]
        vectors = [self.vector(s) for s in surfaces]
        marks = self.gazetteer([self.key(s) for s in surfaces])
        rows = []
        for i in range(len(surfaces)):
            row = {"bias": 1.0}
            for offset in WINDOW:
                j = i + offset
                if not 0 <= j < len(surfaces):
                    row[f"{offset}:{BOUNDARY[offset]}"] = 1.0
                    continue
                row.update((f"{offset}:{f}", 1.0) for f in forms[j])
                vector = vectors[j]
                if vector is not None and offset in DENSE_WINDOW:
                    row.update((f"{offset}:e{k}", float(v)) for k, v in enumerate(vector) if v)
            if marks[i] is not None:
                row[f"gz={marks[i]}"] = 1.0
            rows.append(row)
        return rows
