"""Options several commands share: the size limit of an article, and what to do with one past it."""

from __future__ import annotations

from typing import Annotated, cast

import typer

from khabar.cli._console import fail
from khabar.readers import TooLong

MaxBytes = Annotated[
    int, typer.Option(min=1, help="The largest article, in bytes of input (JSON line, text file, HTML page).")
]
TooLongChoice = Annotated[
    str, typer.Option(help="An article over --max-bytes: refuse (reported as bad) or split (analysed in parts).")
]


def too_long_choice(value: str) -> TooLong:
    """``--too-long`` checked: refuse or split, else a usage error (exit 2)."""
    if value not in ("refuse", "split"):
        fail(f"--too-long must be refuse or split, not {value!r}")
        raise typer.Exit(2)
    return cast(TooLong, value)
