"""A name before an age in brackets is a person: يقول ميدان الحمداني (40 عاما) "…"، وقال كروز (55 عاما).

News gives the age of the people it quotes in brackets right after their name. The tagger knows most of these
names, but not all: a surname that is also a place (الحمداني, tagged a place) or a foreign name it never met. The
bracket settles the type:

- a name of another type ending right before the bracket becomes a person, unless it is a known place or
  organisation or has a word of one (a university's age: جامعة القاهرة (100 عام)); a one-word family name with
  the article (الحمداني) takes the word before it when that word is a given name (a listed one, or one unlabeled
  news begins names with);
- an untagged word right before the bracket becomes a person when it may be part of a name (no article, nothing
  written on it, not a title or function word) and unlabeled news tags it in person names (``person_word(key)``):
  رجل، طفل، شاب (40 عاما) stay untagged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

AGE_UNITS = frozenset({"عاما", "سنه", "سنوات", "اعوام", "عام"})  # stem keys: عاماً، عامًا، سنة …
OLDEST = 120


def tag_aged_people(
    keys: Sequence[Sequence[str]],
    surfaces: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    *,
    name_word: Callable[[str, str], bool],
    given_name: Callable[[str], bool],
    person_word: Callable[[str], bool],
    not_a_person: Callable[[Sequence[str]], bool],
) -> list[list[str]]:
    """Labels of a document's sentences (token keys, texts and BIO labels per sentence) with the names before an
    age in brackets tagged as people."""
    result = [list(sentence) for sentence in labels]
    for sentence_keys, sentence_surfaces, sentence_labels in zip(keys, surfaces, result, strict=True):
        for bracket in [i for i, surface in enumerate(sentence_surfaces) if surface == "("]:
            if bracket == 0 or not _age_at(sentence_keys, sentence_surfaces, bracket + 1):
                continue
            last = bracket - 1
            label = sentence_labels[last]
            if label == "O":
                if (
                    not sentence_surfaces[last].startswith("ال")
                    and name_word(sentence_surfaces[last], sentence_keys[last])
                    and person_word(sentence_keys[last])
                ):
                    sentence_labels[last] = "B-PER"
                continue
            if label.endswith("PER"):
                continue
            first = last
            while sentence_labels[first].startswith("I-"):
                first -= 1
            if not_a_person(sentence_keys[first:bracket]):
                continue
            before = first - 1
            if (
                first == last
                and sentence_surfaces[last].startswith("ال")
                and before >= 0
                and sentence_labels[before] == "O"
                and not sentence_surfaces[before].startswith("ال")
                and name_word(sentence_surfaces[before], sentence_keys[before])
                and given_name(sentence_keys[before])
            ):
                first = before
            sentence_labels[first:bracket] = ["B-PER"] + ["I-PER"] * (bracket - 1 - first)
    return result


def _age_at(keys: Sequence[str], surfaces: Sequence[str], i: int) -> bool:
    """Whether tokens ``i …`` read «40 عاما)»: a number of years a person may have, its unit, a closing bracket."""
    if i + 2 >= len(surfaces) or surfaces[i + 2] != ")" or keys[i + 1] not in AGE_UNITS:
        return False
    number = surfaces[i]
    return number.isdecimal() and 0 < int(number) <= OLDEST
