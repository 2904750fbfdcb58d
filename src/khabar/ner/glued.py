"""A person's name glued to the organisation or place before it: مدعية المحكمة الجنائية الدولية فاتو بنسودا.

News writes an office, its body and the holder's name in one run of words; the tagger then often reads the name as
the end of the organisation (المحكمة الجنائية الدولية فاتو بنسودا, ORG). The article itself tells the name apart
when it names the same person elsewhere: بنسودا alone, tagged a person. So an organisation or place whose last
words are name words, the last of them the last word of a person named elsewhere in the document, is cut in two:
the person is the person's words found elsewhere (قالت فاتو بنسودا) or, when only the surname is, the surname with
the word before it when that may be a given name (عمر الرزاز; not مسقط رأس روبريدو, not بزعامة ترنبول). What
stays must end in a word with the article (الدولية) or be a known place or organisation (الصين وانغ): words
without it (غولدمان ساكس، إم إس إن بي سي) are the organisation's own name; nor may it end in a title (جامعة الملك
سعود).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from khabar.ner.bio import entities

GIVEN_AND_SURNAME = 2  # words of a name found by its surname alone
NAME_WORDS = 3


def split_glued_names(
    keys: Sequence[Sequence[str]],
    surfaces: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    name_word: Callable[[str, str], bool],
    given_name: Callable[[str], bool],
    known_name: Callable[[Sequence[str]], bool],
    titles: frozenset[str],
) -> list[list[str]]:
    """Labels of a document's sentences (token keys, texts and BIO labels per sentence) with person names cut off
    the organisations and places they were glued to. ``name_word(surface, key)`` says whether a word may be part
    of a person name, ``given_name(key)`` whether it may be a given name, ``known_name(keys)`` whether words are
    a known place or organisation; ``titles`` are the keys of title words."""
    found = [entities(sentence) for sentence in labels]
    people: set[tuple[str, ...]] = set()
    surnames: set[str] = set()
    for sentence_keys, names in zip(keys, found, strict=True):
        for start, end, kind in names:
            if kind == "PER":
                people.add(tuple(sentence_keys[start:end]))
                surnames.add(sentence_keys[end - 1])
    result = [list(sentence) for sentence in labels]
    if not surnames:
        return result
    for sentence_keys, sentence_surfaces, sentence_labels, names in zip(keys, surfaces, result, found, strict=True):
        for start, end, kind in names:
            if kind == "PER" or end - start < 2 or sentence_keys[end - 1] not in surnames:
                continue
            if tuple(sentence_keys[start:end]) in people:
                continue  # the whole name is a person's elsewhere (رياض منصور), not a place and a surname
            tail = _tail(sentence_keys, sentence_surfaces, start, end, people, name_word, given_name)
            if not tail:
                continue
            cut = end - tail
            if sentence_keys[cut - 1] in titles:
                continue  # جامعة الملك سعود، مسجد النبي يونس: a titled person in the name of a place
            if not (sentence_surfaces[cut - 1].startswith("ال") or known_name(sentence_keys[start:cut])):
                continue
            sentence_labels[cut:end] = ["B-PER"] + ["I-PER"] * (tail - 1)
    return result


def _tail(
    keys: Sequence[str],
    surfaces: Sequence[str],
    start: int,
    end: int,
    people: set[tuple[str, ...]],
    name_word: Callable[[str, str], bool],
    given_name: Callable[[str], bool],
) -> int:
    """How many words at the end of the name ``[start, end)`` are a person's name (0 when none can be told)."""
    run = 0
    while run < min(NAME_WORDS, end - start - 1) and name_word(surfaces[end - 1 - run], keys[end - 1 - run]):
        run += 1
    for length in range(run, 1, -1):
        if tuple(keys[end - length : end]) in people:
            return length
    if run >= GIVEN_AND_SURNAME and not surfaces[end - 2].startswith("ال") and given_name(keys[end - 2]):
        return GIVEN_AND_SURNAME
    # a surname alone: a foreign one (وانغ), not a word with the article (البيضاوي، الشريف)
    return 0 if not run or surfaces[end - 1].startswith("ال") else 1
