"""A given name before آل and a family name is a person: تركي آل الشيخ، محمد بن زايد آل نهيان.

آل ("the family of") joins a person's names to the family's in the Gulf (آل ثاني، آل نهيان، آل الشيخ). The tagger
knows the princes' long names, but may read a given name that is also a nisba as a place (تركي "Turkish") and leave
آل الشيخ out. After a given name, or after a person's name the tagger found, آل and the word after it are the
person's family name; the whole is one person. آل after a common noun (عشيرة آل مرة، أسرة آل ثاني) is left as the
tagger saw it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

FAMILY_WORD = "آل"  # as written: آل "the family of", not the article


def tag_family_names(
    keys: Sequence[Sequence[str]],
    surfaces: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    *,
    name_word: Callable[[str, str], bool],
    given_name: Callable[[str], bool],
) -> list[list[str]]:
    """Labels of a document's sentences (token keys, texts and BIO labels per sentence) with the names before آل and
    a family name tagged as one person."""
    result = [list(sentence) for sentence in labels]
    for sentence_keys, sentence_surfaces, sentence_labels in zip(keys, surfaces, result, strict=True):
        for i in [i for i, surface in enumerate(sentence_surfaces) if surface == FAMILY_WORD]:
            if i == 0 or i + 1 >= len(sentence_surfaces) or not sentence_surfaces[i + 1].isalpha():
                continue
            if sentence_labels[i].startswith("I-") and not sentence_labels[i].endswith("PER"):
                continue  # آل inside a name of another kind (عشيرة آل مرة)
            before = sentence_labels[i - 1]
            if before.endswith("PER"):  # محمد بن زايد, found: آل نهيان is the rest of the name
                first = i - 1
                while not sentence_labels[first].startswith("B-"):
                    first -= 1
            elif (
                (before == "O" or before.startswith("B-"))
                and name_word(sentence_surfaces[i - 1], sentence_keys[i - 1])
                and given_name(sentence_keys[i - 1])
            ):
                first = i - 1  # تركي, read as a place or left untagged: a given name
            else:
                continue
            end = i + 2
            while end < len(sentence_labels) and sentence_labels[end].startswith("I-"):
                end += 1  # a name آل began (آل الشيخ tagged alone, or as an organisation) ends with it
            sentence_labels[first:end] = ["B-PER"] + ["I-PER"] * (end - first - 1)
    return result
