"""The ``khabar`` command line: thin commands over the library (``analyze``, ``show``, ``eval``).

Each command module has a ``*_cli`` function that parses options and reports errors, and calls a plain
function that does the work and can be used from Python (the spaCy ``apply_cli -> apply`` pattern).
"""

from __future__ import annotations

from typing import Annotated

import typer

from khabar._version import __version__
from khabar.cli.analyze import analyze_cli
from khabar.cli.evaluate import eval_app
from khabar.cli.show import show_cli

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


def main() -> None:
    """Console-script entry point."""
    app()
