"""Surnames that speak: وأضاف مطر "…"، ولفت مطر إلى أن … after شريك في الشركة عماد مطر.

A surname that is also a common word (مطر "rain", عون "help", روس "Russians") is often missed by the tagger,
and with it every statement of the person. A news article gives it away by what it does with it: it makes the
bare word the subject of speech verbs, again and again, right before what was said, and it writes it once after a
given name. Such a word, untagged, met at least twice between a speech verb and a complementiser, a quotation
mark or a colon, and at least once right after a given name (untagged, or tagged a person with it; a listed given
name that unlabeled news does not mostly read as another word: not باسم "in the name of", nor علي, which folds
with على), is a person: the given name and the word are tagged as the full name, and each bare occurrence before
what was said as the person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

SPEAKING_TIMES = 2  # subject positions of a bare word before it counts as a surname
CONTENT_MARKS = frozenset({'"', "«", "“", ":"})


def tag_speaking_surnames(
    keys: Sequence[Sequence[str]],
    surfaces: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    speech_verbs: frozenset[str],
    complementisers: frozenset[str],
    to_key: str,
    given_name: Callable[[str], bool],
    name_word: Callable[[str, str], bool],
) -> list[list[str]]:
    """Labels of a document's sentences (token keys, texts and BIO labels per sentence) with speaking surnames
    tagged. ``speech_verbs`` are the keys of the verbs of saying (with و or ف on them), ``complementisers`` those that
    open what was said (أن، إن، بأن), ``to_key`` is the key of إلى (لفت إلى أن), ``given_name(key)`` whether a
    word is a given name and ``name_word(surface, key)`` whether a word may be part of a person's name."""

    def opens_content(sentence: int, j: int) -> bool:
        sentence_keys = keys[sentence]
        if j >= len(sentence_keys):
            return False
        if sentence_keys[j] in complementisers or surfaces[sentence][j] in CONTENT_MARKS:
            return True
        return sentence_keys[j] == to_key and j + 1 < len(sentence_keys) and sentence_keys[j + 1] in complementisers

    subjects: dict[str, list[tuple[int, int]]] = {}
    for s, (sentence_keys, sentence_surfaces, sentence_labels) in enumerate(zip(keys, surfaces, labels, strict=True)):
        for i in [i for i, key in enumerate(sentence_keys[:-2]) if key in speech_verbs]:
            j = i + 1
            if (
                sentence_labels[j] == "O"
                and name_word(sentence_surfaces[j], sentence_keys[j])
                and opens_content(s, j + 1)
            ):
                subjects.setdefault(sentence_keys[j], []).append((s, j))
    speaking = {key for key, places in subjects.items() if len(places) >= SPEAKING_TIMES}
    result = [list(sentence) for sentence in labels]
    if not speaking:
        return result
    named: Counter[str] = Counter()
    for sentence_keys, sentence_surfaces, sentence_labels in zip(keys, surfaces, result, strict=True):
        for j in range(1, len(sentence_keys)):
            key, before = sentence_keys[j], sentence_keys[j - 1]
            if key not in speaking:
                continue
            if sentence_labels[j] == "I-PER" and sentence_labels[j - 1] in ("B-PER", "I-PER"):
                named[key] += 1  # عماد مطر found by the tagger: only the bare مطر were missed
            elif (
                given_name(before)
                and name_word(sentence_surfaces[j - 1], before)  # not أن، which folds with the given name آن
                and sentence_labels[j - 1 : j + 1] == ["O", "O"]
            ):
                sentence_labels[j - 1 : j + 1] = ["B-PER", "I-PER"]
                named[key] += 1
    for key in named:
        for s, j in subjects[key]:
            result[s][j] = "B-PER"
    return result
