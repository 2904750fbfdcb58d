"""The corpus store: articles analysed once, kept in SQLite, searched and listed.

>>> from khabar.store import Store
>>> with Store("khabar.db") as store:                       # doctest: +SKIP
...     store.ingest(["examples/articles.jsonl"])
...     results = store.search("الناتو")

Modules: :mod:`~khabar.store.schema` (tables, opening), :mod:`~khabar.store.sources` (files to articles),
:mod:`~khabar.store.ingest` (analysis and batched, transactional writes), :mod:`~khabar.store.terms` (search
terms), :mod:`~khabar.store.dedup` (near-duplicates), :mod:`~khabar.store.entities` (corpus entity identity),
:mod:`~khabar.store.search` (full text) and :mod:`~khabar.store.queries` (lists and pages).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType

from khabar.document import Document
from khabar.pipeline import Pipeline
from khabar.readers import TooLong
from khabar.store.dedup import DEFAULT_THRESHOLD
from khabar.store.ingest import DEFAULT_BATCH_SIZE, Ingester, IngestReport
from khabar.store.queries import NO_FILTER, Filter, Page
from khabar.store.schema import StoreError, connect
from khabar.store.search import Results, Searcher
from khabar.store.sources import iter_sources


class Store:
    """A corpus store in the SQLite file ``path`` (created when missing, unless ``create`` is false)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.connection: sqlite3.Connection = connect(self.path, create=create)
        self._searcher: Searcher | None = None

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        published: str | None = None,
        text_key: str = "text",
        id_key: str = "id",
        pipeline: Pipeline | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        workers: int = 1,
        threshold: float = DEFAULT_THRESHOLD,
        on_batch: Callable[[IngestReport], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        max_bytes: int | None = None,
        too_long: TooLong = "refuse",
    ) -> IngestReport:
        """Analyse and store the articles of ``paths`` (files or folders; see :mod:`khabar.store.sources`).

        ``workers`` > 1 analyses in that many worker processes while this one writes. An article over
        ``max_bytes`` is recorded as an error and skipped, or with ``too_long="split"`` stored in parts.
        """
        items = iter_sources(
            paths, published=published, text_key=text_key, id_key=id_key, max_bytes=max_bytes, too_long=too_long
        )
        ingester = Ingester(
            self.path,
            pipeline=pipeline,
            batch_size=batch_size,
            workers=workers,
            threshold=threshold,
            on_batch=on_batch,
            on_error=on_error,
        )
        return ingester.ingest(items)

    def add(
        self, docs: Iterable[Document], *, origin: str = "python", batch_size: int = DEFAULT_BATCH_SIZE
    ) -> IngestReport:
        """Store documents that are already analysed, with the layers they have."""
        return Ingester(self.path, batch_size=batch_size).ingest_documents(docs, origin=origin)

    def search(self, query: str, where: Filter = NO_FILTER, page: int = 1, size: int = 20) -> Results:
        """Ranked articles for ``query`` (see :mod:`khabar.store.search`)."""
        if self._searcher is None:
            self._searcher = Searcher(self.connection)
        return self._searcher.search(query, where, page, size)


__all__ = ["Filter", "IngestReport", "Page", "Results", "Store", "StoreError"]
