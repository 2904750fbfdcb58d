"""``khabar ingest``: analyse articles (text, JSONL(.gz), HTML files or folders of them) into a store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn

from khabar.cli._console import fail, stderr
from khabar.cli._options import MaxBytes, TooLongChoice, too_long_choice
from khabar.document import parse_published
from khabar.errors import KhabarError
from khabar.readers import DEFAULT_MAX_BYTES, TooLong
from khabar.store import IngestReport, Store
from khabar.store.dedup import DEFAULT_THRESHOLD
from khabar.store.ingest import DEFAULT_BATCH_SIZE

DEFAULT_DB = Path("khabar.db")


def default_workers() -> int:
    """One analysing process per core, at most four (the store is written by one process)."""
    return max(1, min(4, os.cpu_count() or 1))


def ingest(
    paths: list[Path],
    db: Path = DEFAULT_DB,
    *,
    published: str | None = None,
    text_key: str = "text",
    id_key: str = "id",
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    threshold: float = DEFAULT_THRESHOLD,
    quiet: bool = True,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    too_long: TooLong = "refuse",
) -> IngestReport:
    """Ingest ``paths`` into the store ``db``; bad articles are reported on stderr unless ``quiet``."""
    if published is not None:
        parse_published(published, field_name="--published")

    def on_error(origin: str, reason: str) -> None:
        if not quiet:
            stderr.print(f"[yellow]skipped[/] {escape(reason if origin in reason else f'{origin}: {reason}')}")

    with Store(db) as store:
        if quiet:
            return store.ingest(
                paths, published=published, text_key=text_key, id_key=id_key, batch_size=batch_size,
                workers=workers, threshold=threshold, on_error=on_error, max_bytes=max_bytes, too_long=too_long,
            )  # fmt: skip
        # No refresh thread: worker processes are forked, and a fork must not copy a thread's locks.
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=stderr, auto_refresh=False) as bar:
            task = bar.add_task("ingesting", total=None)

            def on_batch(report: IngestReport) -> None:
                bar.update(task, description=_progress(report))
                bar.refresh()

            return store.ingest(
                paths, published=published, text_key=text_key, id_key=id_key, batch_size=batch_size,
                workers=workers, threshold=threshold, on_batch=on_batch, on_error=on_error, max_bytes=max_bytes,
                too_long=too_long,
            )  # fmt: skip


def _progress(report: IngestReport) -> str:
    return (
        f"stored {report.added}, unchanged {report.unchanged}, near-duplicates {report.near_duplicates},"
        f" skipped {len(report.failed)} ({report.rate:.0f} articles/s)"
    )


def ingest_cli(
    paths: Annotated[list[Path], typer.Argument(help="Text, JSONL(.gz) or HTML files, or folders of them.")],
    db: Annotated[Path, typer.Option("--db", help="The store (SQLite), created when missing.")] = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date (ISO) of articles that have none.")] = None,
    text_key: Annotated[str, typer.Option(help="JSONL field holding the article text.")] = "text",
    id_key: Annotated[str, typer.Option(help="JSONL field holding the article id.")] = "id",
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = DEFAULT_BATCH_SIZE,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Analysing processes (default: one per core, at most 4).")
    ] = None,
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Similarity above which an article is a near-duplicate.")
    ] = DEFAULT_THRESHOLD,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    too_long: TooLongChoice = "refuse",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
) -> None:
    """Analyse articles into a store; re-ingesting changes nothing, a rerun after a crash finishes the job."""
    too_long = too_long_choice(too_long)
    try:
        report = ingest(
            paths, db, published=published, text_key=text_key, id_key=id_key, batch_size=batch_size,
            workers=workers or default_workers(), threshold=threshold, quiet=quiet, max_bytes=max_bytes,
            too_long=too_long,  # type: ignore[arg-type]
        )  # fmt: skip
    except KhabarError as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if not quiet:
        stderr.print(f"{escape(str(db))}: {_progress(report)} in {report.seconds:.1f} s")
