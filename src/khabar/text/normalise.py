"""Arabic normalisation as a view of the original text, with an offset map back to it.

The original text is never changed. :func:`normalise` returns a :class:`NormalisedText`: the folded string that
matchers work on, and an :class:`OffsetMap` that turns any span of it back into code-point offsets of the
original. What is folded (the tables live in ``data/charmaps/arabic.json``):

- always: diacritics, tatweel and Quranic marks removed; bidi, zero-width and soft-hyphen controls removed;
  presentation forms (U+FB50–U+FEFF) folded to letters (a ligature becomes several letters); Eastern Arabic and
  Persian digits to ASCII; ٫ ٬ ٪ to ``. , %``; Persian/Urdu letter shapes (ک ی ە) to Arabic ones;
- by option (:class:`NormaliseOptions`): alef/hamza variants (أ إ آ ٱ → ا, on by default), ى → ي, ة → ه,
  ؤ → و and ئ → ي (off by default, on in :data:`MATCHING`, the options every lexicon key uses).

Only removals and expansions break the one-to-one correspondence, and the same characters are removed or
expanded whatever the options, so one offset map serves every option set of a text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from khabar.resources import data_path


@dataclass(frozen=True, slots=True)
class NormaliseOptions:
    """Which optional foldings to apply; the unconditional ones are listed in the module docstring."""

    alef: bool = True
    ya: bool = False
    ta_marbuta: bool = False
    hamza_carriers: bool = False


DEFAULT = NormaliseOptions()
MATCHING = NormaliseOptions(alef=True, ya=True, ta_marbuta=True, hamza_carriers=False)


@cache
def _charmaps() -> dict:
    with data_path("charmaps/arabic.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def attached_marks() -> frozenset[str]:
    """Diacritics, tatweel and other marks that belong to the letter before them."""
    return frozenset(_charmaps()["attached_marks"])


@cache
def _folding_table(options: NormaliseOptions) -> dict[str, str]:
    """Every character that normalisation changes, with what it becomes ("" when removed)."""
    maps = _charmaps()
    single: dict[str, str] = {}
    for key in ("letter_variants", "digits", "separators"):
        single.update(maps[key])
    if options.alef:
        single.update(maps["alef"])
    if options.ya:
        single.update(maps["ya"])
    if options.ta_marbuta:
        single.update(maps["ta_marbuta"])
    if options.hamza_carriers:
        single.update(maps["hamza_carriers"])
    table = dict.fromkeys(maps["attached_marks"] + maps["controls"], "")
    table.update(single)
    for form, letters in maps["presentation_forms"].items():
        table[form] = "".join(single.get(c, c) for c in letters)
    return table


@cache
def _folder(options: NormaliseOptions) -> tuple[re.Pattern[str], dict[str, str]]:
    table = _folding_table(options)
    changed = "".join(re.escape(c) for c in sorted(table))
    return re.compile(f"([{changed}])"), table


class OffsetMap:
    """Piecewise-linear map from normalised positions to original code-point positions.

    Break ``i`` says: normalised position ``norm[i]`` is original position ``orig[i]``, and positions after it
    advance one for one until the next break. Texts without removals or ligatures have a single break.
    """

    __slots__ = ("_norm", "_orig", "norm_length", "orig_length")

    def __init__(self, norm: list[int], orig: list[int], norm_length: int, orig_length: int) -> None:
        self._norm = norm
        self._orig = orig
        self.norm_length = norm_length
        self.orig_length = orig_length

    @property
    def is_identity(self) -> bool:
        return len(self._norm) == 1

    def to_original(self, position: int) -> int:
        """Original position of the normalised character at ``position`` (or of the end, at the length)."""
        if position >= self.norm_length:
            return self.orig_length
        i = bisect_right(self._norm, position) - 1
        return self._orig[i] + position - self._norm[i]

    def to_normalised(self, position: int) -> int:
        """Normalised position of the first normalised character at or after original ``position``."""
        if position >= self.orig_length:
            return self.norm_length
        i = bisect_right(self._orig, position) - 1
        while i > 0 and self._orig[i - 1] == self._orig[i]:
            i -= 1
        if i > 0:
            previous = self._norm[i - 1] + position - self._orig[i - 1]
            if previous < self._norm[i]:
                return previous
        return self._norm[i] + position - self._orig[i]


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised view of ``original``: ``text`` to match on, ``offsets`` to come back."""

    original: str
    text: str
    offsets: OffsetMap
    options: NormaliseOptions

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``.

        The end takes in the marks (diacritics, tatweel) that follow the span's last letter, so that a word
        found in the view comes back with its harakat: ``اتصال`` found in the view is ``اتصالٍ`` here.
        """
        offsets = self.offsets
        orig_start = offsets.to_original(start)
        if end <= start:
            return orig_start, orig_start
        orig_end = offsets.to_original(end - 1) + 1
        if not offsets.is_identity:
            marks = attached_marks()
            original = self.original
            limit = len(original)
            while orig_end < limit and original[orig_end] in marks:
                orig_end += 1
        return orig_start, orig_end

    def to_normalised(self, start: int, end: int) -> tuple[int, int]:
        """Normalised ``(start, end)`` covering the original span ``[start, end)``."""
        return self.offsets.to_normalised(start), self.offsets.to_normalised(end)


def _fold_with_offsets(text: str, options: NormaliseOptions) -> tuple[str, OffsetMap]:
    pattern, table = _folder(options)
    parts = pattern.split(text)
    if len(parts) == 1:
        return text, OffsetMap([0], [0], len(text), len(text))
    norm_breaks = [0]
    orig_breaks = [0]
    norm = orig = 0
    for i in range(1, len(parts), 2):
        unchanged = len(parts[i - 1])
        norm += unchanged
        orig += unchanged
        replacement = parts[i] = table[parts[i]]
        width = len(replacement)
        orig += 1
        if width == 1:
            norm += 1
        elif width == 0:
            if norm_breaks[-1] == norm:  # a run of removed marks: one break
                orig_breaks[-1] = orig
            else:
                norm_breaks.append(norm)
                orig_breaks.append(orig)
        else:  # a ligature: every letter of it maps to the one original character
            for extra in range(1, width):
                norm_breaks.append(norm + extra)
                orig_breaks.append(orig - 1)
            norm += width
            norm_breaks.append(norm)
            orig_breaks.append(orig)
    folded = "".join(parts)
    return folded, OffsetMap(norm_breaks, orig_breaks, len(folded), len(text))


def build_offset_map(text: str) -> OffsetMap:
    """The offset map shared by every normalisation of ``text``."""
    return _fold_with_offsets(text, DEFAULT)[1]


def fold(text: str, options: NormaliseOptions = DEFAULT) -> str:
    """The normalised string of ``text``, without an offset map (for keys and lookups)."""
    # Splitting on the changed characters and joining is several times faster than str.translate with a
    # dict table on Arabic text, where only a few characters in twenty change.
    pattern, table = _folder(options)
    parts = pattern.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = [table[c] for c in parts[1::2]]
    return "".join(parts)


def match_key(text: str) -> str:
    """The key under which lexicons store and look up a word or phrase: :data:`MATCHING` folding."""
    return " ".join(fold(text, MATCHING).split())


def normalise(text: str, options: NormaliseOptions = DEFAULT, offsets: OffsetMap | None = None) -> NormalisedText:
    """Normalise ``text`` as a view; pass ``offsets`` when the text's map is already known."""
    if offsets is None:
        folded, offsets = _fold_with_offsets(text, options)
    else:
        folded = fold(text, options)
    return NormalisedText(original=text, text=folded, offsets=offsets, options=options)
