"""Numbers in digits and words, with their unit: money (and its currency), percent, people and measures.

Number phrases come from :mod:`khabar.stages.timex.numwords` over the matching view; a number that is part of a
date or a time (the 10 and 2021 of 10 آذار 2021, the 3 of الساعة 3) is left to the ``times`` layer. A slash
pair that cannot be a date (77/100, or -12/10 with a sign) is a fraction; one that can (11/10) is a date.

Units are looked up in ``data/lexicons/units.json`` right after the number (أربعة آلاف عسكري → unit عسكري, the
lemma; 20 دينار عراقي → currency IQD; 50% and 50 بالمئة → kind percent); a currency symbol or code may also
come before it ($10, USD 10), and a sum of a currency and its cents is one amount (20 دولار و43 سنت = 20.43).
In a range (من 10 إلى 20 دولار، بين عشرة وعشرين دولارا، 10-20$) the first number takes the unit of the second.
``mod`` records what the text says around a number: approx (حوالي، نحو، قرابة، تقريبا), more_than (أكثر من،
فوق), less_than (أقل من، تحت), at_least (على الأقل، لا يقل عن), at_most (على الأكثر). Vague quantities
(عشرات، مئات، آلاف) have no value and ``flag: "vague"``; numbers too large to be meant as values have
``flag: "too_large"``. A span starts after the proclitics و ف ب ل ك (وأربعة آلاف → أربعة آلاف).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

from khabar.document import Document, Quantity
from khabar.stages.timex.lexicon import units
from khabar.stages.timex.numwords import NumberPhrase
from khabar.stages.timex.scan import TOKEN_PATTERN, Analysis, analyse
from khabar.text.normalise import MATCHING, match_key

MODS_BEFORE = {
    "اكثر من": "more_than",
    "ازيد من": "more_than",
    "يزيد عن": "more_than",
    "يزيد علي": "more_than",
    "فوق": "more_than",
    "اعلي من": "more_than",
    "اقل من": "less_than",
    "تحت": "less_than",
    "ادني من": "less_than",
    "لا يقل عن": "at_least",
    "لا يزيد عن": "at_most",
    "لا يزيد علي": "at_most",
    "حوالي": "approx",
    "نحو": "approx",
    "قرابه": "approx",
    "زهاء": "approx",
    "يقارب": "approx",
    "بحدود": "approx",
    "حدود": "approx",
}
MODS_AFTER = {"علي الاقل": "at_least", "علي الاكثر": "at_most", "تقريبا": "approx"}
RANGE_WORDS = frozenset({"الي", "حتي", "لغايه", "-", "–"})


@dataclass(frozen=True, slots=True)
class UnitInfo:
    kind: str | None  # money, subunit, percent, None for people and measures
    lemma: str
    currency: str | None = None
    adjectives: tuple[tuple[tuple[str, ...], str], ...] = ()


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in TOKEN_PATTERN.finditer(match_key(text)))


@cache
def unit_index() -> dict[tuple[str, ...], UnitInfo]:
    """Token sequences of every unit form → what they mean."""
    data = units()
    index: dict[tuple[str, ...], UnitInfo] = {}
    for currency in data["currencies"].values():
        adjectives = tuple(
            (_tokens(form), code)
            for code, adjs in currency["adjectives"].items()
            for adj in adjs
            for form in (adj, adj + "ا")  # the accusative: ريالا سعوديا
        )
        info = UnitInfo("money", currency["forms"][0], currency["default"], adjectives)
        for form in currency["forms"]:
            index.setdefault(_tokens(form), info)
    for name, forms in data["subunits"].items():
        for form in forms:
            index.setdefault(_tokens(form), UnitInfo("subunit", forms[0], name))
    for symbol, code in data["symbols"].items():
        index.setdefault((symbol,), UnitInfo("money", symbol, code))
    for code in data["codes"]:
        index.setdefault((code,), UnitInfo("money", code, code))
        index.setdefault((code.lower(),), UnitInfo("money", code, code))
    for code, forms in data["abbreviations"].items():
        for form in forms:
            index.setdefault(_tokens(form), UnitInfo("money", form, code))
    for form in data["percent"]:
        index.setdefault(_tokens(form), UnitInfo("percent", "%"))
    for form in data["per_mille"]:
        index.setdefault(_tokens(form), UnitInfo("per_mille", "‰"))
    for group in ("people", "measures"):
        for lemma, forms in data[group].items():
            for form in forms:
                index.setdefault(_tokens(form), UnitInfo(None, lemma))
    return index


@dataclass(slots=True)
class Reading:
    """A number with what surrounds it, in token indices of the analysis."""

    first: int
    end: int
    value: int | float | None
    ordinal: bool = False
    unit: UnitInfo | None = None
    currency: str | None = None
    kind: str | None = None
    mod: str | None = None
    flag: str | None = None
    lead: int = 0  # characters before the first token that belong to the span (a sign, a symbol)


def _unit_after(texts: list[str], j: int) -> tuple[UnitInfo, int] | None:
    index = unit_index()
    for width in (3, 2, 1):
        info = index.get(tuple(texts[j : j + width])) if j + width <= len(texts) else None
        if info is not None:
            return info, j + width
    return None


def _currency(info: UnitInfo, texts: list[str], j: int) -> tuple[str | None, int]:
    for words, code in info.adjectives:
        if tuple(texts[j : j + len(words)]) == words:
            return code, j + len(words)
    return info.currency, j


class Numbers:
    """Pipeline stage: sets the ``quantities`` layer."""

    name = "numbers"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"quantities"})

    def __call__(self, doc: Document) -> Document:
        view = doc.normalised(MATCHING)
        analysis = analyse(view.text)
        readings = self.readings(analysis, view.text)
        text = doc.text
        quantities = []
        for reading in readings:
            start, end = analysis.char_span(reading.first, reading.end)
            start, end = view.to_original(start - reading.lead, end)
            quantities.append(
                Quantity(
                    start,
                    end,
                    text[start:end],
                    id=f"n{len(quantities) + 1}",
                    value=reading.value,
                    unit=reading.unit.lemma if reading.unit is not None else None,
                    ordinal=reading.ordinal,
                    kind=reading.kind,
                    currency=reading.currency,
                    mod=reading.mod,
                    flag=reading.flag,
                )
            )
        doc.set_layer("quantities", quantities)
        return doc

    def readings(self, analysis: Analysis, view_text: str) -> list[Reading]:
        """The quantities of an analysed view, in text order."""
        covered = bytearray(len(analysis.texts))
        for match in analysis.times:
            first, end = analysis.atoms[match.first].first, analysis.atoms[match.end - 1].end
            covered[first:end] = b"\x01" * (end - first)
        phrases: list[NumberPhrase] = [p for p in analysis.numbers if not any(covered[p.first : p.end])]
        readings = [self._reading(p, analysis) for p in phrases]
        readings += self._fractions(analysis, covered)
        readings.sort(key=lambda r: r.first)
        readings = [r for r in readings if r is not None]
        self._units_and_ranges(readings, analysis, view_text)
        return readings

    def _reading(self, phrase: NumberPhrase, analysis: Analysis) -> Reading:
        flag = phrase.flag
        return Reading(phrase.first, phrase.end, phrase.value, phrase.ordinal, flag=flag)

    def _fractions(self, analysis: Analysis, covered: bytearray) -> list[Reading]:
        out = []
        for atom in analysis.atoms:
            j = atom.first
            if atom.cat not in "dX" or covered[j] or analysis.kinds[j] != "pair":
                continue
            pair = analysis.texts[j]
            signed = pair[0] in "-−"
            numerator, _, denominator = pair.lstrip("-−").partition("/")
            if int(denominator) == 0 or len(denominator) == 4:
                continue  # a reference number such as 10/2018
            value = round((-1 if signed else 1) * int(numerator) / int(denominator), 10)
            out.append(Reading(j, j + 1, int(value) if value.is_integer() else value, kind="fraction"))
        return out

    def _units_and_ranges(self, readings: list[Reading], analysis: Analysis, view_text: str) -> None:
        texts = analysis.texts
        n = len(texts)
        folded: set[int] = set()  # ids of the cents readings folded into the amount before them
        for k, reading in enumerate(readings):
            if reading.ordinal or id(reading) in folded:
                continue
            found = _unit_after(texts, reading.end)
            if found is not None:
                info, end = found
                if info.kind == "money":
                    reading.currency, end = _currency(info, texts, end)
                reading.unit, reading.kind, reading.end = info, _kind(info), end
                if info.kind == "money":
                    cents = self._cents(reading, readings[k + 1 :], texts)
                    if cents is not None:
                        folded.add(id(cents))
            elif reading.first > 0 and self._unit_before(reading, analysis, view_text):
                pass
            mod = _mod_before(texts, reading.first)
            if mod is None and reading.end < n:
                mod = MODS_AFTER.get(" ".join(texts[reading.end : reading.end + 2])) or MODS_AFTER.get(
                    texts[reading.end]
                )
            reading.mod = mod
        if folded:
            readings[:] = [r for r in readings if id(r) not in folded]
        for left, right in itertools.pairwise(readings):
            if left.unit is None and right.unit is not None and not left.ordinal and _joined(left, right, texts):
                left.unit, left.kind, left.currency = right.unit, right.kind, right.currency

    def _unit_before(self, reading: Reading, analysis: Analysis, view_text: str) -> bool:
        j = reading.first - 1
        info = unit_index().get((analysis.texts[j],))
        if info is None or info.kind not in ("money", "percent"):
            return False
        start = analysis.spans[reading.first][0]
        gap = view_text[analysis.spans[j][1] : start]
        if gap.strip():
            return False
        reading.unit, reading.kind = info, _kind(info)
        reading.currency = info.currency
        reading.lead = start - analysis.spans[j][0]
        return True

    def _cents(self, reading: Reading, later: list[Reading], texts: list[str]) -> Reading | None:
        """20 دولار و43 سنت → 20.43: the cents reading (the first of ``later``, the readings after this one, that
        starts after its unit) is folded into the amount; it is returned, to be left out."""
        cents = next((r for r in later if r.first >= reading.end), None)
        if cents is None or reading.value is None:
            return None
        gap = texts[reading.end : cents.first]
        if gap not in ([], ["و"]) or cents.value is None or not 0 < cents.value < 100:
            return None
        found = _unit_after(texts, cents.end)
        if found is None or found[0].kind != "subunit":
            return None
        reading.value = round(reading.value + cents.value / 100, 10)
        reading.end = found[1]
        return cents


def _kind(info: UnitInfo) -> str | None:
    return {"money": "money", "subunit": "money", "percent": "percent", "per_mille": "per_mille"}.get(info.kind or "")


def _mod_before(texts: list[str], first: int) -> str | None:
    for width in (3, 2, 1):
        if first - width >= 0:
            mod = MODS_BEFORE.get(" ".join(texts[first - width : first]))
            if mod is not None:
                return mod
    return None


def _joined(left: Reading, right: Reading, texts: list[str]) -> bool:
    """Whether ``left`` and ``right`` are the two ends of one range."""
    gap = texts[left.end : right.first]
    if len(gap) == 1 and gap[0] in RANGE_WORDS:
        return True
    if not gap and texts[right.first][:1] in ("ل", "و"):
        return True
    if gap == ["و"] or (not gap and texts[right.first].startswith("و")):
        before = texts[max(0, left.first - 2) : left.first]
        return "بين" in before
    return False
