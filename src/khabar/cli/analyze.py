"""``khabar analyze``: analyse a text or JSONL file (or standard input) into khabar/1 JSONL.

The input is read twice: a first pass checks every line (encoding, JSON, text key, date) so that bad input
stops the run before anything is written, or, with ``--skip-bad``, is reported line by line; the second pass
analyses. Output goes to a temporary file that replaces ``--out`` (or is copied to standard output) only when
the run succeeds: nothing is ever written half. An output that is not a regular file (``/dev/stdout``, a pipe) is
written as the run goes. A write that fails (a full disk, a closed pipe) stops the run with a message naming the
output and the reason.

An article over ``--max-bytes`` is refused (a bad line), or with ``--too-long split`` analysed in parts read as
a stream (see :mod:`khabar.streaming`), so that memory stays bounded whatever the input.
"""

from __future__ import annotations

import os
import shutil
import stat
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
from khabar.cli._options import MaxBytes, TooLongChoice, too_long_choice
from khabar.document import Document, parse_published
from khabar.errors import InputError, KhabarError, describe_os_error
from khabar.pipeline import BATCH_SIZE, Pipeline, batch_is_full, default_pipeline, to_document
from khabar.readers import (
    DEFAULT_MAX_BYTES,
    Article,
    BadRecord,
    Format,
    TooLong,
    detect_format,
    read_jsonl,
    read_text,
)

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
    path: Path,
    name: str,
    fmt: str,
    *,
    text_key: str,
    id_key: str,
    published: str | None,
    skip_bad: bool,
    max_bytes: int | None,
    too_long: TooLong,
) -> Iterator[Article | BadRecord]:
    if fmt == "jsonl":
        return read_jsonl(
            path, name=name, text_key=text_key, id_key=id_key, published=published, skip_bad=skip_bad,
            max_bytes=max_bytes, too_long=too_long,
        )  # fmt: skip
    return read_text(path, name=name, published=published, max_bytes=max_bytes, too_long=too_long)


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
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    too_long: TooLong = "refuse",
) -> RunReport:
    """Analyse ``source`` (a path or ``-``) into ``output``, one khabar/1 JSON object per line.

    Raises :class:`InputError` on bad input unless ``skip_bad``, in which case bad lines and articles whose
    analysis fails are reported through ``on_skip(line, reason)`` and left out. An article over ``max_bytes``
    is bad, or with ``too_long="split"`` analysed in parts (ids ``<id>#part<k>``).
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
        options = {
            "text_key": text_key, "id_key": id_key, "published": published, "max_bytes": max_bytes,
            "too_long": too_long,
        }  # fmt: skip
        good = 0
        for item in _records(path, name, kind, skip_bad=skip_bad, **options):  # type: ignore[arg-type]
            if isinstance(item, BadRecord):
                skip(item.line, str(item.error))
            else:
                good += 1
        if good == 0:
            raise InputError("no readable article in the input", source=name)
        with _progress(enabled=progress and source != STDIN, total=good) as advance:
            batch: list[tuple[int, Document | Exception]] = []  # (line, its document or why it has none)

            def finish() -> None:
                docs = [doc for _, doc in batch if isinstance(doc, Document)]
                results = iter(pipeline.run(docs))
                for line, doc in batch:
                    result = next(results) if isinstance(doc, Document) else doc
                    if isinstance(result, Document):
                        output.write(result.to_json(tokens=tokens))
                        output.write("\n")
                        report.written += 1
                    elif not skip_bad:
                        raise KhabarError(f"{name}: line {line}: analysis failed: {result}") from result
                    else:
                        skip(line, f"{name}: line {line}: analysis failed: {type(result).__name__}: {result}")
                    advance()
                batch.clear()

            for item in _records(path, name, kind, skip_bad=True, **options):  # type: ignore[arg-type]
                if isinstance(item, BadRecord):
                    continue
                try:
                    batch.append((item.line, to_document(item.record, index=item.line)))
                except Exception as error:  # reported in its turn, after the articles before it
                    batch.append((item.line, error))
                gathered = [doc for _, doc in batch if isinstance(doc, Document)]
                if len(batch) >= BATCH_SIZE or batch_is_full(gathered):
                    finish()
            finish()
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
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    too_long: TooLongChoice = "refuse",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
) -> None:
    """Analyse articles and write khabar/1 JSONL (see SCHEMA.md)."""
    if fmt not in ("auto", "text", "jsonl"):
        fail(f"--format must be auto, text or jsonl, not {fmt!r}")
        raise typer.Exit(2)
    too_long = too_long_choice(too_long)

    def on_skip(line: int, reason: str) -> None:
        stderr.print(f"[yellow]skipped[/] {escape(reason)}", soft_wrap=True)

    target = out.resolve() if out is not None else None
    options = {
        "fmt": fmt, "text_key": text_key, "id_key": id_key, "published": published, "skip_bad": skip_bad,
        "tokens": tokens, "on_skip": on_skip, "progress": not quiet, "max_bytes": max_bytes, "too_long": too_long,
    }  # fmt: skip
    if out is not None and _is_stream(out):
        report = _analyze_to_stream(source, out, options)  # a device or a pipe: written as the run goes
    else:
        report = _analyze_whole(source, target, out, options)
    if not quiet:
        skipped = f", skipped {len(report.skipped)}" if report.skipped else ""
        where = f" to {escape(str(out))}" if out is not None else ""
        stderr.print(f"analysed {report.written} article(s){skipped}{where}")


def _analyze_whole(source: str, target: Path | None, out: Path | None, options: dict) -> RunReport:
    """Analyse into a temporary file that replaces ``target`` (or goes to stdout) only when the run succeeds."""
    directory = target.parent if target is not None else None
    if directory is not None and not directory.is_dir():
        fail(f"cannot write {out}: folder {directory} does not exist")
        raise typer.Exit(1)
    if target is not None and target.is_dir():
        fail(f"cannot write {out}: it is a folder")
        raise typer.Exit(1)
    where = str(out) if out is not None else "standard output"
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed or copied)
            "w", encoding="utf-8", dir=directory, prefix=".khabar-", suffix=".jsonl.part", delete=False
        )
    except OSError as error:
        folder = directory if directory is not None else Path(tempfile.gettempdir())
        fail(f"cannot write {where}: cannot create a file in {folder}: {describe_os_error(error)}")
        raise typer.Exit(1) from None
    copying = False
    try:
        with handle:
            report = analyze(source, handle, **options)
        if target is not None:
            os.replace(handle.name, target)
        else:
            copying = True
            with open(handle.name, "rb") as result:
                shutil.copyfileobj(result, sys.stdout.buffer)
            sys.stdout.flush()
    except KhabarError as error:
        fail(str(error))
        raise typer.Exit(1) from None
    except OSError as error:
        if target is not None:
            fail(f"cannot write {where}: {describe_os_error(error)}; {out} was left as it was")
        elif copying:
            _silence_stdout()
            fail(f"cannot write {where}: {describe_os_error(error)}")
        else:  # the temporary file that holds the output until the run succeeds
            fail(f"cannot write {where}: cannot write {handle.name}: {describe_os_error(error)}; nothing was written")
        raise typer.Exit(1) from None
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)
    return report


def _is_stream(path: Path) -> bool:
    """Whether ``path`` is there and is neither a regular file nor a folder (a device, a pipe, /dev/stdout)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _analyze_to_stream(source: str, out: Path, options: dict) -> RunReport:
    """Analyse straight into ``out``, a device or a pipe (which cannot be replaced by a file)."""
    try:
        with open(out, "w", encoding="utf-8") as handle:
            return analyze(source, handle, **options)
    except KhabarError as error:
        fail(str(error))
        raise typer.Exit(1) from None
    except OSError as error:
        fail(f"cannot write {out}: {describe_os_error(error)}")
        raise typer.Exit(1) from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush of a broken or full standard
    output does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
