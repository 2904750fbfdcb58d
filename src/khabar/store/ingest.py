"""Ingest: analyse articles and store them, a batch per transaction.

Articles are read in batches (:data:`DEFAULT_BATCH_SIZE`). Those already stored under the same id are skipped
before analysis, so a rerun after a crash only analyses what is missing. The rest go through
:func:`khabar.pipe` (an article whose analysis fails is recorded in the ``errors`` table with the reason, and
skipped) and are written in one ``BEGIN IMMEDIATE … COMMIT`` transaction: killed at any moment, the store holds
whole batches only. An article whose normalised text is already stored (its search terms hash the same) is the
same article under another id, and changes nothing either. A store that cannot be written (a full disk, a file
that is not writable) stops the ingest with a :class:`~khabar.store.schema.StoreError` that says so; the batches
committed before it stay, and a rerun goes on from there.

With ``workers`` > 1, worker processes analyse and prepare batches while this process writes them, in input
order.

An article without an id gets ``sha1:`` and the first 20 hex digits of its content hash.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from khabar.caching import freeze_loaded
from khabar.document import METADATA_KEYS, Document
from khabar.errors import InputError
from khabar.pipeline import Pipeline, default_pipeline, pipe, to_document
from khabar.store.dedup import DEFAULT_THRESHOLD, MinHasher, from_blob, similarity, to_blob
from khabar.store.entities import entity_key
from khabar.store.schema import StoreError, connect, describe_sqlite_error
from khabar.store.sources import SourceItem
from khabar.store.terms import TermIndexer
from khabar.streaming import lone_surrogate

DEFAULT_BATCH_SIZE = 200
_SQL_CHUNK = 500  # values per IN (...) list, well under SQLite's variable limit
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
LAYER_TABLES = ("mentions", "times", "quantities", "quotes", "events", "event_entities", "doc_entities")

Failure = tuple[str, str | None, str]  # origin, record id, reason


@dataclass
class IngestReport:
    """What an ingest did."""

    added: int = 0
    unchanged: int = 0  # already stored: same id or same normalised text
    near_duplicates: int = 0  # added and linked to the article they copy
    failed: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles stored per second."""
        return self.added / self.seconds if self.seconds else 0.0


def content_hash(terms: Sequence[str]) -> str:
    """SHA-1 (hex) of an article's search terms: the identity of its normalised text."""
    return hashlib.sha1(" ".join(terms).encode("utf-8")).hexdigest()


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _SQL_CHUNK):
        yield values[start : start + _SQL_CHUNK]


def _placeholders(count: int) -> str:
    return ",".join("?" * count)


def _day_of(value: str | None) -> str | None:
    """The YYYY-MM-DD a date or datetime starts with, when it is a real day (charts and filters count by it)."""
    if not isinstance(value, str) or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _stored(db: sqlite3.Connection, column: str, values: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(values):
        sql = f"SELECT {column} FROM documents WHERE {column} IN ({_placeholders(len(chunk))})"
        found.update(row[0] for row in db.execute(sql, chunk))
    return found


def _check_ids(doc: Document, origin: str) -> None:
    """Every layer's ids are unique within the document (they key its rows)."""
    for layer in ("mentions", "entities", "times", "quantities", "quotes", "events"):
        ids = Counter(item.id for item in doc.layer(layer))
        repeated = [item_id for item_id, count in ids.items() if count > 1]
        if repeated:
            raise InputError(f"{layer}: id {repeated[0]!r} is used {ids[repeated[0]]} times", source=origin)


# ------------------------------------------------------------------------------------------- preparation


class EntityInfo(NamedTuple):
    type: str
    name: str
    name_latn: str | None
    country: str | None
    sector: str | None


@dataclass(slots=True)
class Prepared:
    """One analysed article, turned into rows (``doc`` pk and corpus entity pks are filled in when stored)."""

    origin: str
    id: str
    content_hash: str
    document: tuple[Any, ...]  # title, source, url, published, day, length, json
    fts: tuple[str, str]  # title terms, body terms
    signature: np.ndarray | None
    band_keys: list[int]
    entities: dict[str, tuple[str, EntityInfo]]  # local id -> (corpus key, what the article says of the entity)
    names: Counter[tuple[str, str]]  # (corpus key, name as written) -> times seen
    name_terms: dict[str, str]  # name as written -> its search terms
    layers: dict[str, list[tuple[Any, ...]]]  # rows without the leading doc pk; local entity ids as written


class Preparer:
    """Turns analysed documents into :class:`Prepared` rows (pure computation, no database)."""

    def __init__(self) -> None:
        self.indexer = TermIndexer()
        self.hasher = MinHasher()

    def prepare(self, origin: str, doc: Document, terms: list[str] | None = None) -> Prepared:
        terms = terms if terms is not None else self.indexer.document_terms(doc)
        digest = content_hash(terms)
        if doc.id is None:
            doc.id = f"sha1:{digest[:20]}"
        signature = self.hasher.signature(terms)
        published = doc.published_iso
        title = doc.meta.get("title")
        document = (
            title,
            doc.meta.get("source"),
            doc.meta.get("url"),
            published,
            _day_of(published),
            len(doc.text),
            json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")),
        )
        title_terms = " ".join(self.indexer.terms(title)) if title else ""
        entities = {
            e.id: (entity_key(e), EntityInfo(e.type, e.name, e.name_latn, e.country, e.sector)) for e in doc.entities
        }
        names = _names(doc)
        return Prepared(
            origin=origin,
            id=doc.id,
            content_hash=digest,
            document=document,
            fts=(title_terms, " ".join(terms)),
            signature=signature,
            band_keys=self.hasher.band_keys(signature) if signature is not None else [],
            entities=entities,
            names=names,
            name_terms={name: " ".join(self.indexer.terms(name)) for _, name in names},
            layers=_layer_rows(doc, _day_of(published)),
        )


def _names(doc: Document) -> Counter[tuple[str, str]]:
    """The names each entity goes by in ``doc``: its canonical names (seen or not) and its mentions' texts."""
    names: Counter[tuple[str, str]] = Counter()
    mention_text = {m.id: " ".join(m.text.split()) for m in doc.mentions}
    for entity in doc.entities:
        key = entity_key(entity)
        names[(key, entity.name)] += 0
        if entity.name_latn:
            names[(key, entity.name_latn)] += 0
        for mention_id in entity.mentions:
            if mention_text.get(mention_id):
                names[(key, mention_text[mention_id])] += 1
    return names


def _layer_rows(doc: Document, published_day: str | None) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in LAYER_TABLES}
    mention_count = Counter(m.entity for m in doc.mentions if m.entity is not None)
    for e in doc.entities:
        count = max(len(e.mentions), mention_count[e.id])
        roles = json.dumps([r.to_dict() for r in e.roles], ensure_ascii=False) if e.roles else None
        rows["doc_entities"].append((e.id, e.id, e.name, count, roles))
    for m in doc.mentions:
        rows["mentions"].append((m.id, m.start, m.end, m.text, m.type, m.entity))
    for t in doc.times:
        rows["times"].append((t.id, t.start, t.end, t.text, t.type, t.value, t.begin, t.until))
    for q in doc.quantities:
        rows["quantities"].append((q.id, q.start, q.end, q.text, q.value, q.unit))
    for q in doc.quotes:
        cue = q.cue.text if q.cue is not None else None
        rows["quotes"].append((q.id, q.start, q.end, q.text, q.kind, q.speaker, cue))
    for v in doc.events:
        day = _day_of(v.date) or published_day
        trigger, evidence = v.trigger, v.evidence
        rows["events"].append(
            (
                v.id,
                v.type,
                v.mode,
                v.modality,
                v.date,
                day,
                v.location,
                trigger.start,
                trigger.end,
                trigger.text,
                evidence.start,
                evidence.end,
                int(v.background),
            )
        )
        for role, ids in (("actor", v.actors), ("recipient", v.recipients)):
            for entity_id in dict.fromkeys(ids):
                rows["event_entities"].append((v.id, role, entity_id))
    return rows


# Where the local entity ids sit in each layer row (they become corpus entity pks when stored).
_ENTITY_COLUMNS = {"doc_entities": (1,), "mentions": (5,), "quotes": (5,), "events": (6,), "event_entities": (2,)}
_INSERTS = {
    "doc_entities": "INSERT INTO doc_entities(doc, local_id, entity, name, mentions, roles) VALUES (?, ?, ?, ?, ?, ?)",
    "mentions": "INSERT INTO mentions(doc, id, start, end, text, type, entity) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "times": "INSERT INTO times(doc, id, start, end, text, type, value, begin, until)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "quantities": "INSERT INTO quantities(doc, id, start, end, text, value, unit) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "quotes": "INSERT INTO quotes(doc, id, start, end, text, kind, speaker, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events(doc, id, type, mode, modality, date, day, location, trigger_start, trigger_end,"
    " trigger, evidence_start, evidence_end, background) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "event_entities": "INSERT OR IGNORE INTO event_entities(doc, event, role, entity) VALUES (?, ?, ?, ?)",
}


# ----------------------------------------------------------------------------------------------- writing


@dataclass(slots=True)
class _Written:
    added: int
    unchanged: int
    near_duplicates: int


class Writer:
    """Stores prepared batches, one transaction each, on its own connection."""

    def __init__(self, db: sqlite3.Connection, threshold: float) -> None:
        self.db = db
        self.threshold = threshold

    def write(self, batch: list[Prepared], failures: list[Failure]) -> _Written:
        try:
            return self._write(batch, failures)
        except sqlite3.Error as error:
            raise StoreError(describe_sqlite_error(error, self.path)) from error

    @property
    def path(self) -> str:
        row = self.db.execute("PRAGMA database_list").fetchone()
        return row[2] if row else "the store"

    def _write(self, batch: list[Prepared], failures: list[Failure]) -> _Written:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            stored_ids = _stored(db, "id", [p.id for p in batch])
            stored_hashes = _stored(db, "content_hash", [p.content_hash for p in batch])
            fresh = [p for p in batch if p.id not in stored_ids and p.content_hash not in stored_hashes]
            duplicates = self._insert(fresh)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            db.executemany(
                "INSERT OR REPLACE INTO errors(origin, record_id, reason, at) VALUES (?, ?, ?, ?)",
                [(origin, record_id, reason, now) for origin, record_id, reason in failures],
            )
            db.executemany("DELETE FROM errors WHERE origin = ?", [(p.origin,) for p in fresh])
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return _Written(len(fresh), len(batch) - len(fresh), duplicates)

    def _insert(self, batch: list[Prepared]) -> int:
        if not batch:
            return 0
        db = self.db
        first_pk = db.execute("SELECT coalesce(max(pk), 0) + 1 FROM documents").fetchone()[0]
        links, bands = self._near_duplicates(batch, first_pk)
        entity_pks = self._entity_pks(batch)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        documents, fts = [], []
        layers: dict[str, list[tuple[Any, ...]]] = {name: [] for name in LAYER_TABLES}
        names: Counter[tuple[int, str]] = Counter()
        name_terms: dict[str, str] = {}
        for offset, item in enumerate(batch):
            pk = first_pk + offset
            duplicate_of, score = links.get(offset, (None, None))
            title, source, url, published, day, length, document_json = item.document
            signature = None if item.signature is None else to_blob(item.signature)
            documents.append(
                (
                    pk,
                    item.id,
                    item.content_hash,
                    title,
                    source,
                    url,
                    published,
                    day,
                    length,
                    duplicate_of,
                    score,
                    signature,
                    item.origin,
                    now,
                    document_json,
                )
            )
            if duplicate_of is None:
                fts.append((pk, *item.fts))
            local = {local_id: entity_pks[key] for local_id, (key, _) in item.entities.items()}
            for table, rows in item.layers.items():
                columns = _ENTITY_COLUMNS.get(table, ())
                for row in rows:
                    if columns:
                        row = tuple(local.get(v) if i in columns and v is not None else v for i, v in enumerate(row))
                        if table == "event_entities" and row[2] is None:
                            continue  # a participant that is not one of the article's entities
                    layers[table].append((pk, *row))
            if duplicate_of is None:  # a copy's names would count the same story twice
                for (key, name), count in item.names.items():
                    names[(entity_pks[key], name)] += count
                name_terms.update(item.name_terms)
        db.executemany(
            "INSERT INTO documents(pk, id, content_hash, title, source, url, published, day, length, duplicate_of,"
            " similarity, signature, origin, ingested_at, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            documents,
        )
        db.executemany("INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)", fts)
        db.executemany("INSERT OR IGNORE INTO minhash_bands(band_key, doc) VALUES (?, ?)", bands)
        for table, sql in _INSERTS.items():
            db.executemany(sql, layers[table])
        db.executemany(
            "INSERT INTO entity_names(entity, name, terms, count) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(entity, name) DO UPDATE SET count = count + excluded.count",
            [(entity, name, name_terms[name], count) for (entity, name), count in names.items() if name],
        )
        return len(links)

    def _near_duplicates(
        self, batch: list[Prepared], first_pk: int
    ) -> tuple[dict[int, tuple[int, float]], list[tuple[int, int]]]:
        """``{offset: (pk of the article copied, similarity)}``, and the band rows of the other articles."""
        stored: dict[int, list[int]] = {}
        all_keys = sorted({k for item in batch for k in item.band_keys})
        for chunk in _chunks(all_keys):
            sql = f"SELECT band_key, doc FROM minhash_bands WHERE band_key IN ({_placeholders(len(chunk))})"
            for key, doc in self.db.execute(sql, chunk):
                stored.setdefault(key, []).append(doc)
        candidate_pks = sorted({doc for docs in stored.values() for doc in docs})
        known: dict[int, np.ndarray] = {}
        for chunk in _chunks(candidate_pks):
            sql = f"SELECT pk, signature FROM documents WHERE pk IN ({_placeholders(len(chunk))})"
            known.update((pk, from_blob(blob)) for pk, blob in self.db.execute(sql, chunk))
        links: dict[int, tuple[int, float]] = {}
        bands: list[tuple[int, int]] = []
        for offset, item in enumerate(batch):
            if item.signature is None:
                continue
            candidates = {pk for key in item.band_keys for pk in stored.get(key, ())}
            best: tuple[int, float] | None = None
            for pk in sorted(candidates):
                score = similarity(item.signature, known[pk])
                if score >= self.threshold and (best is None or score > best[1]):
                    best = (pk, score)
            if best is not None:
                links[offset] = best
                continue
            pk = first_pk + offset  # an original: later articles of this batch may copy it
            known[pk] = item.signature
            for key in item.band_keys:
                stored.setdefault(key, []).append(pk)
                bands.append((key, pk))
        return links, bands

    def _entity_pks(self, batch: list[Prepared]) -> dict[str, int]:
        """The corpus entity pk of every entity key in ``batch``, creating the entities not stored yet."""
        first: dict[str, EntityInfo] = {}
        for item in batch:
            for key, entity in item.entities.values():
                first.setdefault(key, entity)
        pks: dict[str, int] = {}
        keys = list(first)
        for chunk in _chunks(keys):
            sql = f"SELECT key, pk FROM entities WHERE key IN ({_placeholders(len(chunk))})"
            pks.update(self.db.execute(sql, chunk))
        next_pk = self.db.execute("SELECT coalesce(max(pk), 0) + 1 FROM entities").fetchone()[0]
        new_rows = []
        for key in keys:
            if key not in pks:
                e = first[key]
                pks[key] = next_pk
                new_rows.append((next_pk, key, e.type, e.name, e.name_latn, e.country, e.sector))
                next_pk += 1
        self.db.executemany(
            "INSERT INTO entities(pk, key, type, name, name_latn, country, sector) VALUES (?, ?, ?, ?, ?, ?, ?)",
            new_rows,
        )
        self.db.executemany(
            "UPDATE entities SET name_latn = coalesce(name_latn, ?), country = coalesce(country, ?),"
            " sector = coalesce(sector, ?) WHERE pk = ?",
            [
                (e.name_latn, e.country, e.sector, pks[k])
                for k, e in first.items()
                if e.name_latn or e.country or e.sector
            ],
        )
        return pks


# ----------------------------------------------------------------------------------------------- ingest


@dataclass(slots=True)
class _Pending:
    origin: str
    doc: Document
    terms: list[str] | None = None  # computed before analysis for articles without an id


class _Analyser:
    """Analysis and preparation of a batch: run in the ingesting process or in each worker process."""

    def __init__(self, pipeline: Pipeline | None) -> None:
        self.pipeline = pipeline
        self.preparer = Preparer()

    def __call__(self, pending: list[_Pending], *, analyse: bool = True) -> tuple[list[Prepared], list[Failure]]:
        failures: list[Failure] = []
        if analyse:
            failed: dict[int, Exception] = {}

            def on_error(index: int, record: Any, error: Exception) -> None:
                failed[index] = error

            run = self.pipeline.pipe if self.pipeline is not None else pipe
            analysed = iter(list(run([p.doc for p in pending], on_error=on_error)))
            kept = []
            for index, item in enumerate(pending):
                if index in failed:
                    failures.append((item.origin, item.doc.id, str(failed[index])))
                else:
                    kept.append(_Pending(item.origin, next(analysed), item.terms))
            pending = kept
        return [self.preparer.prepare(p.origin, p.doc, p.terms) for p in pending], failures


_WORKER_ANALYSER: list[_Analyser] = []  # the analyser of a worker process, made by _start_worker


def _start_worker(pipeline: Pipeline | None) -> None:
    _WORKER_ANALYSER.append(_Analyser(pipeline))
    (pipeline or default_pipeline()).analyze("تحميل الموارد")  # load every resource now, then leave it uncollected
    freeze_loaded()
    parent = os.getppid()

    def exit_with_parent() -> None:  # an ingest killed with SIGKILL must not leave its workers behind
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=exit_with_parent, daemon=True, name="khabar-parent-watch").start()


def _analyse_in_worker(pending: list[_Pending]) -> tuple[list[Prepared], list[Failure]]:
    return _WORKER_ANALYSER[0](pending)


Batches = Iterator[tuple[list[_Pending], list[Failure]]]


class Ingester:
    """Analyses and stores articles into the store at ``path``; see the module docstring for the guarantees.

    With ``workers`` > 1, analysis runs in that many worker processes (forked, so a custom ``pipeline`` need not
    be picklable) while this process writes; batches are still stored in input order.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        pipeline: Pipeline | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        workers: int = 1,
        threshold: float = DEFAULT_THRESHOLD,
        on_batch: Callable[[IngestReport], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self._path = Path(path)
        self._pipeline = pipeline
        self._batch_size = batch_size
        self._workers = workers
        self._threshold = threshold
        self._on_batch = on_batch
        self._on_error = on_error
        self._analyser = _Analyser(pipeline)
        self._seen: set[str] = set()  # ids and content hashes met in this run

    def ingest(self, items: Iterable[SourceItem]) -> IngestReport:
        """Analyse and store the articles of ``items`` (see :func:`khabar.store.sources.iter_sources`)."""

        def batches(db: sqlite3.Connection, report: IngestReport) -> Batches:
            for batch in _batches(items, self._batch_size):
                failures: list[Failure] = []
                pending: list[_Pending] = []
                for item in batch:
                    if item.record is None:
                        failures.append((item.origin, None, item.error or "unreadable"))
                        continue
                    try:
                        pending.append(self._pending(item.origin, to_document(item.record)))
                    except InputError as error:
                        record_id = item.record.get("id")
                        failures.append((item.origin, None if record_id is None else str(record_id), str(error)))
                yield self._unseen(db, pending, report), failures

        return self._run(batches, analyse=True)

    def ingest_documents(self, docs: Iterable[Document], *, origin: str = "python") -> IngestReport:
        """Store documents that are already analysed, as they are (their layers are not recomputed)."""

        def batches(db: sqlite3.Connection, report: IngestReport) -> Batches:
            for number, batch in enumerate(_batches(docs, self._batch_size)):
                failures: list[Failure] = []
                pending = []
                for index, doc in enumerate(batch):
                    where = f"{origin}:{number * self._batch_size + index + 1}"
                    try:
                        pending.append(self._pending(where, doc))
                    except InputError as error:
                        failures.append((where, doc.id, str(error)))
                yield self._unseen(db, pending, report), failures

        return self._run(batches, analyse=False)

    # --- steps

    def _run(self, batches: Callable[[sqlite3.Connection, IngestReport], Batches], *, analyse: bool) -> IngestReport:
        report = IngestReport()
        started = time.perf_counter()
        reader = connect(self._path)
        writer = Writer(connect(self._path), self._threshold)
        pool = None
        if analyse and self._workers > 1:
            context = multiprocessing.get_context("fork")
            pool = ProcessPoolExecutor(self._workers, context, initializer=_start_worker, initargs=(self._pipeline,))
        in_flight: deque[tuple[Future[tuple[list[Prepared], list[Failure]]], list[Failure]]] = deque()
        try:
            for pending, failures in batches(reader, report):
                if pool is not None:
                    in_flight.append((pool.submit(_analyse_in_worker, pending), failures))
                else:
                    done: Future[tuple[list[Prepared], list[Failure]]] = Future()
                    done.set_result(self._analyser(pending, analyse=analyse))
                    in_flight.append((done, failures))
                while len(in_flight) > (2 * self._workers if pool is not None else 0):
                    self._write(writer, *in_flight.popleft(), report, started)
            while in_flight:
                self._write(writer, *in_flight.popleft(), report, started)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            reader.close()
            writer.db.close()
        report.seconds = time.perf_counter() - started
        return report

    def _write(
        self,
        writer: Writer,
        job: Future[tuple[list[Prepared], list[Failure]]],
        failures: list[Failure],
        report: IngestReport,
        started: float,
    ) -> None:
        prepared, analysis_failures = job.result()
        failures = failures + analysis_failures
        for _, record_id, _ in analysis_failures:
            self._seen.discard(record_id)  # type: ignore[arg-type]
        fresh = []
        for item in prepared:
            if item.content_hash in self._seen:
                report.unchanged += 1  # the same text met earlier in this run under another id
                continue
            self._seen.add(item.content_hash)
            fresh.append(item)
        written = writer.write(fresh, failures)
        report.added += written.added
        report.unchanged += written.unchanged
        report.near_duplicates += written.near_duplicates
        for origin, _, reason in failures:
            report.failed.append((origin, reason))
            if self._on_error is not None:
                self._on_error(origin, reason)
        report.seconds = time.perf_counter() - started
        if self._on_batch is not None:
            self._on_batch(report)

    def _pending(self, origin: str, doc: Document) -> _Pending:
        if not doc.text.strip():
            raise InputError("the article has no text", source=origin)
        for key, value in doc.meta.items():
            if key in METADATA_KEYS and value is not None and not isinstance(value, str):
                raise InputError(f"{key} is {type(value).__name__}, not a string", source=origin)
        for key, value in (("text", doc.text), ("id", doc.id), *doc.meta.items()):
            position = lone_surrogate(value) if isinstance(value, str) else None
            if position is not None:
                raise InputError(f"{key} holds a lone surrogate at character {position}", source=origin)
        _check_ids(doc, origin)
        if doc.id is not None:
            return _Pending(origin, doc)
        terms = self._analyser.preparer.indexer.terms(doc.text)
        doc.id = f"sha1:{content_hash(terms)[:20]}"
        return _Pending(origin, doc, terms)

    def _unseen(self, db: sqlite3.Connection, pending: list[_Pending], report: IngestReport) -> list[_Pending]:
        """``pending`` less the ids stored or met earlier in this run (counted as unchanged)."""
        stored = _stored(db, "id", [p.doc.id for p in pending])  # type: ignore[misc]
        fresh = []
        for item in pending:
            if item.doc.id in stored or item.doc.id in self._seen:
                report.unchanged += 1
                continue
            self._seen.add(item.doc.id)  # type: ignore[arg-type]
            fresh.append(item)
        return fresh
