"""Build examples/articles.jsonl (the seed article and a sample of Jawhara FM news, Apache-2.0) and
examples/jawharafm.jsonl (a larger sample of the same corpus, the corpus `make run` serves).

The seed article (examples/seed-article.txt) is the project's canonical example, published 2021-03-10. The
Jawhara FM articles come from the ANT corpus v1.1 (https://github.com/antcorpus/antcorpus.data, Apache-2.0),
drawn with a fixed seed from its politics and local-news categories; cite: A. Chouigui, O. Ben Khiroun,
B. Elayeb, "ANT Corpus: An Arabic News Text Collection for Textual Classification", AICCSA 2017.

    python scripts/build_examples.py [--corpus ../shared/data/corpus/ant_jawharafm_v1.1.jsonl.gz] [--count 5]
                                     [--corpus-count 300]

Only the Jawhara FM corpus (ANT v1.1, Apache-2.0) is ever bundled: never articles of the other corpora.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = 20261129
CATEGORIES = ("politic", "localNews", "internationalNews")
KEYS = ("id", "title", "text", "date", "source", "category", "url")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "corpus" / "ant_jawharafm_v1.1.jsonl.gz"
    )
    parser.add_argument("--count", type=int, default=5, help="Jawhara FM articles in articles.jsonl")
    parser.add_argument("--corpus-count", type=int, default=300, help="articles in jawharafm.jsonl")
    args = parser.parse_args()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as handle:
        candidates = [r for r in map(json.loads, handle) if r["category"] in CATEGORIES and 400 < len(r["text"]) < 2500]
    chosen = sorted(random.Random(SEED).sample(candidates, args.count), key=lambda r: r["id"])
    seed = {
        "id": "seed-article",
        "text": (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8"),
        "date": "2021-03-10",
        "source": "khabar seed article",
    }
    out = EXAMPLES / "articles.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for record in [seed, *chosen]:
            handle.write(json.dumps({k: record[k] for k in KEYS if record.get(k)}, ensure_ascii=False) + "\n")
    print(f"wrote {out} ({1 + len(chosen)} articles)")
    # A second, larger sample over every category (same seed, its own draw) for the corpus store.
    with gzip.open(args.corpus, "rt", encoding="utf-8") as handle:
        pool = [r for r in map(json.loads, handle) if 200 < len(r["text"]) < 6000]
    sample = sorted(random.Random(SEED + 1).sample(pool, args.corpus_count), key=lambda r: r["id"])
    corpus_out = EXAMPLES / "jawharafm.jsonl"
    with corpus_out.open("w", encoding="utf-8") as handle:
        for record in sample:
            handle.write(json.dumps({k: record[k] for k in KEYS if record.get(k)}, ensure_ascii=False) + "\n")
    print(f"wrote {corpus_out} ({len(sample)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
