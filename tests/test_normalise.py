"""The normalised view and its offset map."""

from __future__ import annotations

import pytest

from khabar.text.normalise import DEFAULT, MATCHING, NormaliseOptions, fold, match_key, normalise


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("اتصالٍ هاتفيّ", "اتصال هاتفي"),  # diacritics
        ("ســلام", "سلام"),  # tatweel
        ("أإآٱ", "اااا"),  # alef variants
        ("٢٠٢١ و۱۹۹۸", "2021 و1998"),  # Eastern and Persian digits
        ("٣٫٥ و٤٬٠٠٠ و٪", "3.5 و4,000 و%"),  # Arabic separators and percent
        ("\u200fبغداد\u200e \u202bالعراق\u202c \u2067x\u2069", "بغداد العراق x"),  # bidi controls
        ("بين\u200cالنهرين\u200d", "بينالنهرين"),  # ZWNJ / ZWJ
        ("ﺑﻐﺪﺍﺩ", "بغداد"),  # presentation forms
        ("ﻻ", "لا"),  # a ligature becomes two letters
        ("کیف", "كيف"),  # Persian keheh and yeh
    ],
)
def test_default_folding(original: str, expected: str) -> None:
    assert normalise(original).text == expected


def test_optional_foldings_are_off_by_default_and_on_for_matching() -> None:
    assert fold("مستشفى المدينة") == "مستشفى المدينة"
    assert fold("مستشفى المدينة", MATCHING) == "مستشفي المدينه"
    assert fold("مؤتمر رئيس", NormaliseOptions(hamza_carriers=True)) == "موتمر رييس"
    assert fold("أحمد", NormaliseOptions(alef=False)) == "أحمد"


def test_match_key_collapses_space_and_folds_everything() -> None:
    assert match_key("  الأمينُ   العامّ ") == "الامين العام"
    assert match_key("وزارة") == match_key("وزاره")


def test_to_original_covers_the_marks_of_the_last_letter() -> None:
    text = "خلال اتصالٍ هاتفيٍّ مع"
    view = normalise(text)
    start = view.text.index("اتصال")
    s, e = view.to_original(start, start + len("اتصال"))
    assert text[s:e] == "اتصالٍ"
    start = view.text.index("هاتفي")
    s, e = view.to_original(start, start + len("هاتفي"))
    assert text[s:e] == "هاتفيٍّ"


def test_to_original_through_a_ligature() -> None:
    text = "ﻻ شيء"
    view = normalise(text)
    assert view.text == "لا شيء"
    assert view.to_original(0, 2) == (0, 1)
    assert view.to_original(0, 1) == (0, 1)
    assert view.to_original(1, 2) == (0, 1)
    assert view.to_original(3, 6) == (2, 5)


def test_removed_controls_are_outside_mapped_spans() -> None:
    text = "\u200fالعراق\u200f"
    view = normalise(text)
    assert view.text == "العراق"
    s, e = view.to_original(0, len(view.text))
    assert text[s:e] == "العراق"


def test_to_normalised_is_the_inverse_on_kept_characters() -> None:
    text = "أَكَّدَ الأمينُ العامّ ﻻ ١٠"
    view = normalise(text)
    for position in range(len(view.text)):
        original = view.offsets.to_original(position)
        assert view.offsets.to_normalised(original) <= position
        assert fold(text[original], DEFAULT)  # every normalised character comes from a kept original one
    assert view.offsets.to_normalised(len(text)) == len(view.text)


def test_identity_text_has_a_single_break() -> None:
    view = normalise("بغداد")
    assert view.offsets.is_identity
    assert view.to_original(1, 3) == (1, 3)
