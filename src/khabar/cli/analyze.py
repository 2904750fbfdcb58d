"""``khabar analyze``: analyse a text or JSONL file (or standard input) into khabar/1 JSONL.

The input is read twice: a first pass checks every line (encoding, JSON, text key, date) so that bad input
stops the run before anything is written, or, with ``--skip-bad``, is reported line by line; the second pass
analyses. Output goes to a temporary file that replaces ``--out`` (or is copied to standard output) only when
the run succeeds: nothing is ever written half.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from khabar.cli._console import fail, stderr
from khabar.document import parse_published
from khabar.errors import InputError, KhabarError
from khabar.pipeline import Pipeline, default_pipeline, to_document
from khabar.readers import Article, BadRecord, Format, detect_format, read_jsonl, read_text

STDIN = "-"


@dataclass
class RunReport:
    """What a run did: articles written, and the lines or articles skipped with the reason."""

    written: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)


@contextmanager
def _input_file(source: str) -> Iterator[tuple[Path, str]]:
    """A readable path for ``source``; standard input is spooled to a temporary file (read twice)."""
    if source != STDIN:
        path = Path(source)
        if not path.exists():
            raise InputError("no such file", source=source)
        if path.is_dir():
            raise InputError("is a directory; give a file (or - for standard input)", source=source)
        yield path, source
        return
    with tempfile.NamedTemporaryFile(prefix="khabar-stdin-", delete=False) as spool:
        shutil.copyfileobj(sys.stdin.buffer, spool)
    try:
        yield Path(spool.name), "<stdin>"
    finally:
        os.unlink(spool.name)


def _records(
    path: Path, name: str, fmt: str, *, text_key: str, id_key: str, published: str | None, skip_bad: bool
) -> Iterator[Article | BadRecord]:
    if fmt == "jsonl":
        return read_jsonl(path, name=name, text_key=text_key, id_key=id_key, published=published, skip_bad=skip_bad)
    return read_text(path, name=name, published=published)


def analyze(
    source: str,
    output: IO[str],
    *,
    fmt: Format = "auto",
    text_key: str = "text",
    id_key: str = "id",
    published: str | None = None,
    skip_bad: bool = False,
    tokens: bool = False,
    pipeline: Pipeline | None = None,
    on_skip: Callable[[int, str], None] | None = None,
    progress: bool = False,
) -> RunReport:
    """Analyse ``source`` (a path or ``-``) into ``output``, one khabar/1 JSON object per line.

    Raises :class:`InputError` on bad input unless ``skip_bad``, in which case bad lines and articles whose
    analysis fails are reported through ``on_skip(line, reason)`` and left out.
    """
    pipeline = pipeline or default_pipeline()
    report = RunReport()

    def skip(line: int, reason: str) -> None:
        report.skipped.append((line, reason))
        if on_skip is not None:
            on_skip(line, reason)

    if published is not None:
        parse_published(published, field_name="--published")
    with _input_file(source) as (path, name):
        kind = detect_format(path, name, fmt)
        options = {"text_key": text_key, "id_key": id_key, "published": published}
        good = 0
        for item in _records(path, name, kind, skip_bad=skip_bad, **options):
            if isinstance(item, BadRecord):
                skip(item.line, str(item.error))
            else:
                good += 1
        if good == 0:
            raise InputError("no readable article in the input", source=name)
        with _progress(enabled=progress and source != STDIN, total=good) as advance:
            for item in _records(path, name, kind, skip_bad=True, **options):
                if isinstance(item, BadRecord):
                    continue
                try:
                    doc = pipeline(to_document(item.record, index=item.line))
                except Exception as error:
                    if not skip_bad:
                        raise KhabarError(f"{name}: line {item.line}: analysis failed: {error}") from error
                    skip(item.line, f"{name}: line {item.line}: analysis failed: {type(error).__name__}: {error}")
                    advance()
                    continue
                output.write(doc.to_json(tokens=tokens))
                output.write("\n")
                report.written += 1
                advance()
    return report


@contextmanager
def _progress(*, enabled: bool, total: int) -> Iterator[Callable[[], None]]:
    if not enabled:
        yield lambda: None
        return
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task("analyse", total=total)
        yield lambda: bar.advance(task)


def analyze_cli(
    source: Annotated[str, typer.Argument(metavar="FILE", help="A text or JSONL(.gz) file, or - for stdin.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write JSONL here instead of standard output.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="auto, text (one article) or jsonl (one article per line).")
    ] = "auto",
    text_key: Annotated[str, typer.Option(help="JSONL field holding the article text.")] = "text",
    id_key: Annotated[str, typer.Option(help="JSONL field holding the article id (passed through).")] = "id",
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (ISO) of a text file, or of JSONL records that have none."),
    ] = None,
    skip_bad: Annotated[bool, typer.Option(help="Report bad lines on stderr and go on.")] = False,
    tokens: Annotated[bool, typer.Option(help="Add the token layer with clitic analyses.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
) -> None:
    """Analyse articles and write khabar/1 JSONL (see SCHEMA.md)."""
    if fmt not in ("auto", "text", "jsonl"):
        fail(f"--format must be auto, text or jsonl, not {fmt!r}")
        raise typer.Exit(2)

    def on_skip(line: int, reason: str) -> None:
        stderr.print(f"[yellow]skipped[/] {escape(reason)}", soft_wrap=True)

    target = out.resolve() if out is not None else None
    directory = target.parent if target is not None else None
    if directory is not None and not directory.is_dir():
        fail(f"cannot write {out}: folder {directory} does not exist")
        raise typer.Exit(1)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed or copied)
            "w", encoding="utf-8", dir=directory, prefix=".khabar-", suffix=".jsonl.part", delete=False
        )
    except OSError as error:
        fail(f"cannot write output: {error}")
        raise typer.Exit(1) from None
    try:
        with handle:
            report = analyze(
                source,
                handle,
                fmt=fmt,  # type: ignore[arg-type]
                text_key=text_key,
                id_key=id_key,
                published=published,
                skip_bad=skip_bad,
                tokens=tokens,
                on_skip=on_skip,
                progress=not quiet,
            )
        if target is not None:
            os.replace(handle.name, target)
        else:
            with open(handle.name, "rb") as result:
                shutil.copyfileobj(result, sys.stdout.buffer)
            sys.stdout.flush()
    except KhabarError as error:
        fail(str(error))
        raise typer.Exit(1) from None
    except OSError as error:
        fail(f"cannot write output: {error}")
        raise typer.Exit(1) from None
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)
    if not quiet:
        skipped = f", skipped {len(report.skipped)}" if report.skipped else ""
        where = f" to {escape(str(out))}" if out is not None else ""
        stderr.print(f"analysed {report.written} article(s){skipped}{where}")
