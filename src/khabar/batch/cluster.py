"""The Dask engine: the same partitions, the same worker function, the same files, on a Dask cluster.

``DaskEngine(scheduler="tcp://host:8786")`` connects to a running cluster; without an address it starts a
``LocalCluster`` of ``workers`` processes with one thread each. Each Dask worker process builds the pipeline
once, on its first partition, and keeps it (:func:`khabar.batch.worker.load_pipeline`). At most two partitions
per worker thread are submitted at a time, so the client's memory stays flat.

The workers write the partitions' files themselves: the output folder must be the same path on the client and
on every worker (a shared file system; always so for a LocalCluster), and the workers need khabar installed. Give
a cluster's workers one thread each (``dask worker --nthreads 1``, processes for more): the analysis is Python
that holds the GIL, and a worker's threads would share one pipeline.
Dask is imported only here, so khabar's core does not depend on it (``pip install 'khabar[dask]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from khabar.errors import KhabarError

T = TypeVar("T")
R = TypeVar("R")


def _distributed() -> Any:
    try:
        import dask.distributed as distributed
    except ImportError:
        raise KhabarError(
            "the Dask engine needs dask.distributed: pip install 'khabar[dask]' (or 'dask[distributed]')"
        ) from None
    return distributed


class DaskEngine:
    """Runs calls on a Dask cluster: the one at ``scheduler``, or a LocalCluster of ``workers`` processes."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None, *, processes: bool = True) -> None:
        from khabar.batch.local import default_workers

        self.scheduler = scheduler
        self.workers = workers or default_workers()
        self.processes = processes
        self._client: Any = None
        self._cluster: Any = None
        self._slots = self.workers

    @property
    def slots(self) -> int:
        return self._slots

    @property
    def client(self) -> Any:
        return self._client

    def __enter__(self) -> DaskEngine:
        distributed = _distributed()
        if self.scheduler:
            self._client = distributed.Client(self.scheduler)
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=self.processes,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self._client = distributed.Client(self._cluster)
        self._slots = max(1, sum(self._client.nthreads().values()))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map_unordered(
        self, function: Callable[..., R], calls: Iterable[tuple[T, tuple[Any, ...]]]
    ) -> Iterator[tuple[T, R | BaseException]]:
        """``function(*args)`` for each ``(tag, args)`` of ``calls`` on the cluster, yielding ``(tag, result or
        exception)`` as they finish; ``calls`` is consumed lazily, at most two per worker thread ahead."""
        distributed = _distributed()
        pending: dict[Any, T] = {}
        source = iter(calls)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * self._slots:
                try:
                    tag, args = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending[self._client.submit(function, *args, pure=False)] = tag
            if not pending:
                return
            done = distributed.wait(list(pending), return_when="FIRST_COMPLETED").done
            for future in done:
                tag = pending.pop(future)
                if future.status == "finished":
                    yield tag, future.result()
                else:
                    yield tag, future.exception()
                future.release()
