"""The command line: analyze, show, --version, and clear errors on bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar import __version__
from khabar.cli import app

runner = CliRunner()


def run(*args: str, stdin: bytes | str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"khabar {__version__}"


def test_analyze_a_text_file(tmp_path: Path, seed_text: str) -> None:
    source = tmp_path / "seed-article.txt"
    source.write_text(seed_text, encoding="utf-8")
    result = run("analyze", str(source), "--published", "2021-03-10", "--quiet")
    assert result.exit_code == 0, result.stderr
    (doc,) = lines(result.stdout)
    assert doc["schema"] == "khabar/1" and doc["id"] == "seed-article" and doc["published"] == "2021-03-10"
    assert doc["text"] == seed_text and len(doc["sentences"]) == 12


def test_analyze_jsonl_passes_ids_and_metadata_through(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": "قال الوزير.", "date": "2018-02-18T21:35:43+04:00", "title": "ع", "url": "http://x"},
            {"id": 7, "text": "نص ثان"},
        ],
    )
    result = run("analyze", str(source), "--published", "2020-01-01", "--quiet")
    assert result.exit_code == 0, result.stderr
    first, second = lines(result.stdout)
    assert (first["id"], first["published"], first["title"], first["url"]) == (
        "a",
        "2018-02-18T21:35:43+04:00",
        "ع",
        "http://x",
    )
    assert (second["id"], second["published"]) == ("7", "2020-01-01")


def test_custom_keys_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"doc": "d1", "body": "نص"}, ensure_ascii=False) + "\n")
    result = run("analyze", str(path), "--text-key", "body", "--id-key", "doc", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout)[0]["id"] == "d1"


def test_jsonl_on_stdin_is_recognised_from_its_first_line() -> None:
    stdin = json.dumps({"id": "s1", "text": "وقال الوزير"}, ensure_ascii=False) + "\n"
    result = run("analyze", "-", stdin=stdin)
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout)[0]["id"] == "s1"


def test_plain_text_on_stdin() -> None:
    result = run("analyze", "-", "--published", "2021-03-10", stdin="وقال الوزير. ثم غادر")
    assert result.exit_code == 0, result.stderr
    doc = lines(result.stdout)[0]
    assert doc["text"] == "وقال الوزير. ثم غادر" and len(doc["sentences"]) == 2


def test_tokens_option_adds_the_clitic_analysis() -> None:
    result = run("analyze", "-", "--tokens", stdin="وبالعراق")
    token = lines(result.stdout)[0]["tokens"][0]
    assert [c["form"] for c in token["proclitics"]] == ["و", "ب", "ال"]


def test_out_file_is_written_whole(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "نص"}])
    out = tmp_path / "out.jsonl"
    result = run("analyze", str(source), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert lines(out.read_text(encoding="utf-8"))[0]["id"] == "a"
    assert "analysed 1 article" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_not_utf8_names_the_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    result = run("analyze", str(path), "--out", str(out))
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "byte offset 28" in result.stderr and "not UTF-8" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [path]


def test_not_utf8_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("سطر أول\nسطر".encode() + b"\xff\n")
    result = run("analyze", str(path))
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "byte offset 20" in result.stderr


def test_bad_json_line_stops_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    result = run("analyze", str(path))
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "not valid JSON" in result.stderr
    assert result.stdout == ""


def test_missing_text_key_names_the_line_and_the_option(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": "نص"}, {"body": "نص"}])
    result = run("analyze", str(path))
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "no 'text' field" in result.stderr and "--text-key" in result.stderr


def test_skip_bad_reports_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "1", "text": "\xd9\x86\xd8\xb5"}\n'
        b"not json\n"
        b'{"id": "3", "body": "x"}\n'
        b'["a list"]\n'
        b'{"id": "5", "text": "x", "published": "10/03/2021"}\n'
        b'{"id": "6", "text": "caf\xe9"}\n'
        b'{"id": "7", "text": "\xd9\x86\xd8\xb5"}\n'
    )
    result = run("analyze", str(path), "--skip-bad")
    assert result.exit_code == 0, result.stderr
    assert [d["id"] for d in lines(result.stdout)] == ["1", "7"]
    for line in (2, 3, 4, 5, 6):
        assert f"line {line}" in result.stderr
    assert "skipped 5" in result.stderr


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\n"])
def test_empty_input_is_an_error(tmp_path: Path, content: bytes) -> None:
    for name in ("empty.txt", "empty.jsonl"):
        path = tmp_path / name
        path.write_bytes(content)
        result = run("analyze", str(path))
        assert result.exit_code == 1 and "empty input" in result.stderr, (name, result.stderr)


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run("analyze", str(path))
    assert result.exit_code == 1 and "binary file" in result.stderr


def test_missing_file_directory_and_bad_options(tmp_path: Path) -> None:
    assert "no such file" in run("analyze", str(tmp_path / "nope.txt")).stderr
    assert "is a directory" in run("analyze", str(tmp_path)).stderr
    assert run("analyze", "-", "--format", "xml", stdin="x").exit_code == 2
    result = run("analyze", "-", "--published", "yesterday", stdin="نص")
    assert result.exit_code == 1 and "--published" in result.stderr
    result = run("analyze", "-", "--out", str(tmp_path / "no" / "such" / "dir.jsonl"), stdin="نص")
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_format_option_forces_text_for_a_json_looking_file(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text('{"text": "نص"}', encoding="utf-8")
    result = run("analyze", str(path), "--format", "text", "--quiet")
    assert lines(result.stdout)[0]["text"] == '{"text": "نص"}'


def test_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffنص".encode())
    assert lines(run("analyze", str(path), "--quiet").stdout)[0]["text"] == "نص"


def test_show_prints_a_summary(tmp_path: Path, seed_text: str) -> None:
    out = tmp_path / "out.jsonl"
    run("analyze", "-", "--published", "2021-03-10", "--out", str(out), stdin=seed_text)
    result = run("show", str(out))
    assert result.exit_code == 0, result.stderr
    assert "published 2021-03-10" in result.stdout and "12 sentences" in result.stdout
    for section in ("Entities", "Dates and times", "Numbers", "Quotes", "Events"):
        assert section in result.stdout


def test_show_rejects_what_is_not_khabar_output(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": "نص"}])
    result = run("show", str(path))
    assert result.exit_code == 1 and "line 1" in result.stderr and "khabar/1" in result.stderr


def test_console_script_and_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "khabar", "analyze", "-", "--quiet"],
        input="نص".encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "نص"
