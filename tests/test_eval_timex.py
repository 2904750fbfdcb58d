"""The timex evaluation: checkers on hand-made cases, and the peer suite when ../shared/data is present."""

from __future__ import annotations

from pathlib import Path

from khabar.document import Quantity, Time
from khabar.evaluation.timex import check_duckling_number, check_duckling_time, score


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


def test_peer_suite(shared_data: Path) -> None:
    folder = shared_data / "timex"
    numbers = {r.name: r for r in score(folder, "numbers")}
    times = {r.name: r for r in score(folder, "times")}
    assert numbers["numeral.jsonl"].correct / numbers["numeral.jsonl"].total >= 0.99
    assert numbers["ordinal.jsonl"].correct / numbers["ordinal.jsonl"].total >= 0.99
    assert times["time.jsonl"].correct / times["time.jsonl"].total >= 0.8
    assert times["negative.jsonl"].correct == times["negative.jsonl"].total
