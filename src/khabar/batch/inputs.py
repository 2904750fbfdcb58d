"""What a batch reads, cut into partitions: the same inputs always give the same partitions, with the same ids.

A JSONL(.gz) file is cut into partitions of ``size`` articles (non-blank lines, bad ones included: they become
rows of the ``errors`` table); text and HTML files (one article each, given or found in folders) are taken in
order, ``size`` files a partition. Planning reads each JSONL file once to count its lines, so that progress has a
total and an ETA; :func:`payloads` reads them again, one partition at a time, and hands each to a worker as raw
lines (decoding, JSON and the checks happen in the worker, so a bad line costs the reader nothing).

A partition id names its file, a short hash of the file's full path and the partition's number
(``articles-3f9a1c-00002``), so a rerun finds what is done whatever order the partitions finished in.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from khabar.readers import detect_format, open_binary
from khabar.store.sources import is_html, list_files
from khabar.streaming import CHUNK

DEFAULT_PARTITION_SIZE = 500

Kind = Literal["jsonl", "files", "unreadable"]
# Line number (from 1), byte offset of the line, and the line as read, or its size when it is over the size limit.
Line = tuple[int, int, bytes | int]


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work and of output: ``articles`` lines of a JSONL file from line ``first_line``, a list of text
    or HTML files, or a file that could not be read at all (``reason``)."""

    id: str
    kind: Kind
    source: str
    articles: int
    first_line: int = 0
    files: tuple[str, ...] = ()
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """Every partition of a job, in input order, and the files they come from (for the manifest)."""

    partitions: tuple[Partition, ...]
    files: tuple[Path, ...]
    max_bytes: int | None = None  # the size limit of a JSON line the plan was made with

    @property
    def articles(self) -> int:
        return sum(p.articles for p in self.partitions)


def _slug(path: Path) -> str:
    base = path.name
    for suffix in (".gz", ".jsonl", ".ndjson", ".jsonlines"):
        base = base.removesuffix(suffix)
    return (re.sub(r"[^A-Za-z0-9_.-]+", "_", base).strip("._") or "input")[:40]


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def _is_jsonl(path: Path) -> bool:
    try:
        return not is_html(path) and detect_format(path, str(path)) == "jsonl"
    except Exception:  # an unreadable file is read as one article, whose reader says what is wrong
        return False


def _lines(path: Path, max_bytes: int | None = None) -> Iterator[Line]:
    """The non-blank lines of ``path`` (gunzipped), with their numbers and byte offsets.

    A line over ``max_bytes`` is never held whole: it is read past in chunks and its size in bytes stands for it.
    """
    offset = number = 0
    with open_binary(path) as handle:
        while raw := handle.readline() if max_bytes is None else handle.readline(max_bytes + 1):
            number += 1
            line_offset = offset
            if max_bytes is not None and len(raw) > max_bytes and not raw.endswith(b"\n"):
                size = len(raw)
                while not raw.endswith(b"\n") and (raw := handle.readline(CHUNK)):
                    size += len(raw)
                offset += size
                yield number, line_offset, size
                continue
            offset += len(raw)
            if raw.strip():
                yield number, line_offset, raw


def plan(paths: Sequence[str | Path], size: int = DEFAULT_PARTITION_SIZE, max_bytes: int | None = None) -> Plan:
    """The partitions of ``paths`` (files or folders); a missing path raises :class:`InputError` at once.

    A JSON line over ``max_bytes`` is carried as its size (the worker refuses it or reads it in parts).
    """
    if size < 1:
        raise ValueError(f"the partition size must be at least 1, got {size}")
    files: list[Path] = []
    seen: set[Path] = set()
    for path in list_files(paths):
        if path.resolve() not in seen:  # a file given twice (or inside a folder also given) is read once
            seen.add(path.resolve())
            files.append(path)
    partitions: list[Partition] = []
    singles: list[Path] = []
    for path in files:
        if not _is_jsonl(path):
            singles.append(path)
            continue
        partitions.extend(_jsonl_partitions(path, size, max_bytes))
    if singles:
        digest = _digest("\n".join(str(p.resolve()) for p in singles))
        for number, start in enumerate(range(0, len(singles), size)):
            chunk = tuple(str(p) for p in singles[start : start + size])
            partitions.append(Partition(f"files-{digest}-{number:05d}", "files", chunk[0], len(chunk), files=chunk))
    return Plan(tuple(partitions), tuple(files), max_bytes)


def _jsonl_partitions(path: Path, size: int, max_bytes: int | None) -> list[Partition]:
    prefix = f"{_slug(path)}-{_digest(str(path.resolve()))}"
    partitions: list[Partition] = []
    count = first = last = 0
    failure: str | None = None

    def cut() -> None:
        partitions.append(Partition(f"{prefix}-{len(partitions):05d}", "jsonl", str(path), count, first))

    try:
        for line, _, _ in _lines(path, max_bytes):
            if count == 0:
                first = line
            count += 1
            last = line
            if count == size:
                cut()
                count = 0
    except (OSError, EOFError, zlib.error) as error:
        failure = f"{path}: cannot read past line {last}: {error}"
    if count:
        cut()
    if failure is None and not partitions:
        failure = f"{path}: empty input: there is no article to analyse"
    if failure is not None:
        partitions.append(Partition(f"{prefix}-unreadable", "unreadable", str(path), 0, reason=failure))
    return partitions


def payloads(job: Plan, skip: set[str] | frozenset[str] = frozenset()) -> Iterator[tuple[Partition, list[Line]]]:
    """Each partition not in ``skip`` with its raw lines (none for files and unreadable ones), in plan order.

    Lines are read lazily, one partition at a time, so memory holds the partitions handed out, never the input.
    """
    by_source: dict[str, list[Partition]] = {}
    for partition in job.partitions:
        if partition.kind == "jsonl":
            by_source.setdefault(partition.source, []).append(partition)
    read: set[str] = set()
    for partition in job.partitions:
        if partition.kind != "jsonl":
            if partition.id not in skip:
                yield partition, []
            continue
        if partition.source in read:
            continue
        read.add(partition.source)
        if any(p.id not in skip for p in by_source[partition.source]):
            yield from _read_partitions(Path(partition.source), by_source[partition.source], skip, job.max_bytes)


def _read_partitions(
    path: Path, partitions: list[Partition], skip: set[str] | frozenset[str], max_bytes: int | None
) -> Iterator[tuple[Partition, list[Line]]]:
    lines = _lines(path, max_bytes)
    last = max(i for i, p in enumerate(partitions) if p.id not in skip)
    for partition in partitions[: last + 1]:
        if partition.kind != "jsonl":
            continue
        if partition.id in skip:
            for _ in zip(range(partition.articles), lines, strict=False):
                pass  # read past a finished partition without keeping its lines
            continue
        chunk: list[Line] = []
        for item in lines:
            chunk.append(item)
            if len(chunk) == partition.articles:
                break
        yield partition, chunk
