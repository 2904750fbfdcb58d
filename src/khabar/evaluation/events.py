"""Scoring the events stage on the Arabic PLOVER gold sentences (``khabar eval events``).

Detection (``assault_gsr.csv``, ``protest_gsr.csv``): each sentence labelled yes, easy no or difficult no (the
ambiguous ones are dropped) is analysed alone; it is predicted *yes* when the stage codes an asserted event of the
file's type in it. Precision, recall and F1 per type, twice: ``detection`` counts every such event, ``main`` only
those that are not ``background`` (the event is what the sentence reports, not the cause or topic of another act).

Labelled sentences (``tests/data/events_dev.jsonl``: ``text``, ``assault`` and ``protest`` yes/no, ``ambiguous``,
and ``assault_main``, ``protest_main``): ``detection`` against the first labels, ``main`` against the main-event ones.

Spans (``assault_spans.json``, ``protest_spans.json``): for each gold event (verb, source actor, target actor, as
words of the sentence), whether an event of the type has a trigger among the verb's words, and, for those, whether
one of its actors (recipients) is named with a word of the gold source (target) actor.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from khabar.document import Document
from khabar.errors import InputError
from khabar.evaluation.counts import Confusion
from khabar.pipeline import Pipeline, default_pipeline
from khabar.resolve.names import word_key

FILES = {"ASSAULT": "assault", "PROTEST": "protest"}


@dataclass
class SpanScore:
    gold: int = 0
    triggered: int = 0
    actors_gold: int = 0
    actors_right: int = 0
    targets_gold: int = 0
    targets_right: int = 0


@dataclass
class EventScores:
    detection: dict[str, Confusion] = field(default_factory=dict)
    main: dict[str, Confusion] = field(default_factory=dict)
    spans: dict[str, SpanScore] = field(default_factory=dict)


def _coded(doc: Document, kind: str) -> list:
    return [e for e in doc.events if e.type == kind and e.modality == "asserted"]


def _words(text: str) -> set[str]:
    return {word_key(w) for w in text.split()} - {""}


def _named(doc: Document, entity_ids: tuple[str, ...], gold_words: set[str]) -> bool:
    names = [m.text for m in doc.mentions if m.entity in entity_ids]
    return any(_words(name) & gold_words for name in names)


def _detect(pipeline: Pipeline, kind: str, labelled: list[tuple[str, bool, bool]], result: EventScores) -> None:
    """Scores ``(text, gold, main gold)`` sentences: any asserted event against the first label, the events that are
    not background against the second."""
    detection = result.detection[kind] = Confusion()
    main = result.main[kind] = Confusion()
    for text, gold, main_gold in labelled:
        events = _coded(pipeline.analyze(text), kind)
        detection.add(bool(events), gold)
        main.add(any(not e.background for e in events), main_gold)


def score_event_sentences(path: Path, pipeline: Pipeline | None = None, limit: int | None = None) -> EventScores:
    """Detection scores on a JSONL file of sentences labelled for ASSAULT and PROTEST (ambiguous ones dropped)."""
    pipeline = pipeline or default_pipeline()
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                row = json.loads(line)
                if not row.get("ambiguous"):
                    labels = [row[key] == "yes" for key in ("assault", "protest", "assault_main", "protest_main")]
                    rows.append((row["text"], *labels))
            except (ValueError, KeyError) as error:
                raise InputError(f"not a labelled sentence ({error})", source=str(path), line=number) from None
    rows = rows[:limit]
    result = EventScores()
    _detect(pipeline, "ASSAULT", [(text, a, a_main) for text, a, _, a_main, _ in rows], result)
    _detect(pipeline, "PROTEST", [(text, p, p_main) for text, _, p, _, p_main in rows], result)
    return result


def score_events(folder: Path, pipeline: Pipeline | None = None, limit: int | None = None) -> EventScores:
    """Detection and span scores on the arabic_event_gsr folder."""
    pipeline = pipeline or default_pipeline()
    result = EventScores()
    for kind, stem in FILES.items():
        path = folder / f"{stem}_gsr.csv"
        if not path.is_file():
            raise InputError("missing gold file", source=str(path))
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle) if r["label"] != "ambiguous"][:limit]
        _detect(pipeline, kind, [(r["text"], r["label"] == "yes", r["label"] == "yes") for r in rows], result)
        spans = result.spans[kind] = SpanScore()
        spans_path = folder / f"{stem}_spans.json"
        if not spans_path.is_file():
            continue
        items = json.loads(spans_path.read_text(encoding="utf-8"))[:limit]
        for item in items:
            doc = pipeline.analyze(item["text"])
            events = _coded(doc, kind)
            for gold in item["spans"]:
                spans.gold += 1
                verb = {word_key(w) for w in gold["verb"]}
                matched = [e for e in events if _words(e.trigger.text) & verb]
                if not matched:
                    continue
                spans.triggered += 1
                source, target = (
                    {word_key(w) for w in gold["source_actor"]},
                    {word_key(w) for w in gold["target_actor"]},
                )
                if source:
                    spans.actors_gold += 1
                    spans.actors_right += any(_named(doc, e.actors, source) for e in matched)
                if target:
                    spans.targets_gold += 1
                    spans.targets_right += any(_named(doc, e.recipients, target) for e in matched)
    return result
