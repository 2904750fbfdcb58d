"""BIO files and entity-level scoring (exact match, the seqeval / conlleval convention).

A BIO file has one ``token tag`` pair per line and a blank line between sentences. Type names are unified:
PERS and PER → PER, MIS and MISC → MISC. An entity starts at ``B-X``, or at ``I-X`` after ``O`` or another
type, and runs while ``I-X`` follows; it is right when its start, end and type all match the gold one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import InputError

TYPE_NAMES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}
TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def normalise_label(label: str, *, source: str = "", line: int | None = None) -> str:
    if label == "O":
        return label
    prefix, _, name = label.partition("-")
    if prefix not in ("B", "I") or name not in TYPE_NAMES:
        raise InputError(
            f"unknown tag {label!r} (expected O, B-X or I-X with X in PER(S), LOC, ORG, MIS(C))",
            source=source,
            line=line,
        )
    return f"{prefix}-{TYPE_NAMES[name]}"


def read_bio(path: Path) -> list[TaggedSentence]:
    """The sentences of a BIO file; :class:`InputError` names a malformed line."""
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    sentences.append(TaggedSentence(tuple(tokens), tuple(labels)))
                    tokens, labels = [], []
                continue
            token, _, label = line.rpartition(" ")
            if not token:
                raise InputError("expected 'token tag'", source=str(path), line=number)
            tokens.append(token)
            labels.append(normalise_label(label, source=str(path), line=number))
    if tokens:
        sentences.append(TaggedSentence(tuple(tokens), tuple(labels)))
    if not sentences:
        raise InputError("no sentence in the file", source=str(path))
    return sentences


def entities(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token ranges of the entities in a label sequence."""
    found = []
    start: int | None = None
    current = ""
    for i, label in enumerate([*labels, "O"]):
        if label == "O":  # most labels: close the open entity, if any
            if start is not None:
                found.append((start, i, current))
                start = None
            continue
        prefix, _, name = label.partition("-")
        continues = prefix == "I" and name == current and start is not None
        if start is not None and not continues:
            found.append((start, i, current))
            start = None
        if prefix == "B" or (prefix == "I" and not continues):
            start, current = i, name
    return found


@dataclass
class Counts:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    micro: Counts = field(default_factory=Counts)


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Score:
    """Entity-level precision, recall and F1 per type and micro-averaged."""
    result = Score()
    for gold_labels, predicted_labels in zip(gold, predicted, strict=True):
        gold_entities = set(entities(gold_labels))
        predicted_entities = set(entities(predicted_labels))
        for counts, chosen in ((result.micro, None), *((result.by_type[t], t) for t in TYPES)):
            g = {e for e in gold_entities if chosen is None or e[2] == chosen}
            p = {e for e in predicted_entities if chosen is None or e[2] == chosen}
            counts.gold += len(g)
            counts.predicted += len(p)
            counts.true_positives += len(g & p)
    return result
