"""The quality gate: every ``khabar eval`` on the gold sets, each score held above the floor pinned in baseline.toml.

The rules are written at the top of baseline.toml. The commands run in this process (through Typer's test runner,
with ``--json``), so the pipeline and the models are loaded once for all of them; commands reading ../shared/data
are skipped when it is absent.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import tomllib
from collections.abc import Collection
from contextlib import chdir
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.cli.evaluate import eval_app

ROOT = Path(__file__).resolve().parents[2]
BASELINE = Path(__file__).with_name("baseline.toml")
BASELINE_IN_REPO = BASELINE.relative_to(ROOT).as_posix()
RISE = 1.0  # points a score may rise over its recorded score before the baseline must be raised
FAR = 3.0  # points a floor may sit under its score without a reason
EPSILON = 1e-6
HISTORY = 200  # commits of the baseline's history checked for floors lowered without a reason


@dataclass(frozen=True)
class Gate:
    eval_id: str
    command: str
    key: str
    score: float
    floor: float
    reason: str | None

    @property
    def name(self) -> str:
        return f"{self.eval_id}:{self.key}"


def parse(text: str) -> tuple[list[Gate], list[dict[str, Any]]]:
    """The gates of a baseline file's text, and its retired entries."""
    data = tomllib.loads(text)
    gates = [
        Gate(entry["id"], entry["command"], metric["key"], float(metric["score"]), float(metric["floor"]),
             metric.get("reason"))
        for entry in data.get("eval", [])
        for metric in entry.get("metrics", [])
    ]  # fmt: skip
    return gates, list(data.get("retired", []))


GATES, RETIRED = parse(BASELINE.read_text(encoding="utf-8"))


def shared_paths(command: str) -> list[Path]:
    """The paths of ``command`` under ../shared (resolved from the repository root)."""
    return [ROOT / word for word in shlex.split(command) if word.startswith("../shared/")]


def data_paths(command: str) -> list[Path]:
    """Every gold file or folder ``command`` reads: under ../shared, or tests/data (which the sdist leaves out)."""
    return [ROOT / word for word in shlex.split(command) if word.startswith(("../shared/", "tests/data/"))]


@cache
def figures(command: str) -> dict[str, Any]:
    """What ``command --json`` prints, run in the repository root."""
    words = shlex.split(command)
    assert words[:2] == ["khabar", "eval"], command
    with chdir(ROOT):
        result = CliRunner().invoke(app, [*words[1:], "--json"])
    assert result.exit_code == 0, f"{command} failed: {result.stderr or result.output}"
    return json.loads(result.stdout)


def lookup(found: dict[str, Any], key: str) -> float:
    value: Any = found
    for part in key.split("."):
        assert isinstance(value, dict) and part in value, f"no figure {key!r} in the output (at {part!r})"
        value = value[part]
    assert isinstance(value, int | float), f"{key!r} is not a number: {value!r}"
    return float(value)


@pytest.mark.parametrize("gate", GATES, ids=[g.name for g in GATES])
def test_score_keeps_its_floor(gate: Gate) -> None:
    missing = [path for path in data_paths(gate.command) if not path.exists()]
    if missing:
        pytest.skip(f"{missing[0]} is not present (a clone without ../shared/data, or an sdist without tests/data)")
    measured = round(lookup(figures(gate.command), gate.key) * 100, 4)
    assert measured >= gate.floor - EPSILON, (
        f"{gate.name} fell to {measured:.2f}, under its floor {gate.floor} (recorded {gate.score}):"
        f" `{gate.command}`. Fix the regression, or lower the floor in {BASELINE_IN_REPO} with a reason."
    )
    assert measured <= gate.score + RISE + EPSILON, (
        f"{gate.name} rose to {measured:.2f} from {gate.score}: raise its score and floor in {BASELINE_IN_REPO}"
        " in this commit, so the gain is kept."
    )


def check_file(gates: list[Gate]) -> list[str]:
    """What is wrong with a baseline's gates, one message each."""
    problems = []
    names = [g.name for g in gates]
    problems += [f"{name} is listed twice" for name in sorted({n for n in names if names.count(n) > 1})]
    commands = {}
    for gate in gates:
        if commands.setdefault(gate.eval_id, gate.command) != gate.command:
            problems.append(f"eval {gate.eval_id} has two commands")
        if not gate.command.startswith("khabar eval "):
            problems.append(f"{gate.name}: the command must be a `khabar eval` command, not {gate.command!r}")
        if gate.floor > gate.score:
            problems.append(f"{gate.name}: floor {gate.floor} is over its score {gate.score}")
        if gate.reason is not None and not gate.reason.strip():
            problems.append(f"{gate.name}: an empty reason")
        if gate.score - gate.floor > FAR + EPSILON and not gate.reason:
            problems.append(f"{gate.name}: floor {gate.floor} is far under its score {gate.score}: give a reason")
    return problems


def test_the_baseline_is_well_formed() -> None:
    assert GATES
    assert not check_file(GATES)
    for entry in RETIRED:
        assert {"id", "key", "reason"} <= set(entry) and entry["reason"].strip(), entry


def test_every_eval_command_is_gated() -> None:
    commands = {c.name or (c.callback.__name__ if c.callback else "") for c in eval_app.registered_commands}
    gated = {shlex.split(g.command)[2] for g in GATES}
    assert commands <= gated, f"not in the gate: {sorted(commands - gated)}"
    assert any(not shared_paths(g.command) for g in GATES), "at least one gold set that ships must be gated"


def lowered_without_reason(before: str, after: str, explained: Collection[str] = ()) -> list[str]:
    """Floors of ``before`` that ``after`` lowers, or drops without retiring, with no reason given (in ``after``,
    or for the names in ``explained``: those with a reason in today's file)."""
    old, _ = parse(before)
    new, retired = parse(after)
    new_by_name = {g.name: g for g in new}
    retired_names = {f"{r.get('id')}:{r.get('key')}" for r in retired if str(r.get("reason", "")).strip()}
    retired_evals = {f"{r.get('id')}:*" for r in retired if str(r.get("reason", "")).strip()}
    problems = []
    for gate in old:
        now = new_by_name.get(gate.name)
        if now is None:
            if gate.name not in retired_names and f"{gate.eval_id}:*" not in retired_evals:
                problems.append(f"{gate.name} was removed without a [[retired]] entry and its reason")
        elif now.floor < gate.floor - EPSILON and not (now.reason or "").strip() and gate.name not in explained:
            problems.append(f"{gate.name}: floor lowered from {gate.floor} to {now.floor} without a reason")
    return problems


def test_the_lowering_rule_itself() -> None:
    before = (
        '[[eval]]\nid = "x"\ncommand = "khabar eval clitics g"\nmetrics = [{ key = "a", score = 90, floor = 89 }]\n'
    )
    assert lowered_without_reason(before, before.replace("floor = 89", "floor = 89.5")) == []
    assert lowered_without_reason(before, before.replace("floor = 89", "floor = 80"))
    assert not lowered_without_reason(before, before.replace("floor = 89", 'floor = 80, reason = "new gold set"'))
    assert lowered_without_reason(before, before.replace('key = "a"', 'key = "b"'))
    retired = before.replace('key = "a"', 'key = "b"') + '[[retired]]\nid = "x"\nkey = "a"\nreason = "gone"\n'
    assert not lowered_without_reason(before, retired)


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def test_no_floor_is_lowered_without_a_reason() -> None:
    """Against the committed baseline, and between each commit of its history and the one before it (a lowering
    committed without a reason is forgiven once today's file gives one)."""
    if shutil.which("git") is None or _git("rev-parse", "--is-inside-work-tree") is None:
        pytest.skip("not a git checkout: the history of the baseline cannot be read")
    problems = []
    explained = {g.name for g in GATES if (g.reason or "").strip()}  # a reason given later covers a past lowering
    committed = _git("show", f"HEAD:{BASELINE_IN_REPO}")
    if committed is not None:
        problems += [f"working tree: {p}" for p in lowered_without_reason(committed, BASELINE.read_text("utf-8"))]
    commits = (_git("log", f"-{HISTORY}", "--format=%H", "--", BASELINE_IN_REPO) or "").split()
    for commit in commits:
        after = _git("show", f"{commit}:{BASELINE_IN_REPO}")
        before = _git("show", f"{commit}^:{BASELINE_IN_REPO}")
        if after is None or before is None:
            continue  # the commit that added the file, or one that removed it
        problems += [f"commit {commit[:10]}: {p}" for p in lowered_without_reason(before, after, explained)]
    assert not problems, "\n".join(problems)
