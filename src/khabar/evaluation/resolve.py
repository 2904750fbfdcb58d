"""Scoring entity resolution on hand-labelled mention pairs (``khabar eval resolve``).

The gold file (tests/data/resolution_pairs.tsv, see tests/data/README.md) lists pairs of mentions, in one article
or in two, with ``same`` = yes / no / unclear. The articles are analysed with the default pipeline, the corpus
resolver joins their entities, and a pair is predicted *same* when both mentions belong to one corpus entity.
Precision and recall are those of the *same* links; pairs labelled unclear, and pairs whose mentions the
pipeline no longer finds, are counted apart.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from khabar.document import Document
from khabar.errors import InputError
from khabar.evaluation.counts import Confusion
from khabar.pipeline import Pipeline, default_pipeline
from khabar.resolve.corpus import CorpusResolver


@dataclass
class PairScore(Confusion):
    unclear: int = 0
    not_found: int = 0


def _entity_at(doc: Document, start: int, end: int) -> str | None:
    """The entity key of the mention that overlaps ``[start, end)`` most; of nested ones that overlap it alike, the
    shortest (تيرنبول inside زوجة تيرنبول is Turnbull, not his wife)."""
    best, fit = None, (0, -(10**9))
    keys = {e.id: e.key for e in doc.entities}
    for mention in doc.mentions:
        shared = min(end, mention.end) - max(start, mention.start)
        candidate = (shared, mention.start - mention.end)  # more shared, then shorter
        if mention.entity is not None and shared > 0 and candidate > fit:
            best, fit = keys.get(mention.entity), candidate
    return best


def score_pairs(gold: Path, corpus: Path, pipeline: Pipeline | None = None) -> PairScore:
    pipeline = pipeline or default_pipeline()
    with gold.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or "same" not in rows[0]:
        raise InputError("not a resolution pair file (no 'same' column)", source=str(gold))
    wanted = {row["article_a"] for row in rows} | {row["article_b"] for row in rows}
    docs: dict[str, Document] = {}
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                docs[record["id"]] = pipeline.analyze(record["text"], published=record.get("date"), id=record["id"])
    resolver = CorpusResolver()
    resolver.add_all(docs.values())
    mapping = resolver.resolve()
    result = PairScore()
    for line, row in enumerate(rows, start=2):
        label = row["same"].strip()
        if label not in ("yes", "no", "unclear"):
            raise InputError(f"'same' must be yes, no or unclear, not {label!r}", source=str(gold), line=line)
        if label == "unclear":
            result.unclear += 1
            continue
        keys = []
        for side in ("a", "b"):
            doc = docs.get(row[f"article_{side}"])
            key = _entity_at(doc, int(row[f"start_{side}"]), int(row[f"end_{side}"])) if doc else None
            keys.append(mapping.get(key) if key else None)
        if None in keys:
            result.not_found += 1
            continue
        result.add(keys[0] == keys[1], label == "yes")
    return result
