"""The times stage: calendars of every region, Hijri dates, relative expressions, clock times, ranges, sets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Document
from khabar.stages.times import Times

TIMES = Times()
PUBLISHED = "2021-03-10"  # a Wednesday


def times(text: str, published: str | None = PUBLISHED) -> list:
    doc = TIMES(Document(text, published=published))
    for t in doc.times:
        assert doc.text[t.start : t.end] == t.text
    return list(doc.times)


def value(text: str, published: str | None = PUBLISHED) -> str | None:
    found = times(text, published)
    assert len(found) == 1, found
    return found[0].value


def test_seed_article(seed_text: str) -> None:
    found = {t.text: t for t in times(seed_text)}
    assert found["اليوم الاربعاء (10 آذار 2021)"].value == "2021-03-10"
    assert found["21 شباط الماضي"].value == "2021-02-21"
    assert found["شباط الماضي"].value == "2021-02"
    assert found["الأيام الآتية"].value == "FUTURE_REF"
    day = found["اليوم الاربعاء (10 آذار 2021)"]
    assert (day.begin, day.until) == ("2021-03-10T00:00:00", "2021-03-11T00:00:00")


@pytest.mark.parametrize(
    "text",
    [
        "٥ نيسان ٢٠١٩",
        "5 أبريل 2019",
        "5 ابريل 2019",
        "٠٥/٠٤/٢٠١٩",
        "5 أفريل 2019",
        "5 نيسان/أبريل 2019",
        "2019-04-05",
    ],
)
def test_one_date_in_many_spellings(text: str) -> None:
    assert value(text) == "2019-04-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 جوان 2018", "2018-06-12"),
        ("3 جويلية 2017", "2017-07-03"),
        ("20 أوت 2016", "2016-08-20"),
        ("7 فيفري 2015", "2015-02-07"),
        ("جانفي 2020", "2020-01"),
    ],
)
def test_maghrebi_months(text: str, expected: str) -> None:
    assert value(text) == expected


def test_hijri_dates() -> None:
    (found,) = times("15 شعبان 1442 هـ")
    assert (found.value, found.calendar) == ("2021-03-28", "hijri")  # Umm al-Qura
    (gregorian,) = times("10 آذار 2021 م")
    assert gregorian.value == "2021-03-10" and gregorian.calendar is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اليوم", "2021-03-10"),
        ("أمس", "2021-03-09"),
        ("أول أمس", "2021-03-08"),
        ("غداً", "2021-03-11"),
        ("بعد غد", "2021-03-12"),
        ("الأربعاء الماضي", "2021-03-03"),
        ("الجمعة المقبلة", "2021-03-12"),
        ("الأحد", "2021-03-07"),
        ("الشهر الماضي", "2021-02"),
        ("العام الماضي", "2020"),
        ("منذ ثلاثة أيام", "2021-03-07"),
        ("قبل أسبوعين", "2021-02-24"),
        ("في الأيام الآتية", "FUTURE_REF"),
        ("عام 2014", "2014"),
        ("في 2014", "2014"),
    ],
)
def test_relative_and_years(text: str, expected: str) -> None:
    assert value(text) == expected


def test_weeks_start_on_saturday() -> None:
    (week,) = times("الأسبوع المقبل")
    assert (week.begin, week.until) == ("2021-03-13T00:00:00", "2021-03-20T00:00:00")


def test_clock_and_durations() -> None:
    (clock,) = times("الساعة الثالثة عصراً")
    assert clock.value == "2021-03-10T15:00"
    (minutes,) = times("10:30 صباحاً")
    assert minutes.value == "2021-03-10T10:30"
    (duration,) = times("لمدة ثلاثة أسابيع")
    assert (duration.type, duration.value, duration.text) == ("DURATION", "P3W", "ثلاثة أسابيع")
    (dual,) = times("يومين")
    assert dual.value == "P2D"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قبيل الساعة 06,30", "2021-03-10T06:30"),  # hours and minutes with a comma, zero-padded: 24-hour clock
        ("الساعة 06:30", "2021-03-10T06:30"),
        ("الساعة 9.15 مساء", "2021-03-10T21:15"),
        ("الساعة 6,30", "2021-03-10T18:30"),  # an hour of 1-6 without a part of day is the afternoon's
        ("الساعة الثالثة وثلث", "2021-03-10T15:20"),  # a fraction of an hour in words stays a fraction
    ],
)
def test_written_hours_and_minutes(text: str, expected: str) -> None:
    assert value(text) == expected


def test_ranges_and_sets() -> None:
    (days,) = times("من 5 إلى 10 آذار")
    assert (days.begin, days.until) == ("2021-03-05T00:00:00", "2021-03-11T00:00:00")
    (years,) = times("بين عامي 2014 و2017")
    assert (years.begin, years.until) == ("2014-01-01T00:00:00", "2018-01-01T00:00:00")
    (every,) = times("كل يوم جمعة")
    assert (every.type, every.value) == ("SET", "XXXX-WXX-5")


def test_offset_is_kept() -> None:
    (found,) = times("أمس", "2013-02-12T04:30:00-02:00")
    assert found.begin == "2013-02-11T00:00:00-02:00"


@pytest.mark.parametrize("text", ["32 شباط 2021", "30 شباط 2021", "2021/13/45", "30 صفر 1442 هـ"])
def test_impossible_dates(text: str) -> None:
    for found in times(text):
        assert found.value is None or found.flag == "invalid" or found.value[:4] != "2021-02-3"
        if found.flag == "invalid":
            assert found.begin is None


def test_thirtieth_of_february_is_flagged() -> None:
    (found,) = times("30 شباط 2021")
    assert (found.value, found.flag) == (None, "invalid")


def test_without_published_relative_values_are_null() -> None:
    (found,) = times("أمس", None)
    assert (found.value, found.begin) == (None, None)
    (absolute,) = times("10 آذار 2021", None)
    assert absolute.value == "2021-03-10"


ARABICISH = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى٠١٢٣٤٥٦٧٨٩0123456789 ،,.-/:()%ًٌٍَُِّْـ")),
    max_size=80,
)
WORDS = st.lists(
    st.sampled_from(
        [
            "في",
            "من",
            "إلى",
            "حتى",
            "الساعة",
            "3",
            "30",
            "الثالثة",
            "صباحا",
            "مساء",
            "آذار",
            "شباط",
            "صفر",
            "2021",
            "1442",
            "هـ",
            "العام",
            "الماضي",
            "المقبل",
            "يوم",
            "الأحد",
            "أمس",
            "غدا",
            "منذ",
            "قبل",
            "بعد",
            "خلال",
            "أسبوعين",
            "ثلاثة",
            "آلاف",
            "كل",
            "أول",
            "آخر",
            "الأسبوع",
            "الشهر",
            "/",
            "-",
            "،",
        ]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ARABICISH, WORDS), st.sampled_from([None, "2021-03-10", "2013-02-12T04:30:00-02:00"]))
def test_never_raises(text: str, published: str | None) -> None:
    times(text, published)


def test_the_year_after_since_or_before_is_that_year() -> None:
    (since,) = times("وتضع الشركة رقابة الأهل على هواتفها منذ عام 2008.")
    assert (since.text, since.value) == ("عام 2008", "2008")
    (before,) = times("قبل العام 2010")
    assert before.value == "2010"
    assert value("قبل عامين") == "2019"  # still two years before publication


def test_a_shift_from_an_event_is_no_date() -> None:
    assert times("وصلت السفينة بعد أسبوع من الانتظار والترقب") == []
    assert [t.type for t in times("قبل ثلاثة أيام من موعد الانتخابات")] == ["DURATION"]
