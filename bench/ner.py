"""Benchmark: the named-entity tagger on one core.

Prints tokens/s of the tagger on the ANERcorp test sentences (pre-tokenised, the model's per-form cache cold and
then warm), tokens/s of the ``entities`` stage on news articles (after the text layer, which is not counted; in
batches of ``khabar.pipeline.BATCH_SIZE`` articles, as the pipeline runs it), the
model's load time and peak memory. Goal: 100,000 tokens/s on one core.

    python bench/ner.py [--shared ../shared/data] [--articles 2000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

from khabar import Pipeline
from khabar.ner.bio import read_bio
from khabar.ner.model import NerModel
from khabar.pipeline import BATCH_SIZE
from khabar.stages.entities import Entities

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    test_file = args.shared / "ner" / "anercorp" / "ANERCorp_CamelStyle_test.txt"
    corpus = args.shared / "corpus" / "ant_multisource_v2.1.jsonl.gz"
    if not test_file.is_file() or not corpus.is_file():
        print(f"data not found under {args.shared}", file=sys.stderr)
        return 1

    started = time.process_time()
    model = NerModel.load()
    load_seconds = time.process_time() - started
    sentences = [s.tokens for s in read_bio(test_file)]
    tokens = sum(map(len, sentences))
    rates = []
    for _ in range(2):
        started = time.process_time()
        model.tag(sentences)
        rates.append(tokens / (time.process_time() - started))

    text_layer = Pipeline(["normalise", "segment", "tokenise"])
    docs = []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(docs) >= args.articles:
                break
            docs.append(text_layer.analyze(json.loads(line)["text"]))
    stage = Entities(model)
    started = time.process_time()
    for first in range(0, len(docs), BATCH_SIZE):  # as the pipeline runs it: a batch of articles at once
        stage.pipe(docs[first : first + BATCH_SIZE])
    mentions = sum(len(doc.mentions) for doc in docs)
    stage_seconds = time.process_time() - started
    article_tokens = sum(len(doc.tokens) for doc in docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"model load            {load_seconds:8.2f} s")
    print(f"tagger, ANERcorp test {rates[0]:8.0f} tokens/s cold cache, {rates[1]:8.0f} warm ({tokens} tokens)")
    print(
        f"entities stage        {article_tokens / stage_seconds:8.0f} tokens/s, {len(docs) / stage_seconds:6.0f} "
        f"articles/s on {len(docs)} articles ({mentions} mentions)"
    )
    print(f"peak memory           {peak:8.0f} MiB")
    print("goal                   100000 tokens/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
