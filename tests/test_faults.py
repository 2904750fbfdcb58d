"""Faults survived: an ingest or a batch killed at random points, a full disk, an output that cannot be written, a
corrupt gzip, an article of 100 MB.

- Killed (SIGKILL) anywhere, at random SQL statements (a forked ingest that kills itself) or at random moments
  (the real command with worker processes, killed from outside), then rerun: the store ends exactly as an
  ingest that was never killed left it; no article lost, none stored twice, and after every kill each stored
  article is whole. A batch killed the same way and rerun holds every article exactly once in every table, as a
  clean run does.
- A full disk or an output that cannot be written stops the command with a message naming the file and the
  reason (exit 1, no traceback), leaves what was there, and a rerun finishes the job.
- A corrupt line of a JSONL.gz is reported with its number; so is the line where a damaged gzip stream stops.
- An article of 100 MB is refused without being read into memory, or, with ``--too-long split``, read as a
  stream in parts, in memory bounded by the limit.

Random points come from a seed printed in every failure message (``KHABAR_FAULT_SEED`` replays one).
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from khabar.cli import app
from khabar.errors import InputError
from khabar.readers import BadRecord, read_jsonl, read_text
from khabar.store import Store
from khabar.store import ingest as ingest_module

from .conftest import processes_mentioning

ROOT = Path(__file__).resolve().parents[1]
JAWHARA = ROOT / "examples" / "jawharafm.jsonl"
SEED = int(os.environ.get("KHABAR_FAULT_SEED", random.SystemRandom().randrange(10**9)))
LAYERS = ("mentions", "times", "quantities", "quotes", "events", "event_entities", "doc_entities")
runner = CliRunner()


# ------------------------------------------------------------------------------------------------- input


def records() -> list[dict[str, Any]]:
    """40 real articles (shortened), a copy under another id, a near-copy, an article without id."""
    with JAWHARA.open(encoding="utf-8") as handle:
        articles = [json.loads(line) for _, line in zip(range(40), handle, strict=False)]
    for article in articles:
        article["text"] = article["text"][:700]
    copy = {**articles[3], "id": "copy-of-3"}
    near = {**articles[5], "id": "near-copy-of-5", "text": articles[5]["text"] + "\n(وكالات)"}
    anonymous = {"text": "قال المتحدث باسم الوزارة إن الاجتماع عقد أمس في تونس.", "published": "2021-03-10"}
    return [*articles[:20], copy, near, anonymous, *articles[20:]]


def write_input(folder: Path) -> Path:
    """The articles as JSONL, with a line that is not JSON and one holding a lone surrogate escape."""
    lines = [json.dumps(r, ensure_ascii=False) for r in records()]
    lines.insert(10, "{not json")
    lines.insert(30, '{"id": "lone", "text": "\\ud800 نص"}')
    path = folder / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> dict[str, Any]:
    """What a store holds, by article id (its pks and the times of ingest left out)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        id_of = dict(con.execute("SELECT pk, id FROM documents"))
        documents = {
            doc_id: (text, id_of.get(copied))
            for doc_id, text, copied in con.execute("SELECT id, json, duplicate_of FROM documents")
        }
        layers = {table: Counter(id_of[pk] for (pk,) in con.execute(f"SELECT doc FROM {table}")) for table in LAYERS}
        return {
            "documents": documents,
            "layers": layers,
            "fts": con.execute("SELECT count(*) FROM documents_fts").fetchone()[0],
            "entities": sorted(con.execute("SELECT key, type, name, name_latn FROM entities")),
            "names": sorted(
                con.execute("SELECT e.key, n.name, n.count FROM entity_names n JOIN entities e ON e.pk = n.entity")
            ),
            "errors": dict(con.execute("SELECT origin, reason FROM errors")),
        }


def check_consistent(db: Path, reference: dict[str, Any], note: str) -> dict[str, Any]:
    """A store left by a killed ingest: sound, and each article in it whole and as the reference has it."""
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", note
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "documents" not in tables:  # killed while the store was being made: it is made whole or not at all
        assert not tables, f"{note}: a store half made: {sorted(tables)}"
        return {"documents": {}}
    found = snapshot(db)
    for doc_id, stored in found["documents"].items():
        assert reference["documents"].get(doc_id) == stored, f"{note}: {doc_id} differs from an unbroken ingest"
        for table in LAYERS:
            assert found["layers"][table][doc_id] == reference["layers"][table][doc_id], f"{note}: {table} {doc_id}"
    originals = sum(1 for _, copied in found["documents"].values() if copied is None)
    assert found["fts"] == originals, note
    assert set(found["errors"]) <= set(reference["errors"]), note
    return found


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_input(tmp_path_factory.mktemp("faults"))


@pytest.fixture(scope="module")
def small_source(source: Path) -> Path:
    """The first six lines of the input (for commands run in a process of their own)."""
    path = source.with_name("small.jsonl")
    path.write_text("".join(source.read_text(encoding="utf-8").splitlines(keepends=True)[:6]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(source: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The store an ingest that is never interrupted leaves."""
    db = tmp_path_factory.mktemp("reference") / "k.db"
    with Store(db) as store:
        report = store.ingest([source], batch_size=3)
    assert report.added == 42 and report.unchanged == 1 and len(report.failed) == 2
    found = snapshot(db)
    assert len(found["documents"]) == 42 and len(found["errors"]) == 2
    return found


# -------------------------------------------------------------------------------------- killed, rerun


def statements_of_a_full_ingest(source: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    counted = [0]
    original = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = original(*args, **kwargs)
        connection.set_trace_callback(lambda _: counted.__setitem__(0, counted[0] + 1))
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    with Store(folder / "count.db") as store:
        store.ingest([source], batch_size=3)
    monkeypatch.undo()
    return counted[0]


def ingest_killed_at(db: Path, source: Path, statement: int) -> bool:
    """Ingest in a forked process that kills itself (SIGKILL) as it is about to run its ``statement``-th SQL
    statement; whether it was killed (False: it finished first)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 3
        try:
            counted = [0]
            original = sqlite3.connect

            def trace(_: str) -> None:
                counted[0] += 1
                if counted[0] == statement:
                    os.kill(os.getpid(), signal.SIGKILL)

            def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
                connection = original(*args, **kwargs)
                connection.set_trace_callback(trace)
                return connection

            sqlite3.connect = connect  # type: ignore[assignment]
            with Store(db) as store:
                store.ingest([source], batch_size=3)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 0, f"the ingest failed (exit {os.WEXITSTATUS(status)})"
    return False


def test_ingest_killed_at_random_statements_then_rerun_loses_and_repeats_nothing(
    source: Path, reference: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = statements_of_a_full_ingest(source, tmp_path, monkeypatch)
    rng = random.Random(SEED)
    kills = 0
    for episode in range(3):
        db = tmp_path / f"episode{episode}.db"
        for attempt in range(12):
            point = rng.randint(1, total)
            note = f"seed {SEED}, episode {episode}, attempt {attempt}, killed at statement {point} of {total}"
            if not ingest_killed_at(db, source, point):
                break
            kills += 1
            if db.exists():
                check_consistent(db, reference, note)
        with Store(db) as store:
            store.ingest([source], batch_size=3)
        assert snapshot(db) == reference, f"seed {SEED}, episode {episode}: the rerun did not finish the job"
    assert kills >= 3, f"seed {SEED}: only {kills} kills landed"


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as reader:
            return reader.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return -1


def kill_when(command: list[str], reached: Callable[[], int], target: int, delay: float) -> None:
    """Run ``command`` and kill it (SIGKILL) once ``reached()`` is at least ``target`` (or it has ended, or two
    minutes have passed), after ``delay`` seconds more."""
    process = subprocess.Popen(command)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and reached() < target:
            time.sleep(0.02)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)


def assert_workers_gone(path: Path, message: str) -> None:
    """No process mentioning ``path`` is left within 10 s: the workers of a killed command notice and exit."""
    deadline = time.monotonic() + 10
    while processes_mentioning(str(path)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not processes_mentioning(str(path)), message


def test_the_command_killed_at_random_moments_then_rerun(
    source: Path, reference: dict[str, Any], tmp_path: Path
) -> None:
    """The real command with two worker processes, killed from outside while it stores (at a random number of
    stored articles, plus a random delay), twice, then run again."""
    rng = random.Random(SEED + 1)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "khabar", "ingest", str(source), "--db", str(db), "--batch-size", "3", "-q",
               "--workers", "2"]  # fmt: skip
    for round_number in range(2):
        target = rng.randint(0, 30)
        delay = rng.uniform(0, 0.3)
        note = f"seed {SEED}, round {round_number}: killed after {target} articles + {delay:.2f} s"
        kill_when(command, lambda: stored(db), target, delay)
        if db.exists():
            check_consistent(db, reference, note)
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert snapshot(db) == reference, f"seed {SEED}: the rerun did not finish the job"
    assert_workers_gone(db, "worker processes outlived the killed ingest")


def batch_tables(out: Path) -> dict[str, Counter]:
    """What a batch output holds: each table's rows counted by article (errors by where they came from)."""
    import pyarrow.parquet as pq

    found = {}
    for table, column in (("documents", "doc_id"), ("mentions", "doc_id"), ("events", "doc_id"), ("errors", "origin")):
        found[table] = Counter(str(r[column]) for r in pq.ParquetDataset(out / table).read().to_pylist())
    return found


def finished_partitions(out: Path) -> int:
    return len(list((out / "_done").glob("*.json"))) if (out / "_done").is_dir() else 0


def test_the_batch_killed_at_random_moments_then_rerun(source: Path, tmp_path: Path) -> None:
    """``khabar batch`` with two workers, killed from outside (after a random number of finished partitions, plus a
    random delay), twice, then run again: every table holds each article exactly once, as a clean run does."""
    rng = random.Random(SEED + 2)
    base = [sys.executable, "-m", "khabar", "batch", str(source), "--workers", "2", "--partition-size", "4", "-q"]
    clean = subprocess.run([*base, "--out", str(tmp_path / "clean")], capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    expected = batch_tables(tmp_path / "clean")
    out = tmp_path / "killed"
    for _ in range(2):
        target = rng.randint(0, 6)
        delay = rng.uniform(0, 0.5)
        kill_when([*base, "--out", str(out)], lambda: finished_partitions(out), target, delay)
    done = subprocess.run([*base, "--out", str(out)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"seed {SEED}: {done.stderr}"
    assert batch_tables(out) == expected, f"seed {SEED}: the rerun lost or repeated articles"
    assert_workers_gone(out, "worker processes outlived the killed batch")


# ------------------------------------------------------------------------------ full disk, unwritable


def test_a_full_disk_stops_the_ingest_with_a_message_and_a_rerun_finishes(
    source: Path, reference: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "full.db"
    Store(db).close()
    original = ingest_module.connect

    def small_disk(path: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = original(path, **kwargs)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + 60}")  # room for a few batches, not all
        return connection

    monkeypatch.setattr(ingest_module, "connect", small_disk)
    result = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--batch-size", "3", "--workers", "1", "-q"])
    assert result.exit_code == 1, result.output
    assert f"cannot write the store {db}" in result.stderr and "disk is full" in result.stderr, result.stderr
    partial = check_consistent(db, reference, "after a full disk")
    assert 0 < len(partial["documents"]) < 42
    monkeypatch.undo()
    with Store(db) as store:
        store.ingest([source], batch_size=3)
    assert snapshot(db) == reference


@contextmanager
def file_size_limit(max_file_bytes: int) -> Iterator[None]:
    """This process may write files of at most ``max_file_bytes`` for a while (a disk that fills up): a write
    past the limit fails with EFBIG (SIGXFSZ, which would kill the process, is ignored meanwhile)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


def test_a_file_size_limit_stops_the_commands_cleanly(small_source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")
    with file_size_limit(20_000):
        result = runner.invoke(app, ["analyze", str(small_source), "--skip-bad", "-q", "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert f"cannot write {out}: File too large" in result.stderr and "left as it was" in result.stderr, result.stderr
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert not list(tmp_path.glob(".khabar-*")), "a temporary file was left behind"
    db = tmp_path / "k.db"
    with file_size_limit(150_000):
        result = runner.invoke(app, ["ingest", str(small_source), "--db", str(db), "-q", "--workers", "1",
                                     "--batch-size", "1"])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert f"the store {db}" in result.stderr and "is it full?" in result.stderr, result.stderr


def test_standard_output_on_a_full_device(small_source: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "khabar", "analyze", str(small_source), "--skip-bad", "-q"],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=300, check=False,
        )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "cannot write standard output: No space left on device (the disk is full)" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    result = runner.invoke(app, ["analyze", str(small_source), "--skip-bad", "-q", "--out", "/dev/full"])
    assert result.exit_code == 1 and "cannot write /dev/full: No space left on device" in result.stderr


@pytest.fixture(scope="module")
def batch_reference(source: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter]:
    out = tmp_path_factory.mktemp("batch") / "clean"
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--workers", "1", "--partition-size", "4"])
    assert result.exit_code == 0, result.stderr
    return batch_tables(out)


def test_a_full_disk_stops_the_batch_with_a_message_and_a_rerun_finishes(
    source: Path, batch_reference: dict[str, Counter], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up after a few partitions: the batch stops at once, naming the file it could not write and
    keeping what is finished; once there is room, the same command finishes the job as a clean run does."""
    import khabar.batch.worker as worker_module

    original = worker_module.write_atomic
    room = [150_000]  # bytes the disk still takes: a few partitions, not all

    def filling_disk(path: Path, write: Any) -> None:
        def write_until_full(tmp: Path) -> None:
            write(tmp)
            room[0] -= tmp.stat().st_size
            if room[0] < 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp))

        original(path, write_until_full)

    monkeypatch.setattr(worker_module, "write_atomic", filling_disk)
    out = tmp_path / "out"
    command = ["batch", str(source), "--out", str(out), "--workers", "1", "--partition-size", "4", "--jsonl"]
    result = runner.invoke(app, command)
    assert result.exit_code == 1, result.output
    assert f"cannot write {out.resolve()}" in result.stderr and "(the disk is full)" in result.stderr, result.stderr
    finished, partitions = finished_partitions(out), -(-len(source.read_text(encoding="utf-8").splitlines()) // 4)
    assert 0 < finished < partitions, result.stderr
    assert f"{finished} of {partitions} partitions are finished and kept" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not list(out.rglob("*.tmp")), "a temporary file was left behind"
    monkeypatch.undo()
    result = runner.invoke(app, [*command, "-q"])
    assert result.exit_code == 0, result.stderr
    assert batch_tables(out) == batch_reference


def test_a_batch_into_an_unwritable_folder_is_named_with_its_reason(small_source: Path, unwritable: Path) -> None:
    result = runner.invoke(app, ["batch", str(small_source), "--out", str(unwritable / "out"), "-q"])
    assert result.exit_code == 1, result.output
    assert f"cannot write {unwritable / 'out'}" in result.stderr and "Traceback" not in result.stderr, result.stderr


@pytest.fixture
def unwritable(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (root ignores permissions: then /sys, where it cannot)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys")):
        try:
            (candidate / ".probe").touch()
        except OSError:
            return candidate
        (candidate / ".probe").unlink()
    pytest.skip("no folder that cannot be written here")


def test_an_unwritable_output_is_named_with_its_reason(small_source: Path, unwritable: Path) -> None:
    result = runner.invoke(
        app, ["analyze", str(small_source), "--skip-bad", "-q", "--out", str(unwritable / "o.jsonl")]
    )
    assert result.exit_code == 1, result.output
    assert f"cannot write {unwritable / 'o.jsonl'}: cannot create a file in {unwritable}: Permission denied" in (
        result.stderr
    ), result.stderr
    result = runner.invoke(app, ["ingest", str(small_source), "--db", str(unwritable / "k.db"), "-q"])
    assert result.exit_code == 1 and f"cannot open the store {unwritable / 'k.db'}" in result.stderr, result.stderr


# ----------------------------------------------------------------------------------------- corrupt gzip


def gzip_lines(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("".join(line + "\n" for line in lines))
    return path


GOOD = [
    json.dumps({"id": f"g{n}", "text": f"قال الوزير إن الاجتماع رقم {n} عقد أمس."}, ensure_ascii=False)
    for n in range(8)
]


def test_a_corrupt_line_in_a_gzip_file_is_reported_with_its_number(tmp_path: Path) -> None:
    path = gzip_lines(tmp_path / "a.jsonl.gz", [*GOOD[:2], '{"id": "bad", "text": "نص', *GOOD[2:4]])
    result = runner.invoke(app, ["analyze", str(path), "-q"])
    assert result.exit_code == 1 and f"{path}, line 3: not valid JSON" in result.stderr, result.stderr
    result = runner.invoke(app, ["analyze", str(path), "-q", "--skip-bad"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4
    assert f"{path}, line 3: not valid JSON" in result.stderr
    with Store(tmp_path / "k.db") as store:
        report = store.ingest([path])
    assert report.added == 4 and [origin for origin, _ in report.failed] == [f"{path}:3"]


def test_a_damaged_gzip_stream_is_reported_at_the_line_it_stops(tmp_path: Path) -> None:
    whole = gzip_lines(tmp_path / "whole.jsonl.gz", GOOD * 40).read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    result = runner.invoke(app, ["analyze", str(cut), "-q"])
    assert result.exit_code == 1 and "cannot read past this point" in result.stderr, result.stderr
    line = int(result.stderr.split(", line ")[1].split(":")[0])
    assert 1 < line <= 320
    with Store(tmp_path / "k.db") as store:
        report = store.ingest([cut])
    assert report.added == min(8, line - 1)  # the articles before the damage are stored
    ((origin, reason),) = report.failed
    assert origin == str(cut) and f"line {line}" in reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_damage_to_a_gzip_file_is_an_input_error_with_a_line(tmp_path: Path, data: st.DataObject) -> None:
    whole = bytearray(gzip.compress("".join(line + "\n" for line in GOOD * 4).encode("utf-8")))
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(10, len(whole) - 1))  # past the header: the file still looks like gzip
        whole[position] = data.draw(st.integers(0, 255))
    whole = whole[: data.draw(st.integers(len(whole) // 2, len(whole)))]
    path = tmp_path / "damaged.jsonl.gz"
    path.write_bytes(bytes(whole))
    try:
        for item in read_jsonl(path, name="damaged.jsonl.gz", skip_bad=True):
            if isinstance(item, BadRecord):
                assert item.error.line == item.line and "damaged.jsonl.gz, line" in str(item.error)
    except InputError as error:
        assert error.line is not None or "binary" in str(error) or "cannot read" in str(error), str(error)


# --------------------------------------------------------------------------------------- 100 MB article


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A JSONL file of one article of 100 MB (then a small one), and the article's length in characters."""
    path = tmp_path_factory.mktemp("huge") / "huge.jsonl"
    paragraph = "قال المتحدث إن الاجتماع عقد في بغداد يوم الأربعاء، وأكد أن التعاون سيستمر. " * 40 + "\n"
    escaped = json.dumps(paragraph, ensure_ascii=False)[1:-1]
    count = 100_000_000 // len(escaped.encode("utf-8")) + 1
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"id": "huge", "title": "عنوان", "text": "')
        for _ in range(count):
            handle.write(escaped)
        handle.write('", "published": "2021-03-10"}\n')
        handle.write(json.dumps({"id": "small", "text": "قال الوزير إن الاجتماع عقد أمس."}, ensure_ascii=False) + "\n")
    assert path.stat().st_size > 100_000_000
    return path, count * len(paragraph)


def test_an_article_of_100_mb_is_refused_without_being_read_whole(huge: tuple[Path, int]) -> None:
    path, _ = huge
    tracemalloc.start()
    try:
        items = list(read_jsonl(path, name="huge.jsonl", skip_bad=True, max_bytes=10_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(items[0], BadRecord) and items[1].record["id"] == "small"
    assert "over the limit of 10,000,000" in str(items[0].error) and "line 1" in str(items[0].error)
    assert peak < 30_000_000, f"reading a refused article took {peak:,} bytes"
    result = runner.invoke(app, ["analyze", str(path), "-q"])
    assert result.exit_code == 1 and f"{path}, line 1: the article is" in result.stderr, result.stderr
    assert "--too-long split" in result.stderr


def test_an_article_of_100_mb_is_read_in_parts_in_bounded_memory(huge: tuple[Path, int]) -> None:
    path, length = huge
    limit = 1_000_000
    tracemalloc.start()
    parts = 0
    total = 0
    try:
        for item in read_jsonl(path, name="huge.jsonl", max_bytes=limit, too_long="split"):
            record = item.record
            if record["id"] == "small":
                continue
            parts += 1
            assert record["id"] == f"huge#part{parts}" and item.part == parts and item.line == 1
            assert record["title"] == "عنوان" and record["published"] == "2021-03-10"
            assert len(record["text"].encode("utf-8")) <= limit
            total += len(record["text"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == length and parts >= 100
    # Bounded by the limit (a part, its window, a read chunk of 1 MB and its decoding), not by the article's 100 MB.
    assert peak < 10 * limit + 8_000_000, f"reading in parts of {limit:,} bytes took {peak:,} bytes"


def test_a_batch_refuses_an_article_of_100_mb_without_holding_it(huge: tuple[Path, int], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from khabar.batch.inputs import payloads, plan

    path, _ = huge
    tracemalloc.start()
    try:
        job = plan([path], 500, 10_000_000)
        lines = [line for _, chunk in payloads(job) for line in chunk]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(lines[0][2], int) and lines[0][2] == path.stat().st_size - len(lines[1][2])
    assert peak < 30_000_000, f"planning and reading a refused article took {peak:,} bytes"
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(path), "--out", str(out), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    errors = pq.read_table(out / "errors").to_pylist()
    assert [e["origin"] for e in errors] == [f"{path}:1"], errors
    assert "over the limit of 10,000,000" in errors[0]["reason"] and "--too-long split" in errors[0]["reason"]
    assert pq.read_table(out / "documents").column("doc_id").to_pylist() == ["small"]


def test_a_batch_reads_an_article_of_100_mb_in_parts_in_bounded_memory(huge: tuple[Path, int]) -> None:
    from khabar.batch.inputs import payloads, plan
    from khabar.batch.worker import Job, _items

    path, length = huge
    limit = 1_000_000
    job = Job("unused", max_bytes=limit, too_long="split")
    tracemalloc.start()
    try:
        origins, total = [], 0
        for partition, lines in payloads(plan([path], 500, limit)):
            for origin, record, reason in _items(partition, lines, job):
                assert record is not None, reason
                origins.append(origin)
                total += len(record["text"]) if record["id"] != "small" else 0
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    parts = len(origins) - 1
    assert origins == [*(f"{path}:1#part{n}" for n in range(1, parts + 1)), f"{path}:2"] and parts >= 100
    assert total == length
    assert peak < 10 * limit + 8_000_000, f"reading in parts of {limit:,} bytes took {peak:,} bytes"


def test_split_parts_are_analysed_and_cover_the_article(tmp_path: Path) -> None:
    text = "\n".join(f"قال المتحدث إن الاجتماع رقم {n} عقد في بغداد يوم الأربعاء." for n in range(600))
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "long", "text": text, "published": "2021-03-10"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(source), "-q", "--max-bytes", "20000", "--too-long", "split"])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == [f"long#part{n}" for n in range(1, len(docs) + 1)] and len(docs) > 3
    assert "".join(d["text"] for d in docs) == text
    assert all(d["published"] == "2021-03-10" and d["times"] for d in docs)
    with Store(tmp_path / "k.db") as store:
        report = store.ingest([source], max_bytes=20_000, too_long="split")
        origins = [row[0] for row in store.connection.execute("SELECT origin FROM documents ORDER BY pk")]
    assert report.added == len(docs) and origins[0] == f"{source}:1#part1"
    big_text = tmp_path / "long.txt"
    big_text.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit of 20,000"):
        list(read_text(big_text, name="long.txt", max_bytes=20_000))
    parts = [a.record for a in read_text(big_text, name="long.txt", max_bytes=20_000, too_long="split")]
    assert "".join(p["text"] for p in parts) == text and parts[0]["id"] == "long#part1"
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    out = tmp_path / "batch"
    limits = ["--max-bytes", "20000", "--too-long", "split"]
    result = runner.invoke(app, ["batch", str(source), str(page), "--out", str(out), "--jsonl", "-q", *limits])
    assert result.exit_code == 0, result.stderr
    batched = [
        json.loads(line)
        for file in sorted((out / "jsonl").glob("*.gz"))
        for line in gzip.decompress(file.read_bytes()).decode("utf-8").splitlines()
    ]
    by_id = {d["id"]: d for d in batched}
    assert [by_id.get(d["id"]) for d in docs] == docs, "batch and analyze differ on the parts of an article"
    pages = [by_id.get(f"page#part{n}", {}).get("text") for n in range(1, len(parts) + 1)]
    assert pages == [p["text"] for p in parts] and len(batched) == len(docs) + len(parts)


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    """The spool files of a split article are unlinked (TemporaryFile), whatever happens to the reader."""
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "كلمة " * 5000}) + "\n", encoding="utf-8")
    before = set(os.listdir(os.environ.get("TMPDIR", "/tmp")))
    reader = read_jsonl(source, name="a.jsonl", max_bytes=1000, too_long="split")
    next(reader)
    reader.close()
    after = set(os.listdir(os.environ.get("TMPDIR", "/tmp")))
    assert not {name for name in after - before if name.startswith("khabar-")}
