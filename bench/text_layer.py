"""Benchmark: the text layer (normalise, segment, tokenise with clitics) against a bare read + regex pass.

Prints, for one core: articles/s and tokens/s of a bare pass (gunzip, JSON decode, ``\\w+|[^\\w\\s]`` regex
tokenisation), articles/s of the text layer (the same read, then khabar's normalise, segment and tokenise
stages), their ratio (goal: at most 4), the cost of each stage in microseconds per article, and peak memory.
Times are CPU times of this process (``time.process_time``), so other load on the machine disturbs them less.

    python bench/text_layer.py [--corpus ../shared/data/corpus/ant_multisource_v2.1.jsonl.gz] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import sys
import time
from pathlib import Path

from khabar import Document, Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant_multisource_v2.1.jsonl.gz"
TEXT_LAYER = ("normalise", "segment", "tokenise")
BARE_TOKEN = re.compile(r"\w+|[^\w\s]")


def records(path: Path, limit: int | None):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            yield json.loads(line)


def bare_pass(path: Path, limit: int | None) -> tuple[int, int, float]:
    start = time.process_time()
    articles = tokens = 0
    for record in records(path, limit):
        tokens += len(BARE_TOKEN.findall(record["text"]))
        articles += 1
    return articles, tokens, time.process_time() - start


def text_layer_pass(path: Path, limit: int | None, pipeline: Pipeline) -> tuple[int, int, float]:
    start = time.process_time()
    articles = tokens = 0
    for record in records(path, limit):
        doc = pipeline.analyze(record["text"], published=record.get("date"), id=record.get("id"))
        tokens += len(doc.tokens)
        articles += 1
    return articles, tokens, time.process_time() - start


def stage_costs(path: Path, limit: int, pipeline: Pipeline) -> dict[str, float]:
    texts = [r["text"] for r in records(path, limit)]
    costs = {}
    for stage in pipeline.stages:
        start = time.process_time()
        for text in texts:
            stage(Document(text))
        costs[stage.name] = (time.process_time() - start) / len(texts) * 1e6
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="articles to read (default: all)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    pipeline = Pipeline(TEXT_LAYER)
    pipeline.analyze("تحميل الموارد")  # load the lexicons before timing; the per-form cache starts empty

    articles, bare_tokens, bare_time = bare_pass(args.corpus, args.limit)
    _, tokens, layer_time = text_layer_pass(args.corpus, args.limit, pipeline)
    costs = stage_costs(args.corpus, min(articles, 3000), pipeline)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus              {args.corpus.name}, {articles} articles")
    print(f"bare pass           {articles / bare_time:9.0f} articles/s  {bare_tokens / bare_time:11.0f} tokens/s")
    print(f"text layer          {articles / layer_time:9.0f} articles/s  {tokens / layer_time:11.0f} tokens/s")
    print(f"ratio               {layer_time / bare_time:9.2f} x the bare pass (goal: at most 4)")
    print("cost per article    " + ", ".join(f"{name} {us:.0f} us" for name, us in costs.items()))
    print(f"peak memory         {peak:9.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
