"""The batch tables: their Arrow schemas, declared once, and the rows of an analysed document.

Every table of an article layer has ``doc_id`` and the layer's own id (``mention_id``, ``time_id`` …), so its
rows join back to the ``khabar/1`` JSON. Columns named like a JSON field hold that field's value (``entity``,
``speaker``, ``actors``, ``location`` are the article's own entity ids, ``e1`` …); columns ending in ``_id`` or
``_ids`` hold corpus entity ids, the ``entity_id`` of the ``entities`` table (one row per real-world entity of
the whole batch). A partition is first written with each entity's article-independent ``key`` as its corpus id;
:mod:`khabar.batch.entities` then rewrites the corpus ids where the corpus resolution joins keys.

``day`` columns are dates (Arrow ``date32``): ``documents.day`` and ``quotes.day`` the publication day,
``events.day`` the event's own day when its date is a whole day, else the publication day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyarrow as pa

from khabar.document import Document, Entity
from khabar.resolve.corpus import CorpusResolver

_S = pa.string()
_I = pa.int32()
_L = pa.list_(pa.string())
_ROLE = pa.struct([("title", _S), ("title_en", _S), ("of", _S)])


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema(list(columns))


SCHEMAS: dict[str, pa.Schema] = {
    "documents": _schema(
        ("doc_id", _S), ("published", _S), ("day", pa.date32()), ("title", _S), ("source", _S), ("url", _S),
        ("origin", _S), ("partition", _S), ("length", _I), ("n_sentences", _I), ("n_mentions", _I),
        ("n_entities", _I), ("n_times", _I), ("n_quantities", _I), ("n_quotes", _I), ("n_events", _I), ("text", _S),
    ),
    "doc_entities": _schema(
        ("doc_id", _S), ("entity", _S), ("entity_id", _S), ("key", _S), ("type", _S), ("name", _S),
        ("name_latn", _S), ("country", _S), ("sector", _S), ("n_mentions", _I), ("roles", pa.list_(_ROLE)),
    ),
    "mentions": _schema(
        ("doc_id", _S), ("mention_id", _S), ("start", _I), ("end", _I), ("text", _S), ("type", _S),
        ("subtype", _S), ("entity", _S), ("entity_id", _S), ("refers", _L),
    ),
    "times": _schema(
        ("doc_id", _S), ("time_id", _S), ("start", _I), ("end", _I), ("text", _S), ("type", _S), ("value", _S),
        ("begin", _S), ("until", _S), ("calendar", _S), ("mod", _S), ("flag", _S),
    ),
    "quantities": _schema(
        ("doc_id", _S), ("quantity_id", _S), ("start", _I), ("end", _I), ("text", _S), ("value", pa.float64()),
        ("unit", _S), ("ordinal", pa.bool_()), ("kind", _S), ("currency", _S), ("mod", _S), ("flag", _S),
    ),
    "quotes": _schema(
        ("doc_id", _S), ("quote_id", _S), ("day", pa.date32()), ("start", _I), ("end", _I), ("text", _S),
        ("kind", _S), ("speaker", _S), ("speaker_id", _S), ("speaker_name", _S), ("speaker_name_latn", _S),
        ("speakers", _L), ("speaker_ids", _L), ("cue", _S), ("cue_start", _I), ("cue_end", _I),
    ),
    "events": _schema(
        ("doc_id", _S), ("event_id", _S), ("type", _S), ("mode", _S), ("modality", _S), ("background", pa.bool_()),
        ("date", _S),
        ("day", pa.date32()), ("published_day", pa.date32()), ("time", _S),
        ("actor_id", _S), ("actor_name", _S), ("actor_name_latn", _S), ("actor_country", _S), ("actor_sector", _S),
        ("recipient_id", _S), ("recipient_name", _S), ("recipient_name_latn", _S), ("recipient_country", _S),
        ("recipient_sector", _S),
        ("actors", _L), ("actor_ids", _L), ("actor_names", _L), ("recipients", _L), ("recipient_ids", _L),
        ("recipient_names", _L),
        ("location", _S), ("location_id", _S), ("location_name", _S), ("location_name_latn", _S),
        ("location_country", _S),
        ("trigger", _S), ("trigger_start", _I), ("trigger_end", _I), ("evidence", _S), ("evidence_start", _I),
        ("evidence_end", _I), ("n_evidences", _I), ("source", _S), ("title", _S), ("url", _S),
    ),
    "errors": _schema(("partition", _S), ("origin", _S), ("doc_id", _S), ("reason", _S)),
    "entities": _schema(
        ("entity_id", _S), ("type", _S), ("name", _S), ("name_latn", _S), ("country", _S), ("sector", _S),
        ("n_documents", pa.int64()), ("n_mentions", pa.int64()), ("names", _L), ("keys", _L),
    ),
}  # fmt: skip

# Tables written by each partition, in the order they are written (doc_entities last: see khabar.batch.entities).
PARTITION_TABLES = ("documents", "mentions", "times", "quantities", "quotes", "events", "errors", "doc_entities")
# The corpus table, written once the partitions are done.
CORPUS_TABLES = ("entities",)
TABLES = (*PARTITION_TABLES, *CORPUS_TABLES)
# Article layers and the table holding one row per item of each.
LAYER_TABLES = {
    "mentions": "mentions",
    "entities": "doc_entities",
    "times": "times",
    "quantities": "quantities",
    "quotes": "quotes",
    "events": "events",
}

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_of(value: str | None) -> date | None:
    """The day of an ISO date or datetime (``2021-03-10``, ``2021-03-10T09:00+03:00``); None for coarser values."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def entity_key(entity: Entity) -> str:
    """The article-independent key of ``entity`` (the corpus id until the corpus resolution joins keys)."""
    return CorpusResolver.key_of(entity)


@dataclass
class Rows:
    """The rows of one partition, column by column (``columns[table][column]`` is a list)."""

    columns: dict[str, dict[str, list[Any]]] = field(
        default_factory=lambda: {name: {c: [] for c in SCHEMAS[name].names} for name in PARTITION_TABLES}
    )

    def count(self, table: str) -> int:
        return len(next(iter(self.columns[table].values())))

    def table(self, name: str) -> pa.Table:
        return pa.Table.from_pydict(self.columns[name], schema=SCHEMAS[name])

    def add_error(self, partition: str, origin: str, doc_id: str | None, reason: str) -> None:
        cols = self.columns["errors"]
        cols["partition"].append(partition)
        cols["origin"].append(origin)
        cols["doc_id"].append(doc_id)
        cols["reason"].append(reason)

    def add_document(self, doc: Document, *, origin: str, partition: str) -> None:
        """Append every row of ``doc``; all or nothing (a failure leaves the rows as they were)."""
        built = document_rows(doc, origin=origin, partition=partition)
        for table, rows in built.items():
            cols = self.columns[table]
            for name, values in rows.items():
                cols[name].extend(values)


def _append(cols: dict[str, list[Any]], **values: Any) -> None:
    for name, value in values.items():
        cols[name].append(value)


def document_rows(doc: Document, *, origin: str, partition: str) -> dict[str, dict[str, list[Any]]]:
    """The rows ``doc`` adds to each partition table (columns of lists)."""
    out = {name: {c: [] for c in SCHEMAS[name].names} for name in PARTITION_TABLES if name != "errors"}
    doc_id = doc.id
    published = doc.published_iso
    published_day = day_of(published)
    meta = doc.meta
    entities = {e.id: e for e in doc.entities}
    corpus_ids = {e.id: entity_key(e) for e in doc.entities}

    def corpus_id(local: str | None) -> str | None:
        return corpus_ids.get(local) if local is not None else None

    def name_of(local: str | None, latin: bool = False) -> str | None:
        entity = entities.get(local) if local is not None else None
        if entity is None:
            return None
        return entity.name_latn if latin else entity.name

    _append(
        out["documents"], doc_id=doc_id, published=published, day=published_day, title=meta.get("title"),
        source=meta.get("source"), url=meta.get("url"), origin=origin, partition=partition, length=len(doc.text),
        n_sentences=len(doc.sentences), n_mentions=len(doc.mentions), n_entities=len(doc.entities),
        n_times=len(doc.times), n_quantities=len(doc.quantities), n_quotes=len(doc.quotes),
        n_events=len(doc.events), text=doc.text,
    )  # fmt: skip
    mention_count: dict[str, int] = {}
    for m in doc.mentions:
        if m.entity is not None:
            mention_count[m.entity] = mention_count.get(m.entity, 0) + 1
        _append(
            out["mentions"], doc_id=doc_id, mention_id=m.id, start=m.start, end=m.end, text=m.text, type=m.type,
            subtype=m.subtype, entity=m.entity, entity_id=corpus_id(m.entity), refers=list(m.refers),
        )  # fmt: skip
    for e in doc.entities:
        _append(
            out["doc_entities"], doc_id=doc_id, entity=e.id, entity_id=corpus_ids[e.id], key=corpus_ids[e.id],
            type=e.type, name=e.name, name_latn=e.name_latn, country=e.country, sector=e.sector,
            n_mentions=max(len(e.mentions), mention_count.get(e.id, 0)),
            roles=[{"title": r.title, "title_en": r.title_en, "of": r.of} for r in e.roles],
        )  # fmt: skip
    for t in doc.times:
        _append(
            out["times"], doc_id=doc_id, time_id=t.id, start=t.start, end=t.end, text=t.text, type=t.type,
            value=t.value, begin=t.begin, until=t.until, calendar=t.calendar, mod=t.mod, flag=t.flag,
        )  # fmt: skip
    for q in doc.quantities:
        _append(
            out["quantities"], doc_id=doc_id, quantity_id=q.id, start=q.start, end=q.end, text=q.text,
            value=None if q.value is None else float(q.value), unit=q.unit, ordinal=bool(q.ordinal), kind=q.kind,
            currency=q.currency, mod=q.mod, flag=q.flag,
        )  # fmt: skip
    for q in doc.quotes:
        speakers = list(q.speakers) or ([q.speaker] if q.speaker is not None else [])
        cue = q.cue
        _append(
            out["quotes"], doc_id=doc_id, quote_id=q.id, day=published_day, start=q.start, end=q.end, text=q.text,
            kind=q.kind, speaker=q.speaker, speaker_id=corpus_id(q.speaker), speaker_name=name_of(q.speaker),
            speaker_name_latn=name_of(q.speaker, latin=True), speakers=speakers,
            speaker_ids=[corpus_id(s) for s in speakers], cue=None if cue is None else cue.text,
            cue_start=None if cue is None else cue.start, cue_end=None if cue is None else cue.end,
        )  # fmt: skip
    for v in doc.events:
        actor = v.actors[0] if v.actors else None
        recipient = v.recipients[0] if v.recipients else None
        place = entities.get(v.location) if v.location is not None else None
        trigger, evidence = v.trigger, v.evidence
        _append(
            out["events"], doc_id=doc_id, event_id=v.id, type=v.type, mode=v.mode, modality=v.modality,
            background=v.background,
            date=v.date, day=day_of(v.date) or published_day, published_day=published_day, time=v.time,
            **_participant("actor", actor, entities, corpus_ids),
            **_participant("recipient", recipient, entities, corpus_ids),
            actors=list(v.actors), actor_ids=[corpus_id(a) for a in v.actors],
            actor_names=[name_of(a) for a in v.actors], recipients=list(v.recipients),
            recipient_ids=[corpus_id(r) for r in v.recipients], recipient_names=[name_of(r) for r in v.recipients],
            location=v.location, location_id=corpus_id(v.location), location_name=place.name if place else None,
            location_name_latn=place.name_latn if place else None, location_country=place.country if place else None,
            trigger=trigger.text, trigger_start=trigger.start, trigger_end=trigger.end,
            evidence=evidence.text if evidence is not None else None,
            evidence_start=evidence.start if evidence is not None else None,
            evidence_end=evidence.end if evidence is not None else None,
            n_evidences=max(1, len(getattr(v, "evidences", ()) or ())), source=meta.get("source"),
            title=meta.get("title"), url=meta.get("url"),
        )  # fmt: skip
    return out


def _participant(
    role: str, local: str | None, entities: dict[str, Entity], corpus_ids: dict[str, str]
) -> dict[str, Any]:
    entity = entities.get(local) if local is not None else None
    return {
        f"{role}_id": corpus_ids.get(local) if local is not None else None,
        f"{role}_name": entity.name if entity else None,
        f"{role}_name_latn": entity.name_latn if entity else None,
        f"{role}_country": entity.country if entity else None,
        f"{role}_sector": entity.sector if entity else None,
    }


def empty(name: str) -> pa.Table:
    """An empty table with the schema of ``name``."""
    return SCHEMAS[name].empty_table()


def row_counts(doc: Document) -> dict[str, int]:
    """The rows ``doc`` gives each partition table (as the JSON has items in each layer)."""
    counts = {table: len(doc.layer(layer)) for layer, table in LAYER_TABLES.items()}
    counts["documents"] = 1
    return counts


__all__ = [
    "CORPUS_TABLES",
    "PARTITION_TABLES",
    "SCHEMAS",
    "TABLES",
    "Rows",
    "day_of",
    "document_rows",
    "empty",
    "entity_key",
    "row_counts",
]
