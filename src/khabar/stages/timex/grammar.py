"""Time expressions found as patterns over a string of one-letter atom categories.

:func:`khabar.stages.timex.scan.analyse` turns the view into atoms (a number phrase, a calendar word, a
symbol, or a run of other words, ``~``). Each rule is a regular expression over their categories; a match is
read into :class:`~khabar.stages.timex.resolve.Fields` by :func:`read_fields`, which decides from the
neighbours what a number is (a day beside a month, an hour after الساعة, a count before a unit). The longest
matches win; then adjacent expressions are joined: a date and a time of day, a date and its apposition in
brackets (اليوم الأربعاء (10 آذار 2021)), and two expressions around إلى/حتى/- into a range.

Categories: numbers N (1-2 digits), Y (3-4 digits), X (other), n (in words), O (ordinal); D numeric date,
d two numbers with a slash, T clock; months M (J Hijri; m j ambiguous names; K كانون/تشرين/ربيع/جمادى;
z ذو); W weekday (v weak: اثنين، أحد); R today/yesterday/tomorrow; r now; U unit; P past, F future,
C current, h هذا; p part of day (q weak: المغرب، العشاء); x beginning/middle/end; l last; u fraction;
e era; A about; E duration cue; k كامل; S كل; s يوميا…; V الموافق; Z منذ; Q قبل; B بعد; L خلال; f في/عند;
o من; t إلى/حتى; b بين; a إلا; i الذي; H الساعة; G بتوقيت; g time zone; y season; I holiday; c comma;
w و; - / ( ) themselves; ~ anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from khabar.stages.timex.lexicon import HIJRI_HEADS, month_heads
from khabar.stages.timex.resolve import Fields, with_fields

if TYPE_CHECKING:
    from khabar.stages.timex.scan import Analysis, Atom

MON = r"(?:U?[MJ](?:[/(c]?[MmJj]\)?)?|U?K[Ol]|U?z[Jj]|U[mj]|U[Nn]|UO)"
MONA = rf"(?:{MON}|[mj])"
RELMON = r"(?:hU|U[PFC])"
YC = r"(?:[fo]?U?[YnX]e?)"
WD = r"(?:U?W|Uv)"
DP = r"(?:[BQ]?[pq]|[hf]p)"
MINS = r"(?:w?(?:[NnX]U|[Nn]|u)|a(?:[NnX]U|u|[Nn]))"
DUR = r"(?:[NnX]U|U|uU|Uu)"

RULES: list[tuple[str, str]] = [
    ("date", rf"(?:{WD}c?[Vf]?U?)?R?[NnO]U?o?(?:{MONA}|{RELMON})(?:c?{YC}|U[PFC]|[PF])?e?"),
    ("date", rf"(?:{WD}c?)?{MON}c?[NnO](?:c?{YC})?"),
    ("date", rf"(?:{WD}c?)?[Dd](?:c?Y)?e?"),
    ("date", rf"(?:{MON}|[mj](?=c?{YC}))(?:c?{YC})?(?:[PF]|U[PFC]|hU)?e?"),
    ("date", r"(?:(?<=[fotZbQB])Y|Ye|U[YnX])e?"),
    ("date", rf"(?:[RU]i?[BQ]R|[BQ]R|OR|RO|R[PF]|[hU]?R(?:c?\(?{WD}\)?)?)"),
    ("date", r"(?:hU|U[PFC]|U[nN][PF]|[nN]U[PF])"),
    ("date", r"(?:(?:U[PFC]|hU)U?)?(?:h?U?W|Uv)(?:[PFC]|o?(?:hU|U[PFC]))?|v(?:o?(?:hU|U[PFC]))"),
    ("date", rf"(?:[Ol]U?[Wv]|W[Ol])(?:[ofB]?(?:{MONA}|{RELMON}|I))?(?:c?{YC}|U[PFC])?"),
    ("date", rf"(?:[Ol]U|[RU][Ol])[ofB]?(?:{MONA}|{RELMON})(?:c?{YC}|U[PFC])?"),
    ("date", rf"[xu]o?(?:{MONA}|{RELMON}|hU|U?[YnX]e?|p)(?:c?{YC})?"),
    ("date", rf"uO(?:[fo]?{YC})?"),
    ("date", rf"(?:[Ol]U?[Wv]B)?I(?:c?{YC})?"),
    ("date", r"h?r"),
    ("date", rf"y(?:c?{YC}|U[PFC])?"),
    ("clock", rf"A?(?:{DP}?H(?:[NnOYX]|T)|{DP}?[NnOYT])(?:{MINS})?(?:{DP})?(?:Gg+)?"),
    ("part", rf"{DP}(?:R|{WD}|[Dd])|hp|p"),
    ("duration", rf"E?{DUR}k?"),
    # not منذ عام 2008 "since the year 2008", nor بعد عام من الحرب "a year after the war" (from an event, not now)
    ("shift", rf"[ZQB]{DUR}(?!Y|o~)"),
    ("within", rf"L{DUR}"),
    ("set", r"S(?:U?[Wv]|[NnX]?U[Wv]?|p)|s"),
    ("range", rf"[ob]?[NnO](?:-|c?w?t|w)o?[NnO]o?(?:{MONA}|{RELMON})(?:c?{YC})?"),
    ("range", rf"{MON}[NnO](?:-|w?t)[NnO](?:c?{YC})?"),
    ("range", r"[ob]?U?Y(?:-|w?t|w)U?Y"),
]
COMPILED = [(kind, re.compile(pattern)) for kind, pattern in RULES]
TRIM = frozenset("fEAoc")
DATE_JOIN = re.compile(r"[cf]?(?:U|o)?$")
CLOCK_DIGITS = re.compile(r"([0-9]{1,2})[.,]([0-5][0-9])")


@dataclass(slots=True)
class TimeMatch:
    """A time expression over atoms ``[first, end)`` with what it says."""

    first: int
    end: int
    fields: Fields


def _value(atom: Atom) -> int | float | None:
    return atom.payload.value if atom.cat in "NnOYX" else None


def _unit(atom: Atom) -> tuple[str, str]:
    return atom.payload


def _daypart(prep: str | None, part: str) -> str:
    if prep == "B" and part in ("noon", "afternoon"):
        return "afternoon"
    if prep == "B":
        return "evening"
    if prep == "Q" and part == "noon":
        return "morning"
    if prep == "Q":
        return "afternoon"
    return part


def read_fields(atoms: list[Atom], texts: list[str], kind: str = "date") -> Fields | None:
    """What the atoms of one match say; None when they do not make a time expression.

    In a ``clock`` match the first number is the hour even without الساعة (الثالثة فجرا).
    """
    f = Fields()
    n = len(atoms)
    cats = "".join(a.cat for a in atoms)
    hour_context = kind == "clock"
    minutes_sign = 1
    count: float | None = None
    i = 0
    while i < n:
        a = atoms[i]
        c = a.cat
        nxt = cats[i + 1] if i + 1 < n else "$"
        if c == "A":
            f.mod = "approx"
        elif c == "H":
            hour_context = True
        elif c == "a":
            minutes_sign = -1
        elif c in "Wv":
            f.weekday = a.payload
            if nxt == "O":
                value = _value(atoms[i + 1]) or 0
                if value <= 5:
                    f.nth, f.nth_of = value, "weekday"
                else:
                    f.day = value
                i += 1
            elif nxt == "l":
                f.nth, f.nth_of = -1, "weekday"
                i += 1
            elif nxt in "PF" and f.unit_rel is None:
                f.weekday_dir = "past" if nxt == "P" else "future"
                i += 1
            elif i > 0 and cats[i - 1] == "h":
                f.weekday_dir = "this"
        elif c in "Ol" and (nxt in "Wv" or (nxt == "U" and i + 2 < n and cats[i + 2] in "Wv")):
            f.nth = -1 if c == "l" else int(_value(a) or 0)
            f.nth_of = "weekday"
        elif c in "Ol" and nxt == "U" and _unit(atoms[i + 1])[0] in ("day", "week") and not hour_context:
            f.nth = -1 if c == "l" else int(_value(a) or 0)
            f.nth_of = _unit(atoms[i + 1])[0]
            i += 1
        elif c == "O" and nxt == "R" and atoms[i + 1].payload == -1 and _value(a) == 1:
            f.day_rel = -2
            i += 1
        elif c == "R":
            offset = a.payload
            if nxt == "O" and offset == -1 and _value(atoms[i + 1]) == 1:
                f.day_rel = -2
                i += 1
            elif nxt in "iBQ" and offset == 0:
                pass  # اليوم الذي بعد الغد: "the day", the offset comes next
            elif nxt in "Ol" and offset == 0:
                f.nth = -1 if nxt == "l" else int(_value(atoms[i + 1]) or 0)
                f.nth_of = "day"
                i += 1
            elif nxt in "PF" and offset == 0:
                f.day_rel = -1 if nxt == "P" else 1
                i += 1
            elif i > 0 and cats[i - 1] in "BQ":
                f.day_rel = offset + (1 if cats[i - 1] == "B" else -1)
            else:
                f.day_rel = offset
        elif c == "l":
            f.nth = -1
        elif c in "NnOXY" and (i == 0 or cats[i - 1] != "U" or not _year_unit(atoms[i - 1])):
            value = _value(a)
            if value is None:
                return None
            if nxt == "U" and _unit(atoms[i + 1])[0] in ("second", "minute") and f.hour is not None:
                f.minute = int(minutes_sign * value * (60 if _unit(atoms[i + 1])[0] == "minute" else 1) / 60)
                if _unit(atoms[i + 1])[0] == "second":
                    return None
                i += 1
            elif nxt == "U" and not _month_intro(atoms[i + 1], cats, i + 1):
                count = value
                f.dur = (_unit(atoms[i + 1])[0], value)
                i += 1
            elif hour_context and f.hour is None:
                written = CLOCK_DIGITS.fullmatch(texts[a.first]) if a.end == a.first + 1 else None
                if written is not None:  # الساعة 06,30: hours and minutes, as French-style news writes them
                    f.hour, f.minute = int(written[1]), int(written[2])
                    if written[1].startswith("0"):
                        f.extra["clock_digits"] = True  # a zero-padded hour is on the 24-hour clock
                else:
                    f.hour = int(value)
                    if value != int(value):  # ثلاثة وثلث: twenty past three
                        f.minute = round((value - int(value)) * 60)
            elif f.hour is not None and f.minute is None and (c in "Nn") and i > 0 and cats[i - 1] in "wa":
                f.minute = int(minutes_sign * value)
            elif c == "Y" and nxt in "pq" and f.month is None:
                f.hour, f.minute = divmod(int(value), 100)
            elif nxt in "pq" and c in "NnO" and f.month is None and f.day is None:
                f.hour = int(value)
            elif (c in "NnO" and not (f.month is None and _month_ahead(cats, i)) and f.day is None and value <= 31) or (
                c in "NnO" and f.day is None and f.month is None and f.year is None and value <= 31
            ):
                f.day = int(value)
            elif value >= 100 or c in "Yn" or (f.day is not None and c == "X"):
                if f.year is not None or not isinstance(value, int) or value <= 0:
                    return None
                f.year = value
            elif c == "O" and f.hour is None:
                f.hour = int(value)
            else:
                return None
            if c == "O" and f.hour is None and f.day is None and f.nth is None and f.year is None:
                f.hour = int(value)
        elif c == "T":
            written = texts[a.first].split(":")
            parts = [int(p) for p in written]
            f.hour, f.minute = parts[0], parts[1]
            if written[0].startswith("0"):
                f.extra["clock_digits"] = True
            if len(parts) == 3:
                f.second = parts[2]
        elif c == "u":
            value = a.payload
            if value == "quarter":
                if nxt == "O":
                    f.quarter = int(_value(atoms[i + 1]) or 0)
                    i += 1
                else:
                    return None
            elif f.hour is not None and f.minute is None:
                f.minute = round(minutes_sign * value * 60)
            elif nxt == "U" and _month_intro(atoms[i + 1], cats, i + 1) and value == 0.5:
                f.position = "mid"
            elif nxt == "U":
                f.dur = (_unit(atoms[i + 1])[0], value)
                count = value
                i += 1
            elif f.dur is not None and i > 0 and cats[i - 1] == "U":
                f.dur = (f.dur[0], f.dur[1] + value)
            elif value == 0.5:
                f.position = "mid"
            else:
                return None
        elif c in "MmJj":
            if f.month is None:
                f.month = a.payload
                f.hijri = c in "Jj"
        elif c == "K":
            if nxt not in "Ol":
                return None
            ordinal = 2 if nxt == "l" else int(_value(atoms[i + 1]) or 0)
            month = month_heads().get(a.payload if a.entry is None else texts[a.first][len(a.entry.prefix) :], {})
            if ordinal not in month:
                return None
            f.month = month[ordinal]
            f.hijri = (texts[a.first][len(a.entry.prefix) :] if a.entry else "") in HIJRI_HEADS
            i += 1
        elif c == "U":
            unit, form = _unit(a)
            prev = cats[i - 1] if i else ""
            if nxt in "MmJjKz":
                pass
            elif (unit == "month" and nxt in "Nn" and f.month is None and (_value(atoms[i + 1]) or 0) <= 12) or (
                unit == "month" and nxt == "O" and a.entry is not None and a.entry.definite
            ):
                f.month = int(_value(atoms[i + 1]) or 0)
                i += 1
            elif unit == "year" and nxt in "YnXN":
                value = _value(atoms[i + 1])
                if not isinstance(value, int) or value <= 0 or (nxt in "nN" and value < 1000):
                    return None
                f.year = value
                i += 1
            elif nxt in "PFC" or prev == "h":
                direction = {"P": -1, "F": 1}.get(nxt, 0)
                if nxt in "PFC":
                    i += 1
                if form == "plural" and count is not None:
                    f.span_rel = (unit, count, direction or 1)
                elif form == "plural" and direction:
                    f.kind, f.value = "ref", "PAST_REF" if direction < 0 else "FUTURE_REF"
                elif unit == "day" and direction == 0:
                    f.day_rel = 0
                elif form in ("singular", "construct"):
                    f.unit_rel = (unit, direction)
                else:
                    return None
            elif nxt in "WvRBQih" and unit == "day":
                pass
            elif nxt in "Ol" and unit in ("day", "week"):
                f.nth = -1 if nxt == "l" else int(_value(atoms[i + 1]) or 0)
                f.nth_of = unit
                i += 1
            elif form == "plural" and nxt in "nN" and i + 2 < n and cats[i + 2] in "PF":
                f.span_rel = (unit, _value(atoms[i + 1]) or 0, -1 if cats[i + 2] == "P" else 1)
                i += 2
            elif form == "dual":
                f.dur = (unit, 2)
            elif form == "singular" and f.dur is None:
                f.dur = (unit, 1)
                f.extra["bare_unit"] = True
        elif c in "BQ" and nxt in "pq":
            f.daypart = _daypart(c, atoms[i + 1].payload)
            i += 1
        elif c in "pq":
            if i > 0 and cats[i - 1] == "x":
                f.hour, f.minute, f.position = (0, 0, None) if a.payload == "night" else (12, 0, None)
                f.extra["clock_digits"] = True
            else:
                f.daypart = a.payload
                if texts[a.first].endswith("الليله") and f.day_rel is None:
                    f.extra["tonight"] = True
        elif c == "x":
            f.position = a.payload
        elif c == "e":
            if a.payload == "hijri":
                f.hijri = True
        elif c in "PF":
            f.dm_dir = "past" if c == "P" else "future"
        elif c == "D":
            if not _numeric_date(f, texts[a.first]):
                return None
        elif c == "d":
            if not _pair(f, texts[a.first]):
                return None
        elif c == "g":
            f.tz = float(a.payload)
        elif c == "I":
            f.holiday = a.payload
        elif c == "y":
            f.season = a.payload
        elif c == "r":
            f.kind = "now"
        elif c == "S":
            f.kind = "set"
        elif c == "s":
            f.kind, f.value = "set", a.payload
        i += 1
    if f.dm_dir is not None and f.weekday is not None and f.month is None:
        f.weekday_dir, f.dm_dir = f.dm_dir, None
    return f


def _year_unit(atom: Atom) -> bool:
    return atom.cat == "U" and atom.payload[0] in ("year", "month")


def _month_intro(atom: Atom, cats: str, i: int) -> bool:
    return atom.payload[0] == "month" and i + 1 < len(cats) and cats[i + 1] in "MmJjNnOK"


def _month_ahead(cats: str, i: int) -> bool:
    return any(c in "MmJjKd" for c in cats[i : i + 4])


def _year(text: str) -> int:
    value = int(text)
    if len(text) <= 2:
        return 2000 + value if value < 50 else 1900 + value
    return value


def _numeric_date(f: Fields, text: str) -> bool:
    parts = re.split(r"[-/.]", text)
    if len(parts[0]) >= 3:
        year, month, day = _year(parts[0]), int(parts[1]), int(parts[2])
    else:
        day, month, year = int(parts[0]), int(parts[1]), _year(parts[2])
        if month > 12 and day <= 12:
            day, month = month, day
    f.year, f.month, f.day = year, month, day
    return 1 <= month <= 12 and 1 <= day <= 31


def _pair(f: Fields, text: str) -> bool:
    """d/m (or m/d when only that fits), m/yyyy or yyyy/m; anything else is not a date (77/100)."""
    first, second = text.split("/")
    a, b = int(first), int(second)
    if len(second) == 4 and 1 <= a <= 12:
        f.month, f.year = a, b
    elif len(first) == 4 and 1 <= b <= 12:
        f.year, f.month = a, b
    elif len(first) <= 2 and len(second) <= 2 and 1 <= a <= 31 and 1 <= b <= 12:
        f.day, f.month = a, b
    elif len(first) <= 2 and len(second) <= 2 and 1 <= a <= 12 and 13 <= b <= 31:
        f.month, f.day = a, b
    else:
        return False
    return True


def _finish(kind: str, f: Fields, cats: str) -> Fields | None:
    """Check what a rule of ``kind`` read and set the kind of expression."""
    if kind == "clock":
        if f.hour is None or f.hour < 0 or not (f.daypart or any(c in cats for c in "HTuwaU")):
            return None
        if "O" in cats and "H" not in cats and f.daypart is None and f.minute is None:
            return None
        f.kind = "time"
        return f
    if kind == "part":
        if f.daypart is None or (len(cats) == 1 and not f.extra.get("tonight")):
            return None
        if f.extra.get("tonight") and f.day_rel is None and f.weekday is None and f.day is None:
            f.day_rel = 0
        f.kind = "time"
        return f
    if kind in ("duration", "shift", "within"):
        if f.dur is None or (f.extra.get("bare_unit") and kind == "duration" and not ("E" in cats or "k" in cats)):
            return None
        if kind == "shift":
            unit, amount = f.dur
            f.shift, f.dur = (unit, amount, 1 if cats[0] == "B" else -1), None
        else:
            f.kind, f.within = "duration", kind == "within"
        return f
    if kind == "set":
        if f.value is None:
            if f.weekday is not None:
                f.value = f"XXXX-WXX-{f.weekday + 1}"
            elif f.dur is not None:
                f.value = f"P{f.dur[1]:g}{f.dur[0][0].upper()}" if f.dur[0] not in ("minute", "hour") else None
            elif f.daypart is not None:
                f.value = "XXXX-XX-XXT" + {"morning": "MO", "evening": "EV", "night": "NI"}.get(f.daypart, "DT")
        if f.value is None:
            return None
        f.kind, f.dur, f.weekday, f.daypart = "set", None, None, None
        return f
    if f.kind in ("now", "ref", "set"):
        return f
    if f.hour is not None:
        return None
    if kind == "range":
        return f
    if f.dur is not None and f.nth is None:
        return None
    if not any(
        v is not None
        for v in (f.year, f.month, f.day, f.weekday, f.day_rel, f.unit_rel, f.span_rel, f.holiday, f.quarter, f.season)
    ):
        return None
    if f.day is not None and f.month is None and f.nth is None and f.unit_rel is None and f.weekday is None:
        return None
    if cats in ("Y", "Ye") and f.year is not None and not (1000 <= f.year <= 2100 or cats == "Ye"):
        return None  # من 500 إلى … is a number; a year alone must look like one
    return f


def _read_range(atoms: list[Atom], texts: list[str]) -> Fields | None:
    cats = "".join(a.cat for a in atoms)
    split = next((k for k in range(1, len(cats)) if cats[k] in "t-" or (cats[k] == "w" and "b" in cats[:k])), None)
    if split is None:
        return None
    left = read_fields([a for a in atoms[:split] if a.cat not in "ob"], texts)
    right = read_fields(atoms[split + 1 :], texts)
    if left is None or right is None:
        return None
    return join_range(left, right)


def join_range(left: Fields, right: Fields) -> Fields | None:
    """Two ends of a range, the first taking the month, year, calendar and part of day of the second."""
    if right.kind != left.kind and not (left.kind in ("date", "time") and right.kind in ("date", "time")):
        return None
    changes = {}
    for name in ("month", "year", "daypart"):
        if getattr(left, name) is None and getattr(right, name) is not None:
            changes[name] = getattr(right, name)
        elif getattr(right, name) is None and getattr(left, name) is not None and name != "daypart":
            right = with_fields(right, **{name: getattr(left, name)})
    if right.hijri and left.month is None:
        changes["hijri"] = True
    if left.unit_rel is None and right.unit_rel is not None and left.month is None:
        changes["unit_rel"] = right.unit_rel
    if left.dm_dir is None and right.dm_dir is not None:
        changes["dm_dir"] = right.dm_dir
    merged = with_fields(left, **changes) if changes else left
    merged.end = right
    return merged


def find_times(analysis: Analysis) -> list[TimeMatch]:
    """Every time expression of the analysed view, longest first, then joined with its neighbours."""
    atoms = analysis.atoms
    cats = analysis.cats
    texts = analysis.texts
    candidates: list[tuple[int, int, Fields]] = []
    for kind, pattern in COMPILED:
        for match in pattern.finditer(cats):
            first, end = match.span()
            if first == end:
                continue
            window = atoms[first:end]
            if kind == "range":
                fields = _read_range(window, texts)
            else:
                fields = read_fields(window, texts, kind)
                fields = _finish(kind, fields, cats[first:end]) if fields is not None else None
            if fields is None:
                continue
            while first < end - 1 and cats[first] in TRIM and not (kind == "range" and cats[first] == "o"):
                first += 1
            candidates.append((first, end, fields))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken = bytearray(len(atoms))
    chosen: list[TimeMatch] = []
    for first, end, fields in candidates:
        if any(taken[first:end]):
            continue
        taken[first:end] = b"\x01" * (end - first)
        chosen.append(TimeMatch(first, end, fields))
    chosen.sort(key=lambda m: m.first)
    return _join(chosen, cats)


def _join(matches: list[TimeMatch], cats: str) -> list[TimeMatch]:
    """Join a date and a time of day, a date and its bracketed apposition, and the two ends of a range."""
    out: list[TimeMatch] = []
    for match in matches:
        if out:
            previous = out[-1]
            gap = cats[previous.end : match.first]
            joined = _join_pair(previous, match, gap, cats)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(match)
    return out


def _join_pair(left: TimeMatch, right: TimeMatch, gap: str, cats: str) -> TimeMatch | None:
    a, b = left.fields, right.fields
    if gap in ("(", "c(") and cats[right.end : right.end + 1] == ")" and a.kind == b.kind == "date":
        return TimeMatch(left.first, right.end + 1, b)
    ranged = gap in ("t", "-", "ct", "wt") and a.end is None and b.end is None
    if ranged and a.kind in ("date", "time") and b.kind in ("date", "time"):
        merged = join_range(a, b)
        if merged is not None:
            first = left.first - 1 if left.first and cats[left.first - 1] == "o" else left.first
            return TimeMatch(first, right.end, merged)
    if DATE_JOIN.fullmatch(gap) is None:
        return None
    if a.kind == "date" and b.kind == "time" and b.hour is not None and not _dated(b):
        return TimeMatch(left.first, right.end, _with_date(b, a))
    if a.kind == "time" and b.kind == "date" and not _dated(a) and a.hour is not None:
        return TimeMatch(left.first, right.end, _with_date(a, b))
    if a.kind == "date" and b.kind == "time" and b.end is not None and not _dated(b):
        return TimeMatch(left.first, right.end, _with_date(b, a))
    return None


def _dated(f: Fields) -> bool:
    return any(v is not None for v in (f.year, f.month, f.day, f.weekday, f.day_rel, f.unit_rel, f.holiday, f.nth))


DATE_FIELDS = ("year", "month", "day", "hijri", "weekday", "weekday_dir", "dm_dir", "day_rel", "unit_rel", "nth")


def _with_date(time_fields: Fields, date_fields: Fields) -> Fields:
    changes = {name: getattr(date_fields, name) for name in (*DATE_FIELDS, "nth_of", "holiday", "shift")}
    merged = with_fields(time_fields, **changes)
    if time_fields.end is not None:
        merged.end = with_fields(time_fields.end, **changes)
    return merged
