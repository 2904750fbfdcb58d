"""Scoring the quotes stage on a hand-labelled gold file (``khabar eval quotes``).

The gold file (tests/data/quotes_gold.jsonl, see tests/data/README.md) has one article per line: ``id``, ``date``,
``text`` and ``quotes`` (each with ``start``, ``end``, ``kind``, and ``speaker``: null, or the span of the
speaker's most complete name in the article, ``described`` when it is only a description).

- Span scores: a predicted quote matches a gold one when they overlap by at least half of the shorter span
  (``overlap``), or have the same offsets (``exact``); precision, recall and F1 over quotes.
- Speaker accuracy, on matched quotes whose speaker the text makes clear (a named speaker): right when the
  predicted entity has a mention overlapping the gold name, or bears the same name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from khabar.document import Document
from khabar.errors import InputError
from khabar.pipeline import Pipeline, default_pipeline
from khabar.resolve.names import phrase_key


@dataclass
class QuoteScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    speakers_named: int = 0
    speakers_right: int = 0
    unknown_gold: int = 0
    unknown_kept: int = 0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def exact_f1(self) -> float:
        p = self.exact / self.predicted if self.predicted else 0.0
        r = self.exact / self.gold if self.gold else 0.0
        return self._f1(p, r)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_named if self.speakers_named else 0.0


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def _speaker_right(doc: Document, entity_id: str | None, gold: dict) -> bool:
    """The predicted entity is the gold speaker: one of its mentions is the gold name (at its place, or the same
    name anywhere: the gold points to one occurrence of the name among several), or its canonical name is."""
    if entity_id is None:
        return False
    span = (gold["start"], gold["end"])
    name = phrase_key(gold["text"].replace("#", " ").replace("_", " "))
    for mention in doc.mentions:
        if mention.entity != entity_id:
            continue
        if min(span[1], mention.end) > max(span[0], mention.start) or phrase_key(mention.text) == name:
            return True
    entity = next((e for e in doc.entities if e.id == entity_id), None)
    return entity is not None and phrase_key(entity.name) == name


SPLITS = ("all", "dev", "test")


def score_quotes(gold_path: Path, pipeline: Pipeline | None = None, split: str = "all") -> QuoteScore:
    """Scores over the gold articles; ``split`` dev takes the 1st, 3rd, 5th … article, test the others (the
    rules are tuned on dev only, and test is the figure to report)."""
    if split not in SPLITS:
        raise InputError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    pipeline = pipeline or default_pipeline()
    result = QuoteScore()
    with gold_path.open(encoding="utf-8") as handle:
        articles = [(n, line) for n, line in enumerate(handle, start=1) if line.strip()]
        for position, (line_number, line) in enumerate(articles):
            if split != "all" and (position % 2 == 0) != (split == "dev"):
                continue
            try:
                article = json.loads(line)
                gold_quotes = article["quotes"]
                text = article["text"]
            except (ValueError, KeyError) as error:
                raise InputError(f"not a gold article ({error})", source=str(gold_path), line=line_number) from None
            doc = pipeline.analyze(text, published=article.get("date"), id=article.get("id"))
            predicted = list(doc.quotes)
            result.gold += len(gold_quotes)
            result.predicted += len(predicted)
            used: set[int] = set()
            for gold in gold_quotes:
                span = (gold["start"], gold["end"])
                match = next(
                    (i for i, q in enumerate(predicted) if i not in used and _overlaps(span, (q.start, q.end))), None
                )
                if match is None:
                    continue
                used.add(match)
                quote = predicted[match]
                result.matched += 1
                result.exact += (quote.start, quote.end) == span
                speaker = gold.get("speaker")
                if speaker is None:
                    result.unknown_gold += 1
                    result.unknown_kept += quote.speaker is None
                elif not speaker.get("described"):
                    result.speakers_named += 1
                    result.speakers_right += _speaker_right(doc, quote.speaker, speaker)
    return result
