"""Time expressions as fields (what the text says), resolved against the publication time.

Conventions (documented in docs/eval-timex.md):

- A week runs from Saturday to Friday, as on the wall calendars of most Arab countries; its ``value`` names the
  ISO week that holds five of its seven days (Monday to Friday), ``begin``/``until`` give the exact days.
- A weekday alone is the last such day on or before the publication day (news reports what happened;
  اليوم الأربعاء said on a Wednesday is that day); with الماضي it is strictly before, with المقبل/القادم strictly
  after, with هذا the next one on or after.
- A date without a year is in the publication year; with الماضي the last one before publication, with المقبل
  the next one after it. A Hijri date is converted with the Umm al-Qura calendar (``hijridate``).
- An hour without a part of day is read 7-12 as morning and 1-6 as afternoon; a time without a date is on the
  publication day.
- منذ/قبل + duration is the day (month, year) that far back; بعد + duration that far ahead; خلال + duration
  is the window from publication to that far ahead; الأيام الآتية and the like are FUTURE_REF/PAST_REF.
- Beginning/middle/end: أوائل/بداية/مطلع a month is days 1-10, أواسط 11-20, أواخر/نهاية 21 to the end, منتصف
  the 15th; of a year, January-April, May-August, September-December.
- Without ``published`` every relative value is null (``value`` keeps X for the unknown parts when some are
  given), and an impossible date (30 شباط) has no value and ``flag: "invalid"``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from hijridate import Gregorian, Hijri

WEEK_START = 5  # Saturday, in Python's Monday=0 numbering
DAYPARTS = {
    "dawn": (3, 6),
    "morning": (4, 12),
    "noon": (12, 14),
    "afternoon": (12, 18),
    "evening": (18, 24),
    "night": (18, 24),
    "daytime": (6, 18),
}
DAYPART_CODES = {"dawn": "MO", "morning": "MO", "noon": "MI", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y"}
UNIT_DAYS = {"day": 1, "week": 7}
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600}
UNIT_YEARS = {"year": 1, "decade": 10, "century": 100}


@dataclass(slots=True)
class Fields:
    """What a time expression says, before it is anchored."""

    kind: str = "date"  # date, time, duration, set, ref, now
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hijri: bool = False
    weekday: int | None = None
    weekday_dir: str | None = None  # past, future, this, None (news default)
    dm_dir: str | None = None  # past/future for a date without a year
    day_rel: int | None = None  # today 0, yesterday -1 …
    unit_rel: tuple[str, int] | None = None  # (week, -1): last week
    span_rel: tuple[str, int, int] | None = None  # (day, 3, -1): the last three days
    shift: tuple[str, float, int] | None = None  # (day, 3, -1): three days ago
    nth: int | None = None  # nth weekday/day/week of the month; -1 = last
    nth_of: str | None = None  # weekday, day, week
    anchor: Fields | None = None  # for "the third Tuesday after Christmas"
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    daypart: str | None = None
    tz: float | None = None
    position: str | None = None  # start, mid, end
    dur: tuple[str, float] | None = None
    within: bool = False
    value: str | None = None  # for set and ref
    quarter: int | None = None
    holiday: str | None = None
    season: str | None = None
    mod: str | None = None
    end: Fields | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Ref:
    """The anchor: publication time as a naive local datetime, whether it has a time, and its offset."""

    moment: datetime
    has_time: bool
    tz: tzinfo | None

    @classmethod
    def of(cls, published: date | datetime | None) -> Ref | None:
        if published is None:
            return None
        if isinstance(published, datetime):
            return cls(published.replace(tzinfo=None), True, published.tzinfo)
        return cls(datetime.combine(published, time()), False, None)

    @property
    def day(self) -> date:
        return self.moment.date()


@dataclass(slots=True)
class Resolved:
    type: str
    value: str | None
    begin: datetime | None = None
    until: datetime | None = None
    flag: str | None = None
    calendar: str | None = None
    mod: str | None = None


class Invalid(ValueError):
    """An impossible date or time (32 شباط، 25:00)."""


# ------------------------------------------------------------------------------------------------- helpers


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def week_start(d: date) -> date:
    return d - timedelta(days=(d.weekday() - WEEK_START) % 7)


def week_value(start: date) -> str:
    iso = (start + timedelta(days=2)).isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def make_date(year: int, month: int, day: int, hijri: bool = False) -> date:
    if hijri:
        try:
            if not 1 <= day <= Hijri(year, month, 1).month_length():
                raise Invalid(f"day {day} of Hijri month {year}-{month}")
            g = Hijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError) as error:
            raise Invalid(str(error)) from None
        return date(g.year, g.month, g.day)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise Invalid(str(error)) from None


def month_interval(year: int, month: int, hijri: bool = False) -> tuple[date, date]:
    if hijri:
        start = make_date(year, month, 1, True)
        nxt = make_date(year + (month == 12), month % 12 + 1, 1, True)
        return start, nxt
    if not 1 <= month <= 12 or not 1 <= year <= 9998:
        raise Invalid(f"month {year}-{month}")
    return date(year, month, 1), add_months(date(year, month, 1), 1)


def year_interval(year: int, hijri: bool = False) -> tuple[date, date]:
    if hijri:
        return make_date(year, 1, 1, True), make_date(year + 1, 1, 1, True)
    if not 1 <= year <= 9998:
        raise Invalid(f"year {year}")
    return date(year, 1, 1), date(year + 1, 1, 1)


def hijri_year_of(d: date) -> int:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError) as error:
        raise Invalid(str(error)) from None


def easter(year: int) -> date:
    """Western Easter (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: dict[str, Any], year: int) -> tuple[date, date]:
    """The holiday's interval in Gregorian ``year`` (Ramadan-long ones are months)."""
    if rule.get("easter"):
        d = easter(year)
        return d, d + timedelta(days=1)
    if "gregorian" in rule:
        d = make_date(year, *rule["gregorian"])
        return d, d + timedelta(days=1)
    month, day = rule["hijri"]
    for hyear in (hijri_year_of(date(year, 1, 1)), hijri_year_of(date(year, 12, 31))):
        d = make_date(hyear, month, day, True)
        if d.year == year:
            return d, d + timedelta(days=1)
    raise Invalid(f"no such holiday in {year}")


def fmt_duration(unit: str, amount: float) -> str:
    number = f"{amount:g}"
    if unit in UNIT_SECONDS:
        return f"PT{number}{UNIT_CODES[unit]}"
    if unit in UNIT_YEARS:
        return f"P{amount * UNIT_YEARS[unit]:g}Y"
    return f"P{number}{UNIT_CODES[unit]}"


def shift_date(d: date, unit: str, amount: float) -> date:
    if unit in UNIT_DAYS:
        return d + timedelta(days=round(amount * UNIT_DAYS[unit]))
    if unit == "month":
        return add_months(d, round(amount))
    if unit in UNIT_YEARS:
        return add_months(d, round(amount * 12 * UNIT_YEARS[unit]))
    return d


def grain_interval(d: date, grain: str) -> tuple[date, date, str]:
    """The interval of ``grain`` (day/week/month/year) that holds ``d``, and its TIMEX value."""
    if grain == "week":
        start = week_start(d)
        return start, start + timedelta(days=7), week_value(start)
    if grain == "month":
        start, end = month_interval(d.year, d.month)
        return start, end, f"{d.year:04d}-{d.month:02d}"
    if grain in UNIT_YEARS:
        span = UNIT_YEARS[grain]
        first = d.year - d.year % span
        value = f"{first:04d}" if span == 1 else f"{first:04d}"[: 4 - len(str(span)) + 1]
        return date(first, 1, 1), date(first + span, 1, 1), value
    return d, d + timedelta(days=1), d.isoformat()


def apply_position(start: date, end: date, grain: str, position: str) -> tuple[date, date, str]:
    """Part of a month or year: start/mid/end (see the module docstring); returns the new grain."""
    if grain == "month":
        if position == "mid":
            d = start.replace(day=15)
            return d, d + timedelta(days=1), "day"
        if position == "start":
            return start, start.replace(day=11), "days"
        return start.replace(day=21), end, "days"
    if grain == "year":
        bounds = {"start": (1, 5), "mid": (5, 9), "end": (9, 13)}[position]
        first = date(start.year, bounds[0], 1)
        last = date(start.year + 1, 1, 1) if bounds[1] == 13 else date(start.year, bounds[1], 1)
        return first, last, "months"
    return start, end, grain


def dt(d: date, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime.combine(d, time()) + timedelta(hours=hour, minutes=minute, seconds=second)


def with_fields(fields: Fields, **changes: Any) -> Fields:
    return replace(fields, **changes)


# ------------------------------------------------------------------------------------------------ resolving


def time_type(fields: Fields) -> str:
    if fields.kind == "duration":
        return "DURATION"
    if fields.kind == "set":
        return "SET"
    if fields.hour is not None or fields.daypart is not None or fields.kind == "now":
        return "TIME"
    return "DATE"


def resolve(fields: Fields, ref: Ref | None, holiday_rules: dict[str, dict[str, Any]]) -> Resolved:
    """TIMEX3 value and interval of ``fields``; ``flag="invalid"`` for impossible dates, never an exception."""
    calendar_name = "hijri" if fields.hijri else None
    try:
        resolved = _resolve(fields, ref, holiday_rules)
    except (Invalid, OverflowError, ValueError):
        return Resolved(time_type(fields), None, flag="invalid", calendar=calendar_name, mod=fields.mod)
    if fields.end is not None and resolved.value is not None:
        try:
            last = _resolve(fields.end, ref, holiday_rules)
        except (Invalid, OverflowError, ValueError):
            return Resolved(time_type(fields), None, flag="invalid", calendar=calendar_name, mod=fields.mod)
        if last.value is None or (resolved.begin and last.until and last.until <= resolved.begin):
            return Resolved(time_type(fields), None, flag="invalid", calendar=calendar_name, mod=fields.mod)
        resolved = Resolved(
            resolved.type, f"{resolved.value}/{last.value}", resolved.begin, last.until, None, calendar_name
        )
    resolved.calendar = calendar_name
    resolved.mod = fields.mod
    return resolved


def _resolve(f: Fields, ref: Ref | None, holiday_rules: dict[str, dict[str, Any]]) -> Resolved:
    kind = f.kind
    if kind == "duration" and f.dur is not None:
        unit, amount = f.dur
        value = fmt_duration(unit, amount)
        if not f.within or ref is None:
            return Resolved("DURATION", value)
        if unit in UNIT_SECONDS:
            return Resolved("DURATION", value, ref.moment, ref.moment + timedelta(seconds=amount * UNIT_SECONDS[unit]))
        return Resolved("DURATION", value, ref.moment, dt(shift_date(ref.day, unit, amount)))
    if kind == "set":
        return Resolved("SET", f.value)
    if kind == "ref":
        return Resolved("DATE", f.value)
    if kind == "now":
        if ref is None:
            return Resolved("TIME", "PRESENT_REF")
        if ref.has_time:
            return Resolved("TIME", "PRESENT_REF", ref.moment, ref.moment + timedelta(seconds=1))
        return Resolved("TIME", "PRESENT_REF", ref.moment, ref.moment + timedelta(days=1))
    part = _date_part(f, ref, holiday_rules)
    if f.hour is None and f.daypart is None:
        if part is None:
            return Resolved("DATE", _partial_value(f))
        start, end, value = part
        return Resolved("DATE", value, dt(start), dt(end))
    if part is None and (ref is None or _has_date(f)):
        partial = _partial_value(f)
        return Resolved("TIME", partial + _time_suffix(f) if partial else None)
    day = part[0] if part is not None else ref.day  # type: ignore[union-attr]
    if part is not None and (part[1] - part[0]).days != 1:
        raise Invalid("a time of day needs a single day")
    if f.hour is None:
        first, last = DAYPARTS.get(f.daypart or "", (0, 24))
        code = DAYPART_CODES.get(f.daypart or "", "DT")
        return Resolved("TIME", f"{day.isoformat()}T{code}", dt(day, first), dt(day, last))
    hour, minute, second = clock(f)
    begin = dt(day, hour, minute, second)
    if f.tz is not None and ref is not None and ref.tz is not None:
        offset = ref.tz.utcoffset(None) if ref.has_time else None
        if offset is not None:
            begin = begin - timedelta(hours=f.tz) + offset
    step = timedelta(seconds=1) if f.second is not None else timedelta(minutes=1 if f.minute is not None else 60)
    # Not strftime("%Y"): the C library writes the year 1 as "1", and a TIMEX3 year has four digits.
    value = f"{begin.date().isoformat()}T{begin:%H:%M}" + (f":{begin:%S}" if f.second is not None else "")
    return Resolved("TIME", value, begin, begin + step)


def clock(f: Fields) -> tuple[int, int, int]:
    """Hour, minute, second on the 24-hour clock (see the module docstring for hours without a part of day)."""
    hour = f.hour or 0
    minute = f.minute or 0
    second = f.second or 0
    if minute < 0:
        hour, minute = hour - 1, minute + 60
    part = f.daypart
    if (
        (part in ("afternoon", "evening") and hour < 12)
        or (part == "noon" and 1 <= hour <= 6)
        or (part == "night" and 6 <= hour <= 11)
    ):
        hour += 12
    elif part == "night" and hour == 12:
        hour = 0
    elif part is None and 1 <= hour <= 6 and f.extra.get("clock_digits") is None:
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60 and 0 <= second < 60) or (hour == 24 and (minute or second)):
        raise Invalid(f"time {hour}:{minute}:{second}")
    return hour, minute, second


def _has_date(f: Fields) -> bool:
    return any(
        v is not None for v in (f.year, f.month, f.day, f.weekday, f.day_rel, f.unit_rel, f.shift, f.holiday, f.nth)
    )


def _time_suffix(f: Fields) -> str:
    if f.hour is None:
        return "T" + DAYPART_CODES.get(f.daypart or "", "DT")
    try:
        hour, minute, second = clock(f)
    except Invalid:
        return ""
    return f"T{hour:02d}:{minute:02d}" + (f":{second:02d}" if f.second is not None else "")


def _partial_value(f: Fields) -> str | None:
    """The value of an expression that cannot be anchored: known parts with X for the rest, or None."""
    if f.year is None and f.month is None and f.day is None:
        return None if _has_date(f) else "XXXX-XX-XX"
    if f.unit_rel is not None or f.dm_dir is not None:
        return None
    year = f"{f.year:04d}" if f.year is not None else "XXXX"
    if f.month is None:
        return year
    month = f"{year}-{f.month:02d}"
    return month if f.day is None else f"{month}-{f.day:02d}"


def _yearless(f: Fields, ref: Ref, month: int, day: int | None) -> int:
    """Year of a day-month (or month) without a year; see the module docstring."""
    year = hijri_year_of(ref.day) if f.hijri else ref.day.year
    if f.dm_dir is None:
        return year
    for candidate in (year - 1, year, year + 1) if f.dm_dir == "future" else (year + 1, year, year - 1):
        start = make_date(candidate, month, day or 1, f.hijri)
        end = start + timedelta(days=1) if day else month_interval(candidate, month, f.hijri)[1]
        if f.dm_dir == "future" and start > ref.day:
            return candidate
        if f.dm_dir == "past" and end <= (ref.day if day else month_interval(ref.day.year, ref.day.month)[0]):
            return candidate
    return year


def _gregorian_year_hijri_month(year: int, month: int) -> int:
    """Hijri year whose ``month`` starts in Gregorian ``year`` (رمضان 2019)."""
    for hyear in (hijri_year_of(date(year, 1, 1)), hijri_year_of(date(year, 12, 31))):
        if make_date(hyear, month, 1, True).year == year:
            return hyear
    raise Invalid(f"month {month} does not start in {year}")


def _date_part(f: Fields, ref: Ref | None, holiday_rules: dict[str, dict[str, Any]]) -> tuple[date, date, str] | None:
    """Start, end (exclusive) and value of the date part, or None when it needs an anchor that is missing."""
    if f.holiday is not None:
        year = f.year if f.year is not None else (ref.day.year if ref else None)
        if year is None:
            return None
        start, end = holiday_date(holiday_rules[f.holiday], year)
        if f.nth is not None and f.weekday is not None:
            d = start + timedelta(days=1)
            d += timedelta(days=(f.weekday - d.weekday()) % 7 + 7 * (f.nth - 1))
            return d, d + timedelta(days=1), d.isoformat()
        return start, end, start.isoformat()
    base = ref.day if ref is not None else None
    if f.unit_rel is not None:
        unit, offset = f.unit_rel
        if base is None:
            return None
        base = shift_date(base, unit, offset)
        if f.day is None and f.month is None and f.weekday is None and f.nth is None and f.position is None:
            start, end, value = grain_interval(base, unit)
            return start, end, value
        if f.day is not None and f.month is None and unit == "month":
            d = make_date(base.year, base.month, f.day)
            return d, d + timedelta(days=1), d.isoformat()
    if f.shift is not None:
        unit, amount, sign = f.shift
        if base is None:
            return None
        d = shift_date(base, unit, sign * amount)
        grain = "day" if unit in UNIT_DAYS or unit in UNIT_SECONDS else unit
        start, end, value = grain_interval(d, grain)
        return start, end, value
    if f.span_rel is not None:
        unit, count, direction = f.span_rel
        if base is None:
            return None
        grain_start = grain_interval(base, unit)[0] if unit != "day" else base
        if direction < 0:
            start, end = shift_date(grain_start, unit, -count), grain_start
        else:
            first = shift_date(grain_start, unit, 1)
            start, end = first, shift_date(first, unit, count)
        return start, end, f"{start.isoformat()}/{(end - timedelta(days=1)).isoformat()}"
    if f.day_rel is not None:
        if ref is None:
            return None
        d = ref.day + timedelta(days=f.day_rel)
        return d, d + timedelta(days=1), d.isoformat()
    if f.quarter is not None:
        year = f.year if f.year is not None else (base.year if base else None)
        if year is None or not 1 <= f.quarter <= 4:
            return None if year is None else _raise(f"quarter {f.quarter}")
        start = date(year, 3 * f.quarter - 2, 1)
        return start, add_months(start, 3), f"{year:04d}-Q{f.quarter}"
    if f.season is not None:
        return None
    if f.nth is not None and f.nth_of is not None:
        return _nth(f, ref, base)
    if f.month is not None:
        month = f.month
        if f.year is not None:
            year = f.year
            if f.hijri and year > 1700:
                year = _gregorian_year_hijri_month(year, month)
        elif base is not None and f.unit_rel is not None:
            year = hijri_year_of(base) if f.hijri else base.year
        elif ref is not None:
            year = _yearless(f, ref, month, f.day)
        else:
            return None
        if f.day is not None:
            d = make_date(year, month, f.day, f.hijri)
            return d, d + timedelta(days=1), d.isoformat()
        start, end = month_interval(year, month, f.hijri)
        value = f"{start.year:04d}-{start.month:02d}" if not f.hijri else f"{start.isoformat()}/{end.isoformat()}"
        if f.position is not None:
            start, end, grain = apply_position(start, end, "month", f.position)
            value = start.isoformat() if grain == "day" else f"{start.isoformat()}/{(end - timedelta(days=1))}"
        return start, end, value
    if f.year is not None:
        start, end = year_interval(f.year, f.hijri)
        value = f"{f.year:04d}" if not f.hijri else f"{start.isoformat()}/{end.isoformat()}"
        if f.position is not None:
            start, end, _ = apply_position(start, end, "year", f.position)
            value = f"{start.isoformat()[:7]}/{(end - timedelta(days=1)).isoformat()[:7]}"
        return start, end, value
    if f.unit_rel is not None and base is not None:
        unit = f.unit_rel[0]
        start, end, value = grain_interval(base, unit)
        if f.weekday is not None and unit == "week":
            d = start + timedelta(days=(f.weekday - WEEK_START) % 7)
            return d, d + timedelta(days=1), d.isoformat()
        if f.position is not None and unit in ("month", "year"):
            start, end, _ = apply_position(start, end, unit, f.position)
            return start, end, f"{start.isoformat()}/{(end - timedelta(days=1)).isoformat()}"
        return start, end, value
    if f.day is not None and f.month is None and base is not None:
        d = make_date(base.year, base.month, f.day)  # السبت السادس عشر: this month's 16th
        return d, d + timedelta(days=1), d.isoformat()
    if f.weekday is not None:
        if ref is None:
            return None
        today = ref.day
        back = (today.weekday() - f.weekday) % 7
        ahead = (f.weekday - today.weekday()) % 7
        if f.weekday_dir == "past":
            d = today - timedelta(days=back or 7)
        elif f.weekday_dir == "future":
            d = today + timedelta(days=ahead or 7)
        elif f.weekday_dir == "this":
            d = today + timedelta(days=ahead)
        else:
            d = today - timedelta(days=back)
        return d, d + timedelta(days=1), d.isoformat()
    if f.day is not None and ref is not None:
        d = make_date(ref.day.year, ref.day.month, f.day)
        return d, d + timedelta(days=1), d.isoformat()
    return None


def _raise(message: str) -> None:
    raise Invalid(message)


def _nth(f: Fields, ref: Ref | None, base: date | None) -> tuple[date, date, str] | None:
    """The nth (or last) weekday, day or week of a month."""
    if f.month is not None:
        if f.year is not None:
            year = f.year
        elif base is not None:
            year = base.year
        else:
            return None
        month = f.month
    elif base is not None:
        year, month = base.year, base.month
    else:
        return None
    start, end = month_interval(year, month, f.hijri)
    n = f.nth or 1
    if f.nth_of == "weekday" and f.weekday is not None:
        if n > 0:
            d = start + timedelta(days=(f.weekday - start.weekday()) % 7 + 7 * (n - 1))
        else:
            last = end - timedelta(days=1)
            d = last - timedelta(days=(last.weekday() - f.weekday) % 7)
        if not start <= d < end:
            raise Invalid("no such weekday in the month")
        return d, d + timedelta(days=1), d.isoformat()
    if f.nth_of == "week":
        d = start + timedelta(days=7 * (n - 1)) if n > 0 else end - timedelta(days=1)
        first = week_start(d)
        return first, first + timedelta(days=7), week_value(first)
    d = start + timedelta(days=n - 1) if n > 0 else end - timedelta(days=1)
    if not start <= d < end:
        raise Invalid("no such day in the month")
    return d, d + timedelta(days=1), d.isoformat()
