"""The clitic analysis against 400 hand-labelled news tokens (tests/data/clitics_gold.tsv)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import app
from khabar.evaluation.clitics import read_gold, score

GOLD = Path(__file__).resolve().parent / "data" / "clitics_gold.tsv"
# The accuracy's floor is pinned in tests/quality/baseline.toml (the quality gate).


def test_the_gold_file_is_read_whole() -> None:
    result = score(read_gold(GOLD))
    assert result.total == 400 and result.correct + len(result.errors) == 400


def test_eval_command_prints_the_figures() -> None:
    result = CliRunner().invoke(app, ["eval", "clitics", str(GOLD), "--errors"])
    assert result.exit_code == 0, result.stderr
    assert "accuracy" in result.stdout and "/400)" in result.stdout


def test_eval_command_refuses_an_unlabelled_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text("surface\tproclitics\tstem\tenclitic\nوقال\t\t\t\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "clitics", str(path)])
    assert result.exit_code == 1 and "line 2" in result.stderr
