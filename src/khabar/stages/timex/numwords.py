"""Numbers in digits and in words, composed from the tokens of the matching view.

Digits: Western or Eastern (the view makes them ASCII), with ``,`` or ``٬`` between groups of three and ``.``
or ``٫`` before decimals; a comma before one or two digits is a decimal comma (3,5 = 3.5), a dot before
exactly three is a decimal point (1.500 = 1.5) unless several groups follow (1.000.000). A number with more than
15 significant digits gets no value and the flag ``too_large``.

Words: cardinals are summed in descending order (خمسمائة وخمسة وعشرون = 525; Egyptian juxtaposition after a
hundred, متين واحد وعشرين = 221, is accepted too) and multiplied by ألف/مليون/مليار/تريليون (ثلاثة آلاف،
مئة ألف، ألف مليون, 2 مليون، 1.5 مليار); duals stand alone (ألفان، مليونين); a fraction after و adds a part of
the last multiplier (مليار ونصف = 1.5e9); فاصلة reads a decimal point. Ordinals: الأول … العاشر, with عشر for
11-19 (الحادي عشر) and و + a definite ten for 21-99 (الخامس والعشرون). A definite compound cardinal
(الأحد عشر، الواحد والعشرون) or a definite ten alone (العشرين) numbers an item, so it is read as an ordinal;
الأحد alone is Sunday, أحد alone is "one of" and neither is a number. عشرات، مئات، بضعة and a plural multiplier
with no number before it (آلاف، ملايين) are vague: a phrase with no value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from khabar.stages.timex.lexicon import Entry

MAX_VALUE = 10**15
VAGUE_TAILS = frozenset({"الاف", "الالاف", "الملايين", "ملايين", "المليارات", "مليارات"})


@dataclass(slots=True)
class NumberPhrase:
    """A number over tokens ``[first, end)``; ``value`` is None for vague or too large numbers."""

    first: int
    end: int
    value: int | float | None
    ordinal: bool = False
    words: bool = False
    flag: str | None = None


def _clean(value: float) -> int | float | None:
    if value != value or abs(value) >= MAX_VALUE:
        return None
    if float(value).is_integer():
        return int(value)
    return round(value, 10)


def parse_digits(text: str) -> tuple[int | float | None, str | None]:
    """Value of a number written in digits (already ASCII), with its flag when it has none."""
    sign = 1
    if text[0] in "-−":
        sign, text = -1, text[1:]
    if text[0] in ".,":
        return _clean(sign * float("0." + text[1:])), None
    if sum(c.isdigit() for c in text) > 15:
        return None, "too_large"
    if "," in text and "." in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        integral, _, fraction = text.rpartition(decimal)
        groups = integral.split("," if decimal == "." else ".")
        if fraction and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return _clean(sign * float("".join(groups) + "." + fraction)), None
        return None, "malformed"
    for separator in ",.":
        if separator in text:
            parts = text.split(separator)
            thousands = len(parts) > 2 or (separator == "," and len(parts[1]) == 3)
            if thousands:
                if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
                    return sign * int("".join(parts)), None
                return None, "malformed"
            return _clean(sign * float(parts[0] + "." + parts[1])), None
    return sign * int(text), None


def _reading(readings: Sequence[Entry] | None, *cats: str) -> Entry | None:
    if readings:
        for entry in readings:
            if entry.cat in cats:
                return entry
    return None


class Composer:
    """Composes number phrases over one text's tokens (``texts`` folded, ``kinds`` from the token pattern)."""

    __slots__ = ("kinds", "n", "readings", "texts")

    def __init__(self, texts: list[str], kinds: Sequence[str], readings: list[tuple[Entry, ...] | None]) -> None:
        self.texts = texts
        self.kinds = kinds
        self.readings = readings
        self.n = len(texts)

    def _conj_next(self, j: int) -> tuple[int, bool]:
        """Index of the token after ``j`` that may continue a number, and whether و joins them."""
        if j < self.n and self.texts[j] == "و" and j + 1 < self.n and self.readings[j + 1]:
            return j + 1, True
        return j, False

    def phrase(self, i: int) -> NumberPhrase | None:
        if self.kinds[i] == "num":
            return self._digits(i)
        if not self.readings[i]:
            return None
        ordinal = self._ordinal(i)
        cardinal = self._cardinal(i)
        if ordinal is None:
            return cardinal
        if cardinal is None or ordinal.end >= cardinal.end:
            return ordinal
        return cardinal

    def _digits(self, i: int) -> NumberPhrase:
        value, flag = parse_digits(self.texts[i])
        end = i + 1
        if end < self.n and value is not None:
            mult = _reading(self.readings[end], "mult")
            point = _reading(self.readings[end], "point")
            if mult is not None and not mult.prefix and mult.payload[1] != "dual":
                value, end = _clean(value * mult.payload[0]), end + 1
                if value is None:
                    flag = "too_large"
            elif point is not None and end + 1 < self.n and self.kinds[end + 1] == "num":
                fraction = self.texts[end + 1]
                if fraction.isdigit():
                    value, end = _clean(float(f"{int(value)}.{fraction}")), end + 2
        return NumberPhrase(i, end, value, flag=flag)

    def _ordinal(self, i: int) -> NumberPhrase | None:
        readings = self.readings[i]
        head = _reading(readings, "ordinal", "ord_teen_unit")
        definite_cardinal = _reading(readings, "unit", "teen_unit")
        if definite_cardinal is not None and not definite_cardinal.definite:
            definite_cardinal = None
        base = head or definite_cardinal
        if base is None:
            ten = _reading(readings, "ten")
            if ten is not None and ten.definite:
                return NumberPhrase(i, i + 1, ten.payload, ordinal=True, words=True)
            return None
        j = i + 1
        if j < self.n and base.payload <= 9 and _reading(self.readings[j], "teen_tail"):
            tail = _reading(self.readings[j], "teen_tail")
            if tail is not None and not tail.prefix:
                return NumberPhrase(i, j + 1, base.payload + 10, ordinal=True, words=True)
        k, joined = self._conj_next(j)
        ten = _reading(self.readings[k], "ten") if k < self.n else None
        if ten is not None and base.payload <= 9 and (joined or ten.conj) and ten.definite:
            return NumberPhrase(i, k + 1, base.payload + ten.payload, ordinal=True, words=True)
        if head is not None and head.cat == "ordinal":
            return NumberPhrase(i, i + 1, head.payload, ordinal=True, words=True)
        return None

    def _cardinal(self, i: int) -> NumberPhrase | None:
        total = 0.0
        group = 0.0
        last = ""  # kind of the last component
        last_unit = 0
        last_mult = 1
        j = i
        end = i
        while j < self.n:
            k, joined = (j, False) if j == i else self._conj_next(j)
            readings = self.readings[k] if k < self.n else None
            if not readings:
                break
            first = readings[0]
            conj = joined or (j > i and first.conj)
            if j > i and first.prefix and not first.conj:
                break  # a preposition starts another phrase (من عشرة لعشرين)
            teen_tail = _reading(readings, "teen_tail")
            if last in ("unit", "teen_unit") and 1 <= last_unit <= 9 and teen_tail and not conj and j > i:
                group += 10
                last, end, j = "teen", k + 1, k + 1
                continue
            if last == "teen_unit":
                break
            entry = _reading(readings, "unit", "teen_unit", "teen", "ten", "hundred", "mult", "frac", "vague", "point")
            if entry is None:
                break
            cat, value = entry.cat, entry.payload
            if j == i:
                if cat == "vague":
                    return self._vague(i)
                if cat == "mult" and value[1] == "plural":
                    return self._vague(i)
                if cat == "point":
                    return None
                if entry.definite and cat in ("hundred", "mult", "frac"):
                    return None
            small = cat in ("unit", "teen_unit", "teen")
            if small:
                if j > i and not (last in ("hundred", "mult") or (last == "frac" and not conj)):
                    break
                if j > i and last == "mult" and not conj:
                    break
                group += value
                last_unit = value
                last = cat
            elif cat == "ten":
                if j > i and not ((last == "unit" and 1 <= last_unit <= 9 and conj) or last in ("hundred", "mult")):
                    break
                if last == "mult" and not conj:
                    break
                group += value
                last = "ten"
            elif cat == "hundred":
                if j == i:
                    group = value
                elif last == "unit" and not conj and value == 100 and 3 <= last_unit <= 9:
                    group = group - last_unit + last_unit * 100
                elif last == "mult" and conj:
                    group += value
                else:
                    break
                last = "hundred"
            elif cat == "mult":
                mult, form = value
                if conj:
                    break
                if form == "dual":
                    if j > i:
                        break
                    total, last, last_mult = 2.0 * mult, "mult", mult
                elif group:
                    total += group * mult
                    group, last, last_mult = 0.0, "mult", mult
                elif j == i:
                    total, last, last_mult = float(mult), "mult", mult
                elif total and total < mult:
                    total, last, last_mult = total * mult, "mult", mult
                else:
                    break
            elif cat == "frac":
                if j == i:
                    group, last = value, "frac"
                elif conj and last in ("unit", "teen", "ten", "hundred", "mult"):
                    if last == "mult":
                        total += value * last_mult
                    else:
                        group += value
                    last = "fracdone"
                else:
                    break
            elif cat == "point":
                nxt = self.phrase(k + 1) if k + 1 < self.n else None
                if nxt is None or nxt.ordinal or not isinstance(nxt.value, int) or nxt.value < 0 or last == "mult":
                    break
                number = total + group
                digits = self.texts[k + 1] if self.kinds[k + 1] == "num" else str(nxt.value)
                value_text = f"{int(number)}.{digits}"
                return NumberPhrase(i, nxt.end, _clean(float(value_text)), words=True)
            else:
                break
            end = j = k + 1
        if end == i or last in ("teen_unit", "frac"):
            return None
        value = _clean(total + group)
        return NumberPhrase(i, end, value, words=True, flag=None if value is not None else "too_large")

    def _vague(self, i: int) -> NumberPhrase:
        end = i + 1
        while end < self.n and self.texts[end] in VAGUE_TAILS:
            end += 1
        return NumberPhrase(i, end, None, words=True, flag="vague")
