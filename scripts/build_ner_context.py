"""Build src/khabar/data/models/ner_context.tsv.gz: how a first-pass tagger labels each word across unlabeled news.

Context aggregation (self-training features, Ratinov & Roth 2009): a name the tagger finds in strong contexts
(after الرئيس, before قال) in thousands of articles is a name also where one article gives it a weak context.
Method:

1. Tag the unlabeled ANT corpora (../shared/data/corpus: multi-source v2.1 and Jawhara FM v1.1) with a
   first-pass model that has no context features: segment, tokenise, tag every article, propagate names within
   the article (as the entities stage does).
2. Count, per stem key (clitics off, MATCHING folding, digits as 0: the key of the word clusters), how often it
   occurs, how often it is tagged B-/I- of each type, and how often it carries the article or a pronoun suffix.
3. Keep the keys seen ``--min-count`` times or more; write the counts only, no text.

The first-pass model must not have seen the dev split, so that dev scores stay honest: train it with
``khabar train ner --no-context --no-refit --out first.npz`` (fit on the first 90% of ANERcorp train).
Never point this at a test file. Needs nothing beyond khabar itself; takes about ten minutes on one core.

    python scripts/build_ner_context.py --model first.npz [--shared ../shared/data] [--min-count 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from bisect import bisect_left
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.document import Document  # noqa: E402
from khabar.ner.consistency import propagate  # noqa: E402
from khabar.ner.features import CONTEXT_COLUMNS, FeatureExtractor  # noqa: E402
from khabar.ner.model import NerModel  # noqa: E402
from khabar.pipeline import Pipeline  # noqa: E402

TARGET = ROOT / "src" / "khabar" / "data" / "models" / "ner_context.tsv.gz"
CORPORA = ("ant_multisource_v2.1.jsonl.gz", "ant_jawharafm_v1.1.jsonl.gz")


def articles(shared: Path, limit: int | None):
    for name in CORPORA:
        with gzip.open(shared / "corpus" / name, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if limit is not None and number >= limit:
                    break
                record = json.loads(line)
                yield f"{record.get('title') or ''}\n{record['text']}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True, help="first-pass model without context features")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus (for a quick try)")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    started = time.time()
    # a first-pass model of a later round reads the statistics of the round before (the packaged file)
    first_pass = NerModel.load(args.model, FeatureExtractor(context=False))
    uses_context = any(name.partition(":")[2].startswith("aE=") for name in first_pass._features)
    model = NerModel.load(args.model) if uses_context else first_pass
    pipeline = Pipeline(["segment", "tokenise"])
    columns = {name: i for i, name in enumerate(CONTEXT_COLUMNS)}
    counts: dict[str, list[int]] = {}
    triggers = [(columns[f"after-{name}"], words) for name, words in model._extractor._word_sets.items()]
    tokens = 0
    for number, text in enumerate(articles(args.shared, args.limit), start=1):
        doc = pipeline(Document(text))
        table = doc.tokens
        spans, analyses = table.spans, table.analyses
        starts = [s for s, _ in spans]
        ranges = []
        for sentence in doc.sentences:
            first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
            if first < last:
                ranges.append((first, last))
        sentences = [[text[a:b] for a, b in spans[first:last]] for first, last in ranges]
        keys = [[model.key(s) for s in sentence] for sentence in sentences]
        labels = propagate(keys, model.tag(sentences))
        for (first, last), sentence_keys, sentence_labels in zip(ranges, keys, labels, strict=True):
            previous = ""
            for index, key, label in zip(range(first, last), sentence_keys, sentence_labels, strict=True):
                analysis = analyses[index]
                if analysis.kind not in ("word", "foreign"):
                    previous = key
                    continue
                row = counts.get(key)
                if row is None:
                    row = counts[key] = [0] * len(CONTEXT_COLUMNS)
                row[0] += 1
                if label != "O":
                    row[columns[label]] += 1
                if analysis.proclitics and analysis.proclitics[-1][3] == "det":
                    row[columns["det"]] += 1
                if analysis.enclitic is not None:
                    row[columns["enc"]] += 1
                for column, words in triggers:
                    if previous in words:
                        row[column] += 1
                previous = key
                tokens += 1
        if number % 2000 == 0:
            print(f"{number} articles, {tokens} words, {len(counts)} keys ({time.time() - started:.0f} s)", flush=True)
    kept = sorted((key for key, row in counts.items() if row[0] >= args.min_count), key=lambda k: (-counts[k][0], k))
    body = "".join(f"{key}\t" + " ".join(map(str, counts[key])) + "\n" for key in kept)
    header = "#key\t" + " ".join(CONTEXT_COLUMNS) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as out:
        out.write((header + body).encode("utf-8"))
    print(f"wrote {args.out}: {len(kept)} keys from {tokens} words ({time.time() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
