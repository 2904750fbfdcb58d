"""Draw the token sample for the hand-labelled clitic gold set, tests/data/clitics_gold.tsv.

Procedure (deterministic, standard library only):

1. Read ../shared/data/corpus/demo_ar_news_200.jsonl (one JSON article per line, keys ``id``, ``text``, ...).
2. Find every Arabic word token in each ``text`` with ``ARABIC_TOKEN`` below; one occurrence is
   (article id, start, end, surface), with character offsets into ``text``.
3. A token is a clitic *candidate* when, after removing diacritics (U+064B-U+065F, U+0670) and tatweel
   (U+0640), its first letter is one of و ف ب ل ك س ا or its last letter is one of ه ا م ن ي ك.
4. With ``random.Random(20261129)`` draw, without replacement, 300 occurrences from the candidates, then
   100 more from all the occurrences not drawn yet (candidates or not), 400 in all.
5. Sort the 400 by (article id, start) and write them to tests/data/clitics_gold.tsv with a header and the
   columns article_id, start, end, surface, context, proclitics, stem, enclitic, note. ``context`` is about
   six whitespace-separated words on either side of the token (tabs and newlines replaced by spaces); the
   label columns are left empty, to be filled in by hand.

Running it again overwrites the file and so erases the labels; use ``--output`` to write elsewhere.

    python scripts/sample_clitic_tokens.py [--corpus PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "demo_ar_news_200.jsonl"
TARGET = ROOT / "tests" / "data" / "clitics_gold.tsv"

SEED = 20261129
N_CANDIDATES = 300
N_ANY = 100
CONTEXT_WORDS = 6

ARABIC_TOKEN = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+")
DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
FIRST_LETTERS = frozenset("وفبلكسا")
LAST_LETTERS = frozenset("هامنيك")
COLUMNS = ("article_id", "start", "end", "surface", "context", "proclitics", "stem", "enclitic", "note")

Occurrence = tuple[str, int, int, str]


def strip_marks(word: str) -> str:
    """Remove diacritics and tatweel."""
    return DIACRITICS.sub("", word)


def is_candidate(surface: str) -> bool:
    bare = strip_marks(surface)
    return bool(bare) and (bare[0] in FIRST_LETTERS or bare[-1] in LAST_LETTERS)


def clean(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text)


def context(text: str, start: int, end: int) -> str:
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[end:].split()[:CONTEXT_WORDS]
    # Keep the characters glued to the token (punctuation, quotes) with it.
    left_glue = "" if not text[:start] or text[start - 1].isspace() else before.pop()
    right_glue = "" if not text[end:] or text[end].isspace() else after.pop(0)
    middle = left_glue + text[start:end] + right_glue
    return clean(" ".join([*before, middle, *after]))


def read_articles(corpus: Path) -> list[tuple[str, str]]:
    with corpus.open(encoding="utf-8") as handle:
        return [(record["id"], record["text"]) for record in map(json.loads, handle) if record.get("text")]


def sample(articles: list[tuple[str, str]]) -> list[Occurrence]:
    occurrences: list[Occurrence] = [
        (article_id, match.start(), match.end(), match.group())
        for article_id, text in articles
        for match in ARABIC_TOKEN.finditer(text)
    ]
    rng = random.Random(SEED)
    candidates = [occurrence for occurrence in occurrences if is_candidate(occurrence[3])]
    drawn = rng.sample(candidates, N_CANDIDATES)
    taken = set(drawn)
    rest = [occurrence for occurrence in occurrences if occurrence not in taken]
    drawn += rng.sample(rest, N_ANY)
    return sorted(drawn, key=lambda occurrence: (occurrence[0], occurrence[1]))


def write(rows: list[Occurrence], articles: list[tuple[str, str]], output: Path) -> None:
    texts = dict(articles)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(COLUMNS) + "\n")
        for article_id, start, end, surface in rows:
            fields = (article_id, str(start), str(end), surface, context(texts[article_id], start, end), "", "", "", "")
            handle.write("\t".join(fields) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    articles = read_articles(args.corpus)
    rows = sample(articles)
    write(rows, articles, args.output)
    print(f"wrote {len(rows)} rows to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
