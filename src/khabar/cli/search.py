"""``khabar search``: ranked articles of a store for a query, with the matched words highlighted."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from khabar.cli._console import fail
from khabar.cli.ingest import DEFAULT_DB
from khabar.errors import KhabarError
from khabar.store import Filter, Results, Store


def search(
    db: Path,
    query: str,
    *,
    where: Filter | None = None,
    page: int = 1,
    size: int = 10,
) -> Results:
    """The results of ``query`` in the store ``db`` (which must exist)."""
    with Store(db, create=False) as store:
        return store.search(query, where or Filter(), page, size)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def search_cli(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", names (their variants are found too).')] = "",
    db: Annotated[Path, typer.Option("--db", help="The store to search.")] = DEFAULT_DB,
    entity: Annotated[int | None, typer.Option(help="Only articles mentioning this corpus entity id.")] = None,
    event_type: Annotated[str | None, typer.Option(help="Only articles with an event of this type.")] = None,
    source: Annotated[str | None, typer.Option(help="Only articles of this source.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
    page: Annotated[int, typer.Option(min=1, help="Page of results.")] = 1,
    size: Annotated[int, typer.Option(min=1, max=100, help="Results per page.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Search a store: Arabic-aware full text (clitics, hamza, ta marbuta, diacritics, digits), with filters."""
    first, last = _date(date_from, "--from"), _date(date_to, "--to")
    if first and last and first > last:
        raise typer.BadParameter(f"--from {first} is after --to {last}", param_hint="--from")
    try:
        results = search(db, query, where=Filter(entity, event_type, source, first, last), page=page, size=size)
    except (KhabarError, ValueError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    out = Console(highlight=False, soft_wrap=True)
    if as_json:
        out.print_json(json.dumps(results.to_dict(), ensure_ascii=False))
        return
    out.print(f"{results.total} result(s), page {results.page} of {results.pages}")
    for rank, hit in enumerate(results.hits, start=(page - 1) * size + 1):
        title = Text(f"{rank}. ")
        for piece, matched in hit.title_segments or [(hit.id, False)]:
            title.append(piece, style="bold yellow" if matched else "bold")
        out.print(title)
        out.print(f"   [dim]{escape(hit.id)} · {escape(hit.source or '')} · {escape(hit.published or '')}[/]")
        snippet = Text("   ")
        for piece, matched in hit.snippet:
            snippet.append(re.sub(r"\s+", " ", piece), style="reverse" if matched else "")
        out.print(snippet)
