"""Build src/khabar/data/charmaps/arabic.json, the character tables of the normaliser.

The tables are data, not code (CAMeL Tools keeps its character maps the same way), so that a reviewer can read
them and a test can check that the shipped file is what this script writes.

Sources: the Unicode Character Database as shipped with Python's ``unicodedata`` (NFKC decompositions of the
Arabic presentation forms, general categories of the combining marks); the folding choices are ours.

    python scripts/build_charmaps.py            # rewrite the file
    python scripts/build_charmaps.py --check    # exit 1 if the shipped file differs
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "khabar" / "data" / "charmaps" / "arabic.json"

# Marks that sit on a letter: harakat, tanween, shadda, sukun, dagger alef, Quranic marks, tatweel.
ATTACHED_RANGES = [
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0640, 0x0640),
    (0x08D3, 0x08E1),
    (0x08E3, 0x08FF),
]
# Invisible controls: bidi marks and embeddings, isolates, zero-width characters, the Arabic letter mark, BOM.
CONTROL_RANGES = [
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0x061C, 0x061C),
    (0x00AD, 0x00AD),
    (0xFEFF, 0xFEFF),
]
PRESENTATION_RANGES = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFE)]

ALEF = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
YA = {"ى": "ي", "ی": "ي", "ې": "ي"}
TA_MARBUTA = {"ة": "ه", "ۃ": "ه"}
HAMZA_CARRIERS = {"ؤ": "و", "ئ": "ي"}
# Letters of Persian and Urdu keyboards that stand for Arabic letters in Arabic text.
LETTER_VARIANTS = {"ک": "ك", "ڪ": "ك", "ی": "ي", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۀ": "ه"}
EASTERN_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
PERSIAN_DIGITS = {chr(0x06F0 + i): str(i) for i in range(10)}
SEPARATORS = {"٫": ".", "٬": ",", "٪": "%", "،": "،"}


def _expand(ranges: list[tuple[int, int]]) -> list[str]:
    return [chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if unicodedata.category(chr(c)) != "Cn"]


def build() -> dict:
    attached = _expand(ATTACHED_RANGES)
    controls = _expand(CONTROL_RANGES)
    dropped = set(attached) | set(controls)
    presentation = {}
    for ch in _expand(PRESENTATION_RANGES):
        if ch in dropped:
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKC", ch) if c not in dropped)
        if folded == ch:
            continue
        # Spacing forms of harakat (U+FE70..) decompose to a space and a mark: they are marks, drop them.
        presentation[ch] = folded if folded.strip() else ""
    return {
        "about": "Character tables of khabar's normaliser; written by scripts/build_charmaps.py, do not edit.",
        "source": f"Unicode {unicodedata.unidata_version} (Python unicodedata); folding choices by khabar",
        "licence": "Apache-2.0",
        "attached_marks": "".join(attached),
        "controls": "".join(controls),
        "presentation_forms": presentation,
        "alef": ALEF,
        "ya": YA,
        "ta_marbuta": TA_MARBUTA,
        "hamza_carriers": HAMZA_CARRIERS,
        "letter_variants": LETTER_VARIANTS,
        "digits": {**EASTERN_DIGITS, **PERSIAN_DIGITS},
        "separators": {k: v for k, v in SEPARATORS.items() if k != v},
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args()
    text = render()
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TARGET} differs from what the script writes")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
