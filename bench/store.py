"""Store benchmark: ingest rate next to the analysis rate, and search latency, on the multi-source corpus.

    python bench/store.py [--corpus PATH] [--limit N] [--workers N] [--db PATH]

Prints, on the same articles: the analysis rate (``khabar.pipe``, one process, nothing stored), the ingest rate
into a fresh SQLite store with one process and with ``--workers`` analysing processes, and the search latency
(p50, p95, max) of a fixed set of queries on the resulting store. Goals: ingest no more than 20% slower than
analysis; search p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import khabar
from khabar.store import Store
from khabar.store.ingest import Ingester
from khabar.store.sources import SourceItem

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "ant_multisource_v2.1.jsonl.gz"
QUERIES = (
    "الناتو", "العراق", "وزير الخارجية", "ترامب", "كأس العالم", "النفط", '"الأمم المتحدة"', "السعودية", "إيران",
    "الاقتصاد", "مصر", "فلسطين القدس", "سوريا", "الانتخابات", "كرة القدم", "تونس", "الرئيس", "اليوم", "في",
    "أسعار النفط", "برشلونة", "الصين", "روسيا", "حكومته", "اتصال هاتفي", "ولي العهد السعودي", "٢٠١٨", "المغرب",
    "الاتحاد الأوروبي", "صندوق النقد الدولي",
)  # fmt: skip


def read(path: Path, limit: int | None) -> list[dict]:
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def ingest_rate(records: list[dict], db: Path, workers: int) -> tuple[float, int, int]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    Store(db).close()
    items = [SourceItem(f"corpus:{n}", dict(r)) for n, r in enumerate(records, start=1)]
    started = time.perf_counter()
    report = Ingester(db, workers=workers).ingest(items)
    seconds = time.perf_counter() - started
    return report.added / seconds, report.added, report.near_duplicates


def search_latency(db: Path, rounds: int = 5) -> list[float]:
    with Store(db, create=False) as store:
        for query in QUERIES:  # warm the page cache and the term caches
            store.search(query)
        timings = []
        for _ in range(rounds):
            for query in QUERIES:
                started = time.perf_counter()
                store.search(query)
                timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL.gz with id, text, date")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="analysing processes (default: cores)")
    parser.add_argument("--db", type=Path, default=None, help="store to write (default: a temporary file)")
    args = parser.parse_args()
    records = read(args.corpus, args.limit)
    list(khabar.pipe(records[:200]))  # load the resources before timing
    print(f"articles                   {len(records)}")

    started = time.perf_counter()
    for _ in khabar.pipe(records):
        pass
    analysis = len(records) / (time.perf_counter() - started)
    print(f"analysis, one process      {analysis:8.1f} articles/s")

    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or Path(scratch) / "bench.db"
        single, _, _ = ingest_rate(records, db, 1)
        print(f"ingest, one process        {single:8.1f} articles/s ({single / analysis:.2f} of analysis)")
        if args.workers > 1:
            parallel, added, near = ingest_rate(records, db, args.workers)
            label = f"ingest, {args.workers} workers"
            print(f"{label:27s}{parallel:8.1f} articles/s ({parallel / analysis:.2f} of analysis)")
        else:
            _, added, near = ingest_rate(records, db, 1)
        print(f"stored                     {added} articles, {near} near-duplicates linked")
        print(f"store size                 {db.stat().st_size / 2**20:8.1f} MiB")
        timings = search_latency(db)
    p95 = timings[int(0.95 * len(timings)) - 1]
    median = statistics.median(timings)
    print(
        f"search latency             p50 {median:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms ({len(timings)})"
    )


if __name__ == "__main__":
    main()
