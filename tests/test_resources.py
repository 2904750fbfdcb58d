"""The packaged resources: present, up to date with their build scripts, and clean."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from khabar.resources import data_path
from khabar.text.clitics import WordFrequencies

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "khabar" / "data"


def test_charmaps_are_what_the_build_script_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_charmaps.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


NOT_ARABIC_WORDS = {"about", "source", "licence", "name_latn", "id", "country", "sector"}


def _strings(value: object) -> list[str]:
    """Every word or phrase of a lexicon: strings in lists and dict values, except descriptive fields."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key not in NOT_ARABIC_WORDS for s in _strings(item)]
    return []


def _lexicon_words() -> list[str]:
    words: list[str] = []
    for path in sorted(DATA.glob("lexicons/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        words.extend(_strings({k: v for k, v in data.items() if not isinstance(v, str)}))
    with gzip.open(DATA / "lexicons" / "word_frequencies.tsv.gz", "rt", encoding="utf-8") as handle:
        words.extend(line.split("\t", 1)[0] for line in handle)
    return words


@pytest.mark.parametrize("category", ["Mn", "Cf"])
def test_lexicons_hold_no_marks_or_controls(category: str) -> None:
    bad = [w for w in _lexicon_words() if any(unicodedata.category(c) == category for c in w)]
    assert not bad, bad[:10]


def test_lexicons_hold_no_presentation_forms_or_tatweel() -> None:
    bad = [w for w in _lexicon_words() if any(0xFB50 <= ord(c) <= 0xFEFF or c == "\u0640" for c in w)]
    assert not bad, bad[:10]


def test_every_data_file_is_listed_with_source_and_licence() -> None:
    manifest = json.loads((DATA / "MANIFEST.json").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["files"]}
    shipped = {str(p.relative_to(DATA)) for p in DATA.rglob("*") if p.is_file() and p.name != "MANIFEST.json"}
    assert shipped == listed
    for entry in manifest["files"]:
        assert entry["source"] and entry["licence"] and entry["built_by"]


def test_word_frequencies_load() -> None:
    frequencies = WordFrequencies.load()
    assert len(frequencies) > 50_000
    assert frequencies["قال"] > frequencies["زير"]


def test_a_missing_resource_is_a_clear_error() -> None:
    from khabar.errors import ResourceError

    with pytest.raises(ResourceError, match="reinstall"):
        data_path("lexicons/nothing-here.json")
