"""The HTTP API and the pages, through FastAPI's test client: every route, paging, export and bad input."""

from __future__ import annotations

import csv
import inspect
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khabar.document import Document
from khabar.service import create_app


@pytest.fixture(scope="module")
def client(corpus_db: Path) -> TestClient:
    return TestClient(create_app(corpus_db, max_text_chars=5000))


def entity_id(client: TestClient, name: str) -> int:
    items = client.get("/entities", params={"name": name, "size": 5}).json()["items"]
    return next(e["id"] for e in items if e["name"] == name)


def test_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["schema_version"] == "khabar/1"
    assert (body["documents"], body["near_duplicates"], body["events"], body["quotes"]) == (4, 1, 5, 4)


def test_openapi_and_docs_are_served_offline(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/analyze", "/documents", "/documents/{doc_id}", "/entities", "/entities/{entity_id}", "/events",
                 "/quotes", "/search", "/health"):  # fmt: skip
        assert path in schema["paths"], path
    docs = client.get("/docs").text
    assert "/static-docs/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static-docs/swagger-ui-bundle.js").status_code == 200


def test_analyze_json_and_text(client: TestClient, seed_text: str) -> None:
    response = client.post("/analyze", json={"text": seed_text[:2000], "published": "2021-03-10", "id": "x"})
    doc = response.json()
    assert response.status_code == 200 and doc["schema"] == "khabar/1" and doc["id"] == "x"
    assert Document.from_dict(doc).text == seed_text[:2000]
    assert any(t["value"] == "2021-03-10" for t in doc["times"])
    plain = client.post(
        "/analyze", content="وقال الوزير اليوم".encode(), params={"published": "2021-03-10", "tokens": "true"},
        headers={"content-type": "text/plain; charset=utf-8"},
    )  # fmt: skip
    assert plain.status_code == 200 and plain.json()["tokens"] and plain.json()["times"][0]["value"] == "2021-03-10"


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"text": "ب" * 5001}}, 413),
        ({"content": b"x" * 40_000, "headers": {"content-type": "text/plain"}}, 413),
        ({"json": {"text": "نص", "published": "10/03/2021"}}, 422),
        ({"json": {"published": "2021-03-10"}}, 422),
        ({"json": {"text": 5}}, 422),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
        ({"content": b"\xff\xfe", "headers": {"content-type": "text/plain"}}, 422),
        ({"content": b"<a/>", "headers": {"content-type": "application/xml"}}, 415),
    ],
)
def test_analyze_refuses_bad_input(client: TestClient, kwargs: dict, status: int) -> None:
    response = client.post("/analyze", **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_documents_list_and_stored_document(client: TestClient, annotated_corpus: list[Document]) -> None:
    listed = client.get("/documents").json()
    assert listed["total"] == 4 and listed["items"][0]["id"] == "baghdad-visit"
    assert next(d for d in listed["items"] if d["id"] == "nato-brussels")["copies"] == 1
    paged = client.get("/documents", params={"size": 2, "page": 2}).json()
    assert (paged["page"], paged["pages"], len(paged["items"])) == (2, 2, 2)
    assert client.get("/documents", params={"source": "Example Wire"}).json()["total"] == 2
    assert client.get("/documents/seed-article").json() == annotated_corpus[0].to_dict()
    missing = client.get("/documents/no-such-id")
    assert missing.status_code == 404 and "no-such-id" in missing.json()["detail"]


def test_entities_and_entity_page_data(client: TestClient) -> None:
    listed = client.get("/entities", params={"type": "PER"}).json()
    assert [(e["name"], e["documents"]) for e in listed["items"][:2]] == [("فؤاد حسين", 3), ("ينس ستولتنبرغ", 2)]
    found = client.get(f"/entities/{entity_id(client, 'ينس ستولتنبرغ')}").json()
    assert found["name_latn"] == "Jens Stoltenberg"
    assert {"يانس ستولتنبرغ", "ستولتنبيرغ"} <= {n["name"] for n in found["names"]}
    assert found["roles"][0]["title"] == "الأمين العام" and found["roles"][0]["of"]["name"] == "حلف شمال الأطلسي"
    assert [d["day"] for d in found["timeline"]] == ["2021-03-10", "2021-03-12"]
    assert [v["type"] for v in found["timeline"][0]["events"]] == ["CONSULT"]
    companions = {n["name"]: n["weight"] for n in found["network"]["nodes"][1:]}
    assert companions == {"فؤاد حسين": 2, "حلف شمال الأطلسي": 2, "قاسم الأعرجي": 1, "داعش": 1}
    assert found["quotes"][0]["text"].startswith("الحلف سيواصل")
    assert client.get("/entities/999").status_code == 404
    assert client.get("/entities/abc").status_code == 422
    assert client.get("/entities", params={"type": "PERSON"}).status_code == 422


def test_events_filters_and_chart_data(client: TestClient) -> None:
    everything = client.get("/events").json()
    assert everything["total"] == 5 and everything["items"][0]["day"] == "2021-03-14"  # the near-copy's left out
    consult = client.get("/events", params={"type": "CONSULT"}).json()
    assert consult["total"] == 3 and {e["type"] for e in consult["items"]} == {"CONSULT"}
    ranged = client.get("/events", params={"date_from": "2021-03-11", "date_to": "2021-03-12"}).json()
    assert [e["document"] for e in ranged["items"]] == ["nato-brussels"]
    hussein = entity_id(client, "فؤاد حسين")
    assert client.get("/events", params={"entity": hussein}).json()["total"] == 4
    per_day = client.get("/events/per-day").json()
    assert {"day": "2021-03-14", "type": "COOPERATE", "count": 1} in per_day


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2021-13-01"},
        {"date_to": "yesterday"},
        {"date_from": "2021-03-12", "date_to": "2021-03-01"},
        {"page": 0},
        {"size": 5000},
        {"entity": -1},
        {"modality": "maybe"},
        {"format": "xml"},
    ],
)
def test_lists_refuse_bad_parameters(client: TestClient, params: dict) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == 422 and response.json()["detail"]


def test_quotes(client: TestClient) -> None:
    quotes = client.get("/quotes").json()
    assert quotes["total"] == 4  # the near-copy's quote is not counted
    stoltenberg = entity_id(client, "ينس ستولتنبرغ")
    spoken = client.get("/quotes", params={"speaker": stoltenberg, "kind": "direct"}).json()
    assert [q["document"] for q in spoken["items"]] == ["seed-article"]


def test_search_route(client: TestClient) -> None:
    results = client.get("/search", params={"q": "الناتو"}).json()
    assert {h["id"] for h in results["items"]} == {"seed-article", "nato-brussels"}
    assert any(s["match"] for s in results["items"][0]["snippet"])
    assert client.get("/search", params={"q": "الناتو", "event_type": "MOBILIZE"}).json()["total"] == 1
    assert client.get("/search", params={"q": "ب" * 501}).status_code == 422


@pytest.mark.parametrize(
    "query",
    ['"', "' OR 1=1 --", "NEAR(", "*", "%00", "<script>alert(1)</script>", "\ud800".encode("utf-8", "surrogatepass")],
)
def test_hostile_query_strings(client: TestClient, query: str | bytes) -> None:
    q = query.decode("utf-8", "replace") if isinstance(query, bytes) else query
    for path in ("/search", "/web/search"):
        response = client.get(path, params={"q": q})
        assert response.status_code == 200
    raw = client.get("/search?q=%FF%FE%00&date_from=%27")
    assert raw.status_code == 422  # the bad date is refused; the bytes of q are not a problem
    assert client.get("/health").json()["documents"] == 4


def test_csv_export(client: TestClient) -> None:
    for path, column in (("/events", "trigger"), ("/documents", "title"), ("/entities", "name"), ("/quotes", "text"),
                         ("/search?q=العراق", "snippet")):  # fmt: skip
        response = client.get(path, params={"format": "csv"})
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
        assert rows and column in rows[0], path
    events = list(csv.DictReader(io.StringIO(client.get("/events?format=csv&type=CONSULT").text.lstrip("\ufeff"))))
    assert len(events) == 3 and "ينس ستولتنبرغ" in {e["actors"] for e in events}
    hostile = client.get("/documents", params={"format": "csv", "source": '"><script>window.__pwned=5</script>'})
    assert "<script>" in hostile.text  # text in a CSV is data; a cell starting with = + - @ is defused:
    from khabar.service.export import to_csv

    assert to_csv([{"a": "=HYPERLINK(1)"}], ["a"]).splitlines()[1] == "'=HYPERLINK(1)"


def test_security_headers(client: TestClient) -> None:
    response = client.get("/web/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_render(client: TestClient) -> None:
    stoltenberg = entity_id(client, "ينس ستولتنبرغ")
    for path in ("/web/", "/web/search?q=الناتو", "/web/articles", "/web/articles/seed-article", "/web/entities",
                 f"/web/entities/{stoltenberg}", "/web/events?type=CONSULT", "/web/search?date_from=bad"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="ar" dir="rtl">' in response.text
        assert "http://" not in response.text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in response.text.replace("https://example.org/seed", "")
    assert client.get("/web/articles/nope").status_code == 404
    assert client.get("/web/entities/999").status_code == 404
    assert client.get("/", follow_redirects=False).headers["location"] == "/web/"


def test_pages_escape_untrusted_text(client: TestClient) -> None:
    page = client.get("/web/articles/hostile").text
    assert "<script>window" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page and "&lt;b&gt;ارتفعت&lt;/b&gt;" in page
    assert 'href="javascript:' not in page
    listing = client.get("/web/articles").text
    assert "<script>window" not in listing and "&lt;script&gt;" in listing


def test_the_server_binds_to_loopback_by_default() -> None:
    from khabar.cli.serve import serve, serve_cli

    for function in (serve, serve_cli):
        assert inspect.signature(function).parameters["host"].default == "127.0.0.1"
