"""Build src/khabar/data/lexicons/places.json: Arabic names of countries, regions and cities from CLDR.

Source: the Unicode CLDR data shipped with Babel (territory names, and time-zone exemplar cities of the ``ar``
locale with their English names). Marks are removed; names stay as CLDR writes them (hamza included). Needs
Babel (the `train` extra).

    python scripts/build_place_names.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import babel
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar.text.normalise import NormaliseOptions, fold  # noqa: E402

TARGET = ROOT / "src" / "khabar" / "data" / "lexicons" / "places.json"
MARKS_ONLY = NormaliseOptions(alef=False)


def build() -> dict:
    arabic = Locale("ar")
    countries: dict[str, str] = {}
    regions: dict[str, str] = {}
    for code, name in sorted(arabic.territories.items()):
        target = regions if code.isdigit() or code in ("EU", "EZ", "UN", "QO", "ZZ") else countries
        target[code] = fold(name, MARKS_ONLY)
    english = Locale("en").time_zones
    cities: dict[str, str] = {}
    for zone_id, zone in sorted(arabic.time_zones.items()):
        if zone.get("city"):
            latin = english.get(zone_id, {}).get("city") or zone_id.rsplit("/", 1)[-1].replace("_", " ")
            cities.setdefault(fold(zone["city"], MARKS_ONLY), latin)
    return {
        "about": "Arabic place names from CLDR; written by scripts/build_place_names.py, do not edit.",
        "source": f"Unicode CLDR via Babel {babel.__version__} (ar territory names, time-zone exemplar cities)",
        "licence": "Unicode License v3",
        "countries": countries,
        "regions": regions,
        "cities": cities,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TARGET} differs")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
