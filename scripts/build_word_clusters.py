"""Build src/khabar/data/models/word_clusters.tsv.gz: distributional word clusters for the NER model.

Words that occur in the same contexts (وزير / رئيس / سفير, بغداد / دمشق / القاهرة) get the same cluster, so the
tagger can generalise from names it saw in training to names it never saw. Method:

1. Tokenise the unlabeled text with khabar's tokeniser and key every Arabic word by its stem (clitics off,
   MATCHING folding): وللعراق and العراق are both عراق.
2. Count co-occurrences of the most frequent stems within two words (weight 1/distance), compute positive
   pointwise mutual information with context smoothing (alpha 0.75), reduce it to 128 dimensions with a
   randomised SVD, normalise, and cluster the vectors with k-means at three granularities (64, 256, 1024).
3. Keep also the first 32 dimensions of each vector (normalised, 3 decimals) as dense features.

Text: the unlabeled ANT corpora (../shared/data/corpus: multi-source v2.1 and Jawhara FM v1.1) and the token
column of the NER training files (ANERcorp train, AQMAR train), never a test or dev file. Only the cluster
numbers of words are written, no text. Needs the `train` extra (scipy, scikit-learn).

    python scripts/build_word_clusters.py [--shared ../shared/data] [--vocabulary 100000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.utils.extmath import randomized_svd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.ner.features import word_key  # noqa: E402
from khabar.stages.tokenise import Tokeniser  # noqa: E402

TARGET = ROOT / "src" / "khabar" / "data" / "models" / "word_clusters.tsv.gz"
GRANULARITIES = (64, 256, 1024)
SEED = 20261129


def texts(shared: Path):
    for name in ("ant_multisource_v2.1.jsonl.gz", "ant_jawharafm_v1.1.jsonl.gz"):
        with gzip.open(shared / "corpus" / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                yield f"{record.get('title') or ''}\n{record['text']}"
    for path in (shared / "ner" / "anercorp" / "ANERCorp_CamelStyle_train.txt", shared / "ner" / "aqmar" / "train.txt"):
        sentence: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentence.append(line.rsplit(" ", 1)[0])
            elif sentence:
                yield " ".join(sentence)
                sentence = []


def keyed_sequences(shared: Path) -> list[list[str]]:
    tokeniser = Tokeniser()
    sequences = []
    for text in texts(shared):
        for line in text.split("\n"):
            table = tokeniser.tokenise(line)
            sequences.append([word_key(token) for token in table])
    return sequences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--vocabulary", type=int, default=100_000)
    parser.add_argument("--dimensions", type=int, default=128)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--kept-dimensions", type=int, default=32)
    args = parser.parse_args()
    started = time.time()
    sequences = keyed_sequences(args.shared)
    counts = Counter(key for sequence in sequences for key in sequence)
    vocabulary = [w for w, n in counts.most_common(args.vocabulary) if n >= args.min_count]
    index = {w: i for i, w in enumerate(vocabulary)}
    print(f"{sum(counts.values())} tokens, {len(vocabulary)} keys ({time.time() - started:.0f} s)", flush=True)

    ids = np.array([index.get(k, -1) for sequence in sequences for k in [*sequence, None]], dtype=np.int64)
    size = len(vocabulary)
    matrix = sparse.csr_matrix((size, size), dtype=np.float64)
    for distance in (1, 2):
        left, right = ids[:-distance], ids[distance:]
        keep = (left >= 0) & (right >= 0)
        weights = np.full(int(keep.sum()), 1.0 / distance)
        pairs = sparse.coo_matrix((weights, (left[keep], right[keep])), shape=(size, size)).tocsr()
        matrix = matrix + pairs + pairs.T
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    context = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    coo = matrix.tocoo()
    pmi = np.log(coo.data * context.sum() / (row[coo.row] * context[coo.col]))
    positive = pmi > 0
    ppmi = sparse.csr_matrix((pmi[positive], (coo.row[positive], coo.col[positive])), shape=(size, size))
    print(f"PPMI matrix {ppmi.nnz} entries, total weight {total:.0f} ({time.time() - started:.0f} s)", flush=True)

    u, s, _ = randomized_svd(ppmi, n_components=args.dimensions, random_state=SEED)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    columns = []
    for k in GRANULARITIES:
        model = MiniBatchKMeans(n_clusters=k, random_state=SEED, batch_size=4096, n_init=3)
        columns.append(model.fit_predict(vectors))
        print(f"k-means {k} done ({time.time() - started:.0f} s)", flush=True)

    TARGET.parent.mkdir(parents=True, exist_ok=True)
    kept = u[:, : args.kept_dimensions] * np.sqrt(s[: args.kept_dimensions])
    kept /= np.linalg.norm(kept, axis=1, keepdims=True) + 1e-9
    body = "".join(
        f"{word}\t" + "\t".join(str(int(c[i])) for c in columns) + "\t" + " ".join(f"{v:.3f}" for v in kept[i]) + "\n"
        for i, word in enumerate(vocabulary)
    )
    with TARGET.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(body.encode("utf-8"))
    print(f"wrote {TARGET} ({len(vocabulary)} keys, {time.time() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
