"""Draw the mention pairs for the hand-labelled entity-resolution gold set, tests/data/resolution_pairs.tsv.

Procedure (deterministic for a given khabar version; standard library plus khabar):

1. Read ../shared/data/corpus/demo_ar_news_200.jsonl (one JSON article per line, keys ``id``, ``text``, ``date``)
   and run khabar's default pipeline on each article (``khabar.analyze(text, published=date)``).
2. Collect every mention the pipeline tags (type PER, ORG, LOC or MISC) as (article id, start, end, text, type),
   with character offsets into ``text``.
3. Compare mention texts by their *words*: diacritics and tatweel removed, punctuation removed, أ إ آ ٱ → ا,
   ى → ي, ة → ه, and a leading ال dropped from words longer than three letters. Two texts are *related* when
   they share a word, when a word of one and a word of the other (both of three letters or more) begin with the
   same three letters, or when one text contains the other.
4. Candidate pairs, always two mentions of the same type whose compared texts differ (two occurrences of one
   string in one article are the trivial case and are left out), one pair kept per distinct text pair:

   a. *within*: two mentions of one article with related texts; one pair per (article, text pair), the
      earliest occurrences.
   b. *across*: two mentions of different articles that share a word, blocked on the first three letters of
      the last word (both mentions in one block); for each distinct (type, text pair) the articles and
      occurrences are drawn at random. Identical texts in two articles are candidates too.
   c. *random*: any two mentions of one article (related or not), one per (article, text pair), not already
      drawn in (a).

5. With ``random.Random(20261129)`` draw, without replacement, 150 pairs from (a), then 100 from (b), then 50 from
   (c), in that order. Within each stratum the pairs are sorted by (article, start) and numbered a001, b001, c001.
6. Write a header and one row per pair: pair_id, article_a, start_a, end_a, text_a, context_a, article_b,
   start_b, end_b, text_b, context_b, same, note. ``context`` is about eight whitespace-separated words on either
   side of the mention, the mention itself marked with [[ ]], tabs and newlines replaced by spaces; ``same`` and
   ``note`` are left empty, to be filled in by hand (yes / no / unclear).

The pairs depend on the mentions the tagger finds, so a different khabar version may draw different pairs.
Running the script again overwrites the file and so erases the labels; use ``--output`` to write elsewhere.

    python scripts/sample_resolution_pairs.py [--corpus PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from collections import defaultdict
from pathlib import Path

import khabar

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "demo_ar_news_200.jsonl"
TARGET = ROOT / "tests" / "data" / "resolution_pairs.tsv"

SEED = 20261129
N_WITHIN = 150
N_ACROSS = 100
N_RANDOM = 50
CONTEXT_WORDS = 8
COLUMNS = (
    "pair_id",
    "article_a",
    "start_a",
    "end_a",
    "text_a",
    "context_a",
    "article_b",
    "start_b",
    "end_b",
    "text_b",
    "context_b",
    "same",
    "note",
)

MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
PUNCTUATION = re.compile(r"[^\w\s]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

Mention = tuple[str, int, int, str, str]  # article id, start, end, text, type
Pair = tuple[Mention, Mention]


def words(text: str) -> tuple[str, ...]:
    """The compared words of a mention text (see step 3 of the procedure)."""
    out = []
    for word in PUNCTUATION.sub(" ", MARKS.sub("", text)).translate(FOLD).split():
        out.append(word[2:] if word.startswith("ال") and len(word) > 3 else word)
    return tuple(out)


def related(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if set(a) & set(b):
        return True
    if {w[:3] for w in a if len(w) >= 3} & {w[:3] for w in b if len(w) >= 3}:
        return True
    joined_a, joined_b = " ".join(a), " ".join(b)
    return joined_a in joined_b or joined_b in joined_a


def clean(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text)


def context(text: str, start: int, end: int) -> str:
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[end:].split()[:CONTEXT_WORDS]
    return clean(" ".join([*before, "[[" + text[start:end] + "]]", *after]))


def read_articles(corpus: Path) -> list[dict]:
    with corpus.open(encoding="utf-8") as handle:
        return [record for record in map(json.loads, handle) if record.get("text")]


def collect_mentions(articles: list[dict]) -> list[Mention]:
    mentions: list[Mention] = []
    for record in articles:
        doc = khabar.analyze(record["text"], published=record.get("date") or None)
        for mention in doc.mentions:
            surface = record["text"][mention.start : mention.end]
            mentions.append((record["id"], mention.start, mention.end, surface, mention.type))
    return sorted(mentions, key=lambda m: (m[0], m[1], m[2]))


def _ordered(a: Mention, b: Mention) -> Pair:
    return (a, b) if (a[0], a[1]) <= (b[0], b[1]) else (b, a)


def within_pairs(mentions: list[Mention], *, need_related: bool) -> dict[tuple, Pair]:
    """One pair per (article, type, text pair), the earliest occurrences, keyed by that triple."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention[0]].append(mention)
    out: dict[tuple, Pair] = {}
    for article_id, group in by_article.items():
        for a, b in itertools.combinations(group, 2):
            wa, wb = words(a[3]), words(b[3])
            if a[4] != b[4] or wa == wb or (need_related and not related(wa, wb)):
                continue
            key = (article_id, a[4], *sorted([wa, wb]))
            out.setdefault(key, _ordered(a, b))
    return out


def across_pairs(mentions: list[Mention], rng: random.Random) -> list[Pair]:
    """One pair per distinct (type, text pair) of different articles sharing a word, within one block."""
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        compared = words(mention[3])
        if compared:
            blocks[(mention[4], compared[-1][:3])].append(mention)
    options: dict[tuple, list[Pair]] = defaultdict(list)
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            wa, wb = words(a[3]), words(b[3])
            if a[0] != b[0] and set(wa) & set(wb):
                options[(a[4], *sorted([wa, wb]))].append(_ordered(a, b))
    return [rng.choice(options[key]) for key in sorted(options)]


def sample(mentions: list[Mention]) -> list[tuple[str, Pair]]:
    rng = random.Random(SEED)
    within = within_pairs(mentions, need_related=True)
    keys = sorted(within)
    drawn_a = [within[key] for key in rng.sample(keys, min(N_WITHIN, len(keys)))]
    across = across_pairs(mentions, rng)
    drawn_b = rng.sample(across, min(N_ACROSS, len(across)))
    taken = set(drawn_a)
    anything = within_pairs(mentions, need_related=False)
    rest = [anything[key] for key in sorted(anything) if anything[key] not in taken]
    drawn_c = rng.sample(rest, min(N_RANDOM, len(rest)))
    rows: list[tuple[str, Pair]] = []
    for prefix, drawn in (("a", drawn_a), ("b", drawn_b), ("c", drawn_c)):
        ordered = sorted(drawn, key=lambda pair: (pair[0][0], pair[0][1], pair[1][0], pair[1][1]))
        rows += [(f"{prefix}{i:03d}", pair) for i, pair in enumerate(ordered, 1)]
    return rows


def write(rows: list[tuple[str, Pair]], articles: list[dict], output: Path) -> None:
    texts = {record["id"]: record["text"] for record in articles}
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(COLUMNS) + "\n")
        for pair_id, (a, b) in rows:
            fields = [pair_id]
            for article_id, start, end, surface, _type in (a, b):
                fields += [article_id, str(start), str(end), clean(surface), context(texts[article_id], start, end)]
            fields += ["", ""]
            handle.write("\t".join(fields) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    articles = read_articles(args.corpus)
    mentions = collect_mentions(articles)
    rows = sample(mentions)
    write(rows, articles, args.output)
    counts = {prefix: sum(pair_id.startswith(prefix) for pair_id, _ in rows) for prefix in "abc"}
    print(f"{len(mentions)} mentions; wrote {len(rows)} pairs to {args.output} ({counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
