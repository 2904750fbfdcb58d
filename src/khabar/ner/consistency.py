"""Document-level consistency: a name tagged once is tagged wherever it recurs in the same document.

News repeats names; the tagger may find a name in one sentence and miss it in another where the context is
weaker. After tagging, every token sequence whose keys equal those of a name found in the document, and which is
entirely untagged, receives that name's (majority) type. Surnames alone are not propagated: حسين after فؤاد حسين
is left to the resolution stage, because a lone surname is too often an ordinary word. An occurrence where the
tagger found only part of the name (مون of بان كي مون), with its type or, inside a longer name, another one (the
place خان of عمدة لندن صادق خان, when صادق خان is a person elsewhere), becomes the whole name.
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
        resume = 0
        for i in [i for i, key in enumerate(sentence_keys) if key in by_first]:
            if i < resume:
                continue
            for name in by_first[sentence_keys[i]]:
                end = i + len(name)
                if tuple(sentence_keys[i:end]) == name:
                    kind = chosen[name]
                    if _untagged_or_part(sentence_labels, i, end, kind):
                        sentence_labels[i:end] = [f"B-{kind}"] + [f"I-{kind}"] * (len(name) - 1)
                    resume = end
                    break
    return result


def _untagged_or_part(labels: Sequence[str], start: int, end: int, kind: str) -> bool:
    """Whether ``labels[start:end]`` is untagged, or holds only parts of the name: of its type (مون of بان كي مون),
    or of another type strictly shorter than the name (خان of صادق خان); none that goes on past either end."""
    span = labels[start:end]
    if span[0].startswith("I-") or (end < len(labels) and labels[end].startswith("I-")):
        return False
    parts = entities(list(span))
    if any(kind_of_part != kind for *_, kind_of_part in parts) and any(e - s == len(span) for s, e, _ in parts):
        return False
    return any(label == "O" for label in span) or len(parts) > 1
