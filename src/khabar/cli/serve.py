"""``khabar serve``: the HTTP API and the web page over a store (uvicorn, 127.0.0.1 unless told otherwise)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from khabar.cli._console import fail, stderr
from khabar.cli.ingest import DEFAULT_DB
from khabar.errors import KhabarError
from khabar.service import DEFAULT_MAX_TEXT_CHARS
from khabar.service.app import DEFAULT_MAX_SECONDS


def serve(
    db: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_seconds: float = DEFAULT_MAX_SECONDS,
) -> None:
    """Serve the store ``db`` until interrupted."""
    import uvicorn

    from khabar.service import create_app

    app = create_app(db, max_text_chars=max_text_chars, max_seconds=max_seconds)
    shown = f"[{host}]" if ":" in host else host
    stderr.print(f"serving on http://{shown}:{port}", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def serve_cli(
    db: Annotated[Path, typer.Option("--db", help="The store to serve (created empty when missing).")] = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps the server to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    max_text_chars: Annotated[
        int, typer.Option(min=1, help="Largest text /analyze accepts (characters).")
    ] = DEFAULT_MAX_TEXT_CHARS,
    max_seconds: Annotated[
        float, typer.Option(min=0.1, help="Longest a request may take before it is answered 503.")
    ] = DEFAULT_MAX_SECONDS,
) -> None:
    """Serve the API (OpenAPI at /docs) and the web page (/web/) over a store."""
    try:
        serve(db, host=host, port=port, max_text_chars=max_text_chars, max_seconds=max_seconds)
    except KhabarError as error:
        fail(str(error))
        raise typer.Exit(1) from None
