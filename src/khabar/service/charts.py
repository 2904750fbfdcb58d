"""Charts drawn on the server as SVG: events per day by type, an entity's timeline, its co-occurrence network.

Every text that goes into the SVG (names, types, dates) is escaped; nothing is loaded from anywhere, and the
charts use presentation attributes only (no inline styles, which the page's content security policy forbids).
Time runs left to right on the charts, as dates are written; the figures carry ``dir="ltr"``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
OTHER_COLOUR = "#7f7f7f"
TYPE_COLOURS = {"PER": "#1f77b4", "ORG": "#2ca02c", "LOC": "#d62728", "MISC": "#9467bd"}
MAX_DAYS = 200  # longer ranges are counted by month


def colours(types: Iterable[str]) -> dict[str, str]:
    """A stable colour per type: the most frequent first in the palette, the rest grey."""
    return {t: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR for i, t in enumerate(types)}


def _buckets(days: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The x-axis buckets covering ``days`` (every day, or every month for long ranges) and each day's bucket."""
    first, last = date.fromisoformat(min(days)), date.fromisoformat(max(days))
    if (last - first).days < MAX_DAYS:
        span = [(first + timedelta(n)).isoformat() for n in range((last - first).days + 1)]
        return span, {d: d for d in days}
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months, {d: d[:7] for d in days}


def _frame(width: int, height: int, label: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img"'
        f' aria-label="{escape(label)}" direction="ltr" font-size="11" font-family="sans-serif">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def _axes(left: int, top: int, plot_w: int, plot_h: int, y_max: int, buckets: list[str]) -> list[str]:
    bottom = top + plot_h
    parts = [
        f'<line x1="{left}" y1="{bottom}" x2="{left + plot_w}" y2="{bottom}" stroke="#888"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#888"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{y_max}</text>',
        f'<text x="{left - 4}" y="{bottom}" text-anchor="end">0</text>',
    ]
    for index in sorted({0, len(buckets) // 2, len(buckets) - 1}):
        x = left + (index + 0.5) * plot_w / len(buckets)
        parts.append(f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle">{escape(buckets[index])}</text>')
    return parts


def events_chart(rows: Sequence[dict[str, Any]], *, width: int = 900, height: int = 260) -> Markup | None:
    """Stacked bars of events per day (or month) by type, with a legend; None when there is nothing to draw."""
    if not rows:
        return None
    buckets, bucket_of = _buckets([r["day"] for r in rows])
    totals: dict[str, int] = defaultdict(int)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        counts[bucket_of[row["day"]]][row["type"]] += row["count"]
        totals[row["type"]] += row["count"]
    types = sorted(totals, key=lambda t: (-totals[t], t))
    colour = colours(types)
    left, top, plot_w, plot_h = 40, 10, width - 50, height - 80
    y_max = max(sum(c.values()) for c in counts.values())
    bar_w = plot_w / len(buckets)
    body = _axes(left, top, plot_w, plot_h, y_max, buckets)
    for index, bucket in enumerate(buckets):
        y = top + plot_h
        for event_type in types:
            count = counts[bucket].get(event_type, 0)
            if not count:
                continue
            h = count * plot_h / y_max
            y -= h
            body.append(
                f'<rect x="{left + index * bar_w + 0.5:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 1):.1f}"'
                f' height="{h:.1f}" fill="{colour[event_type]}" data-type="{escape(event_type)}">'
                f"<title>{escape(bucket)} · {escape(event_type)}: {count}</title></rect>"
            )
    legend_y = height - 30
    x = left
    for event_type in types:
        body.append(f'<rect x="{x}" y="{legend_y}" width="10" height="10" fill="{colour[event_type]}"/>')
        body.append(f'<text x="{x + 14}" y="{legend_y + 9}">{escape(event_type)} ({totals[event_type]})</text>')
        x += 24 + 7 * (len(event_type) + len(str(totals[event_type])) + 3)
    unit = "day" if len(buckets[0]) == 10 else "month"
    return _frame(width, height, f"events per {unit} by type", body)


def timeline_chart(days: Sequence[dict[str, Any]], *, width: int = 900, height: int = 200) -> Markup | None:
    """Mentions per day (bars) and the entity's events (dots, one colour per type); None when empty."""
    if not days:
        return None
    buckets, bucket_of = _buckets([d["day"] for d in days])
    mentions: dict[str, int] = defaultdict(int)
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for day in days:
        mentions[bucket_of[day["day"]]] += day["mentions"]
        events[bucket_of[day["day"]]].extend(day["events"])
    type_totals: dict[str, int] = defaultdict(int)
    for found in events.values():
        for event in found:
            type_totals[event["type"]] += 1
    colour = colours(sorted(type_totals, key=lambda t: (-type_totals[t], t)))
    left, top, plot_w, plot_h = 40, 30, width - 50, height - 60
    y_max = max(max(mentions.values(), default=0), 1)
    bar_w = plot_w / len(buckets)
    body = _axes(left, top, plot_w, plot_h, y_max, buckets)
    for index, bucket in enumerate(buckets):
        x = left + index * bar_w
        if mentions.get(bucket):
            h = mentions[bucket] * plot_h / y_max
            body.append(
                f'<rect x="{x + 0.5:.1f}" y="{top + plot_h - h:.1f}" width="{max(bar_w - 1, 1):.1f}" height="{h:.1f}"'
                f' fill="#9ecae1" class="mentions"><title>{escape(bucket)}: {mentions[bucket]} mentions</title></rect>'
            )
        for n, event in enumerate(events.get(bucket, ())):
            body.append(
                f'<circle cx="{x + bar_w / 2:.1f}" cy="{top - 6 - 7 * (n % 3):.1f}" r="3.5"'
                f' fill="{colour[event["type"]]}" class="event"><title>{escape(bucket)} · {escape(event["type"])}:'
                f" {escape(event['trigger'])}</title></circle>"
            )
    return _frame(width, height, "mentions per day and events", body)


def network_chart(network: dict[str, Any], *, size: int = 520) -> Markup | None:
    """The entity (centre) and the people and organisations it shares articles with; None when it has none."""
    nodes, edges = network["nodes"], network["edges"]
    if len(nodes) < 2:
        return None
    centre, companions = nodes[0], nodes[1:]
    middle = size / 2
    ring = size / 2 - 70
    place = {centre["id"]: (middle, middle)}
    for index, node in enumerate(companions):
        angle = 2 * math.pi * index / len(companions) - math.pi / 2
        place[node["id"]] = (middle + ring * math.cos(angle), middle + ring * math.sin(angle))
    heaviest = max(e["weight"] for e in edges) if edges else 1
    body = []
    for edge in edges:
        (x1, y1), (x2, y2) = place[edge["source"]], place[edge["target"]]
        body.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#aaa"'
            f' stroke-width="{1 + 5 * edge["weight"] / heaviest:.1f}"><title>{edge["weight"]}</title></line>'
        )
    for node in nodes:
        x, y = place[node["id"]]
        radius = 14 if node is centre else 6 + 2 * math.sqrt(node["weight"])
        name = escape(node["name"])
        shared = "" if node is centre else f" · {node['weight']}"
        fill = TYPE_COLOURS.get(node["type"], OTHER_COLOUR)
        body.append(
            f'<a href="/web/entities/{int(node["id"])}" class="node" data-entity="{int(node["id"])}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{fill}"/>'
            f'<text x="{x:.1f}" y="{y + radius + 13:.1f}" text-anchor="middle" direction="rtl">{name}</text>'
            f"<title>{name} ({escape(node['type'])}){shared}</title></a>"
        )
    return _frame(size, size, "co-occurrence network", body)
