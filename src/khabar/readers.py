"""Reading articles from files: plain text and JSONL (optionally gzipped), with errors that say where.

A reader yields :class:`Article` records or :class:`BadRecord` reports (with ``skip_bad``) in input order.
Everything is decoded strictly: a byte sequence that is not UTF-8 is reported with its line and byte offset,
never replaced, so no text is silently changed.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from khabar.document import parse_published
from khabar.errors import InputError

Format = Literal["auto", "text", "jsonl"]
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".jsonlines")
SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, ready for :func:`khabar.pipeline.to_document`."""

    line: int
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BadRecord:
    """An input line that could not be read, and why."""

    line: int
    error: InputError


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, gunzipped when it is gzip."""
    if is_gzip(path):
        return gzip.open(path, "rb")
    return path.open("rb")


def _head(path: Path) -> bytes:
    try:
        with open_binary(path) as handle:
            return handle.read(SNIFF_BYTES)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"cannot read: {error}", source=str(path)) from None


def detect_format(path: Path, name: str, requested: Format = "auto") -> Literal["text", "jsonl"]:
    """The input format: as requested, else by the file name, else JSONL when the first line is an object."""
    if requested != "auto":
        return requested
    if name.lower().endswith(JSONL_SUFFIXES):
        return "jsonl"
    head = _head(path)
    first = head.lstrip().split(b"\n", 1)[0].strip()
    if first.startswith(b"{"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (ValueError, UnicodeDecodeError):
            # A first line that starts like JSON but is cut at the sniff limit is still JSONL.
            if len(first) >= SNIFF_BYTES - 1 or first.endswith(b"}"):
                return "jsonl"
    return "text"


def _check_not_binary(path: Path, name: str) -> None:
    if b"\x00" in _head(path):
        raise InputError("this is a binary file, not text or JSONL (it contains NUL bytes)", source=name)


def _decode(raw: bytes, *, name: str, line: int, line_offset: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 (byte 0x{raw[error.start]:02x} cannot start or continue a character)",
            source=name,
            line=line,
            byte_offset=line_offset + error.start,
        ) from None


def read_text(path: Path, *, name: str, published: str | None = None) -> Iterator[Article]:
    """The whole file as one article, its id the file name without extension."""
    _check_not_binary(path, name)
    with open_binary(path) as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"not UTF-8 (byte 0x{raw[error.start]:02x} cannot start or continue a character)",
            source=name,
            line=line,
            byte_offset=error.start,
        ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark is an encoding signature, not text
    if not text.strip():
        raise InputError("empty input: there is no text to analyse", source=name)
    record: dict[str, Any] = {"id": _stem(name), "text": text}
    if published is not None:
        record["published"] = published
    yield Article(1, record)


def _stem(name: str) -> str:
    base = Path(name).name
    for suffix in (".gz", ".txt", ".text"):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
    return base or name


def read_jsonl(
    path: Path,
    *,
    name: str,
    text_key: str = "text",
    id_key: str = "id",
    published: str | None = None,
    skip_bad: bool = False,
) -> Iterator[Article | BadRecord]:
    """One article per JSON line; blank lines are ignored.

    Without ``skip_bad`` the first bad line raises :class:`InputError`; with it, a :class:`BadRecord` is
    yielded in its place and reading goes on.
    """
    _check_not_binary(path, name)
    offset = 0
    good = 0
    with open_binary(path) as handle:
        line = 0
        while True:
            try:
                raw = handle.readline()
            except (OSError, EOFError, zlib.error) as error:
                raise InputError(f"cannot read past this point: {error}", source=name, line=line + 1) from None
            if not raw:
                break
            line += 1
            line_offset = offset
            offset += len(raw)
            if not raw.strip():
                continue
            try:
                record = parse_jsonl_record(
                    raw, name=name, line=line, line_offset=line_offset, text_key=text_key, id_key=id_key,
                    published=published,
                )  # fmt: skip
            except InputError as error:
                if not skip_bad:
                    raise
                yield BadRecord(line, error)
                continue
            good += 1
            yield Article(line, record)
    if line == 0 or (good == 0 and not skip_bad):
        raise InputError("empty input: there is no article to analyse", source=name)


def parse_jsonl_record(
    raw: bytes,
    *,
    name: str,
    line: int,
    line_offset: int = 0,
    text_key: str = "text",
    id_key: str = "id",
    published: str | None = None,
) -> dict[str, Any]:
    """The record of one JSONL line (bytes as read), checked as :func:`read_jsonl` checks it.

    ``published`` is the date of a record that has none; ``id_key`` names the field copied to ``id``. Raises
    :class:`InputError` naming ``name``, ``line`` and, for encoding errors, the byte offset (``line_offset`` is
    where the line starts in the file).
    """
    record = _parse_line(raw, name=name, line=line, line_offset=line_offset, text_key=text_key)
    if published is not None and not record.get("published") and not record.get("date"):
        record["published"] = published
    if id_key != "id" and id_key in record:
        record["id"] = record[id_key]
    return record


def _parse_line(raw: bytes, *, name: str, line: int, line_offset: int, text_key: str) -> dict[str, Any]:
    text = _decode(raw, name=name, line=line, line_offset=line_offset)
    if line == 1:
        text = text.removeprefix("\ufeff")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg} at column {error.colno})", source=name, line=line) from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=name, line=line)
    value = record.get(text_key)
    if value is None:
        keys = ", ".join(record) or "none"
        raise InputError(f"no {text_key!r} field (keys: {keys}); set --text-key", source=name, line=line)
    if not isinstance(value, str):
        raise InputError(f"field {text_key!r} is {type(value).__name__}, not a string", source=name, line=line)
    if text_key != "text":
        record["text"] = value
    for key in ("published", "date"):
        if record.get(key):
            try:
                parse_published(record[key], field_name=key)
            except InputError as error:
                raise InputError(error.reason, source=name, line=line) from None
    return record
