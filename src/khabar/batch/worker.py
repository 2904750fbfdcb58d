"""One partition's work, the same on every engine: read, analyse, turn into rows, write the partition's files.

:func:`run_partition` runs in a worker (a process of the local pool, a Dask worker, or the calling process with
one worker). The pipeline is built once per process (:func:`load_pipeline`) and reused for every partition; a
worker whose memory has grown past ``Job.worker_memory`` MiB (its stages cache what they computed for each word
they met) empties those caches after the partition (:func:`reset_caches`). A bad
article (a line that is not JSON, an article without text, an analysis that raises) becomes a row of the
``errors`` table with the reason and the rest of the partition goes on. The partition's files are written
atomically and its ``_done`` marker last, so a partition is either finished or done again by the next run.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from khabar.batch.inputs import Line, Partition
from khabar.batch.layout import Layout, write_atomic, write_json_atomic, writing
from khabar.batch.tables import PARTITION_TABLES, Rows
from khabar.caching import clear_caches, freeze_loaded
from khabar.document import Document
from khabar.errors import InputError, KhabarError, describe_os_error
from khabar.pipeline import Pipeline, batch_is_full, default_pipeline, to_document
from khabar.readers import DEFAULT_MAX_BYTES, TooLong, parse_jsonl_record, read_long_line, read_text, too_long_error

PipelineFactory = Callable[[], Pipeline]
PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd"}
DEFAULT_WORKER_MEMORY = 350  # MiB: a worker that grows past it empties its per-word caches between partitions


@dataclass(frozen=True, slots=True)
class Job:
    """What every partition of a job shares: where to write and how to read (sent to the workers)."""

    out: str
    text_key: str = "text"
    id_key: str = "id"
    published: str | None = None
    jsonl: bool = False
    pipeline: PipelineFactory | None = None  # a picklable function making the pipeline; None: the default one
    worker_memory: int = DEFAULT_WORKER_MEMORY  # MiB; 0: never empty the caches
    max_bytes: int | None = DEFAULT_MAX_BYTES  # the largest article, in bytes of input; None: no limit
    too_long: TooLong = "refuse"  # an article over max_bytes: an error row, or analysed in parts


@dataclass(slots=True)
class PartitionResult:
    """What a partition gave: documents analysed, errors, rows per table, seconds spent."""

    partition: str
    documents: int = 0
    errors: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    memory: int = 0  # MiB resident in the worker when the partition was done (0: unknown)
    reset: bool = False  # the worker dropped its caches after this partition

    def to_dict(self) -> dict[str, Any]:
        return {
            "partition": self.partition,
            "documents": self.documents,
            "errors": self.errors,
            "rows": self.rows,
            "seconds": round(self.seconds, 3),
            "worker_memory_mib": self.memory,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartitionResult:
        return cls(
            data["partition"], data["documents"], data["errors"], dict(data["rows"]), data["seconds"],
            data.get("worker_memory_mib", 0),
        )  # fmt: skip


_PIPELINES: dict[str, Pipeline] = {}
_LOCK = threading.Lock()


def resident_memory() -> int | None:
    """Resident bytes of this process now (None where it cannot be read)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import psutil
    except ImportError:
        return None
    return int(psutil.Process().memory_info().rss)


def reset_caches() -> int:
    """Empty what this process's stages computed per word form (:func:`khabar.caching.clear_caches`); the loaded
    models, lexicons and pipelines stay, so the next partition goes on at once. Returns how many caches were
    emptied.

    The stages keep caches per surface form (bounded, but large: a few KB per distinct word), so a worker's memory
    grows with the vocabulary it has met; emptying them bounds it.
    """
    cleared = clear_caches()
    gc.collect()
    return cleared


def load_pipeline(factory: PipelineFactory | None = None) -> Pipeline:
    """The pipeline of this process for ``factory`` (the default pipeline for None), built on first use."""
    if factory is None:
        return default_pipeline()
    name = f"{getattr(factory, '__module__', '')}:{getattr(factory, '__qualname__', repr(factory))}"
    with _LOCK:
        pipeline = _PIPELINES.get(name)
        if pipeline is None:
            pipeline = _PIPELINES[name] = factory()
    return pipeline


def start_worker(factory: PipelineFactory | None = None, parent: int | None = None) -> None:
    """Initialiser of a local worker process: build the pipeline once, and leave when the parent is gone."""
    pipeline = load_pipeline(factory)
    pipeline.analyze("تحميل الموارد")  # load every resource now, not in the first partition
    freeze_loaded()
    if parent is None:
        return

    def exit_with_parent() -> None:  # a batch killed with SIGKILL must not leave its workers behind
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=exit_with_parent, daemon=True, name="khabar-parent-watch").start()


Item = tuple[str, dict[str, Any] | None, str | None]  # origin, record, or the reason it could not be read


def _items(partition: Partition, lines: list[Line], job: Job) -> Iterator[Item]:
    if partition.kind == "unreadable":
        yield partition.source, None, partition.reason or "unreadable"
    elif partition.kind == "jsonl":
        for number, offset, raw in lines:
            if isinstance(raw, int):
                yield from _long_line(partition.source, number, offset, raw, job)
                continue
            try:
                record = parse_jsonl_record(
                    raw, name=partition.source, line=number, line_offset=offset, text_key=job.text_key,
                    id_key=job.id_key, published=job.published,
                )  # fmt: skip
            except InputError as error:
                yield f"{partition.source}:{number}", None, str(error)
                continue
            yield f"{partition.source}:{number}", record, None
    else:
        for name in partition.files:
            yield from _file(name, job)


def _long_line(name: str, number: int, offset: int, size: int, job: Job) -> Iterator[Item]:
    """A JSON line over the size limit: refused, or read again from its file as a stream and cut into parts."""
    origin = f"{name}:{number}"
    if job.too_long != "split" or job.max_bytes is None:
        yield origin, None, str(too_long_error(size, job.max_bytes or 0, name=name, line=number))
        return
    try:
        for article in read_long_line(
            Path(name), name=name, line=number, line_offset=offset, text_key=job.text_key, id_key=job.id_key,
            published=job.published, max_bytes=job.max_bytes,
        ):  # fmt: skip
            yield (origin if article.part is None else f"{origin}#part{article.part}"), article.record, None
    except InputError as error:
        yield origin, None, str(error)
    except OSError as error:
        yield origin, None, f"{origin}: cannot read: {describe_os_error(error)}"


def _file(name: str, job: Job) -> Iterator[Item]:
    """A text or HTML file, one article (or its parts when it is over the size limit and may be split)."""
    from khabar.store.sources import is_html, read_html  # trafilatura is imported only for HTML

    path = Path(name)
    try:
        if is_html(path):
            yield name, read_html(path, name=name, published=job.published, max_bytes=job.max_bytes), None
            return
        for article in read_text(path, name=name, published=job.published, max_bytes=job.max_bytes,
                                 too_long=job.too_long):  # fmt: skip
            yield (name if article.part is None else f"{name}#part{article.part}"), article.record, None
    except InputError as error:
        yield name, None, str(error)
    except OSError as error:
        yield name, None, f"{name}: cannot read: {describe_os_error(error)}"


def _document(record: dict[str, Any], origin: str) -> Document:
    doc = to_document(record)
    if not doc.text.strip():
        raise InputError("the article has no text", source=origin)
    if doc.id is None:
        doc.id = "sha1:" + hashlib.sha1(doc.text.encode("utf-8")).hexdigest()[:20]
    return doc


def _analyse(job: Job, partition: Partition, lines: list[Line], rows: Rows, jsonl: IO[str] | None) -> None:
    """Analyse a partition's articles into ``rows`` (and JSONL), a batch at a time
    (:func:`~khabar.pipeline.batch_is_full`)."""
    pipeline = load_pipeline(job.pipeline)
    batch: list[tuple[str, Document]] = []

    def finish() -> None:
        for (origin, doc), result in zip(batch, pipeline.run([doc for _, doc in batch]), strict=True):
            if isinstance(result, Document):
                _add(partition, origin, result, rows, jsonl)
            else:  # one bad article never ends the partition
                why = str(result) if isinstance(result, KhabarError) else f"{type(result).__name__}: {result}"
                rows.add_error(partition.id, origin, doc.id, f"{origin}: analysis failed: {why}")
        batch.clear()

    for origin, record, reason in _items(partition, lines, job):
        if record is None:
            rows.add_error(partition.id, origin, None, reason or "unreadable")
            continue
        try:
            batch.append((origin, _document(record, origin)))
        except Exception as error:
            record_id = record.get("id")
            why = str(error) if isinstance(error, KhabarError) else f"{type(error).__name__}: {error}"
            doc_id = None if record_id is None else str(record_id)
            rows.add_error(partition.id, origin, doc_id, f"{origin}: analysis failed: {why}")
            continue
        if batch_is_full([doc for _, doc in batch]):
            finish()
    finish()


def _add(partition: Partition, origin: str, doc: Document, rows: Rows, jsonl: IO[str] | None) -> None:
    """Add an analysed document's rows (and its JSONL line); an output failure is an error row."""
    try:
        line = doc.to_json() if jsonl is not None else ""
        rows.add_document(doc, origin=origin, partition=partition.id)
    except Exception as error:
        rows.add_error(partition.id, origin, doc.id, f"{origin}: output failed: {type(error).__name__}: {error}")
        return
    if jsonl is not None:
        jsonl.write(line)
        jsonl.write("\n")


def _write_partition(job: Job, partition: Partition, lines: list[Line], layout: Layout) -> dict[str, int]:
    """Analyse and write the partition's tables (and JSONL); rows per table."""
    rows = Rows()
    if job.jsonl:

        def write_jsonl(tmp: Path) -> None:
            with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as handle:
                _analyse(job, partition, lines, rows, handle)

        _write(layout.jsonl(partition.id), write_jsonl)
    else:
        _analyse(job, partition, lines, rows, None)
    counts = {}
    for table in PARTITION_TABLES:
        data = rows.table(table)
        counts[table] = data.num_rows
        _write(layout.part(table, partition.id), lambda tmp, d=data: pq.write_table(d, tmp, **PARQUET_OPTIONS))
    return counts


def _write(path: Path, write: Callable[[Path], None]) -> None:
    with writing(path):
        write_atomic(path, write)


def run_partition(job: Job, partition: Partition, lines: list[Line]) -> PartitionResult:
    """Analyse one partition and write its files; see the module docstring."""
    started = time.perf_counter()
    layout = Layout(job.out)
    result = PartitionResult(partition.id)
    result.rows = _write_partition(job, partition, lines, layout)
    pa.default_memory_pool().release_unused()  # what the worker keeps between partitions is measured below
    result.documents = result.rows["documents"]
    result.errors = result.rows["errors"]
    result.seconds = time.perf_counter() - started
    memory = resident_memory()
    result.memory = 0 if memory is None else memory >> 20
    with writing(layout.done(partition.id)):
        write_json_atomic(layout.done(partition.id), result.to_dict())
    if job.worker_memory and result.memory > job.worker_memory:
        reset_caches()
        result.reset = True
    return result
