"""The ``khabar`` command line: thin commands over the library (``analyze``, ``show``, ``eval``, over a corpus
store ``ingest``, ``search``, ``serve``, and ``batch`` into Parquet tables).

Each command module has a ``*_cli`` function that parses options and reports errors, and calls a plain
function that does the work and can be used from Python (the spaCy ``apply_cli -> apply`` pattern).
"""

from __future__ import annotations

from typing import Annotated

import typer

from khabar._version import __version__
from khabar.cli.analyze import analyze_cli
from khabar.cli.batch import batch_cli
from khabar.cli.evaluate import eval_app
from khabar.cli.ingest import ingest_cli
from khabar.cli.search import search_cli
from khabar.cli.serve import serve_cli
from khabar.cli.show import show_cli
from khabar.cli.train import train_app

app = typer.Typer(
    name="khabar",
    help="Arabic news to structured, verifiable facts (khabar/1 JSON).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Arabic news to structured, verifiable facts."""


app.command("analyze")(analyze_cli)
app.command("show")(show_cli)
app.add_typer(eval_app, name="eval")
app.command("ingest")(ingest_cli)
app.command("batch")(batch_cli)
app.command("search")(search_cli)
app.command("serve")(serve_cli)
app.add_typer(train_app, name="train")


def main() -> None:
    """Console-script entry point."""
    app()
