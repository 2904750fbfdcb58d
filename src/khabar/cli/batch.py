"""``khabar batch``: analyse many articles into partitioned Parquet tables, on all cores or on a Dask cluster."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from khabar.batch import DEFAULT_PARTITION_SIZE, BatchProgress, BatchReport, run_batch
from khabar.batch.worker import DEFAULT_WORKER_MEMORY
from khabar.cli._console import fail, stderr
from khabar.cli._options import MaxBytes, TooLongChoice, too_long_choice
from khabar.document import parse_published
from khabar.errors import KhabarError
from khabar.readers import DEFAULT_MAX_BYTES, TooLong

ENGINES = ("local", "dask")


def batch(
    inputs: list[Path],
    out: Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    jsonl: bool = False,
    text_key: str = "text",
    id_key: str = "id",
    published: str | None = None,
    overwrite: bool = False,
    worker_memory: int = DEFAULT_WORKER_MEMORY,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    too_long: TooLong = "refuse",
    quiet: bool = True,
) -> BatchReport:
    """Run a batch job (see :func:`khabar.batch.run_batch`), with progress on stderr unless ``quiet``."""
    if published is not None:
        parse_published(published, field_name="--published")
    if engine not in ENGINES:
        raise KhabarError(f"unknown engine {engine!r}; use {' or '.join(ENGINES)}")
    options = dict(
        workers=workers, engine=engine, scheduler=scheduler, partition_size=partition_size, jsonl=jsonl,
        text_key=text_key, id_key=id_key, published=published, overwrite=overwrite, worker_memory=worker_memory,
        max_bytes=max_bytes, too_long=too_long,
    )  # fmt: skip
    if quiet:
        return run_batch(inputs, out, **options)  # type: ignore[arg-type]
    with _progress() as update:
        return run_batch(inputs, out, on_progress=update, **options)  # type: ignore[arg-type]


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-:--:--"
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


@contextmanager
def _progress() -> Iterator[Callable[[BatchProgress], None]]:
    columns = (
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles · {task.fields[rate]} articles/s · ETA {task.fields[eta]} · {task.fields[errors]} errors"),
    )
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task("batch", total=None, rate="-", eta=_duration(None), errors=0)

        def update(progress: BatchProgress) -> None:
            bar.update(
                task,
                completed=progress.done,
                total=progress.total,
                rate=f"{progress.rate:.0f}" if progress.done else "-",
                eta=_duration(progress.eta),
                errors=progress.errors,
            )

        yield update


def _summary(report: BatchReport) -> str:
    rows = ", ".join(f"{table} {count:,}" for table, count in report.rows.items())
    resumed = f", {report.skipped} already done" if report.skipped else ""
    return (
        f"{escape(str(report.out))}: {report.documents:,} articles in {report.partitions} partitions{resumed};"
        f" {report.errors:,} errors; {report.analysed:,} articles read in {report.seconds:.1f} s"
        f" ({report.rate:.0f} articles/s, {report.engine} engine, {report.workers} workers,"
        f" at most {report.worker_memory} MiB a worker)\nrows: {rows}"
    )


def batch_cli(
    inputs: Annotated[
        list[Path], typer.Argument(metavar="INPUT...", help="JSONL(.gz), text or HTML files, or folders of them.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (partitioned Parquet tables).")],
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default: one per core; Dask: LocalCluster size).")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default with --engine dask: a LocalCluster).")
    ] = None,
    partition_size: Annotated[int, typer.Option(min=1, help="Articles per partition (a file per table).")] = (
        DEFAULT_PARTITION_SIZE
    ),
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Also write the khabar/1 documents (jsonl/*.jsonl.gz).")] = (
        False
    ),
    text_key: Annotated[str, typer.Option(help="JSONL field holding the article text.")] = "text",
    id_key: Annotated[str, typer.Option(help="JSONL field holding the article id.")] = "id",
    published: Annotated[str | None, typer.Option(help="Publication date (ISO) of articles that have none.")] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Remove the output of another job in --out and start again.")
    ] = False,
    worker_memory: Annotated[
        int, typer.Option(min=0, help="MiB; past it a worker empties its per-word caches after a partition (0: never).")
    ] = DEFAULT_WORKER_MEMORY,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    too_long: TooLongChoice = "refuse",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
) -> None:
    """Analyse articles into Parquet tables (documents, mentions, entities, times, quantities, quotes, events,
    errors); a rerun skips the finished partitions, bad articles go to the errors table."""
    too_long = too_long_choice(too_long)
    if scheduler and engine != "dask":
        engine = "dask"  # an address only makes sense for Dask
    try:
        report = batch(
            inputs, out, workers=workers, engine=engine, scheduler=scheduler, partition_size=partition_size,
            jsonl=jsonl, text_key=text_key, id_key=id_key, published=published, overwrite=overwrite,
            worker_memory=worker_memory, max_bytes=max_bytes, too_long=too_long, quiet=quiet,  # type: ignore[arg-type]
        )  # fmt: skip
    except KhabarError as error:
        fail(str(error))
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        fail("interrupted; finished partitions are kept, run the same command again to resume")
        sys.exit(130)
    if not quiet:
        stderr.print(_summary(report), soft_wrap=True)
    if report.failed:
        for partition, reason in report.failed:
            fail(f"partition {partition} failed: {reason}")
        fail(f"{len(report.failed)} partitions failed; run the same command again to retry them")
        raise typer.Exit(1)
