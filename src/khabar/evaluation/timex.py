"""Scoring the ``times`` and ``numbers`` stages on the peer suites of ``shared/data/timex`` (see its MANIFEST.md).

Every case is run through the stage alone, with the case's reference time as ``published``. What counts as
right, per source:

- Duckling time (value or interval): one time expression covers the text, apart from a leading preposition or
  approximator that khabar leaves out of its spans (في، عند، حوالي، بحدود، قرابة، نحو، لمدة، مدة), and its
  ``[begin, until)`` equals the expected interval (a value at grain g is ``[value, value + g)``).
- Duckling duration: one DURATION whose length in seconds equals the expected normalised value (a month is
  30 days and a year 365, as in Duckling).
- Duckling negatives: no time expression at all.
- Duckling numeral/ordinal: exactly one quantity, of the expected value, with ``ordinal`` as expected.
- Duckling money: the quantities carry the expected value(s) and currency (``$`` is USD, ``cent`` a cent
  subunit); an interval's open end is a ``mod`` (less_than/at_most, more_than/at_least).
- Recognizers (only ``verified`` cases): every expected result is matched by an overlapping expression of the
  same value (a date equal to the future or the past resolution, a time of day, a duration in seconds, a
  number, an ordinal, a percent, or a range's ends), and a case expecting nothing gets nothing.

No case is adjusted: the figures printed are plain accuracies. Cases khabar disagrees with on purpose are listed
in docs/eval-timex.md, and :data:`DISAGREED` makes the report print how many of the failures they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from khabar.document import Document, Quantity, Time
from khabar.errors import InputError
from khabar.stages.numbers import Numbers
from khabar.stages.times import Times

TIME_FILES = ("time.jsonl", "duration.jsonl", "negative.jsonl", "recognizers_datetime.jsonl")
NUMBER_FILES = ("numeral.jsonl", "ordinal.jsonl", "amount_of_money.jsonl", "recognizers_number.jsonl")
LEADING_WORDS = frozenset({"في", "عند", "حوالي", "بحدود", "قرابة", "نحو", "لمدة", "مدة"})
GRAINS = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(days=7),
}
DURATION_SECONDS = {"S": 1, "M": 60, "H": 3600, "D": 86400, "W": 604800}
DATE_SECONDS = {"D": 86400, "W": 604800, "M": 2592000, "Y": 31536000}
DUCKLING_CURRENCIES = {"$": "USD", "£": "GBP"}

# Peer cases khabar disagrees with on purpose, with the reason in docs/eval-timex.md.
DISAGREED = frozenset(
    {
        *(f"duckling:Time/AR#g{g}" for g in ("2.0", "6.0", "13.4", "18.1")),
        *(f"duckling:Time/AR#g{g}" for g in ("5.0", "7.0", "7.1", "9.0", "10.0", "11.0", "51.0", "51.1", "58.0")),
        *(f"duckling:Time/AR#g{g}" for g in ("17.0", "17.1", "17.2", "19.0", "19.1", "20.0", "20.1", "20.2")),
        *(f"duckling:Time/AR#g{g}" for g in ("20.3", "26.1", "26.2", "34.0", "34.1", "36.0", "36.1", "56.0")),
        "duckling:Duration/AR#g0.0",
        "duckling:Duration/AR#g0.1",
        "duckling:Duration/AR#g4.0",
        "duckling:Duration/AR#g6.0",
        "duckling:Numeral/AR#g25.5",
        "duckling:Numeral/AR_EG#g28.5",
        "duckling:AmountOfMoney/AR#g5.0",
        "duckling:AmountOfMoney/AR#g5.1",
        "duckling:AmountOfMoney/AR#g6.1",
    }
)


@dataclass
class FileScore:
    name: str
    total: int = 0
    correct: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (id, text, what khabar gave)

    @property
    def disagreed(self) -> int:
        return sum(1 for case_id, _, _ in self.failures if case_id in DISAGREED)


def read_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of one suite file; only Recognizers' ``verified`` ones."""
    cases = []
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"not JSON ({error.msg})", source=str(path), line=line_number) from None
            if case.get("id", "").startswith("recognizers:") and not case.get("verified"):
                continue
            if case.get("dim") in ("phone-number",):
                continue
            cases.append(case)
    return cases


def _published(case: dict[str, Any]) -> str | None:
    reference = case.get("reference_time")
    return reference.replace(".000", "") if reference else None


def _dt(value: str) -> datetime:
    return datetime.fromisoformat(re.sub(r"\.\d+", "", value))


def _covers(text: str, span: Time) -> bool:
    before = text[: span.start].split()
    return all(word in LEADING_WORDS for word in before) and not text[span.end :].strip(" .،,؟?!")


def _describe_times(times: Iterable[Time]) -> str:
    return "; ".join(f"{t.text!r} {t.type} {t.value} [{t.begin}, {t.until})" for t in times) or "nothing"


def _describe_quantities(quantities: Iterable[Quantity]) -> str:
    parts = [
        f"{q.text!r} {q.value}"
        + (" ord" if q.ordinal else "")
        + (f" {q.currency or q.unit}" if q.unit else "")
        + (f" {q.mod}" if q.mod else "")
        for q in quantities
    ]
    return "; ".join(parts) or "nothing"


def _duration_seconds(value: str | None) -> float | None:
    match = re.fullmatch(r"P(T?)([\d.]+)([SMHDWY])", value or "")
    if match is None:
        return None
    amount, unit = float(match.group(2)), match.group(3)
    table = DURATION_SECONDS if match.group(1) else DATE_SECONDS
    return amount * table.get(unit, 0)


def check_duckling_time(case: dict[str, Any], times: list[Time]) -> bool:
    expected = case["expected"]
    if expected is None:
        return not times
    if len(times) != 1 or not _covers(case["text"], times[0]):
        return False
    time = times[0]
    if case["dim"] == "duration":
        return _duration_seconds(time.value) == expected["normalized"]["value"]
    if time.begin is None or time.until is None:
        return False
    if expected["type"] == "value":
        begin = _dt(expected["value"])
        until = _next_grain(begin, expected["grain"])
    else:
        begin = _dt(expected["from"]["value"]) if "from" in expected else None
        until = _dt(expected["to"]["value"]) if "to" in expected else None
    return (begin is None or _dt(time.begin) == begin) and (until is None or _dt(time.until) == until)


def _next_grain(begin: datetime, grain: str) -> datetime:
    if grain in GRAINS:
        return begin + GRAINS[grain]
    months = {"month": 1, "quarter": 3, "year": 12}[grain]
    index = begin.year * 12 + begin.month - 1 + months
    return begin.replace(year=index // 12, month=index % 12 + 1)


def check_recognizers_time(case: dict[str, Any], times: list[Time]) -> bool:
    results = case["expected"]["results"]
    if not results:
        return not times
    return all(_recognizers_time_result(case["text"], result, times) for result in results)


def _overlapping(items: Iterable[Any], start: int, end: int) -> list[Any]:
    return [item for item in items if item.start < end and start < item.end]


def _recognizers_time_result(text: str, result: dict[str, Any], times: list[Time]) -> bool:
    start = result["Start"]
    candidates = _overlapping(times, start, start + result["Length"])
    value = result.get("Value", {})
    resolutions = [value.get("FutureResolution") or {}, value.get("PastResolution") or {}]
    for time in candidates:
        if result["Type"] == "date":
            dates = {r.get("date") for r in resolutions}
            if "0001-01-01" in dates:
                return time.flag == "invalid"
            if time.begin and time.begin[:10] in dates:
                return True
        elif result["Type"] == "daterange":
            if not resolutions[0]:
                return time.value == value.get("Timex")
            ranges = {(r.get("startDate"), r.get("endDate")) for r in resolutions}
            if time.begin and time.until and (time.begin[:10], time.until[:10]) in ranges:
                return True
        elif result["Type"] == "duration":
            if _duration_seconds(time.value) == float(resolutions[0].get("duration", -1)):
                return True
        elif result["Type"] == "time":
            clock = _clock(time)
            if clock is not None and clock == resolutions[0].get("time"):
                return True
        elif result["Type"] == "timerange" and time.begin and time.until:
            wanted = (resolutions[0].get("startTime"), resolutions[0].get("endTime"))
            if (time.begin[11:19], time.until[11:19]) == wanted:
                return True
    return False


def _clock(time: Time) -> str | None:
    if time.begin is not None:
        return time.begin[11:19]
    match = re.search(r"T(\d\d):(\d\d)(?::(\d\d))?", time.value or "")
    return f"{match.group(1)}:{match.group(2)}:{match.group(3) or '00'}" if match else None


def _money_matches(quantity: Quantity, unit: str) -> bool:
    if unit == "cent":
        return quantity.unit in ("سنت",) or quantity.currency == "cent"
    return quantity.kind == "money" and quantity.currency == DUCKLING_CURRENCIES.get(unit, unit)


def check_duckling_number(case: dict[str, Any], quantities: list[Quantity]) -> bool:
    expected = case["expected"]
    dim = case["dim"]
    if dim in ("numeral", "ordinal"):
        if len(quantities) != 1:
            return False
        quantity = quantities[0]
        return _same(quantity.value, expected["value"]) and quantity.ordinal == (dim == "ordinal")
    if expected["type"] == "value":
        return (
            len(quantities) == 1
            and _same(quantities[0].value, expected["value"])
            and _money_matches(quantities[0], expected["unit"])
        )
    ends = [("from", ("more_than", "at_least", None)), ("to", ("less_than", "at_most", None))]
    wanted = [(expected[key], mods) for key, mods in ends if key in expected]
    if len(wanted) == 1:
        (end, mods), _key = wanted[0], "from" if "from" in expected else "to"
        mods = mods[:2]
        return (
            len(quantities) == 1
            and _same(quantities[0].value, end["value"])
            and _money_matches(quantities[0], end["unit"])
            and quantities[0].mod in mods
        )
    return len(quantities) == 2 and all(
        _same(q.value, end["value"]) and _money_matches(q, end["unit"])
        for q, (end, _) in zip(quantities, wanted, strict=True)
    )


def _same(value: Any, expected: Any) -> bool:
    return isinstance(value, int | float) and abs(float(value) - float(expected)) < 1e-9


def check_recognizers_number(case: dict[str, Any], quantities: list[Quantity]) -> bool:
    results = case["expected"]["results"]
    if not results:
        return not quantities
    for result in results:
        candidates = _overlapping(quantities, result["Start"], result["End"] + 1)
        kind = result["TypeName"]
        resolution = result["Resolution"]
        if kind == "numberrange":
            if not _range_matches(resolution["value"], candidates):
                return False
            continue
        if kind == "percentage":
            wanted = float(resolution["value"].rstrip("%"))
            ok = any(q.kind == "percent" and _same(q.value, wanted) for q in candidates)
        elif kind == "ordinal":
            ok = any(q.ordinal and _same(q.value, float(resolution["value"])) for q in candidates)
        elif kind == "number":
            ok = any(not q.ordinal and _same(q.value, float(resolution["value"])) for q in candidates)
        else:
            ok = False
        if not ok:
            return False
    return True


def _range_matches(value: str, quantities: list[Quantity]) -> bool:
    low, high = value[1:-1].split(",")
    wanted = []
    if low:
        wanted.append((float(low), ("more_than", "at_least", None) if high else ("more_than", "at_least")))
    if high:
        wanted.append((float(high), ("less_than", "at_most", None) if low else ("less_than", "at_most")))
    return len(quantities) == len(wanted) and all(
        _same(q.value, number) and q.mod in mods for q, (number, mods) in zip(quantities, wanted, strict=True)
    )


def _run(stage: Callable[[Document], Document], case: dict[str, Any]) -> Document:
    return stage(Document(case["text"], published=_published(case)))


def score_file(path: Path, which: str) -> FileScore:
    """Accuracy of the ``times`` or ``numbers`` stage on one suite file."""
    stage: Callable[[Document], Document] = Times() if which == "times" else Numbers()
    result = FileScore(path.name)
    for case in read_cases(path):
        doc = _run(stage, case)
        if which == "times":
            items: list[Any] = list(doc.times)
            if case["id"].startswith("recognizers:"):
                ok = check_recognizers_time(case, items)
            else:
                ok = check_duckling_time(case, items)
            got = _describe_times(items)
        else:
            items = list(doc.quantities)
            if case["id"].startswith("recognizers:"):
                ok = check_recognizers_number(case, items)
            else:
                ok = check_duckling_number(case, items)
            got = _describe_quantities(items)
        result.total += 1
        if ok:
            result.correct += 1
        else:
            result.failures.append((case["id"], case["text"], got))
    return result


def score(folder: Path, which: str) -> list[FileScore]:
    """Scores per file of the suite for ``which`` (``times`` or ``numbers``)."""
    names = TIME_FILES if which == "times" else NUMBER_FILES
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder (the timex suite, e.g. ../shared/data/timex)")
    return [score_file(folder / name, which) for name in names if (folder / name).is_file()]
