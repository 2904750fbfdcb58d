"""The long fuzz run: every pipeline stage and the command line on many generated inputs (Hypothesis).

    python bench/fuzz.py [--examples 3000] [--command-examples 500] [--only stage:events,analyze] [--seed N]
                         [--json figures.json]

Targets and strategies are those of the fuzz tests (tests/fuzzing.py, tests/strategies.py), with many more
examples. A failing example does not stop its target: every crash is recorded under its signature (the
exception's type and the innermost line of khabar, or of the check that failed), with the shortest input that
raised it, and the run goes on. The stages run in this process (a few ms an example); the commands run through
Typer's test runner with files in a temporary folder (about 0.1 s an example), hence fewer examples by default.
Prints, per target, the examples tried, the time taken and the distinct crashes with their shortest inputs;
exits 1 when any target crashed. Every crash found belongs in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests import fuzzing  # noqa: E402

from khabar.stages import DEFAULT_STAGES  # noqa: E402


@dataclass
class Crash:
    kind: str
    where: str
    message: str
    example: Any
    count: int = 0


@dataclass
class Figures:
    target: str
    examples: int = 0
    seconds: float = 0.0
    crashes: dict[str, Crash] = field(default_factory=dict)


def _where(error: BaseException) -> str:
    """The innermost frame of the traceback that is khabar's own code (else the innermost of all)."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if "/src/khabar/" in f.filename] or frames
    frame = own[-1]
    return f"{frame.filename.split('/src/')[-1]}:{frame.lineno} ({frame.name})" if frame else "?"


def _size(example: Any) -> int:
    return len(repr(example))


def targets() -> dict[str, tuple[Callable[..., None], st.SearchStrategy[Any]]]:
    found: dict[str, tuple[Callable[..., None], st.SearchStrategy[Any]]] = {
        f"stage:{name}": (fuzzing.stage_target(name), fuzzing.STAGE_INPUT) for name in DEFAULT_STAGES
    }
    found["analyze"] = (fuzzing.analyze_target, fuzzing.ANALYZE_INPUT)
    found["analyze-text"] = (lambda text: fuzzing.analyze_text_target(text), st.tuples(fuzzing.strategies.hostile_text))
    found["show"] = (lambda data: fuzzing.show_target(data), st.tuples(fuzzing.SHOW_INPUT))
    found["search"] = (fuzzing.search_target, fuzzing.SEARCH_INPUT)
    found["ingest"] = (fuzzing.ingest_target, fuzzing.INGEST_INPUT)
    found["batch"] = (fuzzing.batch_target, fuzzing.BATCH_INPUT)
    return found


def run(name: str, target: Callable[..., None], strategy: st.SearchStrategy[Any], examples: int, at: int) -> Figures:
    figures = Figures(name)

    @seed(at)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(strategy)
    def fuzz(case: Any) -> None:
        figures.examples += 1
        try:
            target(*case)
        except Exception as error:  # every crash is recorded, and the run goes on
            message = str(error).splitlines()[0][:200] if str(error) else ""
            kind = type(error).__name__
            where = _where(error)
            signature = f"{kind} at {where}"  # a failed check is told apart by its line
            crash = figures.crashes.setdefault(signature, Crash(kind, where, message, case))
            crash.count += 1
            if _size(case) < _size(crash.example):
                crash.example, crash.message = case, message

    started = time.perf_counter()
    fuzz()
    figures.seconds = time.perf_counter() - started
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=3000, help="Examples per stage.")
    parser.add_argument("--command-examples", type=int, default=500, help="Examples per command.")
    parser.add_argument("--only", default="", help="Comma-separated targets (default: all).")
    parser.add_argument("--seed", type=int, default=20261129, help="Hypothesis seed.")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()
    available = targets()
    chosen = [t.strip() for t in args.only.split(",") if t.strip()] or list(available)
    unknown = [t for t in chosen if t not in available]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; available: {', '.join(available)}")
    results = []
    for name in chosen:
        target, strategy = available[name]
        examples = args.examples if name.startswith("stage:") else args.command_examples
        figures = run(name, target, strategy, examples, args.seed)
        results.append(figures)
        print(f"{name:16s} {figures.examples:7d} examples {figures.seconds:8.1f} s  crashes {len(figures.crashes)}")
        for signature, crash in figures.crashes.items():
            print(f"    {signature}  (x{crash.count})\n      {crash.message}\n      shortest input: {crash.example!r}")
        sys.stdout.flush()
    total = sum(len(f.crashes) for f in results)
    print(f"total: {sum(f.examples for f in results)} examples, {total} distinct crash(es)")
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "target": f.target,
                        "examples": f.examples,
                        "seconds": round(f.seconds, 1),
                        "crashes": [
                            {"signature": s, "count": c.count, "message": c.message, "example": repr(c.example)}
                            for s, c in f.crashes.items()
                        ],
                    }
                    for f in results
                ],
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
