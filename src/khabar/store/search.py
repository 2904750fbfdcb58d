"""Full-text search over the store: Arabic-aware terms, name variants, filters, ranking and snippets.

A query is read into clauses that must all match. Words become their search terms (:mod:`khabar.store.terms`:
no clitics, hamza, ta marbuta, diacritics or Eastern digits in the way), text in quotes ("…", «…», “…”) is a
phrase, and a name that has known variants becomes the set of its variants: the names of one actor of the
knowledge base (:mod:`khabar.resolve.kb`: الناتو = حلف شمال الأطلسي = NATO) and every name under which the
store has seen that entity. Nothing of the query reaches FTS5 unquoted: every term is a quoted string made of
letters and digits only, so query syntax typed by a user is just text.

Results are ranked by BM25 (a title match weighs :data:`~khabar.store.schema.TITLE_WEIGHT` times a body
match; see :data:`RANK_LIMIT` for queries that match most of the store) and come with a snippet of the original
text, the matched words marked: the window of :data:`SNIPPET_WORDS` words holding the most distinct query terms.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from khabar.resolve.kb import knowledge_base
from khabar.store.queries import MAX_PAGE_SIZE, NO_FILTER, Filter, Page, list_documents
from khabar.store.terms import TermIndexer

# A query matching more articles than this is answered with the latest stored matches: ranking tens of
# thousands of articles by BM25 costs more time than a word found in most of them tells.
RANK_LIMIT = 10_000
SNIPPET_WORDS = 32
MAX_CLAUSES = 16
MAX_ALTERNATIVES = 12
MAX_NAME_WORDS = 5
_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')

Alternative = tuple[str, ...]  # a term, or the terms of a phrase
Segment = tuple[str, bool]  # a piece of text and whether it is a match


@dataclass(frozen=True, slots=True)
class Clause:
    """One part of a query that a result must match, by any of its ``alternatives``."""

    text: str
    alternatives: tuple[Alternative, ...]

    def fts(self) -> str:
        quoted = [f'"{" ".join(alternative)}"' for alternative in self.alternatives]
        return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its clauses and the FTS5 expression that asks for all of them."""

    text: str
    clauses: tuple[Clause, ...]

    @property
    def fts(self) -> str:
        return " AND ".join(clause.fts() for clause in self.clauses)

    @property
    def terms(self) -> frozenset[str]:
        """Every term a match may be made of, for marking snippets."""
        return frozenset(t for clause in self.clauses for alternative in clause.alternatives for t in alternative)


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    score: float
    title_segments: list[Segment]
    snippet: list[Segment]
    copies: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "score": round(self.score, 4),
            "title_segments": [{"text": t, "match": m} for t, m in self.title_segments],
            "snippet": [{"text": t, "match": m} for t, m in self.snippet],
            "copies": self.copies,
        }


@dataclass(frozen=True, slots=True)
class Results:
    query: Query
    hits: list[Hit]
    total: int
    page: int
    size: int
    listing: bool = False  # no query terms: the filtered articles, newest first

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query.text,
            "clauses": [
                {"text": c.text, "alternatives": [" ".join(a) for a in c.alternatives]} for c in self.query.clauses
            ],
            "items": [h.to_dict() for h in self.hits],
            "total": self.total,
            "page": self.page,
            "size": self.size,
            "pages": self.pages,
        }


@cache
def _alias_groups() -> tuple[tuple[str, ...], ...]:
    return tuple(knowledge_base().alias_groups())


class Searcher:
    """Parses queries and runs them against a store connection."""

    def __init__(self, db: sqlite3.Connection, indexer: TermIndexer | None = None) -> None:
        self.db = db
        self.indexer = indexer or TermIndexer()
        self._aliases = self._alias_index()

    def _alias_index(self) -> dict[Alternative, tuple[Alternative, ...]]:
        index: dict[Alternative, tuple[Alternative, ...]] = {}
        for group in _alias_groups():
            variants = tuple(dict.fromkeys(t for t in (tuple(self.indexer.terms(name)) for name in group) if t))
            for variant in variants:
                index[variant] = variants
        return index

    # --- parsing

    def parse(self, text: str) -> Query:
        clauses: list[Clause] = []
        position = 0
        for match in _PHRASE.finditer(text):
            clauses.extend(self._word_clauses(text[position : match.start()]))
            phrase = next(g for g in match.groups() if g is not None)
            terms = tuple(self.indexer.terms(phrase))
            if terms:
                clauses.append(Clause(phrase.strip(), self._variants(terms)))
            position = match.end()
        clauses.extend(self._word_clauses(text[position:]))
        return Query(text, tuple(clauses[:MAX_CLAUSES]))

    def _word_clauses(self, text: str) -> Iterable[Clause]:
        """Clauses of unquoted text: the longest known names first, other words one by one."""
        positions = list(self.indexer.positions(text))
        terms = [term for term, _, _ in positions]
        i = 0
        while i < len(terms):
            for width in range(min(MAX_NAME_WORDS, len(terms) - i), 0, -1):
                span = tuple(terms[i : i + width])
                variants = self._variants(span)
                if width == 1 or len(variants) > 1:
                    start, end = positions[i][1], positions[i + width - 1][2]
                    yield Clause(text[start:end], variants)
                    i += width
                    break

    def _variants(self, terms: Alternative) -> tuple[Alternative, ...]:
        """``terms`` and the other names of what it names (aliases, then the store's entity names)."""
        variants: dict[Alternative, None] = {terms: None}
        for alias in self._aliases.get(terms, ()):
            variants[alias] = None
        entities = [
            row[0] for row in self.db.execute("SELECT entity FROM entity_names WHERE terms = ?", (" ".join(terms),))
        ]
        if entities:
            placeholders = ",".join("?" * len(entities))
            for (names,) in self.db.execute(
                f"SELECT terms FROM entity_names WHERE entity IN ({placeholders}) AND terms != ''"
                " GROUP BY terms ORDER BY sum(count) DESC LIMIT ?",
                [*entities, MAX_ALTERNATIVES],
            ):
                variants[tuple(names.split())] = None
        return tuple(variants)[:MAX_ALTERNATIVES]

    # --- running

    def search(self, text: str, where: Filter = NO_FILTER, page: int = 1, size: int = 20) -> Results:
        """The articles matching ``text`` under ``where``, best first; without terms, the filtered articles."""
        if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            raise ValueError(f"page must be at least 1 and size between 1 and {MAX_PAGE_SIZE} (got {page}, {size})")
        query = self.parse(text)
        if not query.clauses:
            if text.strip():
                return Results(query, [], 0, page, size)
            return self._listing(query, where, page, size)
        clauses, params = where.document_clauses()
        if where == NO_FILTER:  # only originals are indexed: no need to look at the documents table
            base, arguments = "FROM documents_fts WHERE documents_fts MATCH ?", [query.fts]
        else:
            condition = " AND ".join(["documents_fts MATCH ?", *clauses])
            base = f"FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid WHERE {condition}"
            arguments = [query.fts, *params]
        total = self.db.execute(f"SELECT count(*) {base}", arguments).fetchone()[0]
        order = "rank" if total <= RANK_LIMIT else "documents_fts.rowid DESC"
        ranked = self.db.execute(
            f"SELECT documents_fts.rowid, rank {base} ORDER BY {order} LIMIT ? OFFSET ?",
            [*arguments, size, (page - 1) * size],
        ).fetchall()
        hits = self._hits([pk for pk, _ in ranked], {pk: -score for pk, score in ranked}, query.terms)
        return Results(query, hits, total, page, size)

    def _listing(self, query: Query, where: Filter, page: int, size: int) -> Results:
        listed: Page = list_documents(self.db, where, page, size)
        ids = [item["id"] for item in listed.items]
        pks = dict(self.db.execute(f"SELECT id, pk FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids))
        hits = self._hits([pks[i] for i in ids], {}, frozenset())
        return Results(query, hits, listed.total, page, size, listing=True)

    def _hits(self, pks: Sequence[int], scores: dict[int, float], terms: frozenset[str]) -> list[Hit]:
        if not pks:
            return []
        placeholders = ",".join("?" * len(pks))
        rows = {
            row[0]: row
            for row in self.db.execute(
                "SELECT pk, id, title, source, url, published, json_extract(json, '$.text'),"
                " (SELECT count(*) FROM documents c WHERE c.duplicate_of = documents.pk)"
                f" FROM documents WHERE pk IN ({placeholders})",
                list(pks),
            )
        }
        hits = []
        for pk in pks:
            _, doc_id, title, source, url, published, text, copies = rows[pk]
            hits.append(
                Hit(
                    id=doc_id,
                    title=title,
                    source=source,
                    url=url,
                    published=published,
                    score=scores.get(pk, 0.0),
                    title_segments=self.mark(title or "", terms, whole=True),
                    snippet=self.mark(text, terms),
                    copies=copies,
                )
            )
        return hits

    # --- snippets

    def mark(self, text: str, terms: frozenset[str], *, whole: bool = False) -> list[Segment]:
        """``text`` (or, unless ``whole``, its best window) cut into pieces, the words of ``terms`` marked."""
        positions = list(self.indexer.positions(text))
        if not positions:
            return [(text, False)] if text else []
        first, last = 0, len(positions) - 1
        if not whole and len(positions) > SNIPPET_WORDS:
            first = _best_window(positions, terms)
            last = first + SNIPPET_WORDS - 1
        start = 0 if whole or first == 0 else positions[first][1]
        end = len(text) if whole or last == len(positions) - 1 else positions[last][2]
        segments: list[Segment] = [("…", False)] if start > 0 else []
        cursor = start
        for term, word_start, word_end in positions[first : last + 1]:
            if term in terms:
                if word_start > cursor:
                    segments.append((text[cursor:word_start], False))
                segments.append((text[word_start:word_end], True))
                cursor = word_end
        if end > cursor:
            segments.append((text[cursor:end], False))
        if end < len(text):
            segments.append(("…", False))
        return segments


def _best_window(positions: Sequence[tuple[str, int, int]], terms: frozenset[str]) -> int:
    """Index of the first word of the window with the most distinct matched terms (the earliest such)."""
    matched = [i for i, (term, _, _) in enumerate(positions) if term in terms]
    if not matched:
        return 0
    best, best_count = matched[0], 0
    for i in matched:
        window = {positions[j][0] for j in matched if i <= j < i + SNIPPET_WORDS}
        if len(window) > best_count:
            best, best_count = i, len(window)
    # Start a few words before the first match so it reads in context.
    return max(0, min(best - 4, len(positions) - SNIPPET_WORDS))
