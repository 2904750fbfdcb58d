"""The pipeline: named stages run in order over a :class:`~khabar.document.Document`.

A stage is a small callable ``Document -> Document`` with a ``name`` and two sets of capability names:
``requires`` (what must have been provided by an earlier stage) and ``provides`` (what it adds, usually the
layers it sets). The built-in stages are registered in :mod:`khabar.stages`; :class:`Pipeline` checks the
requirements once, when it is built, so a misordered pipeline fails before any text is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any, Protocol, runtime_checkable

from khabar.document import METADATA_KEYS, Document
from khabar.errors import InputError, KhabarError, PipelineError


@runtime_checkable
class Stage(Protocol):
    """What a pipeline stage is: a named callable with declared needs and products."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, doc: Document) -> Document: ...


ErrorHandler = Callable[[int, Any, Exception], None]
Record = str | Mapping[str, Any] | Document


class Pipeline:
    """An ordered list of stages; ``Pipeline()`` is the default pipeline of every built-in stage."""

    __slots__ = ("_stages",)

    def __init__(self, stages: Sequence[str | Stage] | None = None) -> None:
        from khabar.stages import DEFAULT_STAGES, create_stage

        chosen = DEFAULT_STAGES if stages is None else stages
        built = [create_stage(s) if isinstance(s, str) else s for s in chosen]
        provided: set[str] = set()
        for stage in built:
            if not isinstance(stage, Stage):
                raise PipelineError(f"{stage!r} is not a stage (it needs name, requires, provides, __call__)")
            missing = stage.requires - provided
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(sorted(missing))}, which no earlier stage provides"
                    f" (pipeline: {', '.join(s.name for s in built)})"
                )
            provided |= stage.provides
        self._stages: tuple[Stage, ...] = tuple(built)

    @property
    def stages(self) -> tuple[Stage, ...]:
        return self._stages

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self._stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self._stages:
            doc = stage(doc)
        return doc

    def analyze(
        self,
        text: str,
        *,
        published: str | date | None = None,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Document:
        """Analyse one article."""
        return self(Document(text, id=id, published=published, meta=meta))

    def pipe(self, records: Iterable[Record], *, on_error: ErrorHandler | None = None) -> Iterator[Document]:
        """Analyse many records (texts, JSON-like mappings or documents), in order, lazily.

        Without ``on_error`` the first bad record raises (an :class:`InputError` or :class:`PipelineError`
        naming the record); with it, ``on_error(index, record, error)`` is called and the record is skipped.
        """
        for index, record in enumerate(records):
            try:
                doc = self(to_document(record, index=index))
            except Exception as error:  # one bad article must not end the batch when a handler is given
                reported = error if isinstance(error, KhabarError) else _stage_failure(index, record, error)
                if on_error is None:
                    raise reported from error
                on_error(index, record, reported)
                continue
            yield doc


def _stage_failure(index: int, record: Any, error: Exception) -> PipelineError:
    record_id = record.get("id") if isinstance(record, Mapping) else getattr(record, "id", None)
    label = f"record {index}" + (f" (id {record_id!r})" if record_id is not None else "")
    return PipelineError(f"{label}: analysis failed: {type(error).__name__}: {error}")


def to_document(
    record: Record,
    *,
    index: int | None = None,
    text_key: str = "text",
    id_key: str = "id",
    published_keys: Sequence[str] = ("published", "date"),
) -> Document:
    """A :class:`Document` from a text, a JSON-like mapping or a document (returned as is)."""
    if isinstance(record, Document):
        return record
    where = f"record {index}" if index is not None else "record"
    if isinstance(record, str):
        return Document(record)
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a text or an object, got {type(record).__name__}")
    text = record.get(text_key)
    if text is None:
        raise InputError(f"{where}: no {text_key!r} field (keys: {', '.join(map(str, record)) or 'none'})")
    if not isinstance(text, str):
        raise InputError(f"{where}: field {text_key!r} is {type(text).__name__}, not a string")
    published = next((record[k] for k in published_keys if record.get(k)), None)
    record_id = record.get(id_key)
    meta = {k: record[k] for k in METADATA_KEYS if record.get(k) is not None}
    for key, value in meta.items():
        if not isinstance(value, str):
            raise InputError(f"{where}: field {key!r} is {type(value).__name__}, not a string")
    try:
        return Document(
            text,
            id=None if record_id is None else str(record_id),
            published=published,
            meta=meta,
        )
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


@cache
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process (stages are immutable once built)."""
    return Pipeline()


def analyze(
    text: str,
    published: str | date | None = None,
    *,
    id: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Document:
    """Analyse one article with the default pipeline."""
    return default_pipeline().analyze(text, published=published, id=id, meta=meta)


def pipe(records: Iterable[Record], *, on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Analyse many records with the default pipeline (see :meth:`Pipeline.pipe`)."""
    return default_pipeline().pipe(records, on_error=on_error)
