"""Names do not end in a particle nor begin with a verb of saying: عبدالله إلى، ونوه هادي.

The tagger sometimes runs a name on into the word after it (قال الملك عبدالله إلى …) or starts it at the verb before
it (ونوه هادي). A preposition, a conjunction-like particle or a verb of saying is never the last word of a name, and
a verb of saying never its first: such words are cut off the name's edges (a name left empty is no name). Months and
other time words are not cut: حركة 6 أبريل and تيار 14 آذار end in one. A complementiser is never inside a name
either: وعلمت بي بي سي أن سكريبال … is the name بي بي سي, and what follows أن is another clause (left untagged: its
type is not the first name's).
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.ner.bio import entities

COMPLEMENTISERS = frozenset(("أن", "إن", "بأن"))  # as written: never a word of a name


def trim_edges(
    keys: Sequence[Sequence[str]],
    surfaces: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    particles: frozenset[str],
    speech_verbs: frozenset[str],
) -> list[list[str]]:
    """Labels of sentences (token keys, texts and BIO labels per sentence) with ``particles`` (written forms, not
    folded: على is a particle, علي of أبو علي a name) and ``speech_verbs`` (keys) cut off the end of names and
    ``speech_verbs`` off their start."""
    result = [list(sentence) for sentence in labels]
    for sentence_keys, sentence_surfaces, sentence_labels in zip(keys, surfaces, result, strict=True):
        for start, end, kind in entities(sentence_labels):
            first, last = start, end
            inner = next((k for k in range(start + 1, end - 1) if sentence_surfaces[k] in COMPLEMENTISERS), None)
            if inner is not None:
                last = inner
            while last > first and (
                sentence_surfaces[last - 1] in particles or sentence_keys[last - 1] in speech_verbs
            ):
                last -= 1
            while first < last and sentence_keys[first] in speech_verbs:
                first += 1
            if (first, last) == (start, end):
                continue
            sentence_labels[start:end] = ["O"] * (end - start)
            if first < last:
                sentence_labels[first:last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)
    return result
