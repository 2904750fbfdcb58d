"""Dates, times, durations and sets, with TIMEX3 values resolved against ``published``.

The expressions are found on the matching view (:mod:`khabar.stages.timex.grammar`) and resolved by
:mod:`khabar.stages.timex.resolve`, whose docstring lists the conventions (weeks start on Saturday, a bare
weekday is the last one on or before publication, a date without a year is in the publication year, Hijri
dates use Umm al-Qura). Spans start after the proclitics و ف ب ل ك and leave out a leading في/عند/من, لمدة and
حوالي (the last one sets ``mod: "approx"``). Without ``published``, relative expressions keep a null value and
interval; an impossible date has no value and ``flag: "invalid"``.
"""

from __future__ import annotations

from datetime import datetime

from khabar.document import Document, Time
from khabar.stages.timex.lexicon import holidays
from khabar.stages.timex.resolve import Ref, resolve
from khabar.stages.timex.scan import analyse
from khabar.text.normalise import MATCHING


def _iso(moment: datetime | None, ref: Ref | None) -> str | None:
    if moment is None:
        return None
    if ref is not None and ref.tz is not None:
        moment = moment.replace(tzinfo=ref.tz)
    return moment.isoformat()


class Times:
    """Pipeline stage: sets the ``times`` layer."""

    name = "times"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"times"})

    def __init__(self) -> None:
        self._holiday_rules = {key: rule for _, key, rule in holidays()}

    def __call__(self, doc: Document) -> Document:
        view = doc.normalised(MATCHING)
        analysis = analyse(view.text)
        ref = Ref.of(doc.published)
        atoms = analysis.atoms
        text = doc.text
        times = []
        for match in analysis.times:
            first_token = atoms[match.first].first
            end_token = atoms[match.end - 1].end
            start, end = view.to_original(*analysis.char_span(first_token, end_token))
            resolved = resolve(match.fields, ref, self._holiday_rules)
            times.append(
                Time(
                    start,
                    end,
                    text[start:end],
                    id=f"t{len(times) + 1}",
                    type=resolved.type,
                    value=resolved.value,
                    begin=_iso(resolved.begin, ref),
                    until=_iso(resolved.until, ref),
                    calendar=resolved.calendar,
                    mod=resolved.mod,
                    flag=resolved.flag,
                )
            )
        doc.set_layer("times", times)
        return doc
