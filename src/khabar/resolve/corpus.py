"""Resolution across articles: one id per real-world entity of a whole corpus.

Every entity of an article carries a ``key`` that is already the same in every article for the same name
(a knowledge-base id such as ``org:nato``, else the type and the skeleton of the name, so يانس ستولتنبرغ and
ينس ستولتنبرغ share one). What the keys alone cannot join is a person named only by the surname in one article
(``per:ستلتنبرG``) and in full in another: :class:`CorpusResolver` joins such a key to the full name with that
surname when the corpus has exactly one, and keeps it apart when two different people share the surname.

Blocking is on the surname skeleton, so the cost grows with the number of keys, never with their pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from khabar.document import Document, Entity

MAJORITY = 0.5


@dataclass
class CorpusEntity:
    """One entity of the corpus: its id (a key), type, most frequent name and Latin name, and counts."""

    id: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    latin: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The most frequent of the fullest names (a full name over a surname used alone)."""
        return fullest_name(self.names)

    @property
    def name_latn(self) -> str | None:
        return self.latin.most_common(1)[0][0] if self.latin else None


def fullest_name(names: Counter[str]) -> str:
    """The most frequent of the fullest names (most words); the first counted wins a tie; "" when none."""
    if not names:
        return ""
    longest = max(len(n.split()) for n in names)
    return max((n for n in names if len(n.split()) == longest), key=lambda n: names[n])


def merge_keys(document_counts: Mapping[str, int]) -> dict[str, str]:
    """Entity key → corpus id (itself a key), for every key of ``document_counts`` (key → articles naming it).

    A name typed differently in different articles is one entity, of the kind most articles give it
    (:func:`_majority_kinds`); then a person's surname used alone joins the one full name of the corpus with
    that surname, and stays apart when there are several. Applying the mapping twice changes nothing.
    """
    mapping = _majority_kinds(document_counts)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in set(mapping.values()):
        kind, _, words = key.partition(":")
        if kind == "per" and " " in words:
            by_surname[words.rsplit(" ", 1)[1]].add(key)
    for key, target in mapping.items():
        kind, _, words = target.partition(":")
        full_names = by_surname.get(words) if kind == "per" and " " not in words else None
        if full_names and len(full_names) == 1:
            mapping[key] = next(iter(full_names))
    return mapping


def _majority_kinds(document_counts: Mapping[str, int]) -> dict[str, str]:
    """One name typed differently in different articles (تويتر as ORG here, PER there) is one entity, of the
    kind most articles give it, when that kind has at least :data:`MAJORITY` of them."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in document_counts:
        kind, _, words = key.partition(":")
        if kind in ("per", "org", "loc"):
            by_name[words].append(key)
    mapping = {key: key for key in document_counts}
    for keys in by_name.values():
        if len(keys) < 2:
            continue
        best = max(keys, key=lambda k: (document_counts[k], k))
        if document_counts[best] >= MAJORITY * sum(document_counts[k] for k in keys):
            for key in keys:
                mapping[key] = best
    return mapping


class CorpusResolver:
    """Collects the entities of many documents, then maps each entity key to a corpus entity id."""

    def __init__(self) -> None:
        self._entities: dict[str, CorpusEntity] = {}

    @staticmethod
    def key_of(entity: Entity) -> str:
        return entity.key or f"{entity.type.lower()}:{entity.name}"

    def add(self, doc: Document) -> None:
        for entity in doc.entities:
            key = self.key_of(entity)
            record = self._entities.setdefault(key, CorpusEntity(key, entity.type))
            record.names[entity.name] += 1
            if entity.name_latn:
                record.latin[entity.name_latn] += 1
            record.documents.add(doc.id or str(id(doc)))

    def add_all(self, docs: Iterable[Document]) -> None:
        for doc in docs:
            self.add(doc)

    def resolve(self) -> dict[str, str]:
        """Entity key → corpus id, for every key seen."""
        return merge_keys({key: len(record.documents) for key, record in self._entities.items()})

    def entities(self) -> list[CorpusEntity]:
        """The corpus entities, merged."""
        mapping = self.resolve()
        merged: dict[str, CorpusEntity] = {}
        for key, record in self._entities.items():
            target = mapping[key]
            into = merged.setdefault(target, CorpusEntity(target, self._entities[target].type))
            into.names.update(record.names)
            into.latin.update(record.latin)
            into.documents |= record.documents
        return sorted(merged.values(), key=lambda e: (-len(e.documents), e.id))
