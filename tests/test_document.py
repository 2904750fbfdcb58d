"""The document model and its khabar/1 JSON form."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from khabar import Document, Entity, Event, Mention, Quantity, Quote, Role, Span, Time, analyze
from khabar.document import SCHEMA_LAYERS, parse_published
from khabar.errors import InputError, SchemaError

SCHEMA_KEYS = {"schema", "id", "published", "text", *SCHEMA_LAYERS}


def test_text_is_read_only() -> None:
    doc = Document("نص")
    with pytest.raises(AttributeError):
        doc.text = "آخر"  # type: ignore[misc]


def test_spans_are_frozen() -> None:
    span = Span(0, 2, "نص")
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]


def test_set_layer_rejects_a_span_that_does_not_match_the_text() -> None:
    doc = Document("قال الوزير")
    with pytest.raises(SchemaError, match="does not match"):
        doc.set_layer("mentions", [Mention(4, 10, "الوزيز", id="m1", type="PER")])
    with pytest.raises(SchemaError, match="unknown layer"):
        doc.set_layer("nonsense", [])


def test_to_dict_has_every_schema_layer_even_when_empty() -> None:
    out = Document("نص", id="a1", published="2021-03-10").to_dict()
    assert set(out) == SCHEMA_KEYS
    assert out["schema"] == "khabar/1"
    assert out["published"] == "2021-03-10"
    assert all(out[name] == [] for name in SCHEMA_LAYERS)


def test_full_document_round_trips_through_json() -> None:
    text = "أكد يانس ستولتنبرغ اليوم أن أربعة آلاف عسكري"
    doc = Document(text, id="a1", published="2021-03-10T09:00:00+03:00", meta={"title": "عنوان"})
    doc.set_layer("mentions", [Mention(4, 18, "يانس ستولتنبرغ", id="m1", type="PER", entity="e1")])
    doc.set_layer(
        "entities",
        [
            Entity(
                "e1",
                "PER",
                "ينس ستولتنبرغ",
                "Jens Stoltenberg",
                ("m1",),
                (Role("الأمين العام", "Secretary General", None),),
                "NOR",
                "IGO",
            )
        ],
    )
    doc.set_layer(
        "times",
        [
            Time(
                19,
                24,
                "اليوم",
                id="t1",
                type="DATE",
                value="2021-03-10",
                begin="2021-03-10T00:00:00+03:00",
                until="2021-03-11T00:00:00+03:00",
            )
        ],
    )
    doc.set_layer("quantities", [Quantity(28, 44, "أربعة آلاف عسكري", id="n1", value=4000, unit="عسكري")])
    doc.set_layer(
        "quotes", [Quote(25, 44, "أن أربعة آلاف عسكري", id="q1", kind="indirect", speaker="e1", cue=Span(0, 3, "أكد"))]
    )
    doc.set_layer(
        "events",
        [Event("v1", "MOBILIZE", Span(0, 3, "أكد"), Span(0, 44, text), actors=("e1",), time="t1", date="2021-03-10")],
    )
    data = json.loads(doc.to_json())
    assert data["title"] == "عنوان"
    assert data["mentions"][0] == {
        "start": 4,
        "end": 18,
        "text": "يانس ستولتنبرغ",
        "id": "m1",
        "type": "PER",
        "entity": "e1",
    }
    assert data["entities"][0]["roles"] == [{"title": "الأمين العام", "title_en": "Secretary General", "of": None}]
    assert data["quantities"][0] == {
        "start": 28,
        "end": 44,
        "text": "أربعة آلاف عسكري",
        "id": "n1",
        "value": 4000,
        "unit": "عسكري",
    }
    assert data["quotes"][0]["cue"] == {"start": 0, "end": 3, "text": "أكد"}
    assert data["events"][0]["actors"] == ["e1"] and data["events"][0]["modality"] == "asserted"
    again = Document.from_dict(data)
    assert again.to_dict() == data


def test_analysis_output_round_trips_and_keeps_offsets(seed_text: str) -> None:
    doc = analyze(seed_text, published="2021-03-10", id="seed")
    data = json.loads(doc.to_json(tokens=True))
    assert data["text"] == seed_text
    for name in ("sentences", "paragraphs", "tokens"):
        for span in data[name]:
            assert 0 <= span["start"] < span["end"] <= len(seed_text)
    assert Document.from_dict(data).to_dict(tokens=True) == data


def test_from_dict_reports_what_is_wrong() -> None:
    with pytest.raises(SchemaError, match="schema"):
        Document.from_dict({"schema": "khabar/0", "text": ""})
    with pytest.raises(SchemaError, match="text"):
        Document.from_dict({"schema": "khabar/1"})
    with pytest.raises(SchemaError, match="mentions"):
        Document.from_dict({"schema": "khabar/1", "text": "نص", "mentions": [{"start": 0}]})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-10", date(2021, 3, 10)),
        ("2013-02-12T04:30:00-02:00", datetime(2013, 2, 12, 4, 30, tzinfo=timezone(timedelta(hours=-2)))),
        ("2018-02-18T21:35:43+04:00", datetime(2018, 2, 18, 21, 35, 43, tzinfo=timezone(timedelta(hours=4)))),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, expected: object) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["10/03/2021", "2021-13-45", "yesterday", "2021-02-30"])
def test_bad_published_is_a_clear_input_error(value: str) -> None:
    with pytest.raises(InputError, match="not an ISO date"):
        Document("نص", published=value)


def test_published_keeps_its_offset_in_the_output() -> None:
    assert Document("نص", published="2018-02-18T21:35:43+04:00").published_iso == "2018-02-18T21:35:43+04:00"


def test_schema_file_matches_the_contract_when_available(shared_data: Path) -> None:
    schema = (shared_data.parent / "SCHEMA.md").read_text(encoding="utf-8")
    example = json.loads(schema.split("```json")[2].split("```")[0])
    assert set(example) == SCHEMA_KEYS
