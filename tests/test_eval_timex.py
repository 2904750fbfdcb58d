"""The timex evaluation's checkers on hand-made cases (the scores on the peer suites: tests/quality)."""

from __future__ import annotations

from khabar.document import Quantity, Time
from khabar.evaluation.timex import check_duckling_number, check_duckling_time


def test_duckling_time_checker() -> None:
    case = {
        "text": "في أمس",
        "dim": "time",
        "expected": {"type": "value", "value": "2020-01-01T00:00:00.000+00:00", "grain": "day"},
    }
    right = Time(
        3, 6, "أمس", id="t1", type="DATE", begin="2020-01-01T00:00:00+00:00", until="2020-01-02T00:00:00+00:00"
    )
    wrong = Time(
        3, 6, "أمس", id="t1", type="DATE", begin="2020-01-01T00:00:00+00:00", until="2020-01-03T00:00:00+00:00"
    )
    assert check_duckling_time(case, [right])
    assert not check_duckling_time(case, [wrong])
    assert not check_duckling_time(case, [])


def test_duckling_number_checker() -> None:
    case = {"text": "x", "dim": "ordinal", "expected": {"type": "value", "value": 3}}
    assert check_duckling_number(case, [Quantity(0, 1, "x", id="n1", value=3, ordinal=True)])
    assert not check_duckling_number(case, [Quantity(0, 1, "x", id="n1", value=3)])


# The peer suites' floors are pinned in tests/quality/baseline.toml (the quality gate).
