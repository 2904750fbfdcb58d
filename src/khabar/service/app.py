"""The HTTP API over a store, and the web page served by the same app.

``create_app(db_path)`` builds the app; ``khabar serve`` runs it with uvicorn on 127.0.0.1. Lists are paged
(``page``, ``size`` up to 1000) and export as CSV with ``format=csv``. Every request uses a read-only
connection of its own thread; the store is written only by ``khabar ingest``. The API documentation at
``/docs`` is served from the package (fastapi-offline): nothing is loaded from the internet.

Limits, each answered with a status and a message rather than a slow or a broken server: a URL over 8 KB
(414), a request body over 64 KB (413; ``/analyze`` takes ``max_text_chars`` characters of text), a request that
runs longer than ``max_seconds`` (503: a store query is interrupted, an analysis is answered for and left to
finish in its thread), more than ``max_analyses`` analyses at once (503 once a request has waited
``max_seconds``), and pages of at most 1000 items.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import os
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as FastPath
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError

from khabar._version import __version__
from khabar.document import SCHEMA_VERSION
from khabar.errors import InputError
from khabar.pipeline import Pipeline, default_pipeline
from khabar.service import models
from khabar.service.export import to_csv
from khabar.store import queries
from khabar.store.queries import Filter, Page
from khabar.store.schema import connect
from khabar.store.search import Searcher

DEFAULT_MAX_TEXT_CHARS = 100_000
DEFAULT_MAX_SECONDS = 30.0
MAX_URL_BYTES = 8192
MAX_BODY_BYTES = 64 * 1024  # every route but /analyze
_PROGRESS_STEPS = 10_000  # SQLite instructions between two looks at the clock
# When the request being served must be answered by (time.monotonic()); read by the store's progress handler.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("khabar_deadline", default=None)
# Room for JSON escaping and the other fields around the text (a \uXXXX escape is 6 bytes per character).
_BYTES_PER_CHAR = 6
_NO_CSP_PATHS = ("/docs", "/redoc", "/docs/oauth2-redirect")
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none';"
    " base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

Format = Literal["json", "csv"]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PageSize = Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE, description="Items per page.")]
ExportFormat = Annotated[Format, Query(description="json, or csv to export the page as a spreadsheet.")]
DateFrom = Annotated[date | None, Query(description="First day (YYYY-MM-DD), inclusive.")]
DateTo = Annotated[date | None, Query(description="Last day (YYYY-MM-DD), inclusive.")]
SourceName = Annotated[str | None, Query(max_length=200, description="Exact source name.")]
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id is refused (422), never sent to the store
EntityId = Annotated[int | None, Query(ge=1, le=MAX_ID, description="A corpus entity id (see /entities).")]
EntityPath = Annotated[int, FastPath(ge=1, le=MAX_ID, description="A corpus entity id (see /entities).")]
EventType = Annotated[str | None, Query(max_length=64, description="A PLOVER event type.")]

DOCUMENT_COLUMNS = ("id", "title", "source", "url", "published", "entities", "events", "quotes", "copies")
ENTITY_COLUMNS = ("id", "type", "name", "name_latn", "country", "sector", "documents", "mentions")
EVENT_COLUMNS = (
    "day", "type", "mode", "modality", "background", "actors", "recipients", "location", "trigger", "date",
    "document", "title",
)  # fmt: skip
QUOTE_COLUMNS = ("day", "speaker", "kind", "text", "cue", "document", "title", "source")
SEARCH_COLUMNS = ("id", "title", "source", "published", "url", "score", "snippet", "copies")


class StoreAccess:
    """One read-only connection (and searcher) per server thread, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = connect(self.path, create=False)
            db.execute("PRAGMA query_only = 1")
            db.set_progress_handler(_past_deadline, _PROGRESS_STEPS)
        return db

    def searcher(self) -> Searcher:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = Searcher(self.db())
        return searcher


def _past_deadline() -> int:
    """Non-zero (SQLite then interrupts the query) once the request's time is up."""
    deadline = _DEADLINE.get()
    return int(deadline is not None and time.monotonic() > deadline)


def _problem(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def _filter(
    *,
    entity: int | None = None,
    event_type: str | None = None,
    source: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    modality: str | None = None,
    kind: str | None = None,
) -> Filter:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise HTTPException(422, detail=f"date_from {date_from} is after date_to {date_to}")
    return Filter(entity, event_type, source, date_from, date_to, modality, kind)


def _listing(page: Page | dict[str, Any], fmt: Format, columns: tuple[str, ...], name: str) -> Any:
    data = page.to_dict() if isinstance(page, Page) else page
    if fmt == "csv":
        return Response(
            to_csv(data["items"], columns),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{name}-page-{data["page"]}.csv"',
                "X-Total-Count": str(data["total"]),
            },
        )
    return data


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it is longer than ``limit`` bytes (without reading the rest)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, detail=f"the request body is {declared} bytes; the limit is {limit}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, detail=f"the request body is over the limit of {limit} bytes")
    return bytes(body)


def create_app(
    db_path: str | Path,
    *,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    pipeline: Pipeline | None = None,
    max_seconds: float = DEFAULT_MAX_SECONDS,
    max_analyses: int | None = None,
) -> FastAPI:
    """The khabar app over the store at ``db_path`` (created empty when missing).

    ``max_seconds`` bounds the time of a request; ``max_analyses`` the analyses run at once (default: one per
    core).
    """
    from khabar.service.web import install_web

    path = Path(db_path)
    connect(path).close()  # make the store if missing; refuse a file that is not one
    access = StoreAccess(path)
    app = FastAPIOffline(
        title="khabar",
        version=__version__,
        description="Arabic news as structured facts: the analysis API (khabar/1) and the corpus store.",
        static_url="/static-docs",
    )
    app.state.store = access
    app.mount("/static", StaticFiles(packages=[("khabar.service", "static")]), name="static")
    slots = threading.BoundedSemaphore(max_analyses or os.cpu_count() or 1)  # released by the analysing thread

    @app.exception_handler(sqlite3.OperationalError)
    async def store_interrupted(request: Request, error: sqlite3.OperationalError) -> JSONResponse:
        if "interrupted" not in str(error):
            raise error
        return _problem(503, f"the request took longer than {max_seconds:g} s; ask for less (filters, a page)")

    @app.middleware("http")
    async def limits(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        target = len(request.scope.get("raw_path") or b"") + len(request.scope.get("query_string") or b"")
        if target > MAX_URL_BYTES:
            return _problem(414, f"the URL is {target} bytes; the limit is {MAX_URL_BYTES}")
        declared = request.headers.get("content-length", "")
        if request.url.path != "/analyze" and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            return _problem(413, f"the request body is {declared} bytes; the limit is {MAX_BODY_BYTES}")
        token = _DEADLINE.set(time.monotonic() + max_seconds)
        try:
            return await call_next(request)
        finally:
            _DEADLINE.reset(token)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if not request.url.path.startswith(_NO_CSP_PATHS):
            response.headers["Content-Security-Policy"] = CSP
        return response

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/web/")

    @app.get("/health", response_model=models.Health, tags=["corpus"])
    def health() -> dict[str, Any]:
        """Liveness, versions and what the store holds."""
        return {"status": "ok", "version": __version__, "schema_version": SCHEMA_VERSION, **queries.stats(access.db())}

    @app.post(
        "/analyze",
        tags=["analysis"],
        responses={413: {"model": models.Problem}, 415: {"model": models.Problem}, 422: {"model": models.Problem}},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": models.AnalyzeRequest.model_json_schema()},
                    "text/plain": {"schema": {"type": "string"}},
                },
            }
        },
    )
    async def analyze(
        request: Request,
        published: Annotated[str | None, Query(description="Publication date of a text/plain body.")] = None,
        tokens: Annotated[bool, Query(description="Add the token layer with clitic analyses.")] = False,
    ) -> JSONResponse:
        """Analyse one article (JSON ``{"text", "published", …}`` or plain text) into a ``khabar/1`` document.

        The text is limited to ``max_text_chars`` characters (413 beyond). Nothing is stored.
        """
        body = await _read_body(request, max_text_chars * _BYTES_PER_CHAR + 4096)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if content_type in ("application/json", ""):
                article = models.AnalyzeRequest.model_validate_json(body)
            elif content_type == "text/plain":
                article = models.AnalyzeRequest(text=body.decode("utf-8"), published=published)
            else:
                raise HTTPException(415, detail=f"send application/json or text/plain, not {content_type}")
        except ValidationError as error:
            raise HTTPException(422, detail=json.loads(error.json(include_url=False))) from None
        except UnicodeDecodeError as error:
            raise HTTPException(422, detail=f"the body is not UTF-8 (byte offset {error.start})") from None
        if len(article.text) > max_text_chars:
            raise HTTPException(
                413, detail=f"the text has {len(article.text)} characters; the limit is {max_text_chars}"
            )
        meta = {k: v for k, v in (("title", article.title), ("source", article.source), ("url", article.url)) if v}
        run = pipeline or default_pipeline()
        deadline = _DEADLINE.get() or time.monotonic() + max_seconds
        while not slots.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise HTTPException(503, detail="too many analyses are running; try again later")
            await asyncio.sleep(0.02)
        loop = asyncio.get_running_loop()

        def work() -> Any:
            try:
                return run.analyze(article.text, published=article.published, id=article.id, meta=meta)
            finally:
                slots.release()  # when the analysis ends, answered for or not

        running = loop.run_in_executor(None, contextvars.copy_context().run, work)
        running.add_done_callback(lambda done: done.cancelled() or done.exception())  # read even if answered for
        try:
            doc = await asyncio.wait_for(asyncio.shield(running), max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            raise HTTPException(503, detail=f"the analysis took longer than {max_seconds:g} s") from None
        except InputError as error:
            raise HTTPException(422, detail=str(error)) from None
        return JSONResponse(doc.to_dict(tokens=tokens))

    @app.get("/documents", response_model=models.DocumentList, tags=["corpus"])
    def documents(
        page: PageNumber = 1,
        size: PageSize = 50,
        source: SourceName = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        entity: EntityId = None,
        event_type: EventType = None,
        format: ExportFormat = "json",
    ) -> Any:
        """Stored articles, newest first (near-duplicates left out: see ``copies``)."""
        where = _filter(entity=entity, event_type=event_type, source=source, date_from=date_from, date_to=date_to)
        return _listing(queries.list_documents(access.db(), where, page, size), format, DOCUMENT_COLUMNS, "documents")

    @app.get("/documents/{doc_id:path}", tags=["corpus"], responses={404: {"model": models.Problem}})
    def document(doc_id: str) -> Response:
        """The stored ``khabar/1`` document, exactly as analysed."""
        stored = queries.document_json(access.db(), doc_id)
        if stored is None:
            raise HTTPException(404, detail=f"no document with id {doc_id!r}")
        return Response(stored, media_type="application/json")

    @app.get("/entities", response_model=models.EntityList, tags=["corpus"])
    def entities(
        page: PageNumber = 1,
        size: PageSize = 50,
        type: Annotated[Literal["PER", "ORG", "LOC", "MISC"] | None, Query(description="Entity type.")] = None,
        name: Annotated[str | None, Query(max_length=200, description="Part of any of its names.")] = None,
        format: ExportFormat = "json",
    ) -> Any:
        """Corpus entities, most mentioned first."""
        found = queries.list_entities(
            access.db(), entity_type=type, name=name, indexer=access.searcher().indexer, page=page, size=size
        )
        return _listing(found, format, ENTITY_COLUMNS, "entities")

    @app.get(
        "/entities/{entity_id}",
        response_model=models.EntityDetail,
        tags=["corpus"],
        responses={404: {"model": models.Problem}},
    )
    def entity(entity_id: EntityPath) -> dict[str, Any]:
        """One entity: names and variants, roles, timeline of mentions and events, network, quotes."""
        return entity_detail(access.db(), entity_id)

    @app.get("/events", response_model=models.EventList, tags=["corpus"])
    def events(
        page: PageNumber = 1,
        size: PageSize = 50,
        type: EventType = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        entity: EntityId = None,
        source: SourceName = None,
        modality: Annotated[
            Literal["asserted", "negated", "future", "hypothetical"] | None, Query(description="Modality.")
        ] = None,
        format: ExportFormat = "json",
    ) -> Any:
        """Events, newest first; dates filter on the event's day."""
        where = _filter(
            event_type=type, date_from=date_from, date_to=date_to, entity=entity, source=source, modality=modality
        )
        return _listing(queries.list_events(access.db(), where, page, size), format, EVENT_COLUMNS, "events")

    @app.get("/events/per-day", response_model=list[models.EventsPerDay], tags=["corpus"])
    def events_per_day(
        type: EventType = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        entity: EntityId = None,
        source: SourceName = None,
    ) -> list[dict[str, Any]]:
        """Event counts per day and type (the data of the events chart)."""
        where = _filter(event_type=type, date_from=date_from, date_to=date_to, entity=entity, source=source)
        return queries.events_per_day(access.db(), where)

    @app.get("/quotes", response_model=models.QuoteList, tags=["corpus"])
    def quotes(
        page: PageNumber = 1,
        size: PageSize = 50,
        speaker: EntityId = None,
        kind: Annotated[Literal["direct", "indirect"] | None, Query(description="Quote kind.")] = None,
        source: SourceName = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        format: ExportFormat = "json",
    ) -> Any:
        """Quotes, newest first; ``speaker`` is a corpus entity id."""
        where = _filter(entity=speaker, kind=kind, source=source, date_from=date_from, date_to=date_to)
        return _listing(queries.list_quotes(access.db(), where, page, size), format, QUOTE_COLUMNS, "quotes")

    @app.get("/search", response_model=models.SearchResults, tags=["corpus"])
    def search(
        q: Annotated[str, Query(max_length=500, description='Words, "a phrase", names (variants are found).')] = "",
        page: PageNumber = 1,
        size: Annotated[int, Query(ge=1, le=100, description="Results per page.")] = 20,
        entity: EntityId = None,
        event_type: EventType = None,
        source: SourceName = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        format: ExportFormat = "json",
    ) -> Any:
        """Full-text search with Arabic normalisation (clitics, hamza, ta marbuta, diacritics, digits)."""
        where = _filter(entity=entity, event_type=event_type, source=source, date_from=date_from, date_to=date_to)
        results = access.searcher().search(q, where, page, size)
        return _listing(results.to_dict(), format, SEARCH_COLUMNS, "search")

    install_web(app, access)
    return app


def entity_detail(db: sqlite3.Connection, entity_id: int) -> dict[str, Any]:
    """Everything the API and the entity page show about one entity; 404 when unknown."""
    found = queries.entity(db, entity_id)
    if found is None:
        raise HTTPException(404, detail=f"no entity with id {entity_id}")
    found["timeline"] = queries.entity_timeline(db, entity_id)
    found["network"] = queries.cooccurrence(db, entity_id)
    found["quotes"] = queries.list_quotes(db, Filter(entity=entity_id), 1, 100).items
    return found
