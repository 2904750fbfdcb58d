"""Draw the articles for the hand-labelled quotation gold set, tests/data/quotes_gold.jsonl.

Procedure (deterministic; standard library only):

1. Read ../shared/data/corpus/ant_multisource_v2.1.jsonl.gz and then ../shared/data/corpus/ant_jawharafm_v1.1.jsonl.gz
   (gzip JSONL, one article per line, keys ``id``, ``title``, ``text``, ``date``, ``source``, ``category``, ``url``),
   keeping the file order.
2. Keep an article when all of these hold:

   a. its ``category`` is not ``sport``, ``technology`` or ``culture``;
   b. ``600 <= len(text) <= 3000`` (characters, i.e. Python code points);
   c. ``text`` contains a quotation mark (“ ” « » or ") or one of the words قال أكد أضاف أوضح أعلن صرح أشار as a
      whole word, optionally with a leading و or ف and/or a trailing feminine ت (قالت، وأكد، وأضافت).

3. Group the kept articles by ``source``. With one ``random.Random(20261129)``, for each source in the order
   Sky News Arabia, Al Arabiya, BBC Arabic, CNN Arabic, France 24 Arabic, Jawhara FM, draw 8 articles without
   replacement (``rng.sample`` over that source's candidates in file order).
4. Write one JSON object per drawn article, in the order drawn, with ``id``, ``source``, ``date``, ``text``
   (verbatim) and empty ``quotes`` and ``sources`` lists, to be filled in by hand.

Running the script again overwrites the file and so erases the labels; use ``--output`` to write elsewhere.

    python scripts/sample_quote_articles.py [--corpus-dir PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT.parent / "shared" / "data" / "corpus"
CORPUS_FILES = ("ant_multisource_v2.1.jsonl.gz", "ant_jawharafm_v1.1.jsonl.gz")
TARGET = ROOT / "tests" / "data" / "quotes_gold.jsonl"

SEED = 20261129
PER_SOURCE = 8
SOURCES = ("Sky News Arabia", "Al Arabiya", "BBC Arabic", "CNN Arabic", "France 24 Arabic", "Jawhara FM")
EXCLUDED_CATEGORIES = frozenset({"sport", "technology", "culture"})
MIN_CHARS = 600
MAX_CHARS = 3000

QUOTE_MARKS = ("“", "”", "«", "»", '"')
SPEECH_WORDS = ("قال", "أكد", "أضاف", "أوضح", "أعلن", "صرح", "أشار")
SPEECH_WORD = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(SPEECH_WORDS) + r")ت?(?!\w)")


def read_articles(path: Path):
    """Yield the articles of one gzip JSONL file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def is_candidate(article: dict) -> bool:
    """Apply the category, length and quotation filters of step 2."""
    if article.get("category") in EXCLUDED_CATEGORIES:
        return False
    text = article.get("text") or ""
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        return False
    return any(mark in text for mark in QUOTE_MARKS) or SPEECH_WORD.search(text) is not None


def draw(corpus_dir: Path) -> list[dict]:
    """Return the drawn articles, 8 per source, in the order drawn."""
    candidates: dict[str, list[dict]] = defaultdict(list)
    for name in CORPUS_FILES:
        for article in read_articles(corpus_dir / name):
            if article.get("source") in SOURCES and is_candidate(article):
                candidates[article["source"]].append(article)
    rng = random.Random(SEED)
    drawn: list[dict] = []
    for source in SOURCES:
        drawn.extend(rng.sample(candidates[source], PER_SOURCE))
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args()
    articles = draw(args.corpus_dir)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for article in articles:
            record = {
                "id": article["id"],
                "source": article["source"],
                "date": article["date"],
                "text": article["text"],
                "quotes": [],
                "sources": [],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(articles)} articles to {args.output}")


if __name__ == "__main__":
    main()
