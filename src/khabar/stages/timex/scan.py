"""One pass over the matching view: tokens, number phrases and the atoms the time grammar reads.

:func:`analyse` is cached per view text, so the ``numbers`` and ``times`` stages of one document share it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, overload

from khabar.stages.timex.lexicon import Entry, clitic_forms, holidays, number_words, time_words
from khabar.stages.timex.numwords import Composer, NumberPhrase

TOKEN_PATTERN = re.compile(
    r"(?P<word>[^\W\d_]+)"
    r"|(?P<date>[0-9]{1,4}(?:-[0-9]{1,2}-|/[0-9]{1,2}/|\.[0-9]{1,2}\.)[0-9]{1,4})(?![0-9])"
    r"|(?P<clock>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?![0-9:])"
    r"|(?P<pair>(?:(?<![\w.,])[-−])?[0-9]{1,4}/[0-9]{1,4})(?![0-9/])"
    r"|(?P<num>(?:(?<![\w.,$€£¥%)])[-−])?(?:[0-9]+(?:[.,][0-9]+)*|(?<!\w)[.,][0-9]+))"
    r"|(?P<sym>[^\s\w])"
)
SYMBOL_CATS = {"،": "c", ",": "c", ".": "c", "-": "-", "–": "-", "—": "-", "/": "/", "(": "(", ")": ")"}
OTHER = "~"


# The token pattern as one capturing group, so that ``split`` returns gaps and tokens in turn.
_TOKEN_SPLIT = re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", TOKEN_PATTERN.pattern) + ")")


def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Token texts and spans, without a match object per token (split and accumulate run in C)."""
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts)))
    return parts[1::2], list(zip(offsets[::2], offsets[1::2], strict=False))


class _Kinds:
    """The token pattern's group for each token, found only for the tokens that are asked about."""

    __slots__ = ("_kinds", "_spans", "_text", "_texts")

    def __init__(self, text: str, texts: list[str], spans: list[tuple[int, int]]) -> None:
        self._text = text
        self._texts = texts
        self._spans = spans
        self._kinds: dict[int, str] = {}

    def __call__(self, index: int) -> str:
        kind = self._kinds.get(index)
        if kind is None:
            token = self._texts[index]
            if token[0].isalpha():
                kind = "word"
            elif len(token) == 1 and not token.isalnum():
                kind = "sym"  # every other group needs a letter or a digit
            else:
                match = TOKEN_PATTERN.match(self._text, self._spans[index][0])
                kind = (match.lastgroup if match is not None else None) or "sym"
            self._kinds[index] = kind
        return kind


class _Lazy(Sequence[Any]):
    """A per-token property read through ``get(index)`` only when asked (most tokens are never asked)."""

    __slots__ = ("_get", "_length")

    def __init__(self, length: int, get: Callable[[int], Any]) -> None:
        self._length = length
        self._get = get

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._get(i) for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._get(index)


@dataclass(slots=True)
class Atom:
    """A unit of the time grammar: one category letter over tokens ``[first, end)``."""

    cat: str
    first: int
    end: int
    payload: Any = None
    entry: Entry | None = None


@dataclass(slots=True)
class Analysis:
    """Tokens of a view (folded texts, kinds, spans), its number phrases and its time atoms."""

    texts: list[str]
    kinds: Sequence[str]
    spans: Sequence[tuple[int, int]]
    prefixes: list[int]
    numbers: list[NumberPhrase]
    atoms: list[Atom]
    cats: str
    times: list[Any]

    def char_span(self, first: int, end: int) -> tuple[int, int]:
        """View offsets of tokens ``[first, end)``, after the proclitics of the first token."""
        return self.spans[first][0] + self.prefixes[first], self.spans[end - 1][1]


@cache
def holiday_index() -> dict[str, list[tuple[tuple[str, ...], str, int]]]:
    """First word of every holiday name (with its clitic forms) → ``(following words, key, prefix length)``."""
    index: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for name, key, _ in holidays():
        first, *rest = name.split()
        for surface, prefix in clitic_forms(first):
            index.setdefault(surface, []).append((tuple(rest), key, len(prefix)))
    return index


def _holiday_at(texts: list[str], i: int) -> tuple[int, str, int] | None:
    for rest, key, prefix in holiday_index().get(texts[i], ()):
        if tuple(texts[i + 1 : i + 1 + len(rest)]) == rest:
            return i + 1 + len(rest), key, prefix
    return None


def _number_cat(phrase: NumberPhrase, kinds: list[str], texts: list[str]) -> str:
    if phrase.ordinal:
        return "O"
    value = phrase.value
    if phrase.words:
        return "n" if isinstance(value, int) and 0 <= value <= 9999 else "X"
    if isinstance(value, int) and value >= 0 and phrase.end == phrase.first + 1:
        digits = len(texts[phrase.first].lstrip("-−"))
        if digits <= 2:
            return "N"
        if digits <= 4:
            return "Y"
    return "X"


@lru_cache(maxsize=8)
def analyse(text: str) -> Analysis:
    """Tokens, number phrases, atoms and time expressions of the matching view ``text``."""
    from khabar.stages.timex.grammar import find_times

    texts, spans = _tokens(text)
    kinds = _Lazy(len(texts), _Kinds(text, texts, spans))
    numbers_table = number_words()
    times_table = time_words()
    num_readings = [numbers_table.get(t) for t in texts]
    time_readings = [times_table.get(t) for t in texts]
    prefixes = [0] * len(texts)
    composer = Composer(texts, kinds, num_readings)
    numbers: list[NumberPhrase] = []
    atoms: list[Atom] = []
    n = len(texts)
    i = 0
    holiday_words = holiday_index()
    interesting = [
        j
        for j, (word, numeric, timed) in enumerate(zip(texts, num_readings, time_readings, strict=True))
        if numeric or timed or not word[0].isalpha() or word == "و" or word in holiday_words
    ]
    for j in interesting:
        if j < i:
            continue
        if j > i and (not atoms or atoms[-1].cat != OTHER):
            atoms.append(Atom(OTHER, i, j))
        i = j + 1
        token = texts[j]  # the two commonest kinds told here, as _Kinds tells them, without two calls
        kind = "word" if token[0].isalpha() else "sym" if len(token) == 1 and not token.isalnum() else kinds[j]
        if kind == "sym":
            atoms.append(Atom(SYMBOL_CATS.get(texts[j], OTHER), j, j + 1))
            continue
        if kind == "pair" and texts[j][0] in "-−":
            atoms.append(Atom("X", j, j + 1, NumberPhrase(j, j + 1, None)))  # -12/10 is a number, not a date
            continue
        if kind in ("date", "clock", "pair"):
            atoms.append(Atom({"date": "D", "clock": "T", "pair": "d"}[kind], j, j + 1, texts[j]))
            continue
        holiday = _holiday_at(texts, j) if texts[j] in holiday_words else None
        if holiday is not None:
            end, key, prefixes[j] = holiday
            atoms.append(Atom("I", j, end, key))
            i = end
            continue
        phrase = composer.phrase(j) if (num_readings[j] or kind == "num") else None
        timed = time_readings[j]
        if phrase is not None and timed and timed[0].cat in "Wv" and phrase.end == j + 1:
            phrase = None  # اثنين الأسبوع الماضي: a weekday, not "two"
        if phrase is not None:
            numbers.append(phrase)
            first_entry = num_readings[j][0] if num_readings[j] else None
            if first_entry is not None:
                prefixes[j] = len(first_entry.prefix)
            atoms.append(Atom(_number_cat(phrase, kinds, texts), j, phrase.end, phrase, first_entry))
            i = phrase.end
            continue
        readings = num_readings[j]
        fraction = next((r for r in readings or () if r.cat == "frac"), None)
        if fraction is not None:
            prefixes[j] = len(fraction.prefix)
            atoms.append(Atom("u", j, j + 1, fraction.payload, fraction))
            continue
        if timed:
            entry = timed[0]
            prefixes[j] = len(entry.prefix)
            atoms.append(Atom(entry.cat, j, j + 1, entry.payload, entry))
        elif texts[j] == "و":
            atoms.append(Atom("w", j, j + 1))
        else:
            atoms.append(Atom(OTHER, j, j + 1))
    if i < n and (not atoms or atoms[-1].cat != OTHER):
        atoms.append(Atom(OTHER, i, n))
    analysis = Analysis(texts, kinds, spans, prefixes, numbers, atoms, "".join(a.cat for a in atoms), [])
    analysis.times = find_times(analysis)
    return analysis
