"""``khabar show``: a readable summary of khabar/1 JSONL, one panel per article.

Arabic is printed as it is, in logical order; the terminal lays it out (never reversed strings).
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from khabar.cli._console import fail
from khabar.document import Document
from khabar.errors import KhabarError
from khabar.readers import open_binary
from khabar.streaming import lone_surrogate

MAX_SHOWN = 25


def read_documents(handle: IO[bytes], name: str) -> Iterator[Document]:
    """khabar/1 documents from JSONL bytes; a bad line, or one past which a damaged gzip stream cannot be read,
    raises :class:`KhabarError` naming it."""
    number = 0
    while True:
        try:
            raw = handle.readline()
        except (OSError, EOFError, zlib.error) as error:
            raise KhabarError(f"{name}: line {number + 1}: cannot read past this point: {error}") from None
        if not raw:
            return
        number += 1
        if not raw.strip():
            continue
        try:
            doc = Document.from_dict(json.loads(raw.decode("utf-8")))
        except (ValueError, KhabarError) as error:
            raise KhabarError(f"{name}: line {number}: not a khabar/1 document ({error})") from None
        position = lone_surrogate(doc.text)
        if position is not None:
            message = f"not a khabar/1 document (a lone surrogate at character {position} of its text)"
            raise KhabarError(f"{name}: line {number}: {message}")
        yield doc


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _section(title: str, rows: list[list[str]], headers: list[str]) -> Group | Text:
    if not rows:
        return Text.assemble((f"{title}: ", "bold"), ("none found yet", "dim"))
    table = Table(*headers, title=f"{title} ({len(rows)})", title_justify="left", show_edge=False, expand=False)
    for row in rows[:MAX_SHOWN]:
        table.add_row(*(escape(cell) for cell in row))
    if len(rows) > MAX_SHOWN:
        table.add_row(f"… {len(rows) - MAX_SHOWN} more", *[""] * (len(headers) - 1))
    return Group(table)


def summary(doc: Document) -> Panel:
    """A rich panel with what was found in ``doc``."""
    names: dict[str, str] = {e.id: e.name_latn or e.name for e in doc.entities}

    def who(ids: Any) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "—"

    stats = f"{len(doc.text)} characters · {len(doc.paragraphs)} paragraphs · {len(doc.sentences)} sentences"
    if doc.tokens:
        stats += f" · {len(doc.tokens)} tokens"
    parts: list[Any] = [Text(stats, style="dim")]
    parts.append(
        _section(
            "Entities",
            [
                [
                    e.name,
                    e.type,
                    e.name_latn or "",
                    str(len(e.mentions)),
                    "; ".join(r.title_en or r.title for r in e.roles),
                ]
                for e in doc.entities
            ],
            ["name", "type", "latin", "mentions", "roles"],
        )
    )
    parts.append(
        _section("Dates and times", [[t.text, t.type, t.value or "?"] for t in doc.times], ["text", "type", "value"])
    )
    parts.append(
        _section(
            "Numbers",
            [
                [q.text, str(q.value) if q.value is not None else "?", q.unit or "", "ordinal" if q.ordinal else ""]
                for q in doc.quantities
            ],
            ["text", "value", "unit", ""],
        )
    )
    parts.append(
        _section(
            "Quotes",
            [[who([q.speaker]) if q.speaker else "unknown", q.kind, _clip(q.text)] for q in doc.quotes],
            ["speaker", "kind", "text"],
        )
    )
    parts.append(
        _section(
            "Events",
            [
                [
                    f"{v.type}{'/' + v.mode if v.mode else ''}",
                    who(v.actors),
                    who(v.recipients),
                    v.date or "?",
                    v.modality + (", background" if v.background else ""),
                    v.trigger.text,
                ]
                for v in doc.events
            ],
            ["event", "actors", "recipients", "date", "modality", "trigger"],
        )
    )
    title = doc.meta.get("title") or doc.id or "article"
    subtitle = f"published {doc.published_iso}" if doc.published_iso else "no publication date"
    return Panel(Group(*parts), title=escape(_clip(str(title), 70)), subtitle=subtitle, title_align="left")


def show(source: str, console: Console) -> int:
    """Print a summary of every document in ``source`` (a path or ``-``); returns how many."""
    count = 0
    if source == "-":
        documents = read_documents(sys.stdin.buffer, "<stdin>")
        for doc in documents:
            console.print(summary(doc))
            count += 1
        return count
    path = Path(source)
    if not path.is_file():
        raise KhabarError(f"{source}: no such file")
    with open_binary(path) as handle:
        for doc in read_documents(handle, source):
            console.print(summary(doc))
            count += 1
    return count


def show_cli(
    source: Annotated[str, typer.Argument(metavar="FILE", help="khabar/1 JSONL(.gz) from `khabar analyze`, or -.")],
) -> None:
    """Print a readable summary of analysed articles."""
    try:
        count = show(source, Console())
    except KhabarError as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if count == 0:
        fail(f"{source}: no document to show")
        raise typer.Exit(1)
