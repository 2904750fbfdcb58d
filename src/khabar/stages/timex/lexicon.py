"""The calendar, number and unit lexicons (``data/lexicons/{timex,numbers,units}.json``) as lookup tables.

Every key goes through :func:`~khabar.text.normalise.match_key`, and the tables also hold the forms with
proclitics (و ف ب ل ك and their pairs, and لل for ل + ال), so one dictionary look-up classifies a token of the
view. Each entry records how many letters of the token are proclitics, because spans start after them: the span
of وأربعة آلاف is أربعة آلاف and the span of لعام 2021 is عام 2021 (the article ال stays in the span, except
in لل where its alef is not written).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from khabar.resources import data_path
from khabar.text.normalise import match_key

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Entry:
    """One reading of a surface token: its category, a payload and the proclitics it carries."""

    cat: str
    payload: Any
    prefix: str = ""
    definite: bool = False

    @property
    def conj(self) -> bool:
        return self.prefix[:1] == "و"


def _load(name: str) -> dict[str, Any]:
    with data_path(f"lexicons/{name}").open(encoding="utf-8") as handle:
        return json.load(handle)


def clitic_forms(key: str, *, prepositions: bool = True) -> list[tuple[str, str]]:
    """``(surface, prefix)`` for ``key`` bare and with the proclitics news attaches to it.

    Words of one or two letters get none (ب + اب would be باب 'door').
    """
    forms = [(key, "")]
    if len(key) < 3 or " " in key:
        return forms
    preps = PREPOSITIONS if prepositions else ()
    for conj in CONJUNCTIONS:
        forms.append((conj + key, conj))
    for prep in preps:
        if key.startswith("ال") and prep == "ل":
            forms += [("لل" + key[2:], "لل"), ("ولل" + key[2:], "ولل"), ("فلل" + key[2:], "فلل")]
            continue
        forms.append((prep + key, prep))
        forms += [(conj + prep + key, conj + prep) for conj in CONJUNCTIONS]
    return forms


class Table(dict[str, tuple[Entry, ...]]):
    """Surface form → readings, first added first."""

    def add(
        self,
        word: str,
        cat: str,
        payload: Any = None,
        *,
        prepositions: bool = True,
        bare: bool = False,
        definite: bool | None = None,
    ) -> None:
        """Add ``word`` with its clitic forms (prepositions only when asked; none at all when ``bare``).

        ``definite`` says whether the word carries the article; by default, whether it starts with ال (which
        is wrong for ألف، ألفين: number words say it explicitly).
        """
        key = match_key(word)
        forms = [(key, "")] if bare else clitic_forms(key, prepositions=prepositions)
        has_article = key.startswith("ال") if definite is None else definite
        for surface, prefix in forms:
            definite_form = has_article or prefix.endswith("لل")
            entry = Entry(cat, payload, prefix, definite_form)
            readings = self.get(surface, ())
            if prefix and any(not r.prefix for r in readings):
                continue  # a word in its own right (واحد is not و + احد) keeps only its own readings
            if not prefix:
                readings = tuple(r for r in readings if not r.prefix)
            if entry not in readings:
                self[surface] = (*readings, entry)


@cache
def number_words() -> Table:
    """Number words: cat is one of unit, teen_unit, teen_tail, teen, ten, hundred, mult, frac, vague, point,
    ordinal, ord_teen_unit; payload the value (for mult: ``(value, form)``)."""
    data = _load("numbers.json")
    weekdays = {s for s, readings in time_words().items() if any(r.cat in "Wv" for r in readings)}
    table = Table()
    for value, words in data["units"].items():
        for word in words:
            table.add(word, "unit", int(value), definite=False)
            if match_key("ال" + word) not in weekdays:  # الاثنين is Monday, not "the two"
                table.add("ال" + word, "unit", int(value), definite=True)
    for value, words in data["teen_units"].items():
        for word in words:
            table.add(word, "teen_unit", int(value), definite=False)
            if not word.startswith("ح"):
                table.add("ال" + word, "teen_unit", int(value), definite=True)
    for word in data["teen_tails"]:
        table.add(word, "teen_tail", 10, definite=False)
    for value, words in data["teens"].items():
        for word in words:
            table.add(word, "teen", int(value), definite=False)
    for value, words in data["tens"].items():
        for word in words:
            table.add(word, "ten", int(value), definite=False)
            table.add("ال" + word, "ten", int(value), definite=True)
    for value, words in data["hundreds"].items():
        for word in words:
            table.add(word, "hundred", int(value), definite=False)
    for value, forms in data["multipliers"].items():
        for form, words in forms.items():
            for word in words:
                table.add(word, "mult", (int(value), form), definite=False)
    for value, words in data["fractions"].items():
        for word in words:
            table.add(word, "frac", float(value), definite=False)
    for value, words in data["vague"].items():
        for word in words:
            table.add(word, "vague", int(value), definite=False)
    for word in data["decimal_point"]:
        table.add(word, "point", None)
    for value, words in data["ordinals"].items():
        for word in words:
            table.add(word, "ordinal", int(value))
    for value, words in data["ordinal_teen_units"].items():
        for word in words:
            table.add(word, "ord_teen_unit", int(value))
    return table


@cache
def time_words() -> Table:
    """Calendar words; ``cat`` is the one-letter category of :mod:`khabar.stages.timex.grammar`."""
    data = _load("timex.json")
    table = Table()
    ambiguous = {match_key(w) for w in data["ambiguous_months"] + data["ambiguous_hijri_months"]}
    for value, names in data["months"].items():
        for name in names:
            if " " not in name:
                weak = match_key(name) in ambiguous
                table.add(name, "m" if weak else "M", int(value), bare=weak)
    for value, names in data["hijri_months"].items():
        for name in names:
            words = name.split()
            cat = "j" if match_key(name) in ambiguous else "J"
            if len(words) == 1:
                table.add(name, cat, int(value), bare=cat == "j")
            elif words[0] in ("ذو", "ذي", "ذوالقعدة", "ذوالحجة"):
                table.add(words[1], "J", int(value))
            else:
                table.add(words[0], "K", words[0])
    for head in data["month_heads"]:
        table.add(head, "K", head)
    for word in ("ذو", "ذي"):
        table.add(word, "z", None, prepositions=False)
    weak_days = {match_key(w) for w in data["weak_weekdays"]}
    for value, names in data["weekdays"].items():
        for name in names:
            weak = match_key(name) in weak_days
            table.add(name, "v" if weak else "W", int(value), bare=weak)
    for value, words in data["relative_days"].items():
        for word in words:
            table.add(word, "R", int(value))
    for word in data["now"]:
        table.add(word, "r", None)
    for unit, forms in data["units"].items():
        for form, words in forms.items():
            for word in words:
                table.add(word, "U", (unit, form))
    groups = {
        "past": "P",
        "future": "F",
        "current": "C",
        "this": "h",
        "last": "l",
        "approx": "A",
        "duration_cues": "E",
        "whole": "k",
        "every": "S",
        "corresponding": "V",
        "since": "Z",
        "before": "Q",
        "after": "B",
        "within": "L",
        "in": "f",
        "from": "o",
        "to": "t",
        "between": "b",
        "except": "a",
        "which": "i",
        "o_clock": "H",
        "timezone_cues": "G",
    }
    function_words = {"f", "o", "t", "b", "a", "i", "Z", "Q", "B", "L", "h", "A", "E", "S", "V", "G"}
    for group, cat in groups.items():
        for word in data[group]:
            table.add(word, cat, match_key(word), prepositions=cat not in function_words)
    for part, words in data["parts_of_day"].items():
        for word in words:
            table.add(word, "p", part)
    for part, words in data["weak_parts_of_day"].items():
        for word in words:
            table.add(word, "q", part)
    for position, words in data["positions"].items():
        for word in words:
            table.add(word, "x", position)
    for era, words in data["eras"].items():
        for word in words:
            table.add(word, "e", era, prepositions=False)
    for value, words in data["set_adverbs"].items():
        for word in words:
            table.add(word, "s", value)
    for offset, names in data["timezones"].items():
        for name in names:
            table.add(name.split()[0], "g", int(offset), prepositions=False)
    for season, words in data["seasons"].items():
        for word in words:
            table.add(word, "y", season)
    for word in data["quarter"]:
        table.add(word, "u", "quarter")
    return table


@cache
def month_heads() -> dict[str, dict[int, int]]:
    """Two-word month names by their first word: كانون/تشرين (Gregorian), ربيع/جمادى (Hijri); ordinal → month."""
    data = _load("timex.json")
    heads: dict[str, dict[int, int]] = {}
    for head, seconds in data["month_heads"].items():
        heads[match_key(head)] = {1 if "أول" in s else 2: m for s, m in seconds.items()}
    heads[match_key("ربيع")] = {1: 3, 2: 4}
    heads[match_key("جمادى")] = {1: 5, 2: 6}
    return heads


HIJRI_HEADS = frozenset({"ربيع", "جمادي"})


@cache
def holidays() -> list[tuple[str, str, dict[str, Any]]]:
    """``(folded name, key, rule)`` for every holiday name, longest first."""
    data = _load("timex.json")
    names = [(match_key(n), key, rule) for key, rule in data["holidays"].items() for n in rule["names"]]
    return sorted(names, key=lambda item: -len(item[0]))


@cache
def units() -> dict[str, Any]:
    return _load("units.json")
