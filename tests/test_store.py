"""The store: ingest from files, idempotence, near-duplicates, errors kept and skipped, crash safety, layers."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.document import Document
from khabar.pipeline import Pipeline
from khabar.store import Store, StoreError
from khabar.store import ingest as ingest_module
from khabar.store.sources import iter_sources

from .conftest import processes_mentioning

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles.jsonl"


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = ("documents", "entities", "mentions", "times", "quantities", "quotes", "events", "errors")
        found = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
        found["fts"] = db.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
    return found


def snapshot(path: Path) -> list[tuple]:
    """What the store holds, without the times of ingest."""
    with sqlite3.connect(path) as db:
        return (
            db.execute("SELECT pk, id, content_hash, title, duplicate_of, json FROM documents ORDER BY pk").fetchall()
            + db.execute("SELECT * FROM times ORDER BY doc, id").fetchall()
        )


def test_ingest_examples_stores_the_analysis(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store(db) as store:
        report = store.ingest([EXAMPLES])
        assert report.added == 6 and not report.failed
        stored = json.loads(
            store.connection.execute("SELECT json FROM documents WHERE id='seed-article'").fetchone()[0]
        )
    record = json.loads(EXAMPLES.read_text(encoding="utf-8").splitlines()[0])
    assert stored["schema"] == "khabar/1" and stored["text"] == record["text"] and stored["published"] == "2021-03-10"
    assert stored["times"] and stored["quantities"]
    found = counts(db)
    assert found["documents"] == found["fts"] == 6  # no near-duplicates among them
    assert found["times"] == sum(
        len(json.loads(j)["times"]) for (j,) in sqlite3.connect(db).execute("SELECT json FROM documents")
    )


def test_reingest_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.ingest([EXAMPLES])
        before = snapshot(db)
        again = store.ingest([EXAMPLES])
        assert (again.added, again.unchanged) == (0, 6)
        # The same text under another id is the same article.
        record = json.loads(EXAMPLES.read_text(encoding="utf-8").splitlines()[1])
        record["id"] = "another-id"
        record["text"] = "  " + record["text"].replace(" ", "  ") + "\n"
        renamed = store.ingest([write_jsonl(tmp_path / "renamed.jsonl", [record])])
        assert (renamed.added, renamed.unchanged) == (0, 1)
    assert snapshot(db) == before


def test_records_without_id_get_a_stable_content_id(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": "وقال وزير الخارجية إن المحادثات ستستمر غدا في بغداد."}])
    with Store(tmp_path / "one.db") as first, Store(tmp_path / "two.db") as second:
        first.ingest([source])
        second.ingest([source])
        ids = [db.connection.execute("SELECT id FROM documents").fetchone()[0] for db in (first, second)]
    assert ids[0] == ids[1] and ids[0].startswith("sha1:") and len(ids[0]) == 25


def test_bad_articles_are_kept_in_errors_and_skipped(tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        json.dumps({"id": "good", "text": "قال الوزير اليوم إن الاجتماع ناجح."}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"id": "bad-date", "text": "نص", "published": "10/03/2021"})
        + "\n"
        + json.dumps({"id": "empty", "text": "   "})
        + "\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "k.db") as store:
        report = store.ingest([source])
        errors = dict(store.connection.execute("SELECT origin, reason FROM errors").fetchall())
    assert report.added == 1 and len(report.failed) == 3
    assert set(errors) == {f"{source}:2", f"{source}:3", f"{source}:4"}
    assert "not valid JSON" in errors[f"{source}:2"] and "10/03/2021" in errors[f"{source}:3"]
    assert "no text" in errors[f"{source}:4"]


class Exploding:
    """A stage that fails on one article."""

    name = "explode"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"explode"})

    def __call__(self, doc: Document) -> Document:
        if "انفجار" in doc.text:
            raise RuntimeError("stage exploded")
        return doc


def test_an_analysis_failure_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    records = [{"id": f"a{i}", "text": f"خبر رقم {i} عن الاقتصاد والسياسة في تونس."} for i in range(5)]
    records[2]["text"] = "خبر عن انفجار"
    pipeline = Pipeline(["normalise", "segment", "tokenise", Exploding()])
    with Store(tmp_path / "k.db") as store:
        report = store.ingest([write_jsonl(tmp_path / "a.jsonl", records)], pipeline=pipeline, batch_size=10)
        stored = [row[0] for row in store.connection.execute("SELECT id FROM documents ORDER BY pk")]
        reason = store.connection.execute("SELECT reason FROM errors").fetchone()[0]
    assert stored == ["a0", "a1", "a3", "a4"] and report.failed[0][0].endswith(":3")
    assert "stage exploded" in reason and "a2" in reason


def test_a_crash_mid_batch_leaves_whole_batches_and_a_rerun_finishes(tmp_path: Path, monkeypatch) -> None:
    source = write_jsonl(
        tmp_path / "a.jsonl",
        [{"id": f"a{i}", "text": f"قال المتحدث إن الحادث رقم {i} وقع في {i} آذار 2021 قرب المدينة."} for i in range(9)],
    )
    clean = tmp_path / "clean.db"
    with Store(clean) as store:
        store.ingest([source], batch_size=3)
    calls = {"n": 0}
    original = ingest_module.Writer._insert

    def crash_on_second_batch(self, batch):
        calls["n"] += 1
        written = original(self, batch)
        if calls["n"] == 2:
            raise KeyboardInterrupt  # killed after the rows were inserted, before the commit
        return written

    crashed = tmp_path / "crashed.db"
    monkeypatch.setattr(ingest_module.Writer, "_insert", crash_on_second_batch)
    with Store(crashed) as store, pytest.raises(KeyboardInterrupt):
        store.ingest([source], batch_size=3)
    assert counts(crashed)["documents"] == counts(crashed)["fts"] == 3
    monkeypatch.setattr(ingest_module.Writer, "_insert", original)
    with Store(crashed) as store:
        rerun = store.ingest([source], batch_size=3)
    assert (rerun.added, rerun.unchanged) == (6, 3)
    assert snapshot(crashed) == snapshot(clean)


def test_killed_ingest_leaves_a_consistent_store(tmp_path: Path) -> None:
    records = [
        {"id": f"k{i}", "text": f"قال المتحدث باسم الوزارة إن الاجتماع رقم {i} عقد في {i % 28 + 1} آذار 2021 في تونس."}
        for i in range(400)
    ]
    source = write_jsonl(tmp_path / "many.jsonl", records)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "khabar", "ingest", str(source), "--db", str(db), "--batch-size", "5", "-q",
               "--workers", "2"]  # fmt: skip
    process = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as reader:
                        if reader.execute("SELECT count(*) FROM documents").fetchone()[0] >= 10:
                            break
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    with sqlite3.connect(db) as reader:
        assert reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = counts(db)
    assert partial["documents"] == partial["fts"] and partial["documents"] % 5 == 0
    with Store(db) as store:
        rerun = store.ingest([source], batch_size=50)
    assert rerun.added + rerun.unchanged == 400 and counts(db)["documents"] == 400
    time.sleep(2.5)  # the workers of the killed ingest notice it is gone and exit
    assert not processes_mentioning(str(db)), "worker processes outlived the killed ingest"


def test_near_duplicates_are_linked_not_counted(corpus_db: Path) -> None:
    with sqlite3.connect(corpus_db) as db:
        links = db.execute(
            "SELECT d.id, o.id, d.similarity FROM documents d JOIN documents o ON o.pk = d.duplicate_of"
        ).fetchall()
        stoltenberg_docs = db.execute(
            "SELECT count(*) FROM doc_entities de JOIN documents d ON d.pk = de.doc"
            " WHERE d.duplicate_of IS NULL AND de.local_id = 'e1' AND de.name = 'ينس ستولتنبرغ'"
        ).fetchone()[0]
    assert [(a, b) for a, b, _ in links] == [("nato-brussels-copy", "nato-brussels")] and links[0][2] >= 0.8
    assert stoltenberg_docs == 2


def test_layers_and_corpus_entities(corpus_db: Path, annotated_corpus: list[Document]) -> None:
    with sqlite3.connect(corpus_db) as db:
        stored = json.loads(db.execute("SELECT json FROM documents WHERE id='seed-article'").fetchone()[0])
        entity_keys = {row[0] for row in db.execute("SELECT key FROM entities")}
        event = db.execute(
            "SELECT v.type, v.mode, v.day, v.trigger FROM events v JOIN documents d ON d.pk = v.doc"
            " WHERE d.id='seed-article' AND v.id='v1'"
        ).fetchone()
        participants = db.execute(
            "SELECT ee.role, e.name FROM event_entities ee JOIN entities e ON e.pk = ee.entity"
            " JOIN documents d ON d.pk = ee.doc WHERE d.id='seed-article' AND ee.event='v1' ORDER BY ee.role"
        ).fetchall()
        mobilize_day = db.execute("SELECT day FROM events WHERE type='MOBILIZE'").fetchone()[0]
        variants = {row[0] for row in db.execute("SELECT name FROM entity_names WHERE entity = 1")}
    assert stored == annotated_corpus[0].to_dict()
    assert "PER:ينس ستولتنبرغ" in entity_keys and "ORG:حلف شمال الاطلسي" in entity_keys
    assert event == ("CONSULT", "phone", "2021-03-10", "اتصالٍ هاتفي")
    assert participants == [("actor", "ينس ستولتنبرغ"), ("recipient", "فؤاد حسين")]
    assert mobilize_day == "2021-03-10"  # no date of its own: the article's day
    assert {"يانس ستولتنبرغ", "ستولتنبيرغ", "Jens Stoltenberg"} <= variants


def test_duplicate_layer_ids_are_refused(tmp_path: Path, annotated_corpus: list[Document]) -> None:
    doc = Document.from_dict(annotated_corpus[1].to_dict())
    doc.set_layer("quotes", list(doc.quotes) * 2)
    with Store(tmp_path / "k.db") as store:
        report = store.add([doc])
    assert report.added == 0 and "id 'q1' is used 2 times" in report.failed[0][1]


def test_html_pages_and_folders(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "page.html").write_text(
        '<!doctype html><html lang="ar"><head><title>العنوان - الموقع</title>'
        '<meta property="og:title" content="وزير الخارجية يلتقي نظيره">'
        '<meta property="article:published_time" content="2021-03-10T09:00:00+03:00">'
        '<link rel="canonical" href="https://example.org/news/1"></head><body><nav>القائمة الرئيسية</nav>'
        "<article><h1>وزير الخارجية يلتقي نظيره</h1><p>التقى وزير الخارجية العراقي فؤاد حسين اليوم الأربعاء نظيره"
        " الأردني في بغداد لبحث العلاقات الثنائية بين البلدين والتعاون في مجالات الأمن والاقتصاد.</p>"
        "<p>وقال حسين إن العلاقات بين البلدين متينة وإن الجانبين اتفقا على تعزيز التنسيق في المرحلة المقبلة.</p>"
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8",
    )
    (folder / "note.txt").write_text("قال المتحدث إن الاجتماع عقد أمس.", encoding="utf-8")
    (folder / "ignored.csv").write_text("a,b", encoding="utf-8")
    with gzip.open(folder / "more.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "gz1", "text": "خبر من ملف مضغوط."}, ensure_ascii=False) + "\n")
    items = list(iter_sources([folder], published="2021-03-09"))
    assert [Path(i.origin.split(":")[0]).name for i in items] == ["more.jsonl.gz", "note.txt", "page.html"]
    page = items[2].record
    assert page["title"] == "وزير الخارجية يلتقي نظيره" and page["published"] == "2021-03-10"
    assert page["url"] == "https://example.org/news/1" and page["text"].startswith("التقى وزير الخارجية")
    assert "القائمة" not in page["text"] and "محفوظة" not in page["text"]
    assert items[1].record["published"] == "2021-03-09"
    with Store(tmp_path / "k.db") as store:
        assert store.ingest([folder]).added == 3


def test_missing_path_and_foreign_database(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store, pytest.raises(Exception, match="no such file or folder"):
        store.ingest([tmp_path / "missing.jsonl"])
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a khabar store"):
        Store(foreign)
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "absent.db", create=False)


def test_cli_ingest_and_search(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "k.db"
    shutil.copy(EXAMPLES, tmp_path / "articles.jsonl")
    result = runner.invoke(app, ["ingest", str(tmp_path / "articles.jsonl"), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "stored 6" in result.output
    result = runner.invoke(app, ["search", "وللناتو", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["items"][0]["id"] == "seed-article"
    result = runner.invoke(app, ["search", "x", "--db", str(db), "--from", "2021-02-30"])
    assert result.exit_code == 2 and "not a date" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope.jsonl"), "--db", str(db)])
    assert result.exit_code == 1 and "no such file or folder" in result.output


def test_background_events_are_listed_flagged_and_left_out_of_charts(tmp_path: Path) -> None:
    from khabar.store import queries

    record = {
        "id": "a1",
        "published": "2021-03-10",
        "text": "ندد الاتحاد الأوروبي بالهجوم على نقطة التفتيش. وقتل خمسة جنود في هجوم على قافلة شمال بغداد.",
    }
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.ingest([write_jsonl(tmp_path / "a.jsonl", [record])])
        listed = queries.list_events(store.connection).items
        per_day = queries.events_per_day(store.connection)
    attacks = sorted((e["trigger"], e["background"]) for e in listed if e["type"] == "ASSAULT")
    assert attacks == [("الهجوم", True), ("قتل", False)]
    assert [d["count"] for d in per_day if d["type"] == "ASSAULT"] == [1]


def test_a_version_1_store_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.ingest([EXAMPLES])
    with sqlite3.connect(db) as old:  # what khabar 0.x before the background flag wrote
        old.execute("ALTER TABLE events DROP COLUMN background")
        old.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
    with Store(db) as store:
        version = store.connection.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()[0]
        flags = store.connection.execute("SELECT DISTINCT background FROM events").fetchall()
    assert version == "2" and flags == [(0,)]
