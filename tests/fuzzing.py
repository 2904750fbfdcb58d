"""Fuzz targets: every pipeline stage and the command line, each with what must hold whatever the input.

A stage target runs the default pipeline up to and including that stage on one text, then checks the layers the
stage provides (spans match the text, ids refer to what exists, values can be written as JSON) and that the
document survives its khabar/1 JSON round trip. A command target runs a ``khabar`` command on one input file:
it must succeed or fail with a message (exit 1 or 2, never a traceback), and what it writes must be khabar/1.

Shared by tests/test_fuzz.py (a few hundred examples in CI) and bench/fuzz.py (the long run).
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from typer.testing import CliRunner

from khabar.cli import app
from khabar.document import ENTITY_TYPES, MODALITIES, QUOTE_KINDS, TIME_TYPES, Document
from khabar.events.lexicon import PLOVER_TYPES
from khabar.pipeline import Pipeline, default_pipeline
from khabar.stages import DEFAULT_STAGES
from khabar.text.normalise import DEFAULT, MATCHING, NormaliseOptions, fold, normalise

from . import strategies

ALL_OPTIONS = (DEFAULT, MATCHING, NormaliseOptions(alef=False), NormaliseOptions(True, True, True, True))
# A TIMEX3 value: a date or time at its grain (2021, 2021-03, 2021-W10, 2021-03-10T09:00, XXXX-WXX-3), a
# decade (202), a duration or a set (P3D, PT2H, R/P1W), a reference (PRESENT_REF), a range (2021-03-10/2021-03-12).
_TIMEX = re.compile(r"(?:(?:\d{4}|XXXX)(?:[-T/].*)?|\d{3}|P.+|R.*|(?:PRESENT|FUTURE|PAST)_REF)")


@cache
def pipeline() -> Pipeline:
    return default_pipeline()


def run_until(stage: str, text: str, published: str | None = None) -> Document:
    """The document after the default pipeline's stages up to and including ``stage``."""
    doc = Document(text, published=published)
    for each in pipeline().stages:
        doc = each(doc)
        if each.name == stage:
            return doc
    raise KeyError(stage)


# ------------------------------------------------------------------------------------------------- checks


def _spans(doc: Document, items: Any, layer: str) -> None:
    for item in items:
        assert 0 <= item.start <= item.end <= len(doc.text), f"{layer}: {item} is outside the text"
        assert doc.text[item.start : item.end] == item.text, f"{layer}: {item} does not match the text"


def _in_order(items: Any, layer: str) -> None:
    previous = 0
    for item in items:
        assert item.start >= previous, f"{layer} overlap or go backwards at {item}"
        previous = item.end


def _unique_ids(items: Any, layer: str) -> set[str]:
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids)), f"{layer}: repeated ids {ids}"
    return set(ids)


def check_normalise(doc: Document) -> None:
    text = doc.text
    for options in ALL_OPTIONS:
        view = normalise(text, options)
        assert view.text == fold(text, options)
        assert view.offsets.to_original(len(view.text)) == len(text)
        for start in range(0, len(view.text) + 1, 11):
            end = min(len(view.text), start + 5)
            s, e = view.to_original(start, end)
            assert 0 <= s <= e <= len(text)
            assert view.text[start:end] in fold(text[s:e], options)


def check_segment(doc: Document) -> None:
    _spans(doc, doc.paragraphs, "paragraphs")
    _spans(doc, doc.sentences, "sentences")
    _in_order(doc.paragraphs, "paragraphs")
    _in_order(doc.sentences, "sentences")
    for sentence in doc.sentences:
        assert sentence.text and sentence.text == sentence.text.strip(), f"sentence not trimmed: {sentence}"
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in doc.paragraphs), sentence


def check_tokenise(doc: Document) -> None:
    _spans(doc, doc.tokens, "tokens")
    _in_order(doc.tokens, "tokens")
    for token in doc.tokens:
        pieces = [
            *token.proclitics,
            *([token.stem] if token.stem else []),
            *([token.enclitic] if token.enclitic else []),
        ]
        _spans(doc, pieces, "clitics")
        if pieces:
            assert pieces[0].start == token.start and pieces[-1].end == token.end, token
            for before, after in itertools.pairwise(pieces):
                assert before.end == after.start, f"clitic pieces leave a gap in {token}"


def check_numbers(doc: Document) -> None:
    _spans(doc, doc.quantities, "quantities")
    _unique_ids(doc.quantities, "quantities")
    for q in doc.quantities:
        assert q.value is None or (isinstance(q.value, int | float) and math.isfinite(q.value)), q


def check_times(doc: Document) -> None:
    _spans(doc, doc.times, "times")
    _unique_ids(doc.times, "times")
    for t in doc.times:
        assert t.type in TIME_TYPES, t
        assert t.value is None or _TIMEX.fullmatch(t.value), f"not a TIMEX3 value: {t}"
        if t.begin is not None and t.until is not None:
            assert datetime.fromisoformat(t.begin) <= datetime.fromisoformat(t.until), t


def check_entities(doc: Document) -> None:
    _spans(doc, doc.mentions, "mentions")
    _unique_ids(doc.mentions, "mentions")
    for m in doc.mentions:
        assert m.type in ENTITY_TYPES and m.text.strip(), m


def check_resolve(doc: Document) -> None:
    check_entities(doc)
    entity_ids = _unique_ids(doc.entities, "entities")
    mention_ids = {m.id for m in doc.mentions}
    for m in doc.mentions:
        assert m.entity is None or m.entity in entity_ids, m
        assert set(m.refers) <= entity_ids, m
    for e in doc.entities:
        assert e.type in ENTITY_TYPES and e.name, e
        assert set(e.mentions) <= mention_ids, e
        assert all(r.of is None or r.of in entity_ids for r in e.roles), e


def check_quotes(doc: Document) -> None:
    entity_ids = {e.id for e in doc.entities}
    _spans(doc, doc.quotes, "quotes")
    _unique_ids(doc.quotes, "quotes")
    for q in doc.quotes:
        assert q.kind in QUOTE_KINDS, q
        assert q.speaker is None or q.speaker in entity_ids, q
        assert set(q.speakers) <= entity_ids, q
        if q.cue is not None:
            _spans(doc, [q.cue], "quote cues")
    _spans(doc, doc.sources, "sources")
    for s in doc.sources:
        assert s.entity is None or s.entity in entity_ids, s


def check_events(doc: Document) -> None:
    entity_ids = {e.id for e in doc.entities}
    _unique_ids(doc.events, "events")
    for v in doc.events:
        assert v.type in PLOVER_TYPES and v.modality in MODALITIES, v
        _spans(doc, [v.trigger, v.evidence, *v.evidences], "event triggers and evidence")
        assert set(v.actors) <= entity_ids and set(v.recipients) <= entity_ids, v
        assert v.location is None or v.location in entity_ids, v
        assert v.date is None or _TIMEX.fullmatch(v.date), v


CHECKS: dict[str, Callable[[Document], None]] = {
    "normalise": check_normalise,
    "segment": check_segment,
    "tokenise": check_tokenise,
    "numbers": check_numbers,
    "times": check_times,
    "entities": check_entities,
    "resolve": check_resolve,
    "quotes": check_quotes,
    "events": check_events,
}
assert tuple(CHECKS) == DEFAULT_STAGES, "a stage without fuzz checks"


def check_json(doc: Document) -> None:
    """The document is valid JSON (no NaN, no lone surrogate) and reads back as itself."""
    data = doc.to_dict(tokens=True)
    encoded = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
    assert Document.from_dict(json.loads(encoded)).to_dict(tokens=True) == data


def stage_target(stage: str) -> Callable[[str, str | None], None]:
    """What must hold after ``stage`` for any text and publication date."""

    def target(text: str, published: str | None) -> None:
        doc = run_until(stage, text, published)
        CHECKS[stage](doc)
        check_json(doc)

    target.__name__ = f"stage_{stage}"
    return target


STAGE_INPUT = st.tuples(strategies.hostile_text, strategies.published)


# ---------------------------------------------------------------------------------------------- commands

_runner = CliRunner()


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


def run_command(args: list[str], data: bytes, name: str = "input.jsonl") -> Outcome:
    """``khabar *args`` on a file holding ``data`` (its path replaces ``{input}`` in ``args``)."""
    with tempfile.TemporaryDirectory(prefix="khabar-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        words = [arg.replace("{input}", str(path)).replace("{folder}", folder) for arg in args]
        result = _runner.invoke(app, words, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        outcome = Outcome(result.exit_code, result.stdout, result.stderr)
        if Path(folder, "out.jsonl").exists():
            outcome.stdout = Path(folder, "out.jsonl").read_text(encoding="utf-8")
        return outcome


def check_outcome(outcome: Outcome) -> None:
    assert outcome.exit_code in (0, 1), f"exit {outcome.exit_code}: {outcome.stderr}"
    assert "Traceback" not in outcome.stderr, outcome.stderr
    if outcome.exit_code == 1:
        assert "error:" in outcome.stderr, outcome.stderr


def analyze_target(data: bytes, skip_bad: bool) -> None:
    """``khabar analyze`` on any JSONL bytes: khabar/1 lines out, or a message naming the problem."""
    args = ["analyze", "{input}", "--quiet", "--out", "{folder}/out.jsonl", *(["--skip-bad"] if skip_bad else [])]
    outcome = run_command(args, data)
    check_outcome(outcome)
    if outcome.exit_code == 0:
        for line in outcome.stdout.split("\n"):  # not splitlines(): U+0085 and U+2028 may be in the text
            if line:
                Document.from_dict(json.loads(line))
    else:
        assert re.search(r"line \d+|empty input|no readable article|binary file", outcome.stderr), outcome.stderr


def show_target(data: bytes) -> None:
    """``khabar show`` on any bytes: a summary, or a message naming the bad line."""
    check_outcome(run_command(["show", "{input}"], data))


def analyze_text_target(text: str) -> None:
    """``khabar analyze`` on a text file."""
    outcome = run_command(["analyze", "{input}", "--quiet", "--format", "text"], text.encode("utf-8"), "in.txt")
    check_outcome(outcome)


ANALYZE_INPUT = st.tuples(strategies.jsonl_file(), st.booleans())
SHOW_INPUT = st.one_of(
    strategies.jsonl_file(),
    st.builds(
        lambda text: json.dumps(pipeline().analyze(text).to_dict(), ensure_ascii=False).encode(), strategies.news_text()
    ),
    st.builds(
        lambda text, cut: json.dumps(pipeline().analyze(text).to_dict()).encode()[:cut],
        strategies.news_text(),
        st.integers(0, 400),
    ),
)


@cache
def _store() -> Path:
    """A small store of the bundled examples, made once per process (searched, never written)."""
    from khabar.store import Store

    path = Path(tempfile.mkdtemp(prefix="khabar-fuzz-store-")) / "k.db"
    with Store(path) as store:
        store.ingest([Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"])
    return path


def search_target(query: str, options: list[str]) -> None:
    """``khabar search`` with any query and filters: results, or a message (exit 1 or 2 for a bad option)."""
    result = _runner.invoke(app, ["search", query, "--db", str(_store()), *options], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.stderr, result.stderr
    if "--json" in options and result.exit_code == 0:
        json.loads(result.stdout)


def ingest_target(data: bytes, split: bool) -> None:
    """``khabar ingest`` of any JSONL bytes into a new store: stored, or each bad line recorded with its number."""
    options = ["--too-long", "split", "--max-bytes", "300"] if split else []
    args = ["ingest", "{input}", "--db", "{folder}/k.db", "--quiet", "--workers", "1", *options]
    outcome = run_command(args, data)
    check_outcome(outcome)


def batch_target(data: bytes, split: bool, partition_size: int) -> None:
    """``khabar batch`` of any JSONL bytes: every non-blank line is in the documents or the errors table (or both,
    for an article split in parts that fails part-way), and the tables and the JSONL output agree."""
    import pyarrow.parquet as pq

    options = ["--too-long", "split", "--max-bytes", "300"] if split else []
    args = ["batch", "{input}", "--out", "{folder}/out", "--quiet", "--workers", "1", "--jsonl", *options,
            "--partition-size", str(partition_size)]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="khabar-fuzz-") as folder:
        path = Path(folder) / "input.jsonl"
        path.write_bytes(data)
        words = [arg.replace("{input}", str(path)).replace("{folder}", folder) for arg in args]
        result = _runner.invoke(app, words, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        check_outcome(Outcome(result.exit_code, result.stdout, result.stderr))
        assert result.exit_code == 0, result.stderr
        out = Path(folder) / "out"
        documents = pq.ParquetDataset(out / "documents").read().to_pylist()
        errors = pq.ParquetDataset(out / "errors").read().to_pylist()
        if any(row["origin"] == str(path) for row in errors):
            return  # a file that cannot be read (empty, or a broken gzip stream): an error names it, with where
        lines = {n for n, raw in enumerate(data.split(b"\n"), start=1) if raw.strip()}
        seen = {int(re.sub(r"#part\d+$", "", row["origin"]).rsplit(":", 1)[1]) for row in documents + errors}
        assert seen == lines, f"lines {sorted(lines)} but the tables hold {sorted(seen)}"
        written = [
            Document.from_dict(json.loads(line))
            for file in sorted((out / "jsonl").glob("*.jsonl.gz"))
            for line in gzip.decompress(file.read_bytes()).decode("utf-8").split("\n")
            if line
        ]
        assert sorted(d.id or "" for d in written) == sorted(row["doc_id"] for row in documents)
        ids = {row["doc_id"] for row in documents}
        for table in ("mentions", "times", "quantities", "quotes", "events", "doc_entities"):
            assert {row["doc_id"] for row in pq.ParquetDataset(out / table).read().to_pylist()} <= ids, table


_filters = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["--from", "--to"]), st.one_of(strategies.published.map(str), st.text(max_size=12))),
        st.tuples(st.sampled_from(["--source", "--event-type"]), strategies.hostile_text),
        st.tuples(st.just("--entity"), st.integers(-5, 10**12).map(str)),
        st.tuples(st.just("--page"), st.integers(-1, 10**9).map(str)),
        st.tuples(st.just("--json"), st.just("")),
    ),
    max_size=3,
).map(lambda pairs: [word for flag, value in pairs for word in ([flag] if flag == "--json" else [flag, value])])
SEARCH_INPUT = st.tuples(
    st.one_of(strategies.hostile_text, st.sampled_from(['"', "NEAR(", "*", "' OR 1=1 --"])), _filters
)
INGEST_INPUT = st.tuples(strategies.jsonl_file(), st.booleans())
BATCH_INPUT = st.tuples(strategies.jsonl_file(), st.booleans(), st.integers(1, 4))
