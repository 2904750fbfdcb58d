"""Cross-article entity resolution over a batch's output: one ``entities`` row per real-world entity.

Partitions are written with each entity's article-independent key (``org:nato``, ``per:`` and the skeleton of a
name) as its corpus id. Once they are done:

1. the ``doc_entities`` files are read, a partition at a time, into counts per key (articles, mentions, the
   names, Latin names, countries and sectors the articles give it): memory grows with the number of distinct
   entities, never with the number of articles;
2. :func:`khabar.resolve.corpus.merge_keys` joins keys (a surname alone to the one full name that has it, one
   name typed differently to the type most articles give it);
3. every partition where the joined keys change a corpus id is rewritten (``doc_entities.entity_id``,
   ``mentions.entity_id``, ``quotes.speaker_id(s)``, ``events.actor_id(s)``, ``recipient_id(s)``,
   ``location_id``), each file atomically and ``doc_entities`` last, so that a crash leaves the partition to be
   redone by the next run; the new ids are computed from the keys, never from the ids a previous run wrote;
4. ``entities/part-corpus.parquet`` is written: the merged counts, and ``keys``, the keys each entity joins.

Partitions are read in plan order, so the names chosen on a tie are the same whatever engine ran the job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.parquet as pq

from khabar.batch.layout import Layout, write_atomic
from khabar.batch.tables import SCHEMAS
from khabar.batch.worker import PARQUET_OPTIONS
from khabar.resolve.corpus import fullest_name, merge_keys

CORPUS_PART = "corpus"
_WRITE_ROWS = 50_000


@dataclass(slots=True)
class KeyStats:
    """What the articles say of one entity key."""

    type: str
    documents: int = 0
    mentions: int = 0
    names: Counter[str] = field(default_factory=Counter)
    latin: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    last_doc: str | None = None

    def merge(self, other: KeyStats) -> None:
        self.mentions += other.mentions
        self.names.update(other.names)
        self.latin.update(other.latin)
        self.countries.update(other.countries)
        self.sectors.update(other.sectors)


@dataclass
class EntitiesReport:
    entities: int = 0
    keys: int = 0
    joined: int = 0  # keys whose corpus id is another key
    rewritten: int = 0  # partitions rewritten with the joined ids


def collect(layout: Layout, partitions: Sequence[str]) -> dict[str, KeyStats]:
    """Counts per entity key over the ``doc_entities`` of ``partitions`` (in that order)."""
    stats: dict[str, KeyStats] = {}
    columns = ["doc_id", "key", "type", "name", "name_latn", "country", "sector", "n_mentions"]
    for partition in partitions:
        data = pq.read_table(layout.part("doc_entities", partition), columns=columns).to_pydict()
        for doc_id, key, kind, name, latin, country, sector, mentions in zip(*(data[c] for c in columns), strict=True):
            record = stats.get(key)
            if record is None:
                record = stats[key] = KeyStats(kind)
            if record.last_doc != doc_id or doc_id is None:
                record.documents += 1
                record.last_doc = doc_id
            record.mentions += mentions or 0
            record.names[name] += 1
            if latin:
                record.latin[latin] += 1
            if country:
                record.countries[country] += 1
            if sector:
                record.sectors[sector] += 1
        for record in stats.values():
            record.last_doc = None  # an id met again in another partition is another article
    return stats


def resolve(layout: Layout, partitions: Sequence[str]) -> EntitiesReport:
    """Join the keys of the whole batch, rewrite the partitions they change, write the ``entities`` table."""
    stats = collect(layout, partitions)
    mapping = merge_keys({key: record.documents for key, record in stats.items()})
    joined = {key: target for key, target in mapping.items() if key != target}
    report = EntitiesReport(keys=len(stats), joined=len(joined))
    documents: Counter[str] = Counter()
    for partition in partitions:
        if relabel(layout, partition, joined, documents):
            report.rewritten += 1
    merged: dict[str, KeyStats] = {}
    keys: dict[str, list[str]] = {}
    for key, record in stats.items():  # plan order: ties are broken the same way on every engine
        target = mapping[key]
        into = merged.get(target)
        if into is None:
            into = merged[target] = KeyStats(stats[target].type)
        into.merge(record)
        keys.setdefault(target, []).append(key)
    order = sorted(merged, key=lambda k: (-documents[k], k))
    report.entities = len(order)
    write_entities(layout, order, merged, keys, documents)
    return report


def _corpus_ids(data: dict[str, list], joined: dict[str, str]) -> dict[tuple[str, str], str]:
    return {
        (doc_id, local): joined.get(key, key)
        for doc_id, local, key in zip(data["doc_id"], data["entity"], data["key"], strict=True)
    }


def relabel(layout: Layout, partition: str, joined: dict[str, str], documents: Counter[str]) -> bool:
    """Set the corpus ids of ``partition`` from its keys and ``joined``; count articles per corpus id.

    Returns whether the partition had to be rewritten.
    """
    path = layout.part("doc_entities", partition)
    table = pq.read_table(path)
    data = table.select(["doc_id", "entity", "key", "entity_id"]).to_pydict()
    ids = _corpus_ids(data, joined)
    new = [ids[(d, e)] for d, e in zip(data["doc_id"], data["entity"], strict=True)]
    for corpus_id in {(d, i) for d, i in zip(data["doc_id"], new, strict=True)}:
        documents[corpus_id[1]] += 1
    if new == data["entity_id"]:
        return False

    def one(doc_id: str, local: str | None) -> str | None:
        return None if local is None else ids.get((doc_id, local))

    def many(doc_id: str, locals_: list[str] | None) -> list[str | None]:
        return [one(doc_id, local) for local in locals_ or ()]

    def first(doc_id: str, locals_: list[str] | None) -> str | None:
        return one(doc_id, locals_[0]) if locals_ else None

    rules = {
        "mentions": {"entity_id": ("entity", one)},
        "quotes": {"speaker_id": ("speaker", one), "speaker_ids": ("speakers", many)},
        "events": {
            "actor_id": ("actors", first),
            "actor_ids": ("actors", many),
            "recipient_id": ("recipients", first),
            "recipient_ids": ("recipients", many),
            "location_id": ("location", one),
        },
    }
    for name, columns in rules.items():
        target = layout.part(name, partition)
        rewritten = _rewrite(pq.read_table(target), columns)
        write_atomic(target, lambda tmp, t=rewritten: pq.write_table(t, tmp, **PARQUET_OPTIONS))
    updated = table.set_column(table.schema.get_field_index("entity_id"), "entity_id", pa.array(new, pa.string()))
    write_atomic(path, lambda tmp: pq.write_table(updated, tmp, **PARQUET_OPTIONS))
    return True


def _rewrite(table: pa.Table, columns: dict) -> pa.Table:
    doc_ids = table.column("doc_id").to_pylist()
    for column, (source, rule) in columns.items():
        values = [rule(d, v) for d, v in zip(doc_ids, table.column(source).to_pylist(), strict=True)]
        index = table.schema.get_field_index(column)
        table = table.set_column(index, table.schema.field(index), pa.array(values, table.schema.field(index).type))
    return table


def _most_common(counts: Counter[str]) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


def write_entities(
    layout: Layout,
    order: list[str],
    merged: dict[str, KeyStats],
    keys: dict[str, list[str]],
    documents: Counter[str],
) -> None:
    schema = SCHEMAS["entities"]
    target = layout.part("entities", CORPUS_PART)

    def write(tmp) -> None:  # type: ignore[no-untyped-def]
        with pq.ParquetWriter(tmp, schema, **PARQUET_OPTIONS) as writer:
            for start in range(0, max(len(order), 1), _WRITE_ROWS):
                columns: dict[str, list] = {name: [] for name in schema.names}
                for entity_id in order[start : start + _WRITE_ROWS]:
                    record = merged[entity_id]
                    row = {
                        "entity_id": entity_id,
                        "type": record.type,
                        "name": fullest_name(record.names),
                        "name_latn": _most_common(record.latin),
                        "country": _most_common(record.countries),
                        "sector": _most_common(record.sectors),
                        "n_documents": documents[entity_id],
                        "n_mentions": record.mentions,
                        "names": [name for name, _ in record.names.most_common()],
                        "keys": keys[entity_id],
                    }
                    for name, value in row.items():
                        columns[name].append(value)
                writer.write_table(pa.Table.from_pydict(columns, schema=schema))

    write_atomic(target, write)
