"""The context statistics of the NER model: how a first-pass tagger labels each word across unlabeled news."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

from khabar.ner.features import CONTEXT_COLUMNS, FeatureExtractor, context_features, context_statistics
from khabar.ner.model import default_model

ROOT = Path(__file__).resolve().parents[1]


def _row(**counts: int) -> tuple[int, ...]:
    return tuple(counts.get(name.replace("-", "_"), 0) for name in CONTEXT_COLUMNS)


def test_rare_words_say_so_and_frequent_words_give_bucketed_shares() -> None:
    assert context_features(None) == ["a=none"]
    name = context_features(_row(n=200, B_PER=150, I_PER=30, after_title=90))
    assert "aPER=4" in name and "aE=4" in name and "aB=2" in name and "at=3" in name
    common = context_features(_row(n=5000, det=4000))
    assert "aE=0" in common and "ad=4" in common
    assert not any(f.startswith(("aPER", "aLOC", "aB=")) for f in common)


def test_packaged_statistics_know_common_words_and_names() -> None:
    statistics = context_statistics()
    assert len(statistics) > 10_000
    assert all(len(row) == len(CONTEXT_COLUMNS) for row in list(statistics.values())[:100])
    preposition = statistics["في"]
    assert sum(preposition[1:9]) < preposition[0] * 0.01
    extractor = FeatureExtractor()
    assert any(f.startswith("aLOC=") for f in extractor.features("بغداد"))
    assert "aE=0" in extractor.features("في")


def test_extractor_without_context_has_no_context_features() -> None:
    features = FeatureExtractor(context=False).features("بغداد")
    assert not any(f.startswith(("a=", "aE=", "aLOC=")) for f in features)


def test_packaged_model_reads_the_context_features() -> None:
    assert any(":aE=" in name for name in default_model()._features)


def test_build_script_counts_a_few_articles(shared_data: Path, tmp_path: Path) -> None:
    corpus = shared_data / "corpus" / "ant_jawharafm_v1.1.jsonl.gz"
    if not corpus.is_file():
        return
    out = tmp_path / "context.tsv.gz"
    model = ROOT / "src" / "khabar" / "data" / "models" / "ner.npz"
    command = [sys.executable, str(ROOT / "scripts" / "build_ner_context.py"), "--model", str(model)]
    command += ["--shared", str(shared_data), "--limit", "20", "--min-count", "2", "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    with gzip.open(out, "rt", encoding="utf-8") as lines:
        header, *rows = lines.read().splitlines()
    assert header.split("\t")[1].split() == list(CONTEXT_COLUMNS)
    assert rows and all(int(row.split("\t")[1].split()[0]) >= 2 for row in rows)
