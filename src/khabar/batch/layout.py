"""The output folder of a batch: one folder per table, a file per partition, markers, and the job's manifest.

::

    OUT/
      _batch.json                     what the job is: its inputs (path, size, mtime) and options
      _done/<partition>.json          a partition is finished: its counts (written last, atomically)
      documents/part-<partition>.parquet    … one file per partition in each table folder …
      mentions/ times/ quantities/ quotes/ events/ errors/ doc_entities/
      entities/part-corpus.parquet    one row per real-world entity of the whole batch
      jsonl/part-<partition>.jsonl.gz the khabar/1 documents (with --jsonl)

Every file is written under a temporary name (``.name.<pid>.tmp``, which no ``*.parquet`` glob and no pyarrow
dataset picks up) and renamed into place with :func:`os.replace`, so a reader or a crash sees whole files only.
A partition without its ``_done`` marker is done again by the next run; its files are overwritten, never
duplicated, because their names are the partition's id.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from khabar.batch.tables import TABLES
from khabar.errors import InputError, OutputError, describe_os_error

MANIFEST = "_batch.json"
DONE = "_done"
JSONL = "jsonl"
MANIFEST_SCHEMA = "khabar-batch/1"


class Layout:
    """Paths inside the output folder ``root``."""

    __slots__ = ("root",)

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def table_dir(self, table: str) -> Path:
        return self.root / table

    def part(self, table: str, partition: str) -> Path:
        return self.root / table / f"part-{partition}.parquet"

    def jsonl(self, partition: str) -> Path:
        return self.root / JSONL / f"part-{partition}.jsonl.gz"

    def done(self, partition: str) -> Path:
        return self.root / DONE / f"{partition}.json"

    @property
    def manifest(self) -> Path:
        return self.root / MANIFEST

    def finished(self) -> set[str]:
        """The ids of the partitions that have their ``_done`` marker."""
        folder = self.root / DONE
        if not folder.is_dir():
            return set()
        return {p.name.removesuffix(".json") for p in folder.glob("*.json") if not p.name.startswith(".")}

    def marker(self, partition: str) -> dict[str, Any]:
        return json.loads(self.done(partition).read_text(encoding="utf-8"))

    def folders(self) -> Iterator[Path]:
        """Every folder this layout writes."""
        for table in TABLES:
            yield self.table_dir(table)
        yield self.root / JSONL
        yield self.root / DONE

    def make_folders(self, *, jsonl: bool) -> None:
        for folder in self.folders():
            if folder.name != JSONL or jsonl:
                folder.mkdir(parents=True, exist_ok=True)

    def remove_temporary(self) -> None:
        """Temporary files left by a crashed run."""
        for folder in self.folders():
            if folder.is_dir():
                for path in folder.glob(".*.tmp"):
                    path.unlink(missing_ok=True)


@contextmanager
def writing(path: Path, *, exact: bool = True) -> Iterator[None]:
    """A failed write (a full disk, no permission) told as an :class:`OutputError` naming ``path``, or with
    ``exact=False`` the file under it that the system names (``path`` when it names none)."""
    try:
        yield
    except OSError as error:
        where = path if exact else (error.filename or path)
        raise OutputError(f"cannot write {where}: {describe_os_error(error)}") from None


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """``write(tmp)`` to a temporary name beside ``path``, then rename it to ``path`` (whole file or none)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json_atomic(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(path, lambda tmp: tmp.write_text(text + "\n", encoding="utf-8"))


def fingerprint(files: tuple[Path, ...], options: dict[str, Any]) -> dict[str, Any]:
    """What makes two runs the same job: the input files as they are now, and the options that shape the output."""
    inputs = []
    for path in files:
        stat = path.stat()
        inputs.append({"path": str(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
    return {"schema": MANIFEST_SCHEMA, "inputs": inputs, "options": options}


def prepare(root: Path, manifest: dict[str, Any], *, overwrite: bool, jsonl: bool) -> tuple[Layout, bool]:
    """The layout of ``root``, ready to write; ``True`` when it resumes a job already begun there.

    ``root`` must be missing, empty, or hold this same job (same inputs and options): resuming another job's
    output would mix two jobs. ``overwrite`` removes a previous job's output (only the files a batch writes).
    """
    layout = Layout(root)
    if root.exists() and not root.is_dir():
        raise InputError("exists and is not a folder", source=str(root))
    resumed = False
    if root.is_dir() and any(root.iterdir()):
        if not layout.manifest.is_file():
            raise InputError(
                "is not empty and holds no batch output (_batch.json); give a new folder", source=str(root)
            )
        try:
            previous = json.loads(layout.manifest.read_text(encoding="utf-8"))
        except ValueError:
            previous = None
        if overwrite:
            clear(layout)
        elif previous != json.loads(json.dumps(manifest)):
            raise InputError(
                "holds the output of another batch job (inputs or options differ); give a new folder, or"
                " --overwrite to start again",
                source=str(root),
            )
        else:
            resumed = True
    root.mkdir(parents=True, exist_ok=True)
    layout.make_folders(jsonl=jsonl)
    layout.remove_temporary()
    write_json_atomic(layout.manifest, manifest)
    return layout, resumed


def clear(layout: Layout) -> None:
    """Remove what a batch wrote under ``layout.root`` (its folders and manifest), nothing else."""
    for folder in layout.folders():
        if folder.is_dir():
            shutil.rmtree(folder)
    layout.manifest.unlink(missing_ok=True)
