"""Consoles of the command line: results on stdout, messages and progress on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

stderr = Console(stderr=True, highlight=False)


def fail(message: str) -> None:
    """Print an error message on stderr."""
    stderr.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)
