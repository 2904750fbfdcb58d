"""Benchmark: throughput of the full pipeline, on one core and through ``khabar batch`` on every core.

Prints, in one run, on the first ``--limit`` articles of the corpus:

- the bare pass: gunzip, JSON decode and ``\\w+|[^\\w\\s]`` regex tokenisation, articles/s on one core;
- the full pipeline (every default stage) on one core, articles/s, and its ratio to the bare pass (goal: at most
  20, and at least 300 articles/s);
- the cost of each stage in microseconds per article (stages run as the pipeline runs them, on batches of
  ``khabar.pipeline.BATCH_SIZE`` articles);
- ``khabar batch`` (local engine, Parquet tables written) with ``--workers`` (default: every core) and with one
  worker (in this process), articles/s of wall-clock time, and the scaling between them (goal: near-linear);
- the CPU seconds the batch used (this process and its workers): articles per CPU second is the batch's
  per-core throughput, which other load on the machine disturbs less than wall-clock time;
- the peak memory of the whole process tree (this process and its workers, sampled every 50 ms) during each
  batch run (goal: under 1 GB at any input size; run with two limits to see that it stays flat).

One-core figures are CPU times of this process (``time.process_time``); batch figures are wall-clock times,
including starting the workers and writing the tables.

    python bench/throughput.py [--corpus ../shared/data/corpus/ant_multisource_v2.1.jsonl.gz] [--limit N]
                               [--workers N] [--partition-size N] [--worker-memory MIB] [--no-one-worker]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from khabar.batch import BatchReport

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant_multisource_v2.1.jsonl.gz"
BARE_TOKEN = re.compile(r"\w+|[^\w\s]")


def lines(path: Path, limit: int | None) -> list[bytes]:
    out = []
    with gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb") as handle:
        for line in handle:
            if line.strip():
                out.append(line)
            if limit is not None and len(out) >= limit:
                break
    return out


def bare_pass(raw: list[bytes]) -> float:
    start = time.process_time()
    tokens = 0
    for line in raw:
        tokens += len(BARE_TOKEN.findall(json.loads(line)["text"]))
    return time.process_time() - start


def pipeline_pass(raw: list[bytes]) -> float:
    import khabar

    start = time.process_time()
    for doc in khabar.pipe(json.loads(line) for line in raw):
        doc.to_dict()  # the output is part of the work
    return time.process_time() - start


def stage_costs(raw: list[bytes]) -> dict[str, float]:
    from khabar.pipeline import BATCH_SIZE, default_pipeline, to_document

    docs = [to_document(json.loads(line)) for line in raw]
    costs = dict.fromkeys(default_pipeline().names, 0.0)
    stages = default_pipeline().stages
    for first in range(0, len(docs), BATCH_SIZE):
        batch = docs[first : first + BATCH_SIZE]
        done = 0
        while done < len(stages):  # as Pipeline.run: a stage with pipe() on the batch, the others doc by doc
            if hasattr(stages[done], "pipe"):
                start = time.process_time()
                stages[done].pipe(batch)
                costs[stages[done].name] += time.process_time() - start
                done += 1
                continue
            group = []
            while done < len(stages) and not hasattr(stages[done], "pipe"):
                group.append(stages[done])
                done += 1
            for doc in batch:
                for stage in group:
                    start = time.process_time()
                    stage(doc)
                    costs[stage.name] += time.process_time() - start
    return {name: seconds / len(docs) * 1e6 for name, seconds in costs.items()}


def _tree_rss() -> int:
    """Resident bytes of this process and all its descendants."""
    try:
        import psutil
    except ImportError:  # without psutil: the largest of this process and its finished children
        usage = max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        )
        return usage * 1024
    me = psutil.Process()
    total = 0
    for process in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += process.memory_info().rss
    return total


class PeakMemory:
    """Samples the process tree's resident memory in a thread; ``peak`` in bytes."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _tree_rss())


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the pool's workers, once joined)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def batch_pass(
    source: Path, workers: int, partition_size: int, worker_memory: int | None
) -> tuple[float, float, BatchReport, int]:
    """Seconds (wall clock), CPU seconds of the whole tree, the report and peak tree memory (bytes) of a batch."""
    from khabar.batch import run_batch

    options = {} if worker_memory is None else {"worker_memory": worker_memory}
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as out, PeakMemory() as memory:
        started, cpu = time.perf_counter(), _cpu()
        report = run_batch([source], Path(out) / "out", workers=workers, partition_size=partition_size, **options)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    if report.failed:
        print(f"  {len(report.failed)} partitions failed: {report.failed[0][1]}", file=sys.stderr)
    return seconds, cpu, report, memory.peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) with id, text, date")
    parser.add_argument("--limit", type=int, default=2000, help="articles to use (default 2000; 0: all)")
    parser.add_argument("--workers", type=int, default=None, help="batch workers (default: one per core)")
    parser.add_argument("--partition-size", type=int, default=250, help="articles per batch partition")
    parser.add_argument("--stage-sample", type=int, default=300, help="articles for the cost of each stage")
    parser.add_argument("--worker-memory", type=int, default=None, help="MiB (default: khabar batch's default)")
    parser.add_argument("--no-one-worker", action="store_true", help="skip the batch run with one worker")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    from khabar.batch.local import default_workers

    workers = args.workers or default_workers()
    raw = lines(args.corpus, args.limit or None)
    articles = len(raw)
    print(f"corpus              {args.corpus.name}, first {articles} articles; {os.cpu_count()} cores")

    with tempfile.TemporaryDirectory(prefix="khabar-bench-input-") as folder:
        source = Path(folder) / "articles.jsonl"
        source.write_bytes(b"".join(line if line.endswith(b"\n") else line + b"\n" for line in raw))
        # All workers first, while this process has not loaded the pipeline: the tree's memory is the job's. One
        # worker runs in this process.
        runs = []
        for count in [workers] + ([1] if not args.no_one_worker and workers > 1 else []):
            seconds, cpu, report, peak = batch_pass(source, count, args.partition_size, args.worker_memory)
            runs.append((count, articles / seconds, peak))
            print(
                f"batch, {count} worker{'s' if count > 1 else ' '}    {articles / seconds:9.1f} articles/s"
                f"  ({report.documents} written in {seconds:.1f} s wall clock, {articles / cpu:.1f} articles per CPU"
                f" second; {report.resets} cache resets, workers at most {report.worker_memory} MiB,"
                f" peak memory {peak / 2**20:.0f} MiB)"
            )
        if len(runs) == 2:
            print(f"scaling             {runs[0][1] / runs[1][1]:9.2f} x with {workers} workers (ideal {workers})")

    import khabar
    from khabar.batch.worker import reset_caches

    reset_caches()  # the one-worker batch ran here: its caches must not warm the one-core pass
    khabar.analyze("تحميل الموارد")  # load the resources before timing; the per-form caches start empty
    bare = bare_pass(raw)
    full = pipeline_pass(raw)
    print(f"bare pass           {articles / bare:9.0f} articles/s  (read + JSON + regex tokens, one core)")
    print(f"full pipeline       {articles / full:9.1f} articles/s  (one core; goal at least 300)")
    print(f"ratio               {full / bare:9.1f} x the bare pass (goal: at most 20)")
    costs = stage_costs(raw[: args.stage_sample])
    print("cost per article    " + ", ".join(f"{name} {us:.0f} us" for name, us in costs.items()))
    print(f"one-core peak       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:9.0f} MiB (this process)")
    print(f"batch peak          {runs[0][2] / 2**20:9.0f} MiB (process tree, {workers} workers; goal under 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
