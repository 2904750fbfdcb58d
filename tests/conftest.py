"""Shared fixtures: the default pipeline, the seed article and the shared data folder (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.pipeline import Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The canonical seed article (bundled under examples/, published 2021-03-10)."""
    return (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a clean skip on a clone that does not have it."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (a user's clone has no shared data)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def demo_articles(shared_data: Path) -> list[dict]:
    """The 200 demo articles of ../shared/data/corpus/demo_ar_news_200.jsonl."""
    path = shared_data / "corpus" / "demo_ar_news_200.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
