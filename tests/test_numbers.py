"""The numbers stage: digits and words, ordinals, units, money, percent, vague and malformed numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Document
from khabar.stages.numbers import Numbers
from khabar.stages.timex.numwords import parse_digits

NUMBERS = Numbers()


def quantities(text: str) -> list:
    doc = NUMBERS(Document(text))
    for q in doc.quantities:
        assert doc.text[q.start : q.end] == q.text
    return list(doc.quantities)


def values(text: str) -> list:
    return [q.value for q in quantities(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("تسعة وتسعون", 99),
        ("سبعمئة وثلاثة وستون", 763),
        ("خمسمائة", 500),
        ("خمسمئة", 500),
        ("ستة آلاف وثمانمائة", 6800),
        ("مئتا ألف", 200000),
        ("سبعة ملايين", 7000000),
        ("مليارين", 2000000000),
        ("ثلاثة مليارات ونصف", 3500000000),
        ("7 مليون", 7000000),
        ("2.5 مليار", 2500000000),
        ("٣٬٥٠٠", 3500),
        ("٧٫٢٥", 7.25),
        ("12,750", 12750),
        ("3,5", 3.5),
        ("تسعة عشر", 19),
        ("اثنتا عشرة", 12),
        ("تمنتاشر", 18),
        ("سبعمية تسعة وتلاتين", 739),
    ],
)
def test_cardinals(text: str, value: float) -> None:
    assert values(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [("الأول", 1), ("الحادي عشر", 11), ("العشرين", 20), ("السابع والثلاثون", 37), ("الخامسة عشرة", 15)],
)
def test_ordinals(text: str, value: int) -> None:
    (quantity,) = quantities(text)
    assert quantity.value == value and quantity.ordinal


def test_sunday_is_not_one() -> None:
    assert quantities("التقى الوفد يوم الأحد بأحد المسؤولين") == []
    (quantity,) = quantities("اللاعبون الأحد عشر")
    assert quantity.value == 11


def test_conjunction_is_left_out_of_the_span() -> None:
    (quantity,) = quantities("ووصل وأربعة آلاف جندي")
    assert quantity.text == "أربعة آلاف جندي" and quantity.unit == "جندي"


def test_seed_article(seed_text: str) -> None:
    found = [(q.text, q.value, q.unit) for q in quantities(seed_text)]
    assert ("أربعة آلاف عسكري", 4000, "عسكري") in found
    assert ("500", 500, "شخص") in found  # من 500 إلى أربعة آلاف شخص: the range shares its unit
    assert ("أربعة آلاف شخص", 4000, "شخص") in found
    assert all(value != 2021 for _, value, _ in found)  # the year is part of a date


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("150 دينار عراقي", 150, "IQD"),
        ("ثلاثون مليون دولار", 30000000, "USD"),
        ("75 جنيها مصريا", 75, "EGP"),
        ("€40", 40, "EUR"),
        ("12 ريالا سعوديا", 12, "SAR"),
        ("5 دولارات و25 سنتا", 5.25, "USD"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    (quantity,) = quantities(text)
    assert (quantity.value, quantity.kind, quantity.currency) == (value, "money", currency)


def test_percent_and_mods() -> None:
    first, second = quantities("ارتفع بنسبة 12% وتراجع نحو 40 بالمئة")
    assert (first.value, first.kind) == (12, "percent")
    assert (second.value, second.kind, second.mod) == (40, "percent", "approx")
    (quantity,) = quantities("أكثر من 300 قتيل")
    assert (quantity.mod, quantity.unit) == ("more_than", "قتيل")


def test_vague_and_too_large() -> None:
    vague = quantities("عشرات الآلاف من المتظاهرين")
    assert [(q.value, q.flag) for q in vague] == [(None, "vague")]
    big = quantities("9" * 40)
    assert [(q.value, q.flag) for q in big] == [(None, "too_large")]
    words = quantities(" ".join(["مليار"] * 50))
    assert all(q.value is None or q.value < 10**15 for q in words)


def test_slash_pairs() -> None:
    assert values("حصل على 45/60") == [0.75]
    assert values("في 11/10 الماضي") == []  # a date, left to the times layer


@pytest.mark.parametrize(("text", "value"), [("1.5", 1.5), ("1,000,000", 1000000), ("-3", -3), (".5", 0.5)])
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == (value, None)


def test_malformed_digits() -> None:
    assert parse_digits("1,23,4")[0] is None


ARABICISH = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى٠١٢٣٤٥٦٧٨٩0123456789 ،,.-/:%$٫٬ًٌٍَُِّْـ")),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(ARABICISH)
def test_never_raises(text: str) -> None:
    quantities(text)


@pytest.mark.parametrize("text", ["²", "x²", "³٤", "½ مليون", "①"])
def test_digit_like_symbols_are_not_numbers(text: str) -> None:
    """Regression (found by hypothesis): a superscript digit once reached int() as a number."""
    for quantity in quantities(text):
        assert quantity.value is None or isinstance(quantity.value, int | float)
