"""Fuzzing in CI: every stage and the command line on Arabic-heavy, hostile input (a few hundred examples each run).

The long run is bench/fuzz.py; every crash it finds becomes a test in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from khabar.stages import DEFAULT_STAGES

from . import fuzzing

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@pytest.mark.parametrize("stage", DEFAULT_STAGES)
def test_stage(stage: str) -> None:
    target = fuzzing.stage_target(stage)

    @FUZZ
    @given(fuzzing.STAGE_INPUT)
    def run(case: tuple[str, str | None]) -> None:
        target(*case)

    run()


@FUZZ
@given(fuzzing.ANALYZE_INPUT)
def test_analyze_command(case: tuple[bytes, bool]) -> None:
    fuzzing.analyze_target(*case)


@settings(FUZZ, max_examples=20)
@given(fuzzing.strategies.hostile_text)
def test_analyze_command_on_text(text: str) -> None:
    fuzzing.analyze_text_target(text)


@settings(FUZZ, max_examples=30)
@given(fuzzing.SHOW_INPUT)
def test_show_command(data: bytes) -> None:
    fuzzing.show_target(data)


@settings(FUZZ, max_examples=15)
@given(fuzzing.SEARCH_INPUT)
def test_search_command(case: tuple[str, list[str]]) -> None:
    fuzzing.search_target(*case)


@settings(FUZZ, max_examples=15)
@given(fuzzing.INGEST_INPUT)
def test_ingest_command(case: tuple[bytes, bool]) -> None:
    fuzzing.ingest_target(*case)


@settings(FUZZ, max_examples=15)
@given(fuzzing.BATCH_INPUT)
def test_batch_command(case: tuple[bytes, bool, int]) -> None:
    fuzzing.batch_target(*case)
