"""A batch job from start to end: plan, skip what is done, analyse the rest on an engine, resolve entities.

:func:`run_batch` is what ``khabar batch`` calls. The same job runs on the local engine (processes on this
machine) or on Dask (a cluster, or a LocalCluster), reading and writing the same partitioned files: moving from a
laptop to a cluster changes one argument, and a job begun on one engine can be finished on the other.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from khabar.batch import entities as corpus_entities
from khabar.batch.inputs import DEFAULT_PARTITION_SIZE, Line, Partition, payloads, plan
from khabar.batch.layout import fingerprint, prepare, writing
from khabar.batch.tables import PARTITION_TABLES
from khabar.batch.worker import DEFAULT_WORKER_MEMORY, Job, PartitionResult, PipelineFactory, run_partition
from khabar.errors import KhabarError, OutputError
from khabar.readers import DEFAULT_MAX_BYTES, TooLong


class Runner(Protocol):
    """An engine: runs calls on ``slots`` workers (see :class:`~khabar.batch.local.LocalEngine`)."""

    name: str

    @property
    def slots(self) -> int: ...

    def __enter__(self) -> Runner: ...

    def __exit__(self, *exc: object) -> None: ...

    def map_unordered(
        self, function: Callable[..., Any], calls: Iterable[tuple[Any, tuple[Any, ...]]]
    ) -> Iterator[tuple[Any, Any]]: ...


@dataclass
class BatchProgress:
    """Where a running job is: articles of this run's partitions done out of ``total``, and the time spent."""

    done: int
    total: int
    errors: int
    partitions_done: int
    partitions: int
    seconds: float

    @property
    def rate(self) -> float:
        """Articles per second in this run."""
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate (None before the first partition is back)."""
        return (self.total - self.done) / self.rate if self.rate > 0 else None


@dataclass
class BatchReport:
    """What a job did, and what its output holds."""

    out: Path
    engine: str
    workers: int
    partitions: int = 0
    skipped: int = 0  # partitions finished by an earlier run
    analysed: int = 0  # articles read by this run (analysed or failed)
    documents: int = 0  # rows of the documents table, every partition
    errors: int = 0  # rows of the errors table, every partition
    rows: dict[str, int] = field(default_factory=dict)  # rows per table, every partition (and entities)
    entities: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # partitions that could not be done: id, reason
    seconds: float = 0.0
    worker_memory: int = 0  # MiB: the most a worker held after one of this run's partitions
    resets: int = 0  # times a worker dropped its caches

    @property
    def rate(self) -> float:
        """Articles read per second in this run."""
        return self.analysed / self.seconds if self.seconds else 0.0


def _qualified_name(function: Callable[..., Any]) -> str:
    return f"{getattr(function, '__module__', '')}:{getattr(function, '__qualname__', repr(function))}"


def make_engine(
    engine: str, workers: int | None = None, scheduler: str | None = None, pipeline: PipelineFactory | None = None
) -> Runner:
    """The engine called ``engine`` (``local`` or ``dask``), not yet entered."""
    if engine == "local":
        if scheduler:
            raise KhabarError("--scheduler is for the Dask engine (--engine dask)")
        from khabar.batch.local import LocalEngine

        return LocalEngine(workers, pipeline=pipeline)
    if engine == "dask":
        from khabar.batch.cluster import DaskEngine

        return DaskEngine(scheduler, workers)
    raise KhabarError(f"unknown engine {engine!r}; use local or dask")


def run_batch(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    engine: str | Runner = "local",
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    jsonl: bool = False,
    text_key: str = "text",
    id_key: str = "id",
    published: str | None = None,
    overwrite: bool = False,
    pipeline: PipelineFactory | None = None,
    worker_memory: int = DEFAULT_WORKER_MEMORY,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    too_long: TooLong = "refuse",
    on_progress: Callable[[BatchProgress], None] | None = None,
) -> BatchReport:
    """Analyse ``inputs`` (JSONL(.gz), text or HTML files, folders of them) into partitioned tables under ``out``.

    A rerun of the same job skips the partitions that are finished; bad articles go to the ``errors`` table. A
    partition that fails as a whole (a worker that dies, a disk that is full) is listed in ``failed`` and left for
    the next run. ``engine`` is ``local``, ``dask`` or an engine the caller has made and entered (so that several
    jobs share one cluster). ``pipeline`` is a picklable function that makes the pipeline (default: the default
    pipeline); the Dask engine builds it on each worker, the local engine in each worker's initialiser. A worker
    whose resident memory passes ``worker_memory`` MiB after a partition empties its per-word caches (0: never).
    An article over ``max_bytes`` bytes of input goes to the errors table, or with ``too_long="split"`` is analysed
    in parts (ids ``<id>#part<k>``) in memory bounded by the limit.

    Output that cannot be written (a full disk, a folder without permission) stops the job with an
    :class:`~khabar.errors.OutputError` naming the file; what is finished is kept and a rerun goes on from there.
    """
    started = time.perf_counter()
    out = Path(out)
    if too_long not in ("refuse", "split"):
        raise KhabarError(f"too_long must be refuse or split, not {too_long!r}")
    job_plan = plan(inputs, partition_size, max_bytes)
    options = {
        "partition_size": partition_size,
        "text_key": text_key,
        "id_key": id_key,
        "published": published,
        "jsonl": jsonl,
        "pipeline": None if pipeline is None else _qualified_name(pipeline),
        "max_bytes": max_bytes,
        "too_long": too_long,
    }
    manifest = fingerprint(job_plan.files, options)
    with writing(out, exact=False):
        layout, _ = prepare(out, manifest, overwrite=overwrite, jsonl=jsonl)
    planned = {p.id for p in job_plan.partitions}
    finished = layout.finished() & planned
    todo = [p for p in job_plan.partitions if p.id not in finished]
    job = Job(str(out.resolve()), text_key, id_key, published, jsonl, pipeline, worker_memory, max_bytes, too_long)
    given = not isinstance(engine, str)
    runner = engine if not isinstance(engine, str) else make_engine(engine, workers, scheduler, pipeline)
    report = BatchReport(out, runner.name, runner.slots)
    report.partitions = len(job_plan.partitions)
    report.skipped = len(finished)
    progress = BatchProgress(0, sum(p.articles for p in todo), 0, 0, len(todo), 0.0)
    if on_progress is not None:
        on_progress(progress)

    def calls() -> Iterator[tuple[Partition, tuple[Job, Partition, list[Line]]]]:
        for partition, lines in payloads(job_plan, finished):
            yield partition, (job, partition, lines)

    def run(active: Runner) -> None:
        report.workers = active.slots
        run_started = time.perf_counter()
        for partition, outcome in active.map_unordered(run_partition, calls()):
            assert isinstance(partition, Partition)
            if isinstance(outcome, OutputError):  # the next partitions would fail the same way
                stopped.append(outcome)
                return
            if isinstance(outcome, BaseException):
                report.failed.append((partition.id, f"{type(outcome).__name__}: {outcome}"))
            else:
                progress.errors += outcome.errors
                report.worker_memory = max(report.worker_memory, outcome.memory)
                report.resets += outcome.reset
            progress.done += partition.articles
            report.analysed += partition.articles
            progress.partitions_done += 1
            progress.seconds = time.perf_counter() - run_started
            if on_progress is not None:
                on_progress(progress)

    stopped: list[OutputError] = []
    try:
        if given:
            run(runner)
        elif todo:
            with runner as active:
                run(active)
    except KhabarError:
        raise
    except Exception as error:  # a broken pool or a lost cluster: what is finished stays finished
        raise KhabarError(
            f"the batch stopped: {type(error).__name__}: {error}; finished partitions are kept, run again to resume"
        ) from error

    done = [p.id for p in job_plan.partitions if p.id in layout.finished()]
    if stopped:
        raise OutputError(
            f"{stopped[0]}; {len(done)} of {len(job_plan.partitions)} partitions are finished and kept:"
            " make room (or fix the permission) and run the same command again to finish"
        )
    report.rows = dict.fromkeys(PARTITION_TABLES, 0)
    for partition_id in done:
        result = PartitionResult.from_dict(layout.marker(partition_id))
        for table, count in result.rows.items():
            report.rows[table] = report.rows.get(table, 0) + count
    report.documents = report.rows["documents"]
    report.errors = report.rows["errors"]
    with writing(out, exact=False):
        resolved = corpus_entities.resolve(layout, done)
    report.entities = report.rows["entities"] = resolved.entities
    report.seconds = time.perf_counter() - started
    return report
