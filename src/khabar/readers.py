"""Reading articles from files: plain text and JSONL (optionally gzipped), with errors that say where.

A reader yields :class:`Article` records or :class:`BadRecord` reports (with ``skip_bad``) in input order.
Everything is decoded strictly: a byte sequence that is not UTF-8 is reported with its line and byte offset,
never replaced, so no text is silently changed; nor is a JSON escape of a lone surrogate (``"\ud800"``), which
decodes to no character and could be written nowhere.

``max_bytes`` bounds an article (its JSON line, or its text file): one over it is refused (``too_long="refuse"``)
without being read into memory, or cut into parts read as a stream (``"split"``, see :mod:`khabar.streaming`).
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from khabar.document import parse_published
from khabar.errors import InputError
from khabar.streaming import (
    CHUNK,
    NAME,
    STREAMED,
    JsonObjectStream,
    cut,
    decoded,
    lone_surrogate,
    lone_surrogate_message,
    read_chunks,
)

Format = Literal["auto", "text", "jsonl"]
TooLong = Literal["refuse", "split"]
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".jsonlines")
SNIFF_BYTES = 8192
# The largest article the command line reads whole (--max-bytes): a million words of Arabic. Analysing 1 MB takes
# about 30 s and 60 MB on one core; 10 MB about 5 min and 600 MB.
DEFAULT_MAX_BYTES = 10_000_000
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, ready for :func:`khabar.pipeline.to_document`."""

    line: int
    record: dict[str, Any]
    part: int | None = None  # the part of an article split for its size (from 1), else None


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
    """The first bytes of ``path`` (gunzipped), for sniffing; of a damaged gzip file, those before the damage
    (the reader reports the damage with its line)."""
    data = bytearray()
    try:
        with open_binary(path) as handle:
            while len(data) < SNIFF_BYTES and (chunk := handle.read1(SNIFF_BYTES - len(data))):
                data += chunk
    except _READ_ERRORS as error:
        if not data:
            raise InputError(f"cannot read: {error}", source=str(path), line=1) from None
    return bytes(data)


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


def read_text(
    path: Path,
    *,
    name: str,
    published: str | None = None,
    max_bytes: int | None = None,
    too_long: TooLong = "refuse",
) -> Iterator[Article]:
    """The whole file as one article, its id the file name without extension.

    A file over ``max_bytes`` (after decompression) is refused, or with ``too_long="split"`` read as a stream
    and yielded in parts (ids ``<id>#part<k>``).
    """
    _check_not_binary(path, name)
    with open_binary(path) as handle:
        try:
            raw = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        except _READ_ERRORS as error:
            raise InputError(f"cannot read: {error}", source=name) from None
        if max_bytes is not None and len(raw) > max_bytes:
            if too_long != "split":
                raise InputError(_too_long_message(_size_of(path, handle, len(raw)), max_bytes), source=name)
            yield from _split_text(handle, raw, name=name, published=published, max_bytes=max_bytes)
            return
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


def _too_long_message(size: str, max_bytes: int) -> str:
    return (
        f"the article is {size} bytes, over the limit of {max_bytes:,} (--max-bytes);"
        " --too-long split analyses it in parts"
    )


def _size_of(path: Path, handle: IO[bytes], read: int) -> str:
    """The size of a file being read, for a message (a gzip file's is only known when read to the end)."""
    if isinstance(handle, gzip.GzipFile):
        return f"more than {read - 1:,}"
    return f"{path.stat().st_size:,}"


def _split_text(
    handle: IO[bytes], head: bytes, *, name: str, published: str | None, max_bytes: int
) -> Iterator[Article]:
    """A text file over the limit, cut into parts as it is read."""

    def chunks() -> Iterator[bytes]:
        yield head
        try:
            yield from read_chunks(handle)
        except _READ_ERRORS as error:
            raise InputError(f"cannot read past this point: {error}", source=name) from None

    def where(offset: int) -> InputError:
        return InputError("not UTF-8 (a byte that cannot start or continue a character)", source=name,
                          byte_offset=offset)  # fmt: skip

    pieces = decoded(chunks(), where=where)
    first = next(pieces, "").removeprefix("\ufeff")
    stem = _stem(name)
    for number, part in enumerate(cut(_chain(first, pieces), max_bytes), start=1):
        record: dict[str, Any] = {"id": f"{stem}#part{number}", "text": part}
        if published is not None:
            record["published"] = published
        yield Article(1, record, number)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


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
    max_bytes: int | None = None,
    too_long: TooLong = "refuse",
) -> Iterator[Article | BadRecord]:
    """One article per JSON line; blank lines are ignored.

    Without ``skip_bad`` the first bad line raises :class:`InputError`; with it, a :class:`BadRecord` is
    yielded in its place and reading goes on. A line over ``max_bytes`` is bad (never read whole), or with
    ``too_long="split"`` its article is yielded in parts (:mod:`khabar.streaming`). A file that cannot be read
    to its end (a gzip stream cut short or corrupt) raises :class:`InputError` naming the line it stopped at.
    """
    _check_not_binary(path, name)
    offset = 0
    good = 0
    with open_binary(path) as handle:
        line = 0
        while True:
            try:
                raw = handle.readline() if max_bytes is None else handle.readline(max_bytes + 1)
            except _READ_ERRORS as error:
                raise InputError(f"cannot read past this point: {error}", source=name, line=line + 1) from None
            if not raw:
                break
            line += 1
            line_offset = offset
            offset += len(raw)
            if max_bytes is not None and len(raw) > max_bytes and not raw.endswith(b"\n"):
                if too_long == "split":
                    parts, size = _split_line(
                        handle, raw, name=name, line=line, line_offset=line_offset, text_key=text_key,
                        id_key=id_key, published=published, max_bytes=max_bytes,
                    )  # fmt: skip
                    offset = line_offset + size
                    if isinstance(parts, InputError):
                        if not skip_bad:
                            raise parts
                        yield BadRecord(line, parts)
                        continue
                    good += 1
                    yield from parts
                    continue
                size = len(raw) + _skip_line(handle, name=name, line=line)
                offset = line_offset + size
                error = too_long_error(size, max_bytes, name=name, line=line)
                if not skip_bad:
                    raise error
                yield BadRecord(line, error)
                continue
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


def too_long_error(size: int, max_bytes: int, *, name: str, line: int | None = None) -> InputError:
    """The error of an article of ``size`` bytes refused for being over ``max_bytes``."""
    return InputError(_too_long_message(f"{size:,}", max_bytes), source=name, line=line)


def read_long_line(
    path: Path,
    *,
    name: str,
    line: int,
    line_offset: int,
    text_key: str = "text",
    id_key: str = "id",
    published: str | None = None,
    max_bytes: int,
) -> Iterator[Article]:
    """The parts of the article on line ``line`` of ``path``, a JSON line over ``max_bytes`` starting at byte
    ``line_offset`` (of the gunzipped file), read as a stream (see :func:`read_jsonl` with ``too_long="split"``).

    The line is copied to a temporary file before this returns, so ``path`` is closed while the parts are read.
    Raises :class:`InputError` for a line that is not a JSON article.
    """
    with open_binary(path) as handle:
        try:
            handle.seek(line_offset)
        except _READ_ERRORS as error:
            raise InputError(f"cannot read past this point: {error}", source=name, line=line) from None
        parts, _ = _split_line(
            handle, b"", name=name, line=line, line_offset=line_offset, text_key=text_key, id_key=id_key,
            published=published, max_bytes=max_bytes,
        )  # fmt: skip
    if isinstance(parts, InputError):
        raise parts
    return parts


def _skip_line(handle: IO[bytes], *, name: str, line: int) -> int:
    """Read past the rest of a line without keeping it; the bytes skipped."""
    skipped = 0
    while True:
        try:
            chunk = handle.readline(CHUNK)
        except _READ_ERRORS as error:
            raise InputError(f"cannot read past this point: {error}", source=name, line=line) from None
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _split_line(
    handle: IO[bytes],
    head: bytes,
    *,
    name: str,
    line: int,
    line_offset: int,
    text_key: str,
    id_key: str,
    published: str | None,
    max_bytes: int,
) -> tuple[Iterator[Article] | InputError, int]:
    """The parts of an article whose JSON line is over the limit, and the size of the line.

    The line is copied to a temporary file and parsed from there as a stream; the text goes to a second
    temporary file, cut into parts as they are asked for: one part at a time is in memory.
    """

    def error(message: str) -> InputError:
        return InputError(message, source=name, line=line)

    spool = tempfile.TemporaryFile(prefix="khabar-line-")  # noqa: SIM115 (closed below)
    size = len(head)
    spool.write(head)
    if not head.endswith(b"\n"):
        while True:
            try:
                chunk = handle.readline(CHUNK)
            except _READ_ERRORS as read_error:
                spool.close()
                raise error(f"cannot read past this point: {read_error}") from None
            spool.write(chunk)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
    spool.seek(0)

    def where(offset: int) -> InputError:
        return InputError(
            "not UTF-8 (a byte that cannot start or continue a character)", source=name, line=line,
            byte_offset=line_offset + offset,
        )  # fmt: skip

    text_file = tempfile.TemporaryFile(prefix="khabar-text-")  # noqa: SIM115 (closed below or by _parts)
    try:
        pieces = decoded(read_chunks(spool), where=where)
        first = next(pieces, "")
        if line == 1:
            first = first.removeprefix("\ufeff")
        stream = JsonObjectStream(_chain(first, pieces), max_value=max_bytes, error=error, text_key=text_key)
        members = stream.parse(lambda piece: text_file.write(piece.encode("utf-8")))
    except InputError as problem:
        text_file.close()
        return problem, size
    finally:
        spool.close()
    if members.get(text_key) is not STREAMED:
        text_file.close()
        if text_key in members and members[text_key] is not None:
            return error(f"field {text_key!r} is {type(members[text_key]).__name__}, not a string"), size
        keys = ", ".join(members) or "none"
        return error(f"no {text_key!r} field (keys: {keys}); set --text-key"), size
    record = {key: value for key, value in members.items() if key not in (text_key, "text")}
    try:
        _checked(record, name=name, line=line, text_key=text_key, with_text=False)
    except InputError as problem:
        text_file.close()
        return problem, size
    if published is not None and not record.get("published") and not record.get("date"):
        record["published"] = published
    if id_key != "id" and id_key in record:
        record["id"] = record[id_key]
    base = str(record["id"]) if record.get("id") is not None else f"{Path(name).name}:{line}"
    text_file.seek(0)
    texts = cut(decoded(read_chunks(text_file), where=where), max_bytes)
    return _parts(texts, text_file, record, base, line), size


def _parts(texts: Iterator[str], handle: IO[bytes], record: dict[str, Any], base: str, line: int) -> Iterator[Article]:
    """The parts of a split article, cut from their temporary file as they are asked for."""
    try:
        number = 0
        for number, text in enumerate(texts, start=1):
            yield Article(line, {**record, "id": f"{base}#part{number}", "text": text}, number)
        if number == 0:  # an empty text has no parts: the article itself goes on, to be refused for it
            yield Article(line, {**record, "text": ""})
    finally:
        handle.close()


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
    if _SURROGATE_ESCAPE.search(raw):
        _check_surrogates(record, name=name, line=line)
    return _checked(record, name=name, line=line, text_key=text_key)


def _checked(record: dict[str, Any], *, name: str, line: int, text_key: str, with_text: bool = True) -> dict[str, Any]:
    """``record`` with its text under ``text``, once its text and dates are checked."""
    if with_text:
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
    for key in ("title", "source", "url"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"field {key!r} is {type(value).__name__}, not a string", source=name, line=line)
    return record


def _check_surrogates(value: Any, *, name: str, line: int, field: str = "") -> None:
    """InputError when a string of ``value`` (a parsed JSON value) holds a lone surrogate."""
    if isinstance(value, str):
        position = lone_surrogate(value)
        if position is not None:
            message = lone_surrogate_message(field or "(value)", value[position], position)
            raise InputError(message, source=name, line=line)
    elif isinstance(value, dict):
        for key, item in value.items():
            position = lone_surrogate(key)
            if position is not None:
                raise InputError(lone_surrogate_message(NAME, key[position], position), source=name, line=line)
            _check_surrogates(item, name=name, line=line, field=f"{field}.{key}".lstrip("."))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_surrogates(item, name=name, line=line, field=f"{field}[{index}]")
