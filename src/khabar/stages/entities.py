"""The entities stage: names of people, organisations, places and other things (the ``mentions`` layer).

Each sentence's tokens are tagged by the CRF of :mod:`khabar.ner.model`, person names glued to an organisation are
cut off it (:mod:`khabar.ner.glued`), names before an age in brackets are people (:mod:`khabar.ner.ages`), as are a
given name, آل and a family name (:mod:`khabar.ner.families`), names are made consistent across the article
(:mod:`khabar.ner.consistency`), then surnames the article makes speak (:mod:`khabar.ner.speakers`) and names
between a speaker's title and the words said (:mod:`khabar.ner.titled`) are tagged, and particles and verbs of
saying cut off the edges of names (:mod:`khabar.ner.edges`).
A mention starts after the conjunctions and prepositions written on its first token, keeping a written article:
وللناتو gives ناتو, والعراق gives العراق, so that the mention text is the name as a reader would quote it.
"""

from __future__ import annotations

from bisect import bisect_left

from khabar.document import Document, Mention
from khabar.ner.bio import entities
from khabar.ner.consistency import propagate
from khabar.ner.model import NerModel, default_model

GROUP_TOKENS = 20_000  # tokens of the documents tagged together (16 news articles are about 5,000)


class Entities:
    """Pipeline stage: sets the ``mentions`` layer (entity links come from the resolve stage)."""

    name = "entities"
    requires = frozenset({"sentences", "tokens"})
    provides = frozenset({"mentions"})

    def __init__(self, model: NerModel | None = None) -> None:
        self._model = model or default_model()

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        """Tag several documents at once: their sentences are decoded side by side, a group of documents of at most
        :data:`GROUP_TOKENS` tokens at a time (a long article alone), so that memory stays that of one article."""
        group: list[Document] = []
        size = 0
        for doc in docs:
            if group and size + len(doc.tokens) > GROUP_TOKENS:
                self._tag_together(group)
                group, size = [], 0
            group.append(doc)
            size += len(doc.tokens)
        if group:
            self._tag_together(group)
        return docs

    def _tag_together(self, docs: list[Document]) -> None:
        work = [self._sentences(doc) for doc in docs]
        sentences = [sentence for _, _, doc_sentences in work for sentence in doc_sentences]
        keys = [self._model.keys(sentence) for sentence in sentences]
        tagged = iter(self._model.tag(sentences, keys=keys))
        keys_of = iter(keys)
        for doc, (spans, ranges, surfaces) in zip(docs, work, strict=True):
            count = len(ranges)
            doc_keys = [next(keys_of) for _ in range(count)]
            labels = self._model.separate_people(doc_keys, surfaces, [next(tagged) for _ in range(count)])
            labels = self._model.name_aged_people(doc_keys, surfaces, labels)
            labels = self._model.name_families(doc_keys, surfaces, labels)
            # the speaking surnames after the consistency pass: a bare مطر is no name to spread to المطر "the rain"
            labels = self._model.name_speakers(doc_keys, surfaces, propagate(doc_keys, labels))
            labels = self._model.name_titled_speakers(doc_keys, surfaces, labels)
            labels = self._model.trim_names(doc_keys, surfaces, labels)
            mentions = []
            text = doc.text
            for (first, _), sentence_labels in zip(ranges, labels, strict=True):
                for begin, end, kind in entities(sentence_labels):
                    start = self._name_start(doc, first + begin)
                    stop = spans[first + end - 1][1]
                    mentions.append(Mention(start, stop, text[start:stop], id=f"m{len(mentions) + 1}", type=kind))
            doc.set_layer("mentions", mentions)

    @staticmethod
    def _sentences(doc: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[list[str]]]:
        """The token spans of a document, the ``[first, last)`` tokens of each sentence, and their texts."""
        tokens = doc.tokens
        spans = tokens.spans if hasattr(tokens, "spans") else [(t.start, t.end) for t in tokens]
        starts = [s for s, _ in spans]
        text = doc.text
        ranges = []
        for sentence in doc.sentences:
            first = bisect_left(starts, sentence.start)
            last = bisect_left(starts, sentence.end)
            if first < last:
                ranges.append((first, last))
        return spans, ranges, [[text[a:b] for a, b in spans[first:last]] for first, last in ranges]

    @staticmethod
    def _name_start(doc: Document, index: int) -> int:
        token = doc.tokens[index]
        for clitic in token.proclitics:
            if clitic.role == "det" and clitic.text == "ال":
                return clitic.start
        return token.stem.start if token.stem is not None else token.start
