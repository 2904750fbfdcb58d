"""Names in apposition after a title: قالت رئيسة جمعية القضاة التونسيين، روضة القرافي، إن …

News sets a person's name between commas right after the title. When the tagger found none of it, or only part
of it, or typed it otherwise, the words between the commas become one person name: two to four words, at least
one of them tagged, none a function word, a title word, a number or a mark, none with a conjunction, preposition or
pronoun written on it, the first not a nationality (المغربي بنعطية); a title word stands at most a few words before
the first comma, with no person tagged between it and the name, or a one-word title or rank opens the apposition
itself (، القمص عبد المسيح بسيط،، العقيد تركي المالكي،: it is left out of the name).
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.ner.bio import entities

COMMAS = frozenset({"،", ","})
# names whose key is that of a function word: علي (the name) and على (on) fold together; written with ي, a name
NAMES_LIKE_FUNCTION_WORDS = frozenset({"علي"})
TITLE_WINDOW = 6  # words between a title word and the comma that opens the name
NAME_WORDS = range(2, 5)


def appositions(
    surfaces: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    keys: Sequence[Sequence[str]],
    titles: frozenset[str],
    honorifics: frozenset[str],
    not_names: frozenset[str],
) -> list[list[str]]:
    """Labels of sentences (token texts and BIO labels per sentence) with names in apposition after a title tagged
    as persons; ``keys`` are the tokens' stem keys, ``titles`` the keys of title words, ``honorifics`` of one-word
    titles that may open the apposition, ``not_names`` of words that are never part of a name."""
    return [
        _sentence(list(s), list(l), k, titles, honorifics, not_names) if _two_commas(s) else list(l)
        for s, l, k in zip(surfaces, labels, keys, strict=True)
    ]


def _two_commas(surfaces: Sequence[str]) -> bool:
    """Whether a sentence has the two commas an apposition needs (most sentences are passed over at once)."""
    return sum(1 for s in surfaces if s in COMMAS) >= 2


def _sentence(
    surfaces: list[str],
    labels: list[str],
    keys: Sequence[str],
    titles: frozenset[str],
    honorifics: frozenset[str],
    not_names: frozenset[str],
) -> list[str]:
    for comma, surface in enumerate(surfaces):
        if surface not in COMMAS:
            continue
        close = next(
            (j for j in range(comma + 1, min(comma + 3 + NAME_WORDS.stop, len(surfaces))) if surfaces[j] in COMMAS),
            None,
        )
        if close is None or close == comma + 1:
            continue
        # ، القمص عبد المسيح بسيط،: a definite one-word title opens the apposition (not سيدة الولايات المتحدة الأولى)
        titled = keys[comma + 1] in honorifics and surfaces[comma + 1].startswith("ال")
        name = range(comma + 2 if titled else comma + 1, close)
        if len(name) not in NAME_WORDS or not all(name_word(surfaces[i], keys[i], titles, not_names) for i in name):
            continue
        if all(labels[i] == "O" for i in name) or _nationality(surfaces[name.start]):
            continue
        if titled and any(labels[i][2:] in ("LOC", "ORG") for i in name):
            continue  # a title before a place or body: الرئيس، الولايات المتحدة … is no person
        if not titled and not _title_before(comma, surfaces, keys, labels, titles):
            continue
        if _whole_name(labels, name.start, name.stop):
            continue
        labels[name.start : name.stop] = ["B-PER"] + ["I-PER"] * (len(name) - 1)
        if name.stop < len(labels) and labels[name.stop].startswith("I-"):
            labels[name.stop] = "B-" + labels[name.stop][2:]
    return labels


def name_word(surface: str, key: str, titles: frozenset[str], not_names: frozenset[str]) -> bool:
    """Whether a word may be part of a person's name: Arabic letters only, nothing written on its stem, not a title,
    function or time word."""
    bare = surface[2:] if surface.startswith("ال") else surface
    clitics = len(bare) > len(key)  # وسيارة، بدفع، رعاه: something written on the stem
    return (
        surface.isalpha()
        and not surface.isascii()
        and not clitics
        and key not in titles
        and (key not in not_names or surface in NAMES_LIKE_FUNCTION_WORDS)
    )


def _nationality(surface: str) -> bool:
    """A definite nisba adjective (المغربي، البريطانية، البرتغاليان) that stands before a name, not in it."""
    return surface.startswith("ال") and surface.endswith(("ي", "ية", "يان", "يون", "يين"))


def _title_before(comma: int, surfaces: list[str], keys: list[str], labels: list[str], titles: frozenset[str]) -> bool:
    """A title word a few words before the comma, with no mark and no person between."""
    for j in range(comma - 1, max(comma - 1 - TITLE_WINDOW, -1), -1):
        if labels[j].endswith("PER") or not surfaces[j].isalpha():
            return False
        if keys[j] in titles:
            return True
    return False


def _whole_name(labels: list[str], start: int, stop: int) -> bool:
    """Whether ``[start, stop)`` is already exactly one tagged name (of any type)."""
    found = entities(labels[start:stop])
    return (
        len(found) == 1
        and found[0][:2] == (0, stop - start)
        and not (stop < len(labels) and labels[stop].startswith("I-"))
    )
