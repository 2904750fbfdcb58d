"""khabar batch: Parquet tables that match the JSONL, errors kept, resume after a crash, the same result on a Dask
LocalCluster as on local processes, cross-article entities, DuckDB and pandas reading the output."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from khabar.batch import TABLES, run_batch
from khabar.batch import entities as batch_entities
from khabar.batch.inputs import plan
from khabar.batch.layout import Layout, write_json_atomic
from khabar.batch.tables import PARTITION_TABLES, SCHEMAS, Rows, document_rows, row_counts
from khabar.batch.worker import PARQUET_OPTIONS
from khabar.cli import app
from khabar.document import Document, Entity, Event, Mention, Quote, Span
from khabar.errors import InputError
from khabar.pipeline import Pipeline
from khabar.stages import DEFAULT_STAGES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles.jsonl"
BOOM = "انفجار-اختباري"
EXTRA = [
    {"id": "x1", "text": "قال وزير الخارجية العراقي فؤاد حسين إن العلاقات مع الأردن متينة.", "published": "2021-03-14"},
    {"id": "x2", "text": f"خبر يفشل تحليله عمداً {BOOM}.", "published": "2021-03-15"},
    {"id": "x3", "text": "   ", "published": "2021-03-15"},
    {"id": "x4", "text": "استقبل الرئيس التونسي في قرطاج وفداً من الاتحاد الأوروبي.", "date": "2021-03-16"},
]  # fmt: skip
BAD_LINES = ["{not json", json.dumps({"id": "x5", "body": "لا نص"})]
ID_COLUMNS = {
    "documents": ("doc_id",),
    "doc_entities": ("doc_id", "entity"),
    "mentions": ("doc_id", "mention_id"),
    "times": ("doc_id", "time_id"),
    "quantities": ("doc_id", "quantity_id"),
    "quotes": ("doc_id", "quote_id"),
    "events": ("doc_id", "event_id"),
    "errors": ("origin",),
    "entities": ("entity_id",),
}


class _Boom:
    """A stage that fails on articles holding BOOM (an analysis failure, to be kept in the errors table)."""

    name = "boom"
    requires = frozenset()
    provides = frozenset()

    def __call__(self, doc: Document) -> Document:
        if BOOM in doc.text:
            raise RuntimeError("the test stage failed on purpose")
        return doc


def failing_pipeline() -> Pipeline:
    return Pipeline([_Boom(), *DEFAULT_STAGES])


def no_events_pipeline() -> Pipeline:
    return Pipeline([s for s in DEFAULT_STAGES if s != "events"])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("inputs")
    extra = folder / "extra.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in EXTRA[:2]] + ["", *BAD_LINES]
    lines += [json.dumps(r, ensure_ascii=False) for r in EXTRA[2:]]
    extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [EXAMPLES, extra]


def run(inputs: list[Path], out: Path, **options: Any):  # type: ignore[no-untyped-def]
    options.setdefault("workers", 1)
    options.setdefault("partition_size", 3)
    options.setdefault("pipeline", failing_pipeline)
    options.setdefault("worker_memory", 0)  # the caches of this test process stay (see the test that drops them)
    return run_batch(inputs, out, **options)


@pytest.fixture(scope="module")
def reference(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean run in this process, with the JSONL."""
    out = tmp_path_factory.mktemp("batch") / "out"
    report = run(inputs, out, jsonl=True)
    assert not report.failed
    return out


def rows(out: Path, table: str) -> list[dict[str, Any]]:
    """Every row of ``table``, sorted by its ids (files read in any order)."""
    data = pq.ParquetDataset(out / table).read().to_pylist()
    return sorted(data, key=lambda r: tuple(str(r[c]) for c in ID_COLUMNS[table]))


def jsonl_documents(out: Path) -> list[dict[str, Any]]:
    docs = []
    for path in sorted((out / "jsonl").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            docs.extend(json.loads(line) for line in handle)
    return docs


# --------------------------------------------------------------------------------------------- the tables


def test_row_counts_match_the_jsonl(reference: Path) -> None:
    docs = jsonl_documents(reference)
    assert sorted(d["id"] for d in docs) == sorted(r["doc_id"] for r in rows(reference, "documents"))
    assert len(docs) == 6 + 2  # the examples, x1 and x4; x2 fails, x3 has no text, two lines are bad
    for layer, table in (("mentions", "mentions"), ("entities", "doc_entities"), ("times", "times"),
                         ("quantities", "quantities"), ("quotes", "quotes"), ("events", "events")):  # fmt: skip
        assert sum(len(d[layer]) for d in docs) == len(rows(reference, table)), table
    by_id = {d["id"]: d for d in docs}
    for row in rows(reference, "documents"):
        doc = by_id[row["doc_id"]]
        assert row["text"] == doc["text"] and row["published"] == doc["published"]
        assert row["n_mentions"] == len(doc["mentions"]) and row["n_events"] == len(doc["events"])
    for row in rows(reference, "mentions"):
        mention = next(m for m in by_id[row["doc_id"]]["mentions"] if m["id"] == row["mention_id"])
        assert (row["start"], row["end"], row["text"], row["entity"]) == (
            mention["start"], mention["end"], mention["text"], mention.get("entity"),
        )  # fmt: skip
    marker_total = sum(json.loads(p.read_text())["documents"] for p in (reference / "_done").glob("*.json"))
    assert marker_total == len(docs)


def test_every_table_has_its_schema_and_opens_in_pandas(reference: Path) -> None:
    import pandas as pd

    for table in TABLES:
        files = sorted((reference / table).glob("*.parquet"))
        assert files, table
        for path in files:
            assert pq.read_schema(path).equals(SCHEMAS[table], check_metadata=False), path
        frame = pd.read_parquet(reference / table)
        assert len(frame) == len(rows(reference, table))
        assert list(frame.columns) == SCHEMAS[table].names


def test_bad_articles_go_to_the_errors_table(reference: Path) -> None:
    errors = rows(reference, "errors")
    reasons = {row["origin"].rsplit("/", 1)[-1]: row["reason"] for row in errors}
    assert set(reasons) == {"extra.jsonl:4", "extra.jsonl:5", "extra.jsonl:6", "extra.jsonl:2"}
    assert "not valid JSON" in reasons["extra.jsonl:4"]
    assert "no 'text' field" in reasons["extra.jsonl:5"]
    assert "no text" in reasons["extra.jsonl:6"]
    assert "failed on purpose" in reasons["extra.jsonl:2"]
    assert {row["doc_id"] for row in errors} == {None, "x2", "x3"}
    assert all(row["partition"] for row in errors)


def test_entities_are_one_row_per_corpus_entity(reference: Path) -> None:
    entities = rows(reference, "entities")
    ids = [e["entity_id"] for e in entities]
    assert len(ids) == len(set(ids))
    doc_entities = rows(reference, "doc_entities")
    assert {r["entity_id"] for r in doc_entities} == set(ids)
    by_id = {e["entity_id"]: e for e in entities}
    for entity_id, entity in by_id.items():
        naming = {r["doc_id"] for r in doc_entities if r["entity_id"] == entity_id}
        assert entity["n_documents"] == len(naming)
        assert set(entity["keys"]) == {r["key"] for r in doc_entities if r["entity_id"] == entity_id}
    # فؤاد حسين is named in the seed article and in x1: one entity of two articles
    hussein = [e for e in entities if e["name_latn"] == "Fuad Hussein"]
    assert len(hussein) == 1 and hussein[0]["n_documents"] >= 2
    for table, column in (("mentions", "entity_id"), ("quotes", "speaker_id"), ("events", "actor_id")):
        assert {r[column] for r in rows(reference, table)} - {None} <= set(ids), table


def test_events_have_the_columns_of_an_event_dataset(annotated_corpus: list[Document]) -> None:
    seed = annotated_corpus[0]
    built = document_rows(seed, origin="seed.jsonl:1", partition="p")
    events = built["events"]
    assert events["type"] == ["CONSULT", "MOBILIZE"]
    assert events["actor_name"] == ["ينس ستولتنبرغ", "حلف شمال الأطلسي"]
    assert events["actor_name_latn"] == ["Jens Stoltenberg", "NATO"]
    assert events["recipient_name_latn"] == ["Fuad Hussein", "Iraq"]
    assert [str(d) for d in events["day"]] == ["2021-03-10", "2021-03-10"]
    assert events["title"] == [seed.meta["title"]] * 2 and events["doc_id"] == ["seed-article"] * 2
    assert events["evidence"][0] in seed.text and events["trigger"][0] == "اتصالٍ هاتفي"
    assert {table: len(next(iter(cols.values()))) for table, cols in built.items()} == row_counts(seed)


def test_an_article_without_events_and_a_table_with_none(tmp_path: Path, inputs: list[Path]) -> None:
    import duckdb

    out = tmp_path / "out"
    report = run([EXAMPLES], out, pipeline=no_events_pipeline)
    assert report.rows["events"] == 0 and report.documents == 6
    assert duckdb.sql(f"SELECT count(*) FROM '{out}/events/*.parquet'").fetchall() == [(0,)]
    empty = Rows()
    empty.add_document(Document("نص بلا أحداث"), origin="-", partition="p")
    assert empty.table("events").num_rows == 0 and empty.table("documents").num_rows == 1


# ------------------------------------------------------------------------------------------------ resume


def test_resume_after_a_crash_skips_finished_partitions(tmp_path: Path, inputs: list[Path], reference: Path) -> None:
    out = tmp_path / "out"
    seen: list[int] = []

    def crash_after_two(progress) -> None:  # type: ignore[no-untyped-def]
        seen.append(progress.partitions_done)
        if progress.partitions_done == 2:
            raise KeyboardInterrupt  # killed in the middle of the job

    with pytest.raises(KeyboardInterrupt):
        run(inputs, out, jsonl=True, on_progress=crash_after_two)
    layout = Layout(out)
    finished = layout.finished()
    assert len(finished) == 2
    unfinished = next(p.id for p in plan(inputs, 3).partitions if p.id not in finished)
    # a partition half-written when the crash came: a table file without its marker, and a temporary file
    (out / "documents" / f"part-{unfinished}.parquet").write_bytes(b"half")
    (out / "mentions" / f".part-{unfinished}.parquet.123.tmp").write_bytes(b"half")

    report = run(inputs, out, jsonl=True)
    assert report.skipped == 2 and not report.failed
    assert report.partitions == len(plan(inputs, 3).partitions)
    assert not list(out.rglob("*.tmp"))
    for table in TABLES:
        assert rows(out, table) == rows(reference, table), table
    doc_ids = [r["doc_id"] for r in rows(out, "documents")]
    assert len(doc_ids) == len(set(doc_ids))

    again = run(inputs, out, jsonl=True)  # everything is done: nothing is analysed again
    assert again.skipped == again.partitions and again.analysed == 0
    assert rows(out, "entities") == rows(reference, "entities")


def test_a_worker_that_drops_its_caches_gives_the_same_tables(
    tmp_path: Path, inputs: list[Path], reference: Path
) -> None:
    out = tmp_path / "out"
    report = run(inputs, out, jsonl=True, worker_memory=1)  # over 1 MiB after every partition: drop the caches
    assert report.resets == report.partitions - report.skipped > 1 and report.worker_memory > 1
    for table in TABLES:
        assert rows(out, table) == rows(reference, table), table


def test_another_job_in_the_same_folder_is_refused(tmp_path: Path, inputs: list[Path]) -> None:
    out = tmp_path / "out"
    run([EXAMPLES], out, partition_size=6)
    with pytest.raises(InputError, match="another batch job"):
        run([EXAMPLES], out, partition_size=2)
    report = run([EXAMPLES], out, partition_size=2, overwrite=True)
    assert report.partitions == 3 and report.skipped == 0
    assert len(list((out / "documents").glob("*.parquet"))) == 3
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="holds no batch output"):
        run([EXAMPLES], stranger)


# ---------------------------------------------------------------------------------------- local and Dask


def test_local_processes_and_a_dask_local_cluster_give_the_same_result(
    tmp_path: Path, inputs: list[Path], reference: Path
) -> None:
    pytest.importorskip("dask.distributed")
    from khabar.batch.cluster import DaskEngine

    local = run(inputs, tmp_path / "local", workers=2, jsonl=True, pipeline=None)
    assert local.workers == 2 and not local.failed
    with DaskEngine(workers=2) as engine:
        assert len(engine.client.scheduler_info()["workers"]) == 2
        dask = run(inputs, tmp_path / "dask", engine=engine, jsonl=True, pipeline=None)
    assert dask.engine == "dask" and dask.workers == 2 and not dask.failed
    for table in TABLES:
        assert rows(tmp_path / "dask", table) == rows(tmp_path / "local", table), table
    assert dask.rows == local.rows
    # the default pipeline gives what the reference run gave, but for x2 (no failing stage here)
    assert local.documents == len(rows(reference, "documents")) + 1


# ----------------------------------------------------------------------------------- entities across articles


def _document(doc_id: str, text: str, name: str, surface: str) -> Document:
    doc = Document(text, id=doc_id, published="2021-03-12")
    start = text.index(surface)
    doc.set_layer("mentions", [Mention(start, start + len(surface), surface, id="m1", type="PER", entity="e1")])
    doc.set_layer("entities", [Entity("e1", "PER", name, None, ("m1",))])
    quoted = text.index("العلاقات")
    doc.set_layer("quotes", [Quote(quoted, len(text), text[quoted:], id="q1", kind="indirect", speaker="e1")])
    sentence = Span(0, len(text), text)
    doc.set_layer("events", [Event("v1", "CONSULT", Span(0, 3, text[:3]), sentence, actors=("e1",))])
    return doc


def test_a_surname_alone_joins_the_full_name_across_partitions(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    layout.make_folders(jsonl=False)
    full = _document("a", "قال فؤاد حسين العلاقات متينة", "فؤاد حسين", "فؤاد حسين")
    alone = _document("b", "قال حسين العلاقات متينة", "حسين", "حسين")
    for partition, doc in (("p1", full), ("p2", alone)):
        built = Rows()
        built.add_document(doc, origin=doc.id or "", partition=partition)
        for table in PARTITION_TABLES:
            pq.write_table(built.table(table), layout.part(table, partition), **PARQUET_OPTIONS)
        write_json_atomic(layout.done(partition), {"partition": partition})
    assert pq.read_table(layout.part("events", "p2")).column("actor_id").to_pylist() == ["per:حسين"]

    report = batch_entities.resolve(layout, ["p1", "p2"])
    assert report.joined == 1 and report.rewritten == 1 and report.entities == 1
    for table, column in (("mentions", "entity_id"), ("quotes", "speaker_id"), ("events", "actor_id"),
                          ("doc_entities", "entity_id")):  # fmt: skip
        assert pq.read_table(layout.part(table, "p2")).column(column).to_pylist() == ["per:فؤاد حسين"], table
    assert pq.read_table(layout.part("events", "p2")).column("actor_ids").to_pylist() == [["per:فؤاد حسين"]]
    (entity,) = pq.read_table(layout.part("entities", batch_entities.CORPUS_PART)).to_pylist()
    assert entity["name"] == "فؤاد حسين" and entity["n_documents"] == 2
    assert entity["keys"] == ["per:فؤاد حسين", "per:حسين"] and entity["names"][0] in ("فؤاد حسين", "حسين")
    again = batch_entities.resolve(layout, ["p1", "p2"])  # nothing left to rewrite
    assert again.rewritten == 0 and again.entities == 1


# -------------------------------------------------------------------------------- DuckDB, README, command line


def _readme_queries() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Batch", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_readme_duckdb_examples_run_on_the_output(reference: Path) -> None:
    import duckdb

    queries = _readme_queries()
    assert len(queries) == 3
    results = [duckdb.sql(q.replace("'out/", f"'{reference}/")).fetchall() for q in queries]
    per_day, pairs, quotes = results
    assert quotes and all(len(row) == 5 for row in quotes)
    if "events" in DEFAULT_STAGES:
        counted = [e for e in rows(reference, "events") if not e["background"]]
        assert per_day and sum(row[2] for row in per_day) == len(counted)
        assert all(len(row) == 3 for row in pairs)
    counted = duckdb.sql(f"SELECT count(*) FROM '{reference}/documents/*.parquet'").fetchall()[0]
    assert counted == (len(jsonl_documents(reference)),)


def test_command_line_reads_folders_of_text_and_html(tmp_path: Path, seed_text: str) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    (folder / "page.html").write_text(
        "<!doctype html><html><head><title>زيارة</title></head><body><article><h1>زيارة</h1>"
        "<p>استقبل وزير الخارجية العراقي فؤاد حسين في بغداد السفير الأردني وبحث الجانبان تعزيز التعاون.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(folder), "--out", str(out), "--workers", "1", "--published", "2021-03-10"]
    )
    assert result.exit_code == 0, result.output
    assert "2 articles in 1 partitions" in result.output and "1 errors" in result.output
    documents = rows(out, "documents")
    assert {d["doc_id"] for d in documents} == {"seed", "page"}
    assert all(str(d["day"]) == "2021-03-10" for d in documents)
    (error,) = rows(out, "errors")
    assert error["origin"].endswith("empty.txt") and "empty" in error["reason"]
    missing = CliRunner().invoke(app, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o2")])
    assert missing.exit_code == 1 and "no such file" in missing.output
