"""Every crash that fuzzing and the fault and hostile-input tests found, as the input that caused it.

Each test names what failed before it was fixed. A crash in a stage this work may not change (quotes, entities,
events) would be a test marked ``xfail(strict=True)`` with its reason, so that the fix shows up; none was found.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from khabar.cli import app
from khabar.document import Document, Event, Span
from khabar.errors import InputError
from khabar.pipeline import to_document
from khabar.readers import read_jsonl
from khabar.service import create_app
from khabar.store import Store

from . import fuzzing

runner = CliRunner()


def test_a_lone_surrogate_escape_is_bad_input_not_a_crash(tmp_path: Path) -> None:
    """Was: UnicodeEncodeError from `khabar analyze` and `khabar ingest` (json.loads makes "\\ud800" a string that
    no UTF-8 can hold; the output or the store then failed to write it)."""
    source = tmp_path / "a.jsonl"
    lines = ['{"id": "a", "text": "\\ud800 قال الوزير"}', '{"id": "b", "text": "نص", "ti\\udfff": 1}',
             '{"id": "c", "text": "😀 \\ud83d\\ude00"}']  # fmt: skip
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(source), "-q"])
    assert result.exit_code == 1 and "line 1: field 'text' holds a lone surrogate \\ud800" in result.stderr
    result = runner.invoke(app, ["analyze", str(source), "-q", "--skip-bad"])
    assert result.exit_code == 0 and "line 2: a field's name holds a lone surrogate" in result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["😀 😀"]  # a pair is a character
    with Store(tmp_path / "k.db") as store:
        report = store.ingest([source])
    assert report.added == 1 and [origin for origin, _ in report.failed] == [f"{source}:1", f"{source}:2"]


def test_a_document_with_a_lone_surrogate_is_refused_by_the_store(tmp_path: Path) -> None:
    """Was: UnicodeEncodeError from Store.add (SQLite cannot hold it either)."""
    with Store(tmp_path / "k.db") as store:
        report = store.add([Document("نص \udc00", id="x"), Document("نص", id="y", meta={"title": "\ud800"})])
    assert report.added == 0 and all("lone surrogate" in reason for _, reason in report.failed)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ["x"]),
        ("source", {"a": 1}),
        ("title", 1e999),
        ("title", True),
        ("url", 303462540771446197890827943936),
    ],
)
def test_metadata_that_is_not_a_string_is_bad_input(tmp_path: Path, field: str, value: object) -> None:
    """Found by bench/fuzz.py (ingest): a title that is a number or a list was a TypeError in the store's term
    indexer, a URL that is a huge number an OverflowError in SQLite; `khabar ingest` stopped with a traceback."""
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "قال الوزير", field: value}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(source), "--db", str(tmp_path / "k.db"), "-q", "--workers", "2"])
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "k.db") as store:
        reason = store.connection.execute("SELECT reason FROM errors").fetchone()[0]
    assert f"line 1: field {field!r} is" in reason and "not a string" in reason
    with pytest.raises(InputError, match=f"field {field!r} is"):
        to_document({"text": "نص", field: value})


def test_an_entity_id_beyond_sqlite_integers_is_refused(corpus_db: Path) -> None:
    """Was: 500 (OverflowError binding 99999999999999999999 to SQLite) on every route with an entity filter."""
    client = TestClient(create_app(corpus_db), raise_server_exceptions=False)
    for path in ("/documents", "/events", "/events/per-day", "/search", "/web/search", "/web/events"):
        assert client.get(path, params={"entity": "99999999999999999999"}).status_code == 422, path
    assert client.get("/quotes", params={"speaker": str(2**63)}).status_code == 422
    assert client.get(f"/entities/{2**64}").status_code == 422
    assert client.get(f"/web/entities/{2**64}").status_code == 422


def test_an_event_on_a_day_that_does_not_exist_is_charted_on_the_article_s_day(tmp_path: Path) -> None:
    """Was: 500 on /web/ and /web/events (the chart read the day 2021-13-45 as a date)."""
    text = "قتل ثلاثة أشخاص في هجوم."
    doc = Document(text, id="x", published="2021-03-10")
    trigger = Span(0, 3, "قتل")
    doc.set_layer("events", [Event("v1", "ASSAULT", trigger, Span(0, len(text), text), date="2021-13-45")])
    with Store(tmp_path / "k.db") as store:
        store.add([doc])
        day = store.connection.execute("SELECT day FROM events").fetchone()[0]
    assert day == "2021-03-10"
    client = TestClient(create_app(tmp_path / "k.db"))
    assert client.get("/web/events").status_code == 200 and client.get("/web/").status_code == 200


def test_a_gzip_file_damaged_within_its_first_kilobytes_names_the_line(tmp_path: Path) -> None:
    """Was: `cannot read: Compressed file ended …` with no line, from sniffing the format before reading."""
    lines = [json.dumps({"id": f"a{n}", "text": f"نص رقم {n}"}, ensure_ascii=False) for n in range(20)]
    whole = gzip.compress("".join(line + "\n" for line in lines).encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    with pytest.raises(InputError, match=r"line \d+: cannot read past this point"):
        list(read_jsonl(path, name="cut.jsonl.gz"))


def test_an_output_that_is_a_device_or_a_pipe_is_written_not_replaced(tmp_path: Path) -> None:
    """Was: the output went to a temporary file renamed over --out: /dev/full, a FIFO or /dev/stdout would have been
    replaced by a regular file (where the user may), or the run failed (/dev/stdout resolves to /proc/…/pipe:[…])."""
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "قال الوزير"}, ensure_ascii=False) + "\n", encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(app, ["analyze", str(source), "-q", "--out", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert json.loads(received[0])["id"] == "a" and stat.S_ISFIFO(fifo.stat().st_mode)


def test_json_output_keeps_line_and_paragraph_separators_inside_its_lines(tmp_path: Path) -> None:
    """Found by the fuzz target's own check: U+0085 and U+2028 in a text stay inside one JSONL line (a reader that
    splits on them, as str.splitlines does, must not be used on khabar/1 JSONL)."""
    outcome = fuzzing.run_command(["analyze", "{input}", "-q"], json.dumps({"text": "أ\x85ب\u2028ج"}).encode())
    assert outcome.exit_code == 0 and len(outcome.stdout.split("\n")) == 2 and len(outcome.stdout.splitlines()) > 2


def test_show_names_the_line_where_a_damaged_gzip_stream_stops(tmp_path: Path, pipeline) -> None:
    """Was: `khabar show` printed the documents before the damage, then "Aborted." (click's answer to EOFError)."""
    lines = [pipeline.analyze(f"قال الوزير إن الاجتماع رقم {n} عقد أمس", id=f"a{n}").to_json() for n in range(60)]
    whole = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 1 and "Aborted" not in result.output
    assert "cannot read past this point" in result.stderr
    assert f"{path}: line " in result.stderr


def test_a_damaged_gzip_html_page_is_an_error_row(tmp_path: Path) -> None:
    """Was: `khabar ingest` stopped with "Aborted." (an EOFError from sniffing whether the file is HTML)."""
    page = b"<!doctype html><html><body><article><p>" + "قال الوزير إن الاجتماع عقد أمس. ".encode() * 400
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page + b"</p></article></body></html>")[:200])
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "k.db"), "-q", "--workers", "1"])
    assert result.exit_code == 0 and "Aborted" not in result.output, result.output
    with Store(tmp_path / "k.db") as store:
        ((origin, reason),) = store.connection.execute("SELECT origin, reason FROM errors").fetchall()
    assert origin == str(path) and "cannot read" in reason


def test_a_week_before_the_year_1000_has_a_four_digit_year(pipeline) -> None:
    """Found by bench/fuzz.py (events; the times stage's value): هذا الأسبوع published in 0404 was the week
    `404-W24`, which reads as a decade; an event dated by it carried the same value."""
    doc = pipeline.analyze("زار الوزير المضربين عن الطعام خلال هذا الأسبوع.", published="0404-06-09")
    assert [t.value for t in doc.times] == ["0404-W24"]
    assert all(v.date in (None, "0404-W24") for v in doc.events)


def test_a_time_of_day_before_the_year_1000_has_a_four_digit_year(pipeline) -> None:
    """Found by bench/fuzz.py (times): a time of day published in the year 1 had the value `1-01-01T07:46`
    (strftime's %Y does not pad years under 1000); a TIMEX3 year has four digits."""
    doc = pipeline.analyze("عقد الاجتماع الساعة 7:46 وانتهى الساعة 10:15:30.", published="0001-01-01")
    assert [t.value for t in doc.times] == ["0001-01-01T07:46", "0001-01-01T10:15:30"]


def test_an_article_too_long_with_an_empty_text_is_an_error_not_lost(tmp_path: Path) -> None:
    """Found by bench/fuzz.py (batch): split in parts, an article whose text is empty had no part at all, and so
    vanished from the output instead of being reported."""
    source = tmp_path / "a.jsonl"
    source.write_text(
        json.dumps({"id": "empty", "text": "", "title": "عنوان " * 20, "summary": "ملخص " * 40}) + "\n",
        encoding="utf-8",
    )
    assert [a.record["text"] for a in read_jsonl(source, name="a.jsonl", max_bytes=300, too_long="split")] == [""]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(source), "--out", str(out), "-q", "--workers", "1", "--max-bytes", "300", "--too-long",
              "split"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    errors = pq.read_table(out / "errors").to_pylist()
    assert [(e["origin"], e["doc_id"]) for e in errors] == [(f"{source}:1", "empty")], errors
    assert "no text" in errors[0]["reason"]
