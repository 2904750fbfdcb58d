"""The named-entity tagger: a linear-chain CRF over window features, decoded with Viterbi in numpy.

The weights come from training (:mod:`khabar.ner.train`) and are stored as ``data/models/ner.npz``: the feature
names, one weight row per feature (one column per label) and the label-to-label transition weights.

Because every window feature depends on one token's form (see :mod:`khabar.ner.features`), the tagger sums,
once per form, what the form contributes at each of the five window offsets; scoring a sentence is then a few
array additions, and only multi-word place names and sentence boundaries are added per sentence.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from khabar.caching import BoundedCache
from khabar.errors import ResourceError
from khabar.ner.ages import tag_aged_people
from khabar.ner.apposition import appositions, name_word
from khabar.ner.edges import trim_edges
from khabar.ner.families import tag_family_names
from khabar.ner.features import BOUNDARY, CACHE_LIMIT, DENSE_WINDOW, WINDOW, FeatureExtractor
from khabar.ner.glued import split_glued_names
from khabar.ner.speakers import tag_speaking_surnames
from khabar.ner.titled import tag_titled_speakers
from khabar.quotes.lexicon import speech_lexicon
from khabar.resources import data_path

MODEL_FILE = "models/ner.npz"
DECODE_CELLS = 32_768  # token positions decoded in one batch (sentences × the longest of them)
# prepositions and particles that never end a name (إلى of عبدالله إلى; بان, بأن written without its hamza), as written
EDGE_PARTICLES = frozenset((
    "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "إن", "بأن", "قد", "وقد", "لقد", "الذي", "التي",
    "الذين", "بعد", "قبل", "خلال", "عبر", "لكن", "كما", "أيضا", "حيث", "بين", "ضد", "عند", "لدى", "فيما",
    "بينما", "إذ", "منذ", "حتى", "لم", "لن", "لا", "ما", "ثم", "أو", "كان", "كانت", "بان",
))  # fmt: skip
# how a speaker said it, after the name (وقال ترمب ممازحا): never the end of a name, as written
MANNER_WORDS = frozenset(("ممازحا", "مازحا", "مبتسما", "ضاحكا", "غاضبا", "ساخرا", "متهكما", "مستغربا", "متأثرا"))
GIVEN_NAME_SHARE = 0.3  # of a word's occurrences that begin a person name, for it to count as a given name
PERSON_WORD_SHARE = 0.1  # of a word's occurrences inside person names, for it to count as a name word
RARE_WORD = 30  # occurrences in unlabeled news under which a word's share tells nothing
_DENSE_NAME = re.compile(r"e\d+")


class FormTable(BoundedCache[str, int]):
    """The row of every form met in one array of what each contributes (rows × offsets × labels).

    Row 0 is the pad laid at sentence boundaries: at each offset, the boundary weight (BOS2, BOS, EOS, EOS2).
    The table is emptied when it holds ``limit`` forms and more are to come (:meth:`reserve`), never in the middle
    of a batch, whose rows must stay valid.
    """

    def __init__(self, limit: int, pad: np.ndarray) -> None:
        super().__init__(limit)
        self.table = np.empty((1024, *pad.shape), dtype=np.float32)
        self.table[0] = pad

    def reserve(self, count: int) -> None:
        """Make room for ``count`` new forms, emptying the table if they would take it past its limit."""
        if len(self) + count > self.limit:
            self.clear()

    def add(self, surfaces: Sequence[str], contributions: np.ndarray) -> None:
        """Store what new forms contribute (one array per form, in order), each in the next free row."""
        first = len(self) + 1
        end = first + len(surfaces)
        while end > len(self.table):
            self.table = np.concatenate([self.table, np.empty_like(self.table)])
        self.table[first:end] = contributions
        for row, surface in enumerate(surfaces, first):
            dict.__setitem__(self, surface, row)


class NerModel:
    """A trained tagger: ``tag(sentences)`` gives a BIO label per token."""

    def __init__(
        self,
        labels: Sequence[str],
        features: Sequence[str],
        weights: np.ndarray,
        transitions: np.ndarray,
        extractor: FeatureExtractor | None = None,
        meta: dict[str, str] | None = None,
    ) -> None:
        self.labels = tuple(labels)
        self.meta = dict(meta or {})
        self._index = {name: i for i, name in enumerate(features)}
        self._features = list(features)
        self._weights = weights.astype(np.float32)
        self._transitions = transitions.astype(np.float32)
        self._extractor = extractor or FeatureExtractor()
        self._zero = np.zeros(len(self.labels), dtype=np.float32)
        self._allowed = self._legal_transitions()
        self._start = np.array(
            [0.0 if not label.startswith("I-") else -np.inf for label in self.labels], dtype=np.float32
        )
        self._bias = self._vector("bias")
        self._boundary = {offset: self._vector(f"{offset}:{name}") for offset, name in BOUNDARY.items()}
        self._gazetteer = {name[3:]: self._vector(name) for name in self._features if name.startswith("gz=")}
        self._by_form_feature, self._form_weights = self._window_tables()
        self._dense = self._dense_table()
        pad = np.zeros((len(WINDOW), len(self.labels)), dtype=np.float32)
        for offset, weights in self._boundary.items():
            pad[WINDOW.index(offset)] = weights
        self._forms = FormTable(CACHE_LIMIT, pad)

    # --- persistence

    @classmethod
    def load(cls, path: Path | None = None, extractor: FeatureExtractor | None = None) -> NerModel:
        source = path if path is not None else data_path(MODEL_FILE)
        try:
            with source.open("rb") as handle:
                arrays = np.load(io.BytesIO(handle.read()), allow_pickle=False)
                meta = dict(zip(arrays["meta_keys"].tolist(), arrays["meta_values"].tolist(), strict=True))
                return cls(
                    arrays["labels"].tolist(),
                    arrays["features"].tolist(),
                    arrays["weights"],
                    arrays["transitions"],
                    extractor,
                    meta,
                )
        except (OSError, KeyError, ValueError) as error:
            raise ResourceError(f"cannot read the NER model {source}: {error}") from None

    def save(self, path: Path) -> None:
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                labels=np.array(self.labels),
                features=np.array(self._features),
                weights=self._weights.astype(np.float16),
                transitions=self._transitions,
                meta_keys=np.array(list(self.meta)),
                meta_values=np.array(list(self.meta.values())),
            )

    # --- scoring

    def _vector(self, feature: str) -> np.ndarray:
        row = self._index.get(feature)
        return self._zero if row is None else self._weights[row]

    def _window_tables(self) -> tuple[dict[str, int], np.ndarray]:
        """Per form feature, its weights at every window offset: an index and an array (features × offsets × labels)."""
        offsets = {str(offset): row for row, offset in enumerate(WINDOW)}
        index: dict[str, int] = {}
        entries: list[tuple[int, int, int]] = []
        for row, name in enumerate(self._features):
            offset, colon, feature = name.partition(":")
            if colon and offset in offsets and not _DENSE_NAME.fullmatch(feature):
                entries.append((index.setdefault(feature, len(index)), offsets[offset], row))
        table = np.zeros((len(index) + 1, len(WINDOW), len(self.labels)), dtype=np.float32)
        for feature_row, offset_row, weight_row in entries:
            table[feature_row, offset_row] = self._weights[weight_row]
        return index, table

    def _dense_table(self) -> np.ndarray | None:
        """Weights of the dense features: an array (dimensions × offsets·labels), or None without them."""
        dimensions = self._extractor.dimensions
        if not dimensions or not any(f"{offset}:e0" in self._index for offset in DENSE_WINDOW):
            return None
        table = np.zeros((dimensions, len(WINDOW), len(self.labels)), dtype=np.float32)
        for offset in DENSE_WINDOW:
            for k in range(dimensions):
                table[k, WINDOW.index(offset)] = self._vector(f"{offset}:e{k}")
        return table.reshape(dimensions, -1)

    def _legal_transitions(self) -> np.ndarray:
        allowed = np.zeros((len(self.labels), len(self.labels)), dtype=np.float32)
        for j, label in enumerate(self.labels):
            if label.startswith("I-"):
                for i, previous in enumerate(self.labels):
                    if previous[2:] != label[2:]:
                        allowed[i, j] = -np.inf
        return allowed

    def _forms_of(self, surfaces: Sequence[str]) -> np.ndarray:
        """What each form contributes at each window offset: an array (forms × offsets × labels), made with one
        array operation for all the forms rather than a few per form."""
        index = self._by_form_feature
        compute = self._extractor.compute
        rows: list[int] = []
        starts: list[int] = []
        for surface in surfaces:
            starts.append(len(rows))
            before = len(rows)
            rows += [index[f] for f in compute(surface) if f in index]
            if len(rows) == before:
                rows.append(len(index))  # the last row of the table is zeros
        matrix = np.add.reduceat(self._form_weights[rows], starts, axis=0)
        if self._dense is not None:
            vector = self._extractor.vector
            dense = [(k, v) for k, v in enumerate(map(vector, surfaces)) if v is not None]
            if dense:
                chosen = [k for k, _ in dense]
                # einsum, not matmul: a matrix product this size would wake BLAS's threads, which spin on every core
                products = np.einsum("nk,kj->nj", np.stack([v for _, v in dense]), self._dense)
                matrix[chosen] += products.reshape(len(dense), *matrix.shape[1:])
        return matrix

    def emissions(self, sentences: Sequence[Sequence[str]], keys: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Label scores of every token of each sentence, transitions aside: an array (tokens × labels) each.

        The sentences are laid end to end with two boundary pads before each and after the last, and every token
        receives what its neighbours contribute at their offset, in one pass of array additions: a pad gives the
        sentence-boundary weights, so no window reaches into the next sentence.
        """
        forms = self._forms
        forms.reserve(sum(len(s) for s in sentences))
        new = list(dict.fromkeys(surface for sentence in sentences for surface in sentence if surface not in forms))
        if new:
            forms.add(new, self._forms_of(new))
        ids = [0, 0]
        for sentence in sentences:
            ids += map(forms.__getitem__, sentence)
            ids += (0, 0)
        table = forms.table[np.array(ids)]  # positions × offsets × labels
        last = len(ids)
        total = self._bias + table[0 : last - 4, 0]
        for row in range(1, len(WINDOW)):
            # token i receives what token i + offset contributes at that offset (offsets −2 … 2 in order)
            total += table[row : last - 4 + row, row]
        result = []
        start = 0
        for sentence, sentence_keys in zip(sentences, keys, strict=True):
            scores = total[start : start + len(sentence)]
            start += len(sentence) + 2
            if self._gazetteer:
                for i, mark in enumerate(self._extractor.gazetteer(sentence_keys)):
                    if mark is not None and mark in self._gazetteer:
                        scores[i] += self._gazetteer[mark]
            result.append(scores)
        return result

    def viterbi(self, batch: Sequence[np.ndarray]) -> list[list[str]]:
        """The best legal label sequences for a batch of emission arrays, decoded side by side.

        Rows are ordered by length, so that the sentences still being decoded at a step are the last rows: each
        step works on that suffix only, and the short sentences of a batch cost nothing past their end.
        """
        lengths = np.array([len(scores) for scores in batch])
        order = np.argsort(lengths, kind="stable")
        ordered = lengths[order]
        size, longest, labels = len(batch), int(lengths.max()), len(self.labels)
        emissions = np.zeros((size, longest, labels), dtype=np.float32)
        for row, index in enumerate(order):
            emissions[row, : ordered[row]] = batch[index]
        transitions = self._transitions + self._allowed
        best = emissions[:, 0] + self._start
        back = np.zeros((size, longest, labels), dtype=np.int64)
        starts = np.searchsorted(ordered, np.arange(longest), side="right")  # first row longer than t, per t
        for t in range(1, longest):
            a = starts[t]
            candidates = best[a:, :, None] + transitions
            back[a:, t] = candidates.argmax(axis=1)
            best[a:] = candidates.max(axis=1) + emissions[a:, t]
        current = best.argmax(axis=1)
        paths = np.zeros((size, longest), dtype=np.int64)
        for t in range(longest - 1, -1, -1):
            a = starts[t]  # rows a: are at least t + 1 long; those exactly t + 1 long start here from their end
            paths[a:, t] = current[a:]
            if t:
                current[a:] = back[np.arange(a, size), t, current[a:]]
        names = self.labels
        result: list[list[str]] = [[] for _ in batch]
        for row, index in enumerate(order):
            result[index] = [names[k] for k in paths[row, : ordered[row]]]
        return result

    def key(self, surface: str) -> str:
        """The key under which a token form is compared (its stem, folded)."""
        return self._extractor.key(surface)

    def keys(self, surfaces: Sequence[str]) -> list[str]:
        """The :meth:`key` of each of several token forms."""
        return self._extractor.keys(surfaces)

    def tag(
        self,
        sentences: Sequence[Sequence[str]],
        keys: Sequence[Sequence[str]] | None = None,
        *,
        cells: int = DECODE_CELLS,
    ) -> list[list[str]]:
        """BIO labels for every token of every sentence (sentences are lists of token texts), with the names set
        between commas after a title (:mod:`khabar.ner.apposition`); ``keys`` are the tokens' :meth:`key`, when
        the caller has them.

        Sentences are decoded side by side, shortest first, as many at a time as keep (sentences × longest) under
        ``cells``: a decoding step costs about the same for one sentence as for hundreds.
        """
        if keys is None:
            keys = [self.keys(sentence) for sentence in sentences]
        result: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        first = 0
        while first < len(order):
            end = first + 1
            while end < len(order) and (end + 1 - first) * len(sentences[order[end]]) <= cells:
                end += 1
            chosen = order[first:end]
            scores = self.emissions([sentences[i] for i in chosen], [keys[i] for i in chosen])
            for i, labels in zip(chosen, self.viterbi(scores), strict=True):
                result[i] = labels
            first = end
        extractor = self._extractor
        return appositions(
            sentences, result, keys, extractor.title_keys, extractor.honorific_keys, extractor.not_name_keys
        )

    def separate_people(
        self, keys: Sequence[Sequence[str]], surfaces: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
    ) -> list[list[str]]:
        """A document's labels with the person names glued to an organisation or place cut off it, when the
        document names the person elsewhere (:mod:`khabar.ner.glued`)."""
        extractor = self._extractor
        return split_glued_names(
            keys,
            surfaces,
            labels,
            self._name_word,
            self._given_name,
            # a known place or organisation, not a given name that is also one (رياض منصور)
            lambda name_keys: (
                extractor.known_name(name_keys) is not None and name_keys[0] not in extractor.given_name_keys
            ),
            extractor.title_keys,
        )

    def name_speakers(
        self, keys: Sequence[Sequence[str]], surfaces: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
    ) -> list[list[str]]:
        """A document's labels with the surnames it makes speak tagged (:mod:`khabar.ner.speakers`)."""
        return tag_speaking_surnames(
            keys,
            surfaces,
            labels,
            speech_lexicon().verb_forms,
            speech_lexicon().complementisers,
            self._extractor.key("إلى"),
            self._listed_given_name,
            self._name_word,
        )

    def name_aged_people(
        self, keys: Sequence[Sequence[str]], surfaces: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
    ) -> list[list[str]]:
        """A document's labels with the names before an age in brackets tagged as people (:mod:`khabar.ner.ages`)."""
        extractor = self._extractor
        return tag_aged_people(
            keys,
            surfaces,
            labels,
            name_word=self._name_word,
            given_name=self._given_name,
            person_word=self._person_word,
            not_a_person=lambda name_keys: (
                extractor.known_name(name_keys) is not None
                or any(key in extractor.body_and_place_keys for key in name_keys)
            ),
        )

    def name_families(
        self, keys: Sequence[Sequence[str]], surfaces: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
    ) -> list[list[str]]:
        """A document's labels with a given name, آل and a family name tagged as one person
        (:mod:`khabar.ner.families`)."""
        return tag_family_names(keys, surfaces, labels, name_word=self._name_word, given_name=self._given_name)

    def name_titled_speakers(
        self, keys: Sequence[Sequence[str]], surfaces: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
    ) -> list[list[str]]:
        """A document's labels with the names between a speaker's title and the words said tagged
        (:mod:`khabar.ner.titled`)."""
        return tag_titled_speakers(
            keys,
            surfaces,
            labels,
            speech_verbs=speech_lexicon().verb_forms,
            complementisers=speech_lexicon().complementisers,
            titles=self._extractor.title_keys,
            name_word=self._name_word,
            given_name=self._given_name,
            person_word=self._person_word,
        )

    def trim_names(
        self, keys: Sequence[Sequence[str]], surfaces: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
    ) -> list[list[str]]:
        """Labels with particles, words of manner and verbs of saying cut off the edges of names
        (:mod:`khabar.ner.edges`)."""
        return trim_edges(keys, surfaces, labels, EDGE_PARTICLES | MANNER_WORDS, speech_lexicon().verb_forms)

    def _name_word(self, surface: str, key: str) -> bool:
        """Whether a word may be part of a person's name (:func:`khabar.ner.apposition.name_word`)."""
        return name_word(surface, key, self._extractor.title_keys, self._extractor.not_name_keys)

    def _person_word(self, key: str) -> bool:
        """Whether unlabeled news has a word inside person names in 10% of its occurrences or more, or too rarely to
        tell (fewer than 30 times)."""
        counts = self._extractor.person_counts(key)
        return counts is None or counts[0] < RARE_WORD or counts[1] >= PERSON_WORD_SHARE * counts[0]

    def _listed_given_name(self, key: str) -> bool:
        """A listed given name (romanisation.json) that unlabeled news does not mostly read as another word (باسم
        "in the name of", علي folded with على)."""
        return key in self._extractor.given_name_keys and self._begins_names(key)

    def _given_name(self, key: str) -> bool:
        """Whether a word may be a given name: a listed one (romanisation.json), or one that :meth:`_begins_names`
        (فاتو، توبياس; not رأس، بزعامة)."""
        extractor = self._extractor
        if key in extractor.given_name_keys or not extractor.uses_context:
            return key in extractor.given_name_keys
        return self._begins_names(key)

    def _begins_names(self, key: str) -> bool:
        """Whether unlabeled news begins person names with a word in 30% of its occurrences or more, or has it too
        rarely to tell (the context statistics)."""
        share = self._extractor.person_share(key)
        return share is None or share >= GIVEN_NAME_SHARE


@cache
def default_model() -> NerModel:
    """The packaged model, loaded once per process."""
    return NerModel.load()
