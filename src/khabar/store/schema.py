"""The SQLite store: its tables, and opening a database with the settings every reader and writer needs.

One database file holds a corpus: ``documents`` keeps each article's full ``khabar/1`` JSON (what
``/documents/{id}`` returns) with its metadata, ``documents_fts`` indexes the article's search terms
(:mod:`khabar.store.terms`), and the layers are copied into relational tables for filtering and counting.
Every row of a layer table points at ``documents.pk``; layer ids (``m1``, ``e2``) are the document's own.

Corpus entities (``entities``) are keyed by :func:`khabar.store.entities.entity_key`; ``doc_entities`` ties
each document's entity to its corpus entity. A near-duplicate (a syndicated copy) is stored with
``duplicate_of`` set to the article it copies; lists and counts leave such copies out.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from khabar._version import __version__
from khabar.errors import KhabarError

# Bump when a table changes; a store of another version is refused rather than misread, unless a migration
# below brings it up to date.
STORE_VERSION = "2"
# Statements that bring a store of the key's version to the next one.
MIGRATIONS = {
    # 1 → 2: events get their background flag (ندد بالهجوم: the attack is the topic, not the news); rows stored
    # before keep 0, as their documents' JSON has no flag.
    "1": ("ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0",),
}
# Search ranks by BM25, a match in the title weighing this many times one in the body.
TITLE_WEIGHT = 4.0

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,      -- sha1 of the matching-normalised text: the same text is one article
  title TEXT,
  source TEXT,
  url TEXT,
  published TEXT,                         -- as given: a date or a datetime with offset
  day TEXT,                               -- YYYY-MM-DD of published, for date filters
  length INTEGER NOT NULL,
  duplicate_of INTEGER REFERENCES documents(pk),
  similarity REAL,                        -- estimated Jaccard similarity with duplicate_of
  signature BLOB,                         -- MinHash signature (khabar.store.dedup)
  origin TEXT NOT NULL,                   -- where it was read from (file and line)
  ingested_at TEXT NOT NULL,
  json TEXT NOT NULL                      -- the khabar/1 document, exactly Document.to_dict()
);
CREATE INDEX IF NOT EXISTS documents_day ON documents(day);
CREATE INDEX IF NOT EXISTS documents_source_day ON documents(source, day);
CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of);

-- Contentless: the terms are derived from the stored text, which is all that is ever shown. Near-duplicates
-- are not indexed: a search finds the original, which lists its copies.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
  title, body, content='', tokenize="unicode61 tokenchars '.'"
);

CREATE TABLE IF NOT EXISTS minhash_bands (
  band_key INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  PRIMARY KEY (band_key, doc)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
  pk INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  name_latn TEXT,
  country TEXT,
  sector TEXT
);
CREATE TABLE IF NOT EXISTS entity_names (
  entity INTEGER NOT NULL REFERENCES entities(pk),
  name TEXT NOT NULL,
  terms TEXT NOT NULL,                    -- the name's search terms, space-separated
  count INTEGER NOT NULL,
  PRIMARY KEY (entity, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_names_terms ON entity_names(terms);
CREATE TABLE IF NOT EXISTS doc_entities (
  doc INTEGER NOT NULL REFERENCES documents(pk),
  local_id TEXT NOT NULL,
  entity INTEGER NOT NULL REFERENCES entities(pk),
  name TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  roles TEXT,                             -- JSON list of {title, title_en, of}
  PRIMARY KEY (doc, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_entities_entity ON doc_entities(entity, doc);

CREATE TABLE IF NOT EXISTS mentions (
  doc INTEGER NOT NULL REFERENCES documents(pk),
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  entity INTEGER REFERENCES entities(pk),
  PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS times (
  doc INTEGER NOT NULL REFERENCES documents(pk),
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT,
  begin TEXT,
  until TEXT,
  PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quantities (
  doc INTEGER NOT NULL REFERENCES documents(pk),
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  value REAL,
  unit TEXT,
  PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
  doc INTEGER NOT NULL REFERENCES documents(pk),
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker INTEGER REFERENCES entities(pk),
  cue TEXT,
  PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS events (
  doc INTEGER NOT NULL REFERENCES documents(pk),
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  modality TEXT NOT NULL,
  date TEXT,                              -- the event's own date, at its grain
  day TEXT,                               -- the event's day, else the article's: what charts count by
  location INTEGER REFERENCES entities(pk),
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  background INTEGER NOT NULL DEFAULT 0,  -- 1: the event is only the cause, topic or setting of what is reported
  PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_type_day ON events(type, day);
CREATE TABLE IF NOT EXISTS event_entities (
  doc INTEGER NOT NULL REFERENCES documents(pk),
  event TEXT NOT NULL,
  role TEXT NOT NULL,                     -- actor or recipient
  entity INTEGER NOT NULL REFERENCES entities(pk),
  PRIMARY KEY (doc, event, role, entity)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_entities_entity ON event_entities(entity);

CREATE TABLE IF NOT EXISTS errors (
  origin TEXT PRIMARY KEY,                -- file and line of the article that could not be stored
  record_id TEXT,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
"""


class StoreError(KhabarError):
    """A store that cannot be opened or does not hold what khabar expects."""


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """A connection to the store at ``path`` (made and set up when ``create``), in WAL mode.

    The connection runs in autocommit mode: writers open their transactions themselves
    (``BEGIN IMMEDIATE`` ... ``COMMIT``), so a batch is stored whole or not at all.
    """
    path = Path(path)
    if not create and not path.is_file():
        raise StoreError(f"no store at {path}; run `khabar ingest --db {path} …` first")
    if path.parent and not path.parent.is_dir():
        raise StoreError(f"cannot create the store {path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"cannot open the store {path}: it is a folder")
    connection = None
    try:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        for pragma in ("synchronous=NORMAL", "foreign_keys=OFF", "temp_store=MEMORY", "cache_size=-65536"):
            connection.execute(f"PRAGMA {pragma}")
        connection.execute("PRAGMA mmap_size=268435456")
        _check_or_create(connection, path)
    except sqlite3.Error as error:
        if connection is not None:
            connection.close()
        raise StoreError(describe_sqlite_error(error, path, opening=True)) from None
    except StoreError:
        if connection is not None:
            connection.close()
        raise
    return connection


def describe_sqlite_error(error: sqlite3.Error, path: str | Path, *, opening: bool = False) -> str:
    """What went wrong with the store at ``path``, said so that a person can act on it."""
    message = str(error)
    code = getattr(error, "sqlite_errorname", "")
    if code.startswith("SQLITE_FULL") or "disk is full" in message:
        hint = "the disk is full (or the file is over the size this process may write); free space and rerun"
    elif code.startswith("SQLITE_READONLY") or "readonly" in message:
        hint = "the store is read-only here; check the file's and its folder's permissions"
    elif code.startswith("SQLITE_CANTOPEN") or "unable to open" in message:
        hint = "the file cannot be opened or created; check the path and its folder's permissions"
    elif code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in message:
        hint = "the file is not an SQLite database, or it is damaged"
    elif code.startswith("SQLITE_IOERR"):
        hint = "the disk could not be written or read: is it full?"
    else:
        hint = None
    action = "open" if opening else "write"
    return f"cannot {action} the store {path}: {message}" + (f" ({hint})" if hint else "")


def _check_or_create(connection: sqlite3.Connection, path: Path) -> None:
    has_meta = connection.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if has_meta:
        row = connection.execute("SELECT value FROM meta WHERE key='store_version'").fetchone()
        found = row[0] if row else "none"
        if found in MIGRATIONS:
            _migrate(connection)
        elif found != STORE_VERSION:
            raise StoreError(f"{path} is a store of version {found}; this khabar reads version {STORE_VERSION}")
        return
    if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path} is an SQLite database but not a khabar store")
    connection.execute("BEGIN IMMEDIATE")
    for statement in _statements(TABLES):
        connection.execute(statement)
    connection.execute(
        "INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', ?)", (f"bm25({TITLE_WEIGHT}, 1.0)",)
    )
    connection.executemany(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
        [("store_version", STORE_VERSION), ("created_by", f"khabar {__version__}")],
    )
    connection.execute("COMMIT")


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring a store of an older version up to :data:`STORE_VERSION`, in one transaction (the version is read again
    under the write lock: another process may have migrated it meanwhile)."""
    connection.execute("BEGIN IMMEDIATE")
    version = connection.execute("SELECT value FROM meta WHERE key='store_version'").fetchone()[0]
    while version in MIGRATIONS:
        for statement in MIGRATIONS[version]:
            connection.execute(statement)
        version = str(int(version) + 1)
    connection.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", (version,))
    connection.execute("COMMIT")


def _statements(script: str) -> list[str]:
    """The statements of ``script`` (no statement holds a semicolon inside a literal)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
