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
                                            [--seed N] [--per-source N] [--exclude FILE ...]

``--seed`` and ``--per-source`` replace the seed and the count of step 3. ``--exclude FILE`` (JSON Lines with an
``id`` per line, e.g. this gold file; may be repeated) removes those articles from the candidates before the
draw. With none of the three options the script draws exactly the gold file's articles. The second development
set, tests/data/quotes_dev2.jsonl, was drawn with

    python scripts/sample_quote_articles.py --seed 20261130 --per-source 5 \
        --exclude tests/data/quotes_gold.jsonl --output tests/data/quotes_dev2.jsonl

and the third, tests/data/quotes_dev3.jsonl, with

    python scripts/sample_quote_articles.py --seed 20261201 --per-source 4 \
        --exclude tests/data/quotes_gold.jsonl --exclude tests/data/quotes_dev2.jsonl \
        --output tests/data/quotes_dev3.jsonl
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


def read_ids(path: Path) -> set[str]:
    """The ``id`` of every article of a JSON Lines file (a gold file to leave out of a new draw)."""
    with path.open(encoding="utf-8") as handle:
        return {json.loads(line)["id"] for line in handle if line.strip()}


def draw(
    corpus_dir: Path, seed: int = SEED, per_source: int = PER_SOURCE, exclude: frozenset[str] = frozenset()
) -> list[dict]:
    """Return the drawn articles, ``per_source`` per source, in the order drawn; articles whose id is in
    ``exclude`` are not candidates."""
    candidates: dict[str, list[dict]] = defaultdict(list)
    for name in CORPUS_FILES:
        for article in read_articles(corpus_dir / name):
            if article.get("source") in SOURCES and article.get("id") not in exclude and is_candidate(article):
                candidates[article["source"]].append(article)
    rng = random.Random(seed)
    drawn: list[dict] = []
    for source in SOURCES:
        drawn.extend(rng.sample(candidates[source], per_source))
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    parser.add_argument("--output", type=Path, default=TARGET)
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the draw (default {SEED})")
    parser.add_argument("--per-source", type=int, default=PER_SOURCE, help=f"articles per source ({PER_SOURCE})")
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[], help="JSON Lines file whose article ids are left out"
    )
    args = parser.parse_args()
    exclude = frozenset().union(*(read_ids(path) for path in args.exclude))
    articles = draw(args.corpus_dir, seed=args.seed, per_source=args.per_source, exclude=exclude)
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
