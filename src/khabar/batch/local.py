"""The local engine: partitions analysed by a pool of worker processes, one per core by default.

Workers are started with ``spawn`` (a clean interpreter, no copy of the caller's threads or memory); each builds
the pipeline once in its initialiser. At most ``2 × workers`` partitions are handed out at a time, and the next
is read only when one comes back, so memory stays flat whatever the size of the input. With one worker the
partitions run in the calling process, one after the other.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

from khabar.batch.worker import PipelineFactory, load_pipeline, start_worker

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Runs calls in ``workers`` processes (or in this process for one worker)."""

    name = "local"

    def __init__(self, workers: int | None = None, *, pipeline: PipelineFactory | None = None) -> None:
        self.workers = workers or default_workers()
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        self._pipeline = pipeline
        self._pool: ProcessPoolExecutor | None = None

    @property
    def slots(self) -> int:
        return self.workers

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=start_worker, initargs=(self._pipeline, os.getpid())
            )
        else:
            load_pipeline(self._pipeline)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map_unordered(
        self, function: Callable[..., R], calls: Iterable[tuple[T, tuple[Any, ...]]]
    ) -> Iterator[tuple[T, R | BaseException]]:
        """``function(*args)`` for each ``(tag, args)`` of ``calls``, yielding ``(tag, result or exception)`` as
        they finish; ``calls`` is consumed lazily, at most ``2 × workers`` ahead."""
        if self._pool is None:
            for tag, args in calls:
                try:
                    yield tag, function(*args)
                except Exception as error:
                    yield tag, error
            return
        pending: dict[Future[R], T] = {}
        source = iter(calls)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * self.workers:
                try:
                    tag, args = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending[self._pool.submit(function, *args)] = tag
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                tag = pending.pop(future)
                error = future.exception()
                yield tag, error if error is not None else future.result()
