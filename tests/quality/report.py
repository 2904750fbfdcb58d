"""The quality gate's table: every gated figure as measured now, next to its recorded score and its floor.

    python -m tests.quality.report            # the table (markdown), from the repository root
    python -m tests.quality.report --raise    # also raise, in baseline.toml, the score and floor of every figure
                                              # that rose (a floor is never lowered here: that needs a reason)

A raised floor sits :data:`MARGIN` points under the new score (never under the old floor).
"""

from __future__ import annotations

import argparse
import math
import re
import sys

from .test_gate import BASELINE, GATES, Gate, data_paths, figures, lookup

MARGIN = 0.7


def measure() -> list[tuple[Gate, float | None]]:
    rows = []
    for gate in GATES:
        if any(not path.exists() for path in data_paths(gate.command)):
            rows.append((gate, None))
            continue
        rows.append((gate, round(lookup(figures(gate.command), gate.key) * 100, 2)))
    return rows


def raise_scores(rows: list[tuple[Gate, float | None]]) -> int:
    text = BASELINE.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=\[\[eval\]\])", text)
    changed = 0
    for gate, measured in rows:
        if measured is None or measured <= gate.score:
            continue
        floor = max(gate.floor, math.floor((measured - MARGIN) * 10) / 10)
        for number, block in enumerate(blocks):
            if re.search(rf'(?m)^id = "{re.escape(gate.eval_id)}"$', block):
                line = re.compile(rf'\{{ key = "{re.escape(gate.key)}", score = [\d.]+, floor = [\d.]+')
                new = f'{{ key = "{gate.key}", score = {measured}, floor = {floor}'
                blocks[number], count = line.subn(new, block)
                changed += count
    BASELINE.write_text("".join(blocks), encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raise", dest="raise_", action="store_true", help="Raise the figures that rose.")
    args = parser.parse_args()
    rows = measure()
    print("| eval | figure | measured | score | floor | |")
    print("|---|---|---|---|---|---|")
    failing = 0
    for gate, measured in rows:
        if measured is None:
            status = "skipped (its gold set is absent)"
        elif measured < gate.floor - 1e-6:
            status, failing = "UNDER ITS FLOOR", failing + 1
        elif measured > gate.score + 1.0 + 1e-6:
            status, failing = "rose: raise it", failing + 1
        else:
            status = "ok"
        shown = "" if measured is None else f"{measured:.2f}"
        print(f"| `{gate.eval_id}` | {gate.key} | {shown} | {gate.score} | {gate.floor} | {status} |")
    if args.raise_:
        print(f"raised {raise_scores(rows)} figure(s) in {BASELINE}", file=sys.stderr)
    return 1 if failing and not args.raise_ else 0


if __name__ == "__main__":
    raise SystemExit(main())
