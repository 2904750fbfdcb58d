"""The web page: HTML views of the store under ``/web/``, right to left, with no script or font from outside.

Pages are Jinja2 templates (package data, autoescaping on): every value from the store is escaped, so a title
like ``<script>`` shows as text. Charts are SVG drawn on the server (:mod:`khabar.service.charts`); the only
script is ``static/khabar.js`` (tooltips), allowed by the content security policy set in
:mod:`khabar.service.app`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as FastPath
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from khabar._version import __version__
from khabar.document import Document
from khabar.service import charts
from khabar.service.render import MODALITY_NAMES, TIME_NAMES, TYPE_NAMES, marks, render
from khabar.store import queries
from khabar.store.queries import Filter

PAGE_SIZE = 25
MAX_ID = 2**63 - 1  # SQLite's largest integer (as khabar.service.app.MAX_ID)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("khabar.service", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, type_names=TYPE_NAMES, time_names=TIME_NAMES, modality_names=MODALITY_NAMES)
    env.filters["safe_url"] = safe_url
    return env


def safe_url(url: str | None) -> str | None:
    """``url`` when it is http(s), else None: an article's URL is untrusted and must never be ``javascript:``."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _query(request: Request, **changes: Any) -> str:
    """The current query string with ``changes`` (None removes a key): links to other pages of a list."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return urlencode(params)


def _dates(date_from: str | None, date_to: str | None) -> tuple[date | None, date | None, str | None]:
    """Dates typed in a form; a bad one is reported on the page rather than refused."""
    parsed: list[date | None] = []
    for name, value in (("من", date_from), ("إلى", date_to)):
        if not value:
            parsed.append(None)
            continue
        try:
            parsed.append(date.fromisoformat(value))
        except ValueError:
            return None, None, f"تاريخ غير صالح ({name}): {value} — اكتب YYYY-MM-DD"
    first, last = parsed
    if first and last and first > last:
        return None, None, "تاريخ البداية بعد تاريخ النهاية"
    return first, last, None


Text = Annotated[str, Query(max_length=500)]


def install_web(app: FastAPI, access: Any) -> None:
    """Add the ``/web/`` pages to ``app``."""
    env = _environment()

    def page(template: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("title", "خبر")
        html = env.get_template(template).render(request=request, query=lambda **c: _query(request, **c), **context)
        return HTMLResponse(html, status_code=status)

    @app.get("/web/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        db = access.db()
        return page(
            "index.html",
            request,
            stats=queries.stats(db),
            latest=queries.list_documents(db, size=10).items,
            people=queries.list_entities(db, entity_type="PER", size=10).items,
            organisations=queries.list_entities(db, entity_type="ORG", size=10).items,
            chart=charts.events_chart(queries.events_per_day(db)),
        )

    @app.get("/web/search", response_class=HTMLResponse, include_in_schema=False)
    def search(
        request: Request,
        q: Text = "",
        source: Text = "",
        event_type: Text = "",
        entity: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
        date_from: Text = "",
        date_to: Text = "",
        page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        db = access.db()
        first, last, problem = _dates(date_from, date_to)
        results = None
        if not problem and (q.strip() or source or event_type or entity or first or last):
            where = Filter(entity, event_type or None, source or None, first, last)
            results = access.searcher().search(q, where, page_number, PAGE_SIZE)
        return page(
            "search.html",
            request,
            title=f"بحث: {q}" if q else "بحث",
            q=q,
            source=source,
            event_type=event_type,
            entity=entity,
            entity_name=_entity_name(db, entity),
            date_from=date_from,
            date_to=date_to,
            problem=problem,
            results=results,
            sources=queries.sources(db),
            event_types=queries.event_types(db),
        )

    @app.get("/web/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(
        request: Request,
        source: Text = "",
        date_from: Text = "",
        date_to: Text = "",
        page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        db = access.db()
        first, last, problem = _dates(date_from, date_to)
        listed = queries.list_documents(
            db, Filter(source=source or None, date_from=first, date_to=last), page_number, PAGE_SIZE
        )
        return page(
            "articles.html",
            request,
            title="المقالات",
            listed=listed,
            source=source,
            date_from=date_from,
            date_to=date_to,
            problem=problem,
            sources=queries.sources(db),
        )

    @app.get("/web/articles/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, doc_id: str) -> HTMLResponse:
        db = access.db()
        info = queries.document_info(db, doc_id)
        stored = queries.document_json(db, doc_id)
        if info is None or stored is None:
            return page("missing.html", request, status=404, title="غير موجود", what=f"لا مقال بالمعرّف {doc_id}")
        doc = Document.from_dict(json.loads(stored))
        body = render(doc.text, marks(doc, info["entities"]))
        names = {e.id: e for e in doc.entities}
        return page(
            "article.html",
            request,
            title=info["title"] or doc_id,
            info=info,
            doc=doc,
            body=body,
            names=names,
            corpus=info["entities"],
            url=safe_url(info["url"]),
        )

    @app.get("/web/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities(
        request: Request,
        name: Text = "",
        type: Text = "",
        page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        db = access.db()
        kind = type if type in TYPE_NAMES else None
        listed = queries.list_entities(
            db, entity_type=kind, name=name or None, indexer=access.searcher().indexer, page=page_number, size=PAGE_SIZE
        )
        return page("entities.html", request, title="الكيانات", listed=listed, name=name, type=kind or "")

    @app.get("/web/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, entity_id: Annotated[int, FastPath(ge=1, le=MAX_ID)]) -> HTMLResponse:
        from khabar.service.app import entity_detail

        db = access.db()
        try:
            found = entity_detail(db, entity_id)
        except HTTPException:
            return page("missing.html", request, status=404, title="غير موجود", what=f"لا كيان بالمعرّف {entity_id}")
        return page(
            "entity.html",
            request,
            title=found["name"],
            entity=found,
            timeline_chart=charts.timeline_chart(found["timeline"]),
            network_chart=charts.network_chart(found["network"]),
        )

    @app.get("/web/events", response_class=HTMLResponse, include_in_schema=False)
    def events(
        request: Request,
        type: Text = "",
        source: Text = "",
        modality: Text = "",
        entity: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
        date_from: Text = "",
        date_to: Text = "",
        page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        db = access.db()
        first, last, problem = _dates(date_from, date_to)
        where = Filter(
            entity=entity,
            event_type=type or None,
            source=source or None,
            date_from=first,
            date_to=last,
            modality=modality if modality in MODALITY_NAMES else None,
        )
        listed = queries.list_events(db, where, page_number, PAGE_SIZE)
        export = urlencode(
            {k: v for k, v in (("type", type), ("source", source), ("modality", where.modality or ""),
                               ("entity", entity or ""), ("date_from", first or ""), ("date_to", last or "")) if v}
        )  # fmt: skip
        return page(
            "events.html",
            request,
            title="الأحداث",
            listed=listed,
            chart=charts.events_chart(queries.events_per_day(db, where)),
            type=type,
            source=source,
            modality=where.modality or "",
            entity=entity,
            entity_name=_entity_name(db, entity),
            date_from=date_from,
            date_to=date_to,
            problem=problem,
            event_types=queries.event_types(db),
            sources=queries.sources(db),
            export=export,
        )


def _entity_name(db: Any, entity_id: int | None) -> str | None:
    if entity_id is None:
        return None
    found = queries.entity(db, entity_id)
    return None if found is None else found["name"]
