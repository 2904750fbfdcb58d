"""The pipeline: named stages run in order over a :class:`~khabar.document.Document`.

A stage is a small callable ``Document -> Document`` with a ``name`` and two sets of capability names:
``requires`` (what must have been provided by an earlier stage) and ``provides`` (what it adds, usually the
layers it sets). The built-in stages are registered in :mod:`khabar.stages`; :class:`Pipeline` checks the
requirements once, when it is built, so a misordered pipeline fails before any text is read.

A stage may also have ``pipe(docs) -> list[Document]``, which analyses several documents at once, as spaCy's
components do: the tagger decodes the sentences of a few articles side by side, which costs a fraction of decoding
each article alone. :meth:`Pipeline.pipe` hands stages :data:`BATCH_SIZE` documents at a time.
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
BATCH_SIZE = 16  # documents a stage with a ``pipe`` method sees at once
BATCH_CHARS = 1_000_000  # ... unless their texts are longer than this together: a long article is analysed alone


def batch_is_full(docs: Sequence[Document], size: int = BATCH_SIZE) -> bool:
    """Whether a batch of documents being gathered should be analysed now: ``size`` of them, or texts of
    :data:`BATCH_CHARS` characters together (memory stays that of a few articles, whatever their length)."""
    return len(docs) >= size or sum(len(doc.text) for doc in docs) >= BATCH_CHARS


Record = str | Mapping[str, Any] | Document


class Pipeline:
    """An ordered list of stages; ``Pipeline()`` is the default pipeline of every built-in stage."""

    __slots__ = ("_groups", "_stages")

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
        self._groups = _batch_groups(self._stages)

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

    def pipe(
        self,
        records: Iterable[Record],
        *,
        on_error: ErrorHandler | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> Iterator[Document]:
        """Analyse many records (texts, JSON-like mappings or documents), in order, lazily, ``batch_size`` at a time
        (fewer when their texts are long: :func:`batch_is_full`).

        Without ``on_error`` the first bad record raises (an :class:`InputError` or :class:`PipelineError`
        naming the record); with it, ``on_error(index, record, error)`` is called and the record is skipped.
        """
        batch: list[tuple[int, Record, Document]] = []

        def finish() -> Iterator[Document]:
            results = self.run([doc for _, _, doc in batch])
            for (index, record, _), result in zip(batch, results, strict=True):
                if isinstance(result, Document):
                    yield result
                    continue
                reported = result if isinstance(result, KhabarError) else _stage_failure(index, record, result)
                if on_error is None:
                    raise reported from result
                on_error(index, record, reported)
            batch.clear()

        for index, record in enumerate(records):
            try:
                doc = to_document(record, index=index)
            except Exception as error:  # one bad record must not end the batch when a handler is given
                reported = error if isinstance(error, KhabarError) else _stage_failure(index, record, error)
                if on_error is None:
                    yield from finish()
                    raise reported from error
                on_error(index, record, reported)
                continue
            batch.append((index, record, doc))
            if batch_is_full([doc for _, _, doc in batch], batch_size):
                yield from finish()
        yield from finish()

    def run(self, docs: Sequence[Document]) -> list[Document | Exception]:
        """Analyse several documents together: per document, the analysed document or the error that stopped it.

        A stage with a ``pipe`` method sees the documents together (when that fails, it is run on each document
        alone, so one bad article is reported and the others go on); the stages between such stages run on one
        document after the other, as :meth:`__call__` runs them, so that what one stage leaves for the next about
        the same document is still at hand.
        """
        results: list[Document | Exception] = list(docs)
        for group in self._groups:
            alive = [i for i, result in enumerate(results) if isinstance(result, Document)]
            many = getattr(group[0], "pipe", None) if len(group) == 1 else None
            if many is not None and len(alive) > 1:
                try:
                    done = list(many([results[i] for i in alive]))
                except Exception:  # one of them fails the batch: find which, one by one
                    done = None
                if done is not None and len(done) == len(alive) and all(isinstance(d, Document) for d in done):
                    for i, doc in zip(alive, done, strict=True):
                        results[i] = doc
                    continue  # else (it failed, or gave back something else): the documents one by one
            for i in alive:
                try:
                    for stage in group:
                        results[i] = stage(results[i])
                except Exception as error:  # reported per document by the caller
                    results[i] = error
        return results


def _batch_groups(stages: Sequence[Stage]) -> tuple[tuple[Stage, ...], ...]:
    """The stages in the groups :meth:`Pipeline.run` runs: each stage with a ``pipe`` method alone, and the runs of
    stages without one between them."""
    groups: list[list[Stage]] = []
    for stage in stages:
        if hasattr(stage, "pipe") or not groups or hasattr(groups[-1][0], "pipe"):
            groups.append([stage])
        else:
            groups[-1].append(stage)
    return tuple(tuple(group) for group in groups)


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
