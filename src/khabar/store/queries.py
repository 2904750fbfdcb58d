"""Reading the store: documents, corpus entities, events and quotes, filtered and paged.

Every function takes an open connection and returns plain JSON-ready values (dicts, lists, numbers, strings),
so the HTTP API, the web page and Python users share one implementation. Near-duplicates (``duplicate_of``
set) are left out of every list and count: a syndicated story counts once. Values from users only ever reach
SQL as parameters; the only text put into statements is chosen here (placeholders, fixed clauses).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from khabar.store.terms import TermIndexer

MAX_PAGE_SIZE = 1000
MAX_CHOICES = 500  # sources and event types offered as filters, the most frequent first
MAX_ROLES = 50  # an entity's roles, the most frequent first
MAX_TIMELINE_DOCUMENTS = 500  # articles listed on an entity's timeline, the latest (each day's counts are whole)
PERSON_AND_ORGANISATION = ("PER", "ORG")


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list: ``items`` and where they sit in the ``total``."""

    items: list[dict[str, Any]]
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "page": self.page, "size": self.size, "pages": self.pages}


@dataclass(frozen=True, slots=True)
class Filter:
    """What lists can be narrowed by; None means no condition. Dates are inclusive."""

    entity: int | None = None
    event_type: str | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    modality: str | None = None
    kind: str | None = None

    def document_clauses(self, alias: str = "d") -> tuple[list[str], list[Any]]:
        """SQL conditions (and their parameters) on a ``documents`` row called ``alias``."""
        clauses = [f"{alias}.duplicate_of IS NULL"]
        params: list[Any] = []
        if self.source is not None:
            clauses.append(f"{alias}.source = ?")
            params.append(self.source)
        if self.date_from is not None:
            clauses.append(f"{alias}.day >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            clauses.append(f"{alias}.day <= ?")
            params.append(self.date_to.isoformat())
        if self.entity is not None:
            clauses.append(f"{alias}.pk IN (SELECT doc FROM doc_entities WHERE entity = ?)")
            params.append(self.entity)
        if self.event_type is not None:
            clauses.append(f"{alias}.pk IN (SELECT doc FROM events WHERE type = ?)")
            params.append(self.event_type)
        return clauses, params


NO_FILTER = Filter()


def _offset(page: int, size: int) -> int:
    if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
        raise ValueError(f"page must be at least 1 and size between 1 and {MAX_PAGE_SIZE} (got {page}, {size})")
    return (page - 1) * size


def _in(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _rows(db: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


# ------------------------------------------------------------------------------------------------ corpus


def stats(db: sqlite3.Connection) -> dict[str, Any]:
    """Counts over the whole store (events and quotes of near-duplicates left out)."""
    documents, duplicates, first, last = db.execute(
        "SELECT count(*) FILTER (WHERE duplicate_of IS NULL), count(*) FILTER (WHERE duplicate_of IS NOT NULL),"
        " min(day), max(day) FROM documents"
    ).fetchone()
    return {
        "documents": documents,
        "near_duplicates": duplicates,
        "entities": db.execute("SELECT count(*) FROM entities").fetchone()[0],
        "events": db.execute(
            "SELECT count(*) FROM events v JOIN documents d ON d.pk = v.doc WHERE d.duplicate_of IS NULL"
        ).fetchone()[0],
        "quotes": db.execute(
            "SELECT count(*) FROM quotes q JOIN documents d ON d.pk = q.doc WHERE d.duplicate_of IS NULL"
        ).fetchone()[0],
        "errors": db.execute("SELECT count(*) FROM errors").fetchone()[0],
        "first_day": first,
        "last_day": last,
    }


def sources(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT source, count(*) AS documents FROM documents WHERE duplicate_of IS NULL AND source IS NOT NULL"
        " GROUP BY source ORDER BY documents DESC, source LIMIT ?",
        (MAX_CHOICES,),
    )


def event_types(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT v.type, count(*) AS events FROM events v JOIN documents d ON d.pk = v.doc"
        " WHERE d.duplicate_of IS NULL GROUP BY v.type ORDER BY events DESC, v.type LIMIT ?",
        (MAX_CHOICES,),
    )


def errors(db: sqlite3.Connection, page: int = 1, size: int = 50) -> Page:
    offset = _offset(page, size)
    total = db.execute("SELECT count(*) FROM errors").fetchone()[0]
    items = _rows(
        db, "SELECT origin, record_id, reason, at FROM errors ORDER BY origin LIMIT ? OFFSET ?", (size, offset)
    )
    return Page(items, total, page, size)


# --------------------------------------------------------------------------------------------- documents

_DOCUMENT_COLUMNS = (
    "d.id, d.title, d.source, d.url, d.published, d.day, d.length,"
    " (SELECT count(*) FROM doc_entities x WHERE x.doc = d.pk) AS entities,"
    " (SELECT count(*) FROM events x WHERE x.doc = d.pk) AS events,"
    " (SELECT count(*) FROM quotes x WHERE x.doc = d.pk) AS quotes,"
    " (SELECT count(*) FROM documents c WHERE c.duplicate_of = d.pk) AS copies"
)


def list_documents(db: sqlite3.Connection, where: Filter = NO_FILTER, page: int = 1, size: int = 50) -> Page:
    """Articles, newest first."""
    offset = _offset(page, size)
    clauses, params = where.document_clauses()
    condition = " AND ".join(clauses)
    total = db.execute(f"SELECT count(*) FROM documents d WHERE {condition}", params).fetchone()[0]
    items = _rows(
        db,
        f"SELECT {_DOCUMENT_COLUMNS} FROM documents d WHERE {condition}"
        " ORDER BY d.day IS NULL, d.day DESC, d.published DESC, d.pk DESC LIMIT ? OFFSET ?",
        [*params, size, offset],
    )
    return Page(items, total, page, size)


def document_json(db: sqlite3.Connection, doc_id: str) -> str | None:
    """The stored ``khabar/1`` JSON text of the article ``doc_id``."""
    row = db.execute("SELECT json FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return None if row is None else row[0]


def document_info(db: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """Metadata of one article: its near-duplicate links and the corpus entity of each of its entities."""
    row = db.execute(
        "SELECT d.pk, d.id, d.title, d.source, d.url, d.published, d.day, d.origin, d.similarity,"
        " o.id AS duplicate_of FROM documents d LEFT JOIN documents o ON o.pk = d.duplicate_of WHERE d.id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return None
    pk, *rest = row
    keys = ("id", "title", "source", "url", "published", "day", "origin", "similarity", "duplicate_of")
    info: dict[str, Any] = dict(zip(keys, rest, strict=True))
    info["copies"] = _rows(
        db, "SELECT id, title, source, similarity FROM documents WHERE duplicate_of = ? ORDER BY pk", (pk,)
    )
    info["entities"] = {
        local: {"id": entity, "type": kind, "name": name}
        for local, entity, kind, name in db.execute(
            "SELECT de.local_id, e.pk, e.type, e.name FROM doc_entities de JOIN entities e ON e.pk = de.entity"
            " WHERE de.doc = ?",
            (pk,),
        )
    }
    return info


# ---------------------------------------------------------------------------------------------- entities


def list_entities(
    db: sqlite3.Connection,
    *,
    entity_type: str | None = None,
    name: str | None = None,
    indexer: TermIndexer | None = None,
    page: int = 1,
    size: int = 50,
) -> Page:
    """Corpus entities by the number of articles that mention them; ``name`` matches any of their names."""
    offset = _offset(page, size)
    clauses: list[str] = []
    params: list[Any] = []
    if entity_type is not None:
        clauses.append("e.type = ?")
        params.append(entity_type)
    if name is not None and name.strip():
        terms = " ".join((indexer or TermIndexer()).terms(name))
        if not terms:
            return Page([], 0, page, size)
        clauses.append("e.pk IN (SELECT entity FROM entity_names WHERE instr(terms, ?) > 0)")
        params.append(terms)
    condition = " AND ".join(clauses) or "1"
    total = db.execute(f"SELECT count(*) FROM entities e WHERE {condition}", params).fetchone()[0]
    items = _rows(
        db,
        "SELECT e.pk AS id, e.type, e.name, e.name_latn, e.country, e.sector,"
        " count(DISTINCT d.pk) AS documents, coalesce(sum(de.mentions), 0) AS mentions"
        " FROM entities e LEFT JOIN doc_entities de ON de.entity = e.pk"
        " LEFT JOIN documents d ON d.pk = de.doc AND d.duplicate_of IS NULL"
        f" WHERE {condition} GROUP BY e.pk ORDER BY documents DESC, mentions DESC, e.name LIMIT ? OFFSET ?",
        [*params, size, offset],
    )
    return Page(items, total, page, size)


def entity(db: sqlite3.Connection, entity_id: int) -> dict[str, Any] | None:
    """One corpus entity: names and variants, roles, counts, first and last day."""
    rows = _rows(
        db, "SELECT pk AS id, key, type, name, name_latn, country, sector FROM entities WHERE pk = ?", (entity_id,)
    )
    if not rows:
        return None
    found = rows[0]
    found["names"] = _rows(
        db,
        "SELECT name, count FROM entity_names WHERE entity = ? ORDER BY count DESC, name LIMIT 50",
        (entity_id,),
    )
    documents, mentions, first, last = db.execute(
        "SELECT count(DISTINCT d.pk), coalesce(sum(de.mentions), 0), min(d.day), max(d.day)"
        " FROM doc_entities de JOIN documents d ON d.pk = de.doc AND d.duplicate_of IS NULL WHERE de.entity = ?",
        (entity_id,),
    ).fetchone()
    found.update(documents=documents, mentions=mentions, first_day=first, last_day=last)
    found["roles"] = _roles(db, entity_id)
    return found


def _roles(db: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    """The entity's roles over all articles, most frequent first; ``of`` resolved to corpus entities."""
    counts: Counter[tuple[str, str | None, int | None]] = Counter()
    held = db.execute(
        "SELECT de.doc, de.roles FROM doc_entities de JOIN documents d ON d.pk = de.doc AND d.duplicate_of IS NULL"
        " WHERE de.entity = ? AND de.roles IS NOT NULL",
        (entity_id,),
    ).fetchall()
    for doc, roles in held:
        for role in json.loads(roles):
            of = role.get("of")
            target = None
            if of is not None:
                row = db.execute("SELECT entity FROM doc_entities WHERE doc = ? AND local_id = ?", (doc, of)).fetchone()
                target = row[0] if row else None
            counts[(role.get("title") or "", role.get("title_en"), target)] += 1
    names = _entity_names(db, [t for _, _, t in counts if t is not None])
    return [
        {"title": title, "title_en": title_en, "of": None if of is None else names.get(of), "count": count}
        for (title, title_en, of), count in counts.most_common(MAX_ROLES)
    ]


def _entity_names(db: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    return {
        row["id"]: row for row in _rows(db, f"SELECT pk AS id, type, name FROM entities WHERE pk IN ({_in(ids)})", ids)
    }


def entity_timeline(db: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    """Per day: the mentions of the entity, the articles that mention it (the latest
    :data:`MAX_TIMELINE_DOCUMENTS`) and the events it takes part in (the latest :data:`MAX_PAGE_SIZE`)."""
    mentions = dict(
        db.execute(
            "SELECT d.day, sum(de.mentions) FROM doc_entities de JOIN documents d ON d.pk = de.doc"
            " AND d.duplicate_of IS NULL WHERE de.entity = ? AND d.day IS NOT NULL GROUP BY d.day",
            (entity_id,),
        )
    )
    latest = _rows(
        db,
        "SELECT d.day, d.id, d.title, d.source, de.mentions FROM doc_entities de"
        " JOIN documents d ON d.pk = de.doc AND d.duplicate_of IS NULL"
        " WHERE de.entity = ? AND d.day IS NOT NULL ORDER BY d.day DESC, d.pk DESC LIMIT ?",
        (entity_id, MAX_TIMELINE_DOCUMENTS),
    )
    days: dict[str, dict[str, Any]] = {day: {"documents": [], "events": []} for day in mentions}
    for row in reversed(latest):
        days[row.pop("day")]["documents"].append(row)
    for event in list_events(db, Filter(entity=entity_id), size=MAX_PAGE_SIZE).items:
        if event["day"] is not None:
            days.setdefault(event["day"], {"documents": [], "events": []})["events"].append(event)
    return [{"day": day, "mentions": mentions.get(day, 0), **v} for day, v in sorted(days.items())]


def cooccurrence(db: sqlite3.Connection, entity_id: int, limit: int = 12) -> dict[str, Any]:
    """The people and organisations that share articles with the entity, and the links among them.

    ``nodes`` are the entity and its ``limit`` most frequent companions (``weight``: articles shared with the
    entity); ``edges`` join any two of them that share articles, ``weight`` being how many.
    """
    types = PERSON_AND_ORGANISATION
    companions = _rows(
        db,
        "SELECT e.pk AS id, e.type, e.name, count(DISTINCT a.doc) AS weight"
        " FROM doc_entities a JOIN documents d ON d.pk = a.doc AND d.duplicate_of IS NULL"
        " JOIN doc_entities b ON b.doc = a.doc AND b.entity != a.entity"
        f" JOIN entities e ON e.pk = b.entity AND e.type IN ({_in(types)})"
        " WHERE a.entity = ? GROUP BY e.pk ORDER BY weight DESC, e.name LIMIT ?",
        [*types, entity_id, limit],
    )
    centre = _entity_names(db, [entity_id]).get(entity_id)
    if centre is None:
        return {"nodes": [], "edges": []}
    nodes = [{**centre, "weight": 0}, *companions]
    ids = [n["id"] for n in nodes]
    edges = _rows(
        db,
        "SELECT a.entity AS source, b.entity AS target, count(DISTINCT a.doc) AS weight"
        " FROM doc_entities a JOIN doc_entities b ON b.doc = a.doc AND a.entity < b.entity"
        " JOIN documents d ON d.pk = a.doc AND d.duplicate_of IS NULL"
        f" WHERE a.entity IN ({_in(ids)}) AND b.entity IN ({_in(ids)}) GROUP BY a.entity, b.entity",
        [*ids, *ids],
    )
    return {"nodes": nodes, "edges": edges}


# ------------------------------------------------------------------------------------------------ events


def _event_clauses(where: Filter) -> tuple[str, list[Any]]:
    """Conditions on an ``events`` row ``v`` and its article ``d``; dates are the event's day."""
    clauses = ["d.duplicate_of IS NULL"]
    params: list[Any] = []
    if where.source is not None:
        clauses.append("d.source = ?")
        params.append(where.source)
    if where.event_type is not None:
        clauses.append("v.type = ?")
        params.append(where.event_type)
    if where.date_from is not None:
        clauses.append("v.day >= ?")
        params.append(where.date_from.isoformat())
    if where.date_to is not None:
        clauses.append("v.day <= ?")
        params.append(where.date_to.isoformat())
    if where.modality is not None:
        clauses.append("v.modality = ?")
        params.append(where.modality)
    if where.entity is not None:
        clauses.append(
            "(v.location = ? OR EXISTS (SELECT 1 FROM event_entities ee"
            " WHERE ee.doc = v.doc AND ee.event = v.id AND ee.entity = ?))"
        )
        params.extend([where.entity, where.entity])
    return " AND ".join(clauses), params


def list_events(db: sqlite3.Connection, where: Filter = NO_FILTER, page: int = 1, size: int = 50) -> Page:
    """Events, newest first, with their participants, place and article."""
    offset = _offset(page, size)
    condition, params = _event_clauses(where)
    base = f"FROM events v JOIN documents d ON d.pk = v.doc WHERE {condition}"
    total = db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    items = _rows(
        db,
        "SELECT v.doc AS pk, v.id AS event_id, v.type, v.mode, v.modality, v.background, v.date, v.day, v.trigger,"
        " v.trigger_start, v.trigger_end, v.evidence_start, v.evidence_end, v.location AS location_id,"
        " d.id AS document, d.title, d.source, d.published"
        f" {base} ORDER BY v.day IS NULL, v.day DESC, v.doc, v.id LIMIT ? OFFSET ?",
        [*params, size, offset],
    )
    docs = sorted({item["pk"] for item in items})
    roles: dict[tuple[int, str], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {"actor": [], "recipient": []})
    if docs:
        for row in _rows(
            db,
            "SELECT ee.doc, ee.event, ee.role, e.pk AS id, e.type, e.name FROM event_entities ee"
            f" JOIN entities e ON e.pk = ee.entity WHERE ee.doc IN ({_in(docs)}) ORDER BY e.name",
            docs,
        ):
            roles[(row.pop("doc"), row.pop("event"))][row.pop("role")].append(row)
    places = _entity_names(db, [i["location_id"] for i in items if i["location_id"] is not None])
    for item in items:
        found = roles.get((item["pk"], item["event_id"]), {"actor": [], "recipient": []})
        item["actors"] = found["actor"]
        item["recipients"] = found["recipient"]
        item["background"] = bool(item["background"])
        location = item.pop("location_id")
        item["location"] = None if location is None else places.get(location)
        del item["pk"]
    return Page(items, total, page, size)


def events_per_day(db: sqlite3.Connection, where: Filter = NO_FILTER) -> list[dict[str, Any]]:
    """``{day, type, count}`` for every day and event type under ``where``; background events (the topic or cause of
    what an article reports, listed with the others) are not counted."""
    condition, params = _event_clauses(where)
    return _rows(
        db,
        "SELECT v.day, v.type, count(*) AS count FROM events v JOIN documents d ON d.pk = v.doc"
        f" WHERE {condition} AND v.day IS NOT NULL AND NOT v.background GROUP BY v.day, v.type ORDER BY v.day, v.type",
        params,
    )


# ------------------------------------------------------------------------------------------------ quotes


def list_quotes(db: sqlite3.Connection, where: Filter = NO_FILTER, page: int = 1, size: int = 50) -> Page:
    """Quotes, newest first; ``where.entity`` is the speaker, ``where.kind`` direct or indirect."""
    offset = _offset(page, size)
    clauses, params = Filter(
        source=where.source, date_from=where.date_from, date_to=where.date_to, event_type=where.event_type
    ).document_clauses()
    if where.entity is not None:
        clauses.append("q.speaker = ?")
        params.append(where.entity)
    if where.kind is not None:
        clauses.append("q.kind = ?")
        params.append(where.kind)
    condition = " AND ".join(clauses)
    base = f"FROM quotes q JOIN documents d ON d.pk = q.doc LEFT JOIN entities s ON s.pk = q.speaker WHERE {condition}"
    total = db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    items = _rows(
        db,
        "SELECT q.id AS quote_id, q.text, q.kind, q.cue, q.start, q.end, s.pk AS speaker_id, s.name AS speaker,"
        " d.id AS document, d.title, d.source, d.published, d.day"
        f" {base} ORDER BY d.day IS NULL, d.day DESC, d.pk, q.start LIMIT ? OFFSET ?",
        [*params, size, offset],
    )
    return Page(items, total, page, size)
