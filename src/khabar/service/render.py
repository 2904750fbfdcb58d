"""The article view: the original text with its entities, dates, numbers, quotes and event triggers marked.

The text is written out whole and in logical order (the browser lays out right-to-left; nothing is reversed),
so the article's ``textContent`` is exactly the stored text. Each marked span carries its explanation in
``data-tip`` (shown on hover and keyboard focus by khabar.js). Spans nest: a quote holds the names and dates
inside it; a span that crosses another's end is cut in two pieces with the same explanation. Runs of Latin
script and of digits are wrapped in ``<bdi>`` so that a Latin name or a number keeps its own direction inside
Arabic. Every piece of text and every attribute value is escaped.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup, escape

from khabar.document import Document

TYPE_NAMES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
TIME_NAMES = {"DATE": "تاريخ", "TIME": "وقت", "DURATION": "مدة", "SET": "تكرار"}
MODALITY_NAMES = {"asserted": "مؤكد", "negated": "منفي", "future": "مستقبلي", "hypothetical": "افتراضي"}
# Outer layers first: a quote holds triggers, names, dates and numbers.
_PRIORITY = {"quote": 0, "trigger": 1, "mention": 2, "time": 3, "quantity": 4, "cue": 5}
_LTR_RUN = re.compile(
    r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9.'’\- ]*[A-Za-z\u00c0-\u024f0-9]|[A-Za-z]|\d+(?:[.,:/]\d+)*"
)


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to mark: ``tag`` (``a`` or ``span``) with its attributes, ``tip`` its explanation."""

    start: int
    end: int
    priority: int
    tag: str
    attrs: dict[str, str]
    tip: str


def _names(doc: Document) -> dict[str, str]:
    return {e.id: e.name for e in doc.entities}


def _entity_tip(entity: Any, mention_type: str) -> str:
    parts = [TYPE_NAMES.get(mention_type, mention_type)]
    if entity is not None:
        parts.append(entity.name + (f" ({entity.name_latn})" if entity.name_latn else ""))
        parts.extend(r.title for r in entity.roles)
    return " · ".join(parts)


def marks(doc: Document, corpus_entities: Mapping[str, Mapping[str, Any]]) -> list[Mark]:
    """Every span to mark in ``doc``; ``corpus_entities`` maps its entity ids to corpus entities (for links)."""
    found: list[Mark] = []
    entities = {e.id: e for e in doc.entities}
    names = _names(doc)

    def who(ids: Any) -> str:
        return "، ".join(names.get(i, i) for i in ids)

    for m in doc.mentions:
        entity = entities.get(m.entity) if m.entity else None
        corpus = corpus_entities.get(m.entity) if m.entity else None
        attrs = {"class": f"ann ent ent-{m.type}", "data-type": m.type}
        tag = "span"
        if corpus is not None:
            tag = "a"
            attrs["href"] = f"/web/entities/{int(corpus['id'])}"
            attrs["data-entity"] = str(int(corpus["id"]))
        else:
            attrs["tabindex"] = "0"
        found.append(Mark(m.start, m.end, _PRIORITY["mention"], tag, attrs, _entity_tip(entity, m.type)))
    for t in doc.times:
        tip = f"{TIME_NAMES.get(t.type, t.type)}: {t.value or '؟'}"
        if t.begin and t.until:
            tip += f" ({t.begin} → {t.until})"
        attrs = {"class": "ann time", "tabindex": "0", "data-value": t.value or ""}
        found.append(Mark(t.start, t.end, _PRIORITY["time"], "span", attrs, tip))
    for q in doc.quantities:
        value = "؟" if q.value is None else f"{q.value:,}" if isinstance(q.value, int) else str(q.value)
        tip = "عدد: " + value + (f" {q.unit}" if q.unit else "") + (" (ترتيبي)" if q.ordinal else "")
        attrs = {"class": "ann num", "tabindex": "0"}
        found.append(Mark(q.start, q.end, _PRIORITY["quantity"], "span", attrs, tip))
    for q in doc.quotes:
        kind = "اقتباس مباشر" if q.kind == "direct" else "اقتباس غير مباشر"
        speaker = names.get(q.speaker, "?") if q.speaker else "غير معروف"
        attrs = {"class": f"quote quote-{q.kind}", "tabindex": "0"}
        found.append(Mark(q.start, q.end, _PRIORITY["quote"], "span", attrs, f"{kind} · المتحدث: {speaker}"))
        if q.cue is not None:
            found.append(Mark(q.cue.start, q.cue.end, _PRIORITY["cue"], "span", {"class": "ann cue"}, "فعل القول"))
    for v in doc.events:
        parts = [v.type + (f" ({v.mode})" if v.mode else "")]
        if v.actors:
            parts.append(f"الفاعل: {who(v.actors)}")
        if v.recipients:
            parts.append(f"المتلقي: {who(v.recipients)}")
        if v.date:
            parts.append(f"التاريخ: {v.date}")
        if v.location:
            parts.append(f"المكان: {names.get(v.location, v.location)}")
        parts.append(MODALITY_NAMES.get(v.modality, v.modality))
        attrs = {"class": "ann trigger", "tabindex": "0", "data-event-type": v.type}
        found.append(Mark(v.trigger.start, v.trigger.end, _PRIORITY["trigger"], "span", attrs, " · ".join(parts)))
    return [m for m in found if 0 <= m.start < m.end <= len(doc.text)]


def _text(piece: str) -> str:
    """Escaped text with its Latin and digit runs isolated in ``<bdi>``."""
    out = []
    position = 0
    for run in _LTR_RUN.finditer(piece):
        out.append(str(escape(piece[position : run.start()])))
        out.append(f'<bdi dir="ltr">{escape(run.group())}</bdi>')
        position = run.end()
    out.append(str(escape(piece[position:])))
    return "".join(out)


def _open(mark: Mark) -> str:
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in mark.attrs.items())
    return f'<{mark.tag}{attrs} data-tip="{escape(mark.tip)}">'


def render(text: str, spans: list[Mark]) -> Markup:
    """``text`` as HTML with ``spans`` marked and nested (see the module docstring)."""
    # Earlier starts first; at the same start the longer span opens first (it holds the others).
    queue = [(m.start, -m.end, m.priority, n, m) for n, m in enumerate(spans)]
    heapq.heapify(queue)
    counter = len(queue)
    out: list[str] = []
    stack: list[Mark] = []
    position = 0

    def close_until(limit: int) -> None:
        nonlocal position
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(_text(text[position : top.end]))
            out.append(f"</{top.tag}>")
            position = top.end

    while queue:
        mark = heapq.heappop(queue)[-1]
        close_until(mark.start)
        if stack and mark.end > stack[-1].end:  # crosses its parent's end: cut it there
            rest = replace(mark, start=stack[-1].end)
            heapq.heappush(queue, (rest.start, -rest.end, rest.priority, counter, rest))
            counter += 1
            mark = replace(mark, end=stack[-1].end)
        out.append(_text(text[position : mark.start]))
        position = mark.start
        out.append(_open(mark))
        stack.append(mark)
    close_until(len(text))
    out.append(_text(text[position:]))
    return Markup("".join(out))
