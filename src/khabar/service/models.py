"""The shapes the HTTP API accepts and returns (they make the OpenAPI description at ``/docs``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class AnalyzeRequest(BaseModel):
    """One article to analyse; ``published`` anchors relative dates (ISO date or datetime with offset)."""

    text: str = Field(description="The article text, as published.")
    published: str | None = Field(default=None, examples=["2021-03-10"])
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


class Health(BaseModel):
    status: str
    version: str
    schema_version: str
    documents: int
    near_duplicates: int
    entities: int
    events: int
    quotes: int
    errors: int
    first_day: str | None
    last_day: str | None


class PageInfo(BaseModel):
    total: int = Field(description="Items in the whole list.")
    page: int
    size: int
    pages: int


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    day: str | None
    length: int
    entities: int
    events: int
    quotes: int
    copies: int = Field(description="Near-duplicates (syndicated copies) linked to this article.")


class DocumentList(PageInfo):
    items: list[DocumentSummary]


class EntityRef(BaseModel):
    id: int
    type: str
    name: str


class EntitySummary(BaseModel):
    id: int
    type: str
    name: str
    name_latn: str | None
    country: str | None
    sector: str | None
    documents: int
    mentions: int


class EntityList(PageInfo):
    items: list[EntitySummary]


class Name(BaseModel):
    name: str
    count: int = Field(description="Mentions written this way (0: a canonical name not seen as written).")


class RoleCount(BaseModel):
    title: str
    title_en: str | None
    of: EntityRef | None
    count: int


class Event(BaseModel):
    event_id: str = Field(description="The event's id within its article.")
    type: str
    mode: str | None
    modality: str
    background: bool = Field(
        description="Only the cause, topic or setting of what its article reports (ندد بالهجوم); charts leave it out."
    )
    date: str | None
    day: str | None = Field(description="The event's day, else its article's: what charts count by.")
    trigger: str
    trigger_start: int
    trigger_end: int
    evidence_start: int
    evidence_end: int
    document: str
    title: str | None
    source: str | None
    published: str | None
    actors: list[EntityRef]
    recipients: list[EntityRef]
    location: EntityRef | None


class EventList(PageInfo):
    items: list[Event]


class EventsPerDay(BaseModel):
    day: str
    type: str
    count: int


class Quote(BaseModel):
    quote_id: str
    text: str
    kind: str
    cue: str | None
    start: int
    end: int
    speaker_id: int | None
    speaker: str | None
    document: str
    title: str | None
    source: str | None
    published: str | None
    day: str | None


class QuoteList(PageInfo):
    items: list[Quote]


class TimelineDocument(BaseModel):
    id: str
    title: str | None
    source: str | None
    mentions: int


class TimelineDay(BaseModel):
    day: str
    mentions: int
    documents: list[TimelineDocument]
    events: list[Event]


class Node(BaseModel):
    id: int
    type: str
    name: str
    weight: int


class Edge(BaseModel):
    source: int
    target: int
    weight: int


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class EntityDetail(BaseModel):
    id: int
    key: str
    type: str
    name: str
    name_latn: str | None
    country: str | None
    sector: str | None
    documents: int
    mentions: int
    first_day: str | None
    last_day: str | None
    names: list[Name]
    roles: list[RoleCount]
    timeline: list[TimelineDay]
    network: Network
    quotes: list[Quote]


class Segment(BaseModel):
    text: str
    match: bool


class SearchHit(BaseModel):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    score: float = Field(description="BM25 relevance; higher is better (0 when listing without a query).")
    title_segments: list[Segment]
    snippet: list[Segment]
    copies: int


class Clause(BaseModel):
    text: str
    alternatives: list[str] = Field(description="Search terms that satisfy this part of the query.")


class SearchResults(PageInfo):
    query: str
    clauses: list[Clause]
    items: list[SearchHit]


class Problem(BaseModel):
    detail: Any
