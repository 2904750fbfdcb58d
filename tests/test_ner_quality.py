"""The NER model's scores on the test files in ../shared/data/ner (skipped when they are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.ner.bio import read_bio
from khabar.ner.model import default_model
from khabar.ner.train import evaluate

# micro-F1 floors, pinned a little under what was measured (2026-11-29: ANERcorp 70.5, AQMAR 37.0).
FLOORS = {
    ("anercorp", "ANERCorp_CamelStyle_test.txt"): 0.70,
    ("aqmar", "test.txt"): 0.36,
}


@pytest.mark.parametrize(("folder", "name"), sorted(FLOORS))
def test_test_file_f1_stays_above_its_floor(shared_data: Path, folder: str, name: str) -> None:
    path = shared_data / "ner" / folder / name
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    result = evaluate(default_model(), read_bio(path))
    assert result.micro.f1 >= FLOORS[(folder, name)]
