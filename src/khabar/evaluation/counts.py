"""Counts of a yes/no decision against gold, and the precision, recall and F1 they give."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Confusion:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0

    def add(self, found: bool, gold: bool) -> None:
        self.true_positives += found and gold
        self.false_positives += found and not gold
        self.false_negatives += gold and not found
        self.true_negatives += not found and not gold

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
