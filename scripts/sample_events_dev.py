"""Draw the sentences for the hand-labelled event development set, tests/data/events_dev.jsonl.

Procedure (deterministic):

1. Read ../shared/data/corpus/ant_multisource_v2.1.jsonl.gz (gzip JSONL, one article per line, keys ``id``,
   ``title``, ``text``, ``date``, ``source``, ``category``, ``url``) in file order.
2. Keep only the *dev half* of the articles: those whose ``int(sha1(id).hexdigest(), 16) % 2 == 0`` (``id``
   encoded as UTF-8). The other half is left unseen.
3. Split each kept article's ``text`` into sentences with khabar's ``Pipeline(["normalise", "segment"])``; a
   sentence is numbered by its index in ``doc.sentences`` (from 0). Keep sentences of 8 to 80 words (words =
   runs of non-space characters).
4. Three candidate pools (a sentence may be in several):

   a. *violence*: the sentence contains a word of ``VIOLENCE_WORDS`` (after removing diacritics and tatweel,
      with أ إ آ read as ا; optional proclitics و ف ب ل ك and ال before it, optional suffixes after it, see
      ``word_pattern``), any category;
   b. *protest*: likewise with ``PROTEST_WORDS``, any category;
   c. *random*: any sentence of an article of category ``internationalNews`` or ``middleEast`` (the corpus
      has no "politics" category; the others are sport, economy, technology, culture).

5. One ``random.Random(7)`` draws 200 sentences from (a), then 120 from (b), then 120 from (c), each by
   ``rng.shuffle`` of the pool (in corpus order) and taking the first sentences whose text (white space
   collapsed) has not been drawn yet, so no text appears twice.
6. The same ``rng`` shuffles the 440 together; they are written in that order (the labelling order) as
   ``{"id": "<article id>#<sentence index>", "text", "assault": null, "protest": null, "ambiguous": false}``,
   the labels to be filled in by hand.

Running the script again overwrites the file and so erases the labels; use ``--output`` to write elsewhere.
``--strata`` prints each drawn id with its stratum instead of writing.

    python scripts/sample_events_dev.py [--corpus PATH] [--output PATH] [--strata]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
from pathlib import Path

from khabar.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant_multisource_v2.1.jsonl.gz"
TARGET = ROOT / "tests" / "data" / "events_dev.jsonl"

SEED = 7
MIN_WORDS, MAX_WORDS = 8, 80
RANDOM_CATEGORIES = frozenset({"internationalNews", "middleEast"})
STRATA = (("violence", 200), ("protest", 120), ("random", 120))

# Written with bare alef (ا for أ إ آ); matched against text normalised the same way.
# fmt: off
VIOLENCE_WORDS = (
    "هجوم", "هجوما", "هجمات", "هاجم", "هاجمت", "هاجموا", "قصف", "قصفت", "غارة", "غارات", "انفجار", "انفجارات",
    "تفجير", "تفجيرات", "مقتل", "قتل", "قتلت", "قتلوا", "قتلى", "قتيل", "قتيلا", "جرحى", "جريح", "اصابة",
    "اصابات", "اصيب", "اصيبوا", "اشتباك", "اشتباكات", "مسلح", "مسلحين", "مسلحون", "استهدف", "استهدفت",
    "استهداف", "اغتيال", "اغتيل", "اختطاف", "اختطف", "خطف", "عبوة", "عبوات", "صاروخ", "صواريخ", "قذيفة",
    "قذائف", "طعن", "اطلاق نار", "اطلاق النار", "رصاص", "انتحاري", "انتحارية", "معارك", "ضربة", "ضربات",
    "مجزرة", "مذبحة", "اعدام", "تعذيب", "دهس",
)
PROTEST_WORDS = (
    "تظاهرة", "تظاهرات", "مظاهرة", "مظاهرات", "تظاهر", "تظاهروا", "متظاهرين", "متظاهرون", "احتجاج",
    "احتجاجات", "احتجاجية", "احتج", "احتجوا", "اعتصام", "اعتصامات", "معتصمين", "معتصمون", "اضراب", "اضرابات",
    "مضربين", "مسيرة", "مسيرات", "محتجين", "محتجون", "وقفة احتجاجية", "عصيان", "مقاطعة", "شغب",
)
# fmt: on

MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
ARABIC = "\u0621-\u064a"
PROCLITICS = r"(?:[وف])?(?:[بلك])?(?:ال)?"
SUFFIXES = r"(?:ه|ها|هم|هما|هن|ي|ك|نا|ات|ين|ون|ان|ا|ة|ت|وا)?"


def normalise(text: str) -> str:
    """Remove diacritics and tatweel, read أ إ آ as ا."""
    return re.sub("[أإآ]", "ا", MARKS.sub("", text))


def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A whole-word regex for the words, with optional proclitics and suffixes."""
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<![{ARABIC}]){PROCLITICS}(?:{alternatives}){SUFFIXES}(?![{ARABIC}])")


VIOLENCE = word_pattern(VIOLENCE_WORDS)
PROTEST = word_pattern(PROTEST_WORDS)


def in_dev_half(article_id: str) -> bool:
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 2 == 0


def read_articles(path: Path):
    """Yield the articles of a gzip JSONL file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def pools(corpus: Path) -> dict[str, list[tuple[str, str]]]:
    """The candidate pools of step 4: lists of (id#index, sentence text), in corpus order."""
    segmenter = Pipeline(["normalise", "segment"])
    found: dict[str, list[tuple[str, str]]] = {name: [] for name, _ in STRATA}
    for article in read_articles(corpus):
        if not in_dev_half(article["id"]) or not (article.get("text") or "").strip():
            continue
        doc = segmenter.analyze(article["text"], id=article["id"])
        for index, sentence in enumerate(doc.sentences):
            text = sentence.text
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                continue
            item = (f"{article['id']}#{index}", text)
            plain = normalise(text)
            if VIOLENCE.search(plain):
                found["violence"].append(item)
            if PROTEST.search(plain):
                found["protest"].append(item)
            if article.get("category") in RANDOM_CATEGORIES:
                found["random"].append(item)
    return found


def draw(corpus: Path) -> list[tuple[str, str, str]]:
    """(stratum, id, text) of the drawn sentences, in labelling order."""
    found = pools(corpus)
    rng = random.Random(SEED)
    seen: set[str] = set()
    drawn: list[tuple[str, str, str]] = []
    for name, size in STRATA:
        pool = list(found[name])
        rng.shuffle(pool)
        taken = 0
        for sentence_id, text in pool:
            key = " ".join(text.split())
            if key in seen:
                continue
            seen.add(key)
            drawn.append((name, sentence_id, text))
            taken += 1
            if taken == size:
                break
    rng.shuffle(drawn)
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=TARGET)
    parser.add_argument("--strata", action="store_true", help="print id and stratum instead of writing")
    args = parser.parse_args()
    drawn = draw(args.corpus)
    if args.strata:
        for name, sentence_id, _ in drawn:
            print(f"{sentence_id}\t{name}")
        return
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for _, sentence_id, text in drawn:
            record = {"id": sentence_id, "text": text, "assault": None, "protest": None, "ambiguous": False}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(drawn)} sentences to {args.output}")


if __name__ == "__main__":
    main()
