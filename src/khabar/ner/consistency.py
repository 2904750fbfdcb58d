"""Document-level consistency: a name tagged once is tagged wherever it recurs in the same document.

News repeats names; the tagger may find a name in one sentence and miss it in another where the context is
weaker. After tagging, every token sequence whose keys equal those of a name found in the document, and which is
entirely untagged, receives that name's (majority) type. Surnames alone are not propagated: حسين after فؤاد حسين
is left to the resolution stage, because a lone surname is too often an ordinary word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from khabar.ner.bio import entities


def propagate(keys: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> list[list[str]]:
    """Labels of a document's sentences (token keys and BIO labels per sentence), names propagated."""
    names: dict[tuple[str, ...], Counter[str]] = {}
    for sentence_keys, sentence_labels in zip(keys, labels, strict=True):
        for start, end, kind in entities(sentence_labels):
            names.setdefault(tuple(sentence_keys[start:end]), Counter())[kind] += 1
    result = [list(sentence) for sentence in labels]
    if not names:
        return result
    chosen = {name: counts.most_common(1)[0][0] for name, counts in names.items() if len("".join(name)) > 1}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(chosen, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    for sentence_keys, sentence_labels in zip(keys, result, strict=True):
        i = 0
        while i < len(sentence_keys):
            for name in by_first.get(sentence_keys[i], ()):
                end = i + len(name)
                if tuple(sentence_keys[i:end]) == name:
                    if all(label == "O" for label in sentence_labels[i:end]):
                        kind = chosen[name]
                        sentence_labels[i:end] = [f"B-{kind}"] + [f"I-{kind}"] * (len(name) - 1)
                    i = end
                    break
            else:
                i += 1
    return result
