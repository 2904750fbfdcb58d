"""Build src/khabar/data/lexicons/word_frequencies.tsv.gz from the unlabeled news corpora.

Counts Arabic word forms (diacritics, tatweel and controls removed, letters as written: see
``khabar.text.clitics.LEXICON_FOLD``) in ../shared/data/corpus/ant_multisource_v2.1.jsonl.gz and
ant_jawharafm_v1.1.jsonl.gz, titles and texts. The 200 articles of demo_ar_news_200.jsonl are left out, because
the hand-labelled clitic test set is drawn from them. Forms seen fewer than ``--min-count`` times are dropped.

The file ships only counts, never text. The corpora's citation licence asks for this citation:
A. Chouigui, O. Ben Khiroun, B. Elayeb, "An Arabic Multi-source News Corpus: Experimenting on Single-document
Extractive Summarization", Arabian Journal for Science and Engineering 46(8), 2021; https://antcorpus.github.io

    python scripts/build_word_frequencies.py [--corpus-dir ../shared/data/corpus] [--min-count 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.text.clitics import ARABIC_WORD, LEXICON_FOLD  # noqa: E402
from khabar.text.normalise import fold  # noqa: E402

TARGET = ROOT / "src" / "khabar" / "data" / "lexicons" / "word_frequencies.tsv.gz"
CORPORA = ("ant_multisource_v2.1.jsonl.gz", "ant_jawharafm_v1.1.jsonl.gz")


def count(corpus_dir: Path) -> Counter[str]:
    held_out = set()
    with (corpus_dir / "demo_ar_news_200.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            held_out.add(json.loads(line)["id"])
    counts: Counter[str] = Counter()
    for name in CORPORA:
        with gzip.open(corpus_dir / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in held_out:
                    continue
                text = fold(f"{record.get('title') or ''}\n{record['text']}", LEXICON_FOLD)
                counts.update(ARABIC_WORD.findall(text))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-dir", type=Path, default=ROOT.parent / "shared" / "data" / "corpus")
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    counts = count(args.corpus_dir)
    kept = sorted(((w, c) for w, c in counts.items() if c >= args.min_count), key=lambda wc: (-wc[1], wc[0]))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{word}\t{n}\n" for word, n in kept)
    # mtime=0 keeps the file byte-identical across rebuilds.
    with TARGET.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(body.encode("utf-8"))
    print(f"{len(kept)} forms (of {len(counts)}), {sum(counts.values())} tokens -> {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
