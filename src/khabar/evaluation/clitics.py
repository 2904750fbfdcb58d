"""Scoring the clitic analysis against a hand-labelled gold file.

The gold file is a TSV with a header and the columns ``surface``, ``proclitics`` (dictionary forms separated by
spaces, ``-`` for none), ``stem``, ``enclitic`` (``-`` for none) and ``note`` (``ambiguous: …`` where context
allows two readings); see tests/data/README.md for how the shipped test set was sampled and labelled.
A token is right when its proclitics and its pronoun suffix are exactly the gold ones.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import InputError
from khabar.stages.tokenise import Tokeniser
from khabar.text.clitics import LEXICON_FOLD
from khabar.text.normalise import fold


@dataclass(frozen=True, slots=True)
class GoldToken:
    line: int
    surface: str
    proclitics: tuple[str, ...]
    enclitic: str | None
    ambiguous: bool


@dataclass
class CliticScore:
    total: int = 0
    correct: int = 0
    with_clitics: int = 0
    with_clitics_correct: int = 0
    without_clitics: int = 0
    without_clitics_correct: int = 0
    unambiguous: int = 0
    unambiguous_correct: int = 0
    errors: list[tuple[GoldToken, tuple[str, ...], str | None]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def read_gold(path: Path) -> list[GoldToken]:
    """The gold tokens of ``path``; :class:`InputError` names a malformed line."""
    tokens = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"surface", "proclitics", "enclitic"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(f"missing column(s) {', '.join(sorted(missing))}", source=str(path), line=1)
        for line, row in enumerate(reader, start=2):
            proclitics = (row["proclitics"] or "").strip()
            enclitic = (row["enclitic"] or "").strip()
            if not proclitics or not enclitic:
                raise InputError("unlabelled row (empty proclitics or enclitic)", source=str(path), line=line)
            tokens.append(
                GoldToken(
                    line=line,
                    surface=row["surface"],
                    proclitics=() if proclitics == "-" else tuple(proclitics.split()),
                    enclitic=None if enclitic == "-" else enclitic,
                    ambiguous=(row.get("note") or "").startswith("ambiguous"),
                )
            )
    return tokens


def score(gold: list[GoldToken], tokeniser: Tokeniser | None = None) -> CliticScore:
    tokeniser = tokeniser or Tokeniser()
    result = CliticScore()
    for token in gold:
        analysis = tokeniser.analysis(token.surface)
        predicted = tuple(form for _, _, form, _ in analysis.proclitics)
        enclitic = None
        if analysis.enclitic is not None:
            enclitic = fold(token.surface[analysis.enclitic[0] : analysis.enclitic[1]], LEXICON_FOLD)
        right = predicted == token.proclitics and enclitic == token.enclitic
        has_clitics = bool(token.proclitics) or token.enclitic is not None
        result.total += 1
        result.correct += right
        if has_clitics:
            result.with_clitics += 1
            result.with_clitics_correct += right
        else:
            result.without_clitics += 1
            result.without_clitics_correct += right
        if not token.ambiguous:
            result.unambiguous += 1
            result.unambiguous_correct += right
        if not right:
            result.errors.append((token, predicted, enclitic))
    return result
