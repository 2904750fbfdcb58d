"""Throughput of the numbers and times stages next to the text layer they run after.

    python bench/times_numbers.py [--corpus PATH] [--limit N]

Prints articles per second for the text layer (the default pipeline without numbers and times), for the two
stages alone on documents that already have the text layer, and for the whole default pipeline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from khabar.document import Document
from khabar.pipeline import Pipeline
from khabar.stages import DEFAULT_STAGES

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "ant_multisource_v2.1.jsonl.gz"


def read_articles(path: Path, limit: int) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    articles = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                articles.append(json.loads(line))
            if len(articles) >= limit:
                break
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) with text and date")
    parser.add_argument("--limit", type=int, default=5000, help="number of articles to read (default 5000)")
    args = parser.parse_args()
    articles = read_articles(args.corpus, args.limit)
    text_layer = Pipeline([s for s in DEFAULT_STAGES if s not in ("numbers", "times")])
    ours = Pipeline(["numbers", "times"])
    docs = [Document(a["text"], published=a.get("date") or None) for a in articles]

    started = time.perf_counter()
    for doc in docs:
        text_layer(doc)
    text_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for doc in docs:
        ours(doc)
    ours_seconds = time.perf_counter() - started

    full = Pipeline()
    started = time.perf_counter()
    for article in articles:
        full(Document(article["text"], published=article.get("date") or None))
    full_seconds = time.perf_counter() - started

    count = len(docs)
    times = sum(len(d.times) for d in docs)
    quantities = sum(len(d.quantities) for d in docs)
    print(f"articles                      {count}")
    print(f"text layer                    {count / text_seconds:10.1f} articles/s")
    print(f"numbers + times               {count / ours_seconds:10.1f} articles/s")
    print(f"full default pipeline         {count / full_seconds:10.1f} articles/s")
    print(f"numbers + times / text layer  {ours_seconds / text_seconds:10.2f} of the text layer's time")
    print(f"found                         {times} times, {quantities} quantities")


if __name__ == "__main__":
    main()
