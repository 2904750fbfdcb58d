"""The service under hostile input and its limits: every route with every parameter set to something nasty, a
store whose every value is markup, URLs and bodies too large, requests that take too long, pages too big."""

from __future__ import annotations

import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from khabar.document import Document
from khabar.pipeline import Pipeline
from khabar.service import create_app
from khabar.service.app import MAX_BODY_BYTES, MAX_URL_BYTES
from khabar.store.queries import MAX_PAGE_SIZE

from .conftest import HOSTILE_COPY_ID, HOSTILE_ID

HOSTILE_VALUES = [
    "<script>window.__pwned=1</script>",
    "'\"><img src=x onerror=window.__pwned=2>",
    "' OR 1=1 --",
    'NEAR("a" "b") OR *',
    "\x00",
    "%00%ff",
    "\u202e\u2066بغداد\u2069",
    "ب" * 2000,
    "../../../../etc/passwd",
    "-1",
    "0",
    "1e309",
    "99999999999999999999999",
    "2021-02-30",
    " ",
    "javascript:window.__pwned=3",
]
RAW_QUERIES = ["%ED%A0%80", "%FF%FE%00", "%C0%AF", "a=%", "&&&==", "q=%E2%80%AE"]
# Tags the templates never write (script, svg and a are checked apart: khabar.js, charts, links).
FOREIGN_TAGS = {"img", "iframe", "style", "object", "embed", "b", "base", "frame", "video", "audio", "math"}


class Elements(HTMLParser):
    """The elements of a page, as a browser's parser would make them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def injected(html: str) -> list[str]:
    """Elements or attributes in ``html`` that khabar's templates never write: markup that came from the data."""
    parser = Elements()
    parser.feed(html)
    problems = []
    for tag, attrs in parser.found:
        handlers = [name for name in attrs if name.startswith("on")]
        if handlers:
            problems.append(f"<{tag} {handlers[0]}=…>")
        href = (attrs.get("href") or attrs.get("src") or "").strip().lower()
        if href.startswith(("javascript:", "data:text")):
            problems.append(f"<{tag} href={href[:30]}>")
        if tag == "script" and attrs.get("src") != "/static/khabar.js":
            problems.append("<script> not khabar.js")
        if tag in FOREIGN_TAGS:
            problems.append(f"<{tag}>")
        if tag == "svg" and attrs.get("xmlns") != "http://www.w3.org/2000/svg":
            problems.append("<svg> that is not a chart")
    return problems


@pytest.fixture(scope="module")
def client(corpus_db: Path) -> TestClient:
    return TestClient(create_app(corpus_db, max_text_chars=5000), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def hostile(hostile_db: Path) -> TestClient:
    return TestClient(create_app(hostile_db), raise_server_exceptions=False)


def get_routes(app: Any) -> list[APIRoute]:
    skipped = ("/docs", "/redoc", "/openapi")  # the API documentation: pages of its own, with no stored text
    return [r for r in app.routes if isinstance(r, APIRoute) and "GET" in r.methods and not r.path.startswith(skipped)]


def check_response(response: Any, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
    kind = response.headers.get("content-type", "")
    if kind.startswith("text/html"):
        assert not injected(response.text), f"{where}: {injected(response.text)}"
    assert response.headers.get("x-content-type-options") == "nosniff" or response.status_code in (413, 414)


def test_every_route_and_parameter_survives_hostile_values(client: TestClient) -> None:
    """Each path parameter gets every value; each query parameter two of them, in turn, so that every value
    reaches every kind of parameter; raw bytes that are not UTF-8 go to the usual parameters of every route."""
    routes = get_routes(client.app)
    assert len(routes) >= 15, [r.path for r in routes]
    turn = 0
    for route in routes:
        for value in HOSTILE_VALUES if route.dependant.path_params else [""]:
            path = route.path
            for param in route.dependant.path_params:
                for pattern, safe in ((f"{{{param.name}}}", ""), (f"{{{param.name}:path}}", "/")):
                    path = path.replace(pattern, quote(value, safe=safe))
            if route.dependant.path_params:
                check_response(client.get(path), f"GET {path[:80]}")
        path = route.path.replace("{doc_id:path}", "seed-article").replace("{entity_id}", "1")
        for param in route.dependant.query_params:
            for _ in range(2):
                value = HOSTILE_VALUES[turn % len(HOSTILE_VALUES)]
                turn += 1
                name = param.alias or param.name
                check_response(client.get(path, params={name: value}), f"GET {route.path} {name}={value[:20]!r}")
        if not route.dependant.path_params:
            for raw in RAW_QUERIES:
                check_response(client.get(f"{route.path}?q={raw}&source={raw}&type={raw}"), f"{route.path} {raw}")
    assert turn >= 2 * len(HOSTILE_VALUES)


def test_analyze_refuses_hostile_bodies(client: TestClient) -> None:
    for body, kind in [
        (b'{"text": "\\ud800"}', "application/json"),
        ('{"text": "نص", "published": "\\u0000"}'.encode(), "application/json"),
        (b"\xed\xa0\x80", "text/plain"),
        (b'{"text": ["a"]}', "application/json"),
        (b'{"text": "a", "id": {"x": 1}}', "application/json"),
        (b"[" * 10_000, "application/json"),
        (b"", "application/json"),
    ]:
        response = client.post("/analyze", content=body, headers={"content-type": kind})
        assert response.status_code in (413, 415, 422), (body[:30], response.status_code, response.text[:200])
        assert response.json()["detail"]


def test_a_store_of_hostile_markup_is_served_as_text(hostile: TestClient) -> None:
    entities = hostile.get("/entities", params={"size": MAX_PAGE_SIZE}).json()["items"]
    assert len(entities) >= 10
    pages = ["/web/", "/web/articles", "/web/entities", "/web/events", "/web/search?q=الأرباح",
             f"/web/articles/{quote(HOSTILE_ID)}", f"/web/articles/{quote(HOSTILE_COPY_ID)}",
             f"/web/events?type={quote(entities[0]['name'])}",
             f"/web/search?source={quote('<img src=x>')}"]  # fmt: skip
    pages += [f"/web/entities/{e['id']}" for e in entities]
    apis = ["/documents", "/entities", "/events", "/events/per-day", "/quotes", "/search?q=الأرباح", "/health",
            f"/documents/{quote(HOSTILE_ID)}", "/events?format=csv", "/documents?format=csv"]  # fmt: skip
    apis += [f"/entities/{e['id']}" for e in entities]
    for path in pages + apis:
        response = hostile.get(path)
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
        check_response(response, path)
    article = hostile.get(f"/web/articles/{quote(HOSTILE_ID)}").text
    assert "&lt;svg onload=window.__pwned=&#39;id&#39;&gt;" in article  # the id, shown as text
    stored = hostile.get(f"/documents/{quote(HOSTILE_ID)}")
    assert stored.headers["content-type"] == "application/json" and Document.from_dict(stored.json()).id == HOSTILE_ID


# ----------------------------------------------------------------------------------------------- limits


def test_urls_and_bodies_over_the_limits(client: TestClient) -> None:
    long = client.get("/search", params={"q": "ب" * (MAX_URL_BYTES // 6 + 10)})
    assert long.status_code == 414 and "limit" in long.json()["detail"]
    big = client.post("/documents", content=b"x" * (MAX_BODY_BYTES + 1))
    assert big.status_code == 413 and "limit" in big.json()["detail"]
    assert client.get("/health").status_code == 200


@pytest.mark.parametrize("path", ["/documents", "/entities", "/events", "/quotes", "/search"])
def test_pages_are_bounded(client: TestClient, path: str) -> None:
    largest = 100 if path == "/search" else MAX_PAGE_SIZE
    assert client.get(path, params={"size": largest}).status_code == 200
    for params in ({"size": largest + 1}, {"size": 0}, {"page": 0}, {"page": 10**7}):
        response = client.get(path, params=params)
        assert response.status_code == 422 and response.json()["detail"], (path, params)


class Slow:
    """A stage that takes its time."""

    name = "slow"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"slow"})

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, doc: Document) -> Document:
        time.sleep(self.seconds)
        return doc


def test_an_analysis_over_its_time_is_answered_with_503(corpus_db: Path) -> None:
    app = create_app(corpus_db, pipeline=Pipeline([Slow(2)]), max_seconds=0.3, max_analyses=1)
    with TestClient(app) as slow:
        started = time.monotonic()
        response = slow.post("/analyze", json={"text": "نص"})
        assert response.status_code == 503 and "longer than 0.3 s" in response.json()["detail"]
        assert time.monotonic() - started < 1.6  # answered at its time, not when the analysis ended (2 s)
        busy = slow.post("/analyze", json={"text": "نص"})  # the first one still holds the only slot
        assert busy.status_code == 503 and "too many analyses" in busy.json()["detail"]
        assert slow.get("/health").status_code == 200  # the store is still served meanwhile
    fast = TestClient(create_app(corpus_db, pipeline=Pipeline([Slow(0)]), max_seconds=5))
    assert fast.post("/analyze", json={"text": "نص"}).status_code == 200


def test_a_store_query_over_its_time_is_interrupted(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.service import app as app_module

    monkeypatch.setattr(app_module, "_PROGRESS_STEPS", 1)  # a store this small answers within 10,000 steps
    impatient = TestClient(create_app(corpus_db, max_seconds=1e-9), raise_server_exceptions=False)
    for path in ("/documents", "/events/per-day", "/search?q=العراق", "/web/events"):
        response = impatient.get(path)
        assert response.status_code == 503, (path, response.status_code)
        assert "longer than" in response.json()["detail"]
